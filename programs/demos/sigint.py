#!/usr/bin/env python3
"""sigint: catch SIGINT with a handler and count the Ctrl-C presses.

    ./sigint.py [N]      exit after N presses of Ctrl-C (default 3), or on SIGTERM

Ctrl-C makes the terminal send SIGINT to the foreground process group.
Without a handler, SIGINT terminates a process; with one, the handler runs
and the program goes on.  SIGTERM (`kill PID`) ends it through a second
handler; SIGKILL (`kill -9 PID`) cannot be caught at all.
"""
import os
import signal
import sys

try:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 3
except ValueError:
    print("usage: sigint.py [N]", file=sys.stderr)
    sys.exit(2)
count = 0


def on_sigint(signum, frame):
    global count
    count += 1
    print("caught SIGINT %d of %d" % (count, limit), flush=True)


def on_sigterm(signum, frame):
    print("caught SIGTERM after %d SIGINTs: exiting" % count, flush=True)
    sys.exit(0)


signal.signal(signal.SIGINT, on_sigint)
signal.signal(signal.SIGTERM, on_sigterm)
print("sigint (pid:%d): press Ctrl-C %d times (or kill %d)" % (os.getpid(), limit, os.getpid()),
      flush=True)
while count < limit:
    signal.pause()              # sleep until a signal's handler has run
print("done after %d SIGINTs" % count)
