#!/usr/bin/env python3
"""orphan: a child whose parent exits first is adopted by init (pid 1).

    ./orphan.py [SECONDS]     the child lives SECONDS longer than its parent (default 2)

The parent exits at once; the child notices its parent pid change from its
parent's pid to init's, which now will reap it.
"""
import os
import sys
import time

seconds = float(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].replace(".", "", 1).isdigit() else 2
parent = os.getpid()
rc = os.fork()
if rc == 0:
    print("child (pid:%d): my parent is %d" % (os.getpid(), os.getppid()), flush=True)
    while os.getppid() == parent:
        time.sleep(0.01)        # until the parent has exited
    print("child (pid:%d): orphaned, adopted by pid %d" % (os.getpid(), os.getppid()), flush=True)
    time.sleep(seconds)
    print("child (pid:%d): exiting; my new parent reaps me" % os.getpid())
else:
    time.sleep(0.001)           # let the child say hello first
    print("parent (pid:%d): exiting without waiting for %d" % (os.getpid(), rc))
