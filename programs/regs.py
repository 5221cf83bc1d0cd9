#!/usr/bin/env python3
"""regs: a process's "registers" -- the program counter and the stack of frames,
with each frame's local variables (what /proc/PID/stack shows).

    regs PID        regs -m PID  (also its memory: globals, argv, environment)
"""
import sys

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(0)


def show(path: str) -> bool:
    try:
        with open(path) as f:
            sys.stdout.write(f.read())
        return True
    except OSError as e:
        sys.stderr.write(f"regs: {path}: {e.strerror}\n")
        return False


def main(args: list[str]) -> int:
    with_memory = bool(args) and args[0] == "-m"
    pids = args[1:] if with_memory else args
    if not pids or not all(p.isdigit() for p in pids):
        sys.stderr.write("usage: regs [-m] PID...\n")
        return 2
    ok = True
    for pid in pids:
        print(f"== process {pid}")
        ok = show(f"/proc/{pid}/stack") and ok
        if with_memory:
            ok = show(f"/proc/{pid}/maps") and ok
    return 0 if ok else 1


sys.exit(main(sys.argv[1:]))
