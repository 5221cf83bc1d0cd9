#!/usr/bin/env python3
"""p2: calling fork() and wait() -- OSTEP, The Process API, Figure 5.2 (p2.c).

The parent waits for its child, so the child's line always comes first,
whoever the scheduler runs first.  ./p2.py --old prints the older edition's words.
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
else:
    # parent goes down this path (main)
    rc_wait = os.wait()[0]
    print(PARENT % (rc, rc_wait, os.getpid()))
