#!/usr/bin/env python3
"""p4: all of the above, with redirection -- OSTEP, The Process API, Figure 5.4 (p4.c).

The child closes standard output (fd 1) and opens ./p4.output: open returns
the lowest free fd, which is now 1, so when the child execs `wc p4.py` the
count goes into the file.  Nothing reaches the screen; `cat p4.output` shows it.
(--old is accepted for symmetry with p1-p3; p4's output has no words to change.)
"""
import os
import stat
import sys

try:
    rc = os.fork()
except OSError:
    # fork failed
    print("fork failed", file=sys.stderr)
    sys.exit(1)
if rc == 0:
    # child: redirect standard output to a file
    os.close(sys.stdout.fileno())
    fd = os.open("./p4.output", os.O_CREAT | os.O_WRONLY | os.O_TRUNC, stat.S_IRWXU)
    # Python's os.open makes fds close-on-exec (PEP 446); C's open does not
    os.set_inheritable(fd, True)
    # now exec "wc"...
    myargs = ["wc",         # program: "wc" (word count)
              "p4.py"]      # argument: file to count
    try:
        os.execvp(myargs[0], myargs)   # runs word count
    except OSError as e:               # C's execvp returns -1 instead
        print("exec failed: %s" % e.strerror, file=sys.stderr)
else:
    # parent goes down this path (main)
    rc_wait = os.wait()[0]
