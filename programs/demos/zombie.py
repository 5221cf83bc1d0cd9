#!/usr/bin/env python3
"""zombie: a child that has exited but has not been waited for.

    ./zombie.py [SECONDS]     keep the zombie for SECONDS (default 30)

The child exits at once; the parent sleeps without calling wait(), so the
child stays in the process table as a ZOMBIE (`ps` shows it <defunct>),
holding only its exit status, until the parent reaps it with wait().
"""
import os
import sys
import time

seconds = float(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].replace(".", "", 1).isdigit() else 30
rc = os.fork()
if rc == 0:
    print("child (pid:%d): exiting with status 7" % os.getpid(), flush=True)
    os._exit(7)
time.sleep(0.1)                 # let the child run and exit
try:
    with open("/proc/%d/status" % rc) as f:
        state = [line.split(":", 1)[1].strip() for line in f if line.startswith("State:")][0]
except (OSError, IndexError):
    state = "?"
print("parent (pid:%d): child %d is now: %s" % (os.getpid(), rc, state))
print("parent: sleeping %g s without wait() -- try ps" % seconds, flush=True)
time.sleep(seconds)
pid, status = os.wait()
print("parent: reaped %d, exit status %d; the zombie is gone" % (pid, os.WEXITSTATUS(status)))
