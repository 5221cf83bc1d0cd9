#!/usr/bin/env python3
"""sleep NUMBER[SUFFIX]...: pause for the sum of the times given.

NUMBER may be a fraction (sleep 0.5); SUFFIX is s (seconds, the default),
m (minutes), h (hours) or d (days).  The process is BLOCKED on a timer
meanwhile: watch it with ps.
"""
import re
import sys
import time

UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def fail(msg: str) -> None:
    sys.stderr.write(f"sleep: {msg}\nTry 'sleep --help' for more information.\n")
    sys.exit(1)


def main() -> int:
    args = sys.argv[1:]
    if args[:1] == ["--help"]:
        print(__doc__)
        return 0
    if args[:1] == ["--"]:
        args = args[1:]
    if not args:
        fail("missing operand")
    total, bad = 0.0, False
    for arg in args:
        m = re.fullmatch(r"(\d+\.?\d*|\.\d+)([smhd]?)", arg)
        if m is None:
            if re.fullmatch(r"-[^\d.].*", arg):
                fail(f"invalid option -- '{arg[1]}'")
            sys.stderr.write(f"sleep: invalid time interval ‘{arg}’\n")
            bad = True
            continue
        total += float(m.group(1)) * UNITS[m.group(2)]
    if bad:
        sys.stderr.write("Try 'sleep --help' for more information.\n")
        return 1
    time.sleep(total)
    return 0


sys.exit(main())
