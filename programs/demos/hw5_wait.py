#!/usr/bin/env python3
"""Homework 5 (OSTEP ch. 5): what wait() returns, and wait() in the child.

"Now write a program that uses wait() to wait for the child process to
finish in the parent.  What does wait() return?  What happens if you use
wait() in the child?"

wait() returns the pid of the child that ended (and its status).  The child
has no children, so its wait() fails at once: C's returns -1 with errno
ECHILD; Python's raises ChildProcessError.
"""
import errno
import os

rc = os.fork()
if rc == 0:
    try:
        os.wait()
    except ChildProcessError as e:
        print("child: wait() returned -1, errno %s (%s)" % (errno.errorcode[e.errno], e.strerror),
              flush=True)      # os._exit does not flush: into a pipe the line would be lost
    os._exit(3)
else:
    pid, status = os.wait()
    print("parent: wait() returned pid %d (my child was %d), exit status %d"
          % (pid, rc, os.WEXITSTATUS(status)))
