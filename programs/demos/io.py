#!/usr/bin/env python3
"""io: an I/O-bound process -- it mostly waits, so it is BLOCKED.

    ./io.py [TIMES] [SECONDS]   sleep SECONDS (default 1) TIMES times (default 5)
    ./io.py -r                  read lines from standard input until end-of-file

Watch it with `ps -o pid,state,wchan,cmd`: BLOCKED on a timer (or on the
terminal or a pipe with -r), RUNNING only for the moment it prints.
"""
import os
import sys
import time

if sys.argv[1:2] == ["-r"]:
    n = 0
    for line in sys.stdin:
        n += 1
        print("io (pid:%d): read line %d: %s" % (os.getpid(), n, line.rstrip("\n")), flush=True)
    print("io (pid:%d): end of input after %d lines" % (os.getpid(), n))
    sys.exit(0)
try:
    times = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
except ValueError:
    print("usage: io.py [TIMES] [SECONDS] | io.py -r", file=sys.stderr)
    sys.exit(2)
for i in range(1, times + 1):
    time.sleep(seconds)
    print("io (pid:%d): woke up %d/%d" % (os.getpid(), i, times), flush=True)
