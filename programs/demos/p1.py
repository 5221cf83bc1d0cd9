#!/usr/bin/env python3
"""p1: calling fork() -- OSTEP, The Process API, Figure 5.1 (p1.c).

fork() returns twice: the child's pid in the parent, 0 in the child.  Run it
a few times: which of the two prints first is up to the scheduler (in vshell,
up to --seed and --fork-first).  ./p1.py --old prints the older edition's words.
"""
import os
import sys

if "--old" in sys.argv[1:]:
    HELLO, CHILD, PARENT = ("hello world (pid:%d)", "hello, I am child (pid:%d)",
                            "hello, I am parent of %d (pid:%d)")
else:
    HELLO, CHILD, PARENT = "hello (pid:%d)", "child (pid:%d)", "parent of %d (pid:%d)"

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
    print(PARENT % (rc, os.getpid()))
