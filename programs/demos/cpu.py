#!/usr/bin/env python3
"""cpu: a CPU-bound process -- it only computes, so it is RUNNING or READY.

    ./cpu.py [MILLIONS]      add up squares for MILLIONS million steps (default 5)

Start two in the background (`./cpu.py 50 & ./cpu.py 50 &`) and watch them
with `ps -o pid,state,ticks,cmd`: one RUNNING, one READY, taking turns as the
scheduler preempts them at the end of each time slice.
"""
import os
import sys

try:
    millions = float(sys.argv[1]) if len(sys.argv) > 1 else 5
except ValueError:
    print("usage: cpu.py [MILLIONS]", file=sys.stderr)
    sys.exit(2)
steps = int(millions * 1_000_000)
total = 0
for i in range(steps):
    total += i * i
print("cpu (pid:%d): %d steps, sum of squares %d" % (os.getpid(), steps, total))
