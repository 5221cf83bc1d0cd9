#!/usr/bin/env python3
"""mem: a process's address space -- its program (text), its global names and
their values (data), argv and environment (what /proc/PID/maps shows).

    mem PID...      e.g. after a fork, `mem PARENT CHILD` shows the two copies of x
"""
import sys


def main(pids: list[str]) -> int:
    if not pids or not all(p.isdigit() for p in pids):
        sys.stderr.write("usage: mem PID...\n")
        return 2
    status = 0
    for pid in pids:
        print(f"== process {pid}")
        try:
            with open(f"/proc/{pid}/maps") as f:
                sys.stdout.write(f.read())
        except OSError as e:
            sys.stderr.write(f"mem: {pid}: {e.strerror}\n")
            status = 1
    return status


sys.exit(main(sys.argv[1:]))
