#!/usr/bin/env python3
"""fds: a process's file descriptors -- which fd points to which open file, pipe
end or terminal, with the shared offset and how many fds refer to it
(what /proc/PID/fdinfo shows).

    fds PID...      fds     (this process itself)
"""
import os
import sys


def main(pids: list[str]) -> int:
    if not all(p.isdigit() for p in pids):
        sys.stderr.write("usage: fds [PID...]\n")
        return 2
    status = 0
    for pid in pids or [str(os.getpid())]:
        print(f"== process {pid}")
        try:
            with open(f"/proc/{pid}/fdinfo") as f:
                sys.stdout.write(f.read())
        except OSError as e:
            sys.stderr.write(f"fds: {pid}: {e.strerror}\n")
            status = 1
    return status


sys.exit(main(sys.argv[1:]))
