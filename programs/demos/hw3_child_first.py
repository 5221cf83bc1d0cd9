#!/usr/bin/env python3
"""Homework 3 (OSTEP ch. 5): child first, without wait().

"Write another program using fork().  The child process should print
"hello"; the parent process should print "goodbye".  You should try to
ensure that the child process always prints first; can you do this without
calling wait() in the parent?"

Yes: the parent blocks reading a pipe until the child, having printed, closes
its end.  (./hw3_child_first.py --sleep makes the parent sleep a second
instead: usually the child wins, but nothing guarantees it.)
"""
import os
import sys
import time

if "--sleep" in sys.argv[1:]:
    if os.fork() == 0:
        print("hello")
    else:
        time.sleep(1)
        print("goodbye")
    sys.exit(0)

r, w = os.pipe()
rc = os.fork()
if rc == 0:
    os.close(r)
    print("hello", flush=True)
    os.close(w)              # the parent's read returns end-of-file now
else:
    os.close(w)
    os.read(r, 1)            # blocks until every write end is closed
    print("goodbye")
