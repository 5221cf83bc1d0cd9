#!/usr/bin/env python3
"""Homework 7 (OSTEP ch. 5): printing after closing standard output.

"Write a program that creates a child process, and then in the child closes
standard output (STDOUT_FILENO).  What happens if the child calls printf()
to print some output after closing the descriptor?"

The output goes nowhere: writing to fd 1 fails with EBADF.  (C's printf
fails silently unless you check fflush's result; Python says so.)
"""
import os
import sys

rc = os.fork()
if rc == 0:
    os.close(sys.stdout.fileno())
    try:
        print("child: can you see me?")
        sys.stdout.flush()
    except OSError as e:
        print("child: print after close(1) failed: %s" % e.strerror, file=sys.stderr)
    os._exit(0)              # not sys.exit: its flush would fail again
else:
    os.wait()
    print("parent: the child's line never arrived")
