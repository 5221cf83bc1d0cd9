#!/usr/bin/env python3
"""forkbomb: fork until the system says no, then sleep.

Every process forks in a loop, so their number doubles each round -- until
fork() fails with EAGAIN ("Resource temporarily unavailable"): the per-user
process limit (RLIMIT_NPROC; 64 processes for an ordinary user in vshell,
root has none).  Each process that meets the limit says so once; then they
all sleep.  Clean up with `kill -9 -1`: SIGKILL to every process you may
signal.  At the limit not even kill can start as a new process: use the
shell's builtin kill, or `exec kill -9 -1`, which runs kill in the shell's
own process (and so ends that shell too).

    ./forkbomb.py [ROUNDS]     at most ROUNDS rounds (default 7: 128 processes),
                               so that even the host's python3 survives it
"""
import errno
import os
import sys
import time

try:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
except ValueError:
    print("usage: forkbomb.py [ROUNDS]", file=sys.stderr)
    sys.exit(2)
first = os.getpid()
for _ in range(rounds):
    try:
        os.fork()
    except OSError as e:
        if e.errno != errno.EAGAIN:
            raise
        print("forkbomb (pid:%d): fork: %s" % (os.getpid(), e.strerror), file=sys.stderr, flush=True)
        break
if os.getpid() == first:
    print("forkbomb (pid:%d): done forking; all sleeping now -- clean up with kill -9 -1" % first,
          flush=True)
while True:
    time.sleep(3600)
