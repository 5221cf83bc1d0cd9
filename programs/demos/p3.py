#!/usr/bin/env python3
"""p3: calling fork(), wait() and exec() -- OSTEP, The Process API, Figure 5.3 (p3.c).

The child replaces itself with `wc p3.py` (word count of this very file):
exec does not return, so the line after it never prints.  ./p3.py --old
prints the older edition's words.
"""
import os
import sys

if "--old" in sys.argv[1:]:
    HELLO, CHILD, PARENT = ("hello world (pid:%d)", "hello, I am child (pid:%d)",
                            "hello, I am parent of %d (wc:%d) (pid:%d)")
else:
    HELLO, CHILD, PARENT = ("hello (pid:%d)", "child (pid:%d)",
                            "parent of %d (rc_wait:%d) (pid:%d)")

print(HELLO % os.getpid())
try:
    rc = os.fork()
except OSError:
    # fork failed
    print("fork failed", file=sys.stderr)
    sys.exit(1)
if rc == 0:
    # child (new process)
    print(CHILD % os.getpid())
    myargs = ["wc",         # program: "wc" (word count)
              "p3.py"]      # argument: file to count
    # exec replaces this program, print buffer included: flush it first
    # (C's printf to a pipe loses its buffer the same way)
    sys.stdout.flush()
    try:
        os.execvp(myargs[0], myargs)   # runs word count
    except OSError as e:               # C's execvp returns -1 instead
        print("exec failed: %s" % e.strerror, file=sys.stderr)
    print("this shouldn't print out")
else:
    # parent goes down this path (main)
    rc_wait = os.wait()[0]
    print(PARENT % (rc, rc_wait, os.getpid()))
