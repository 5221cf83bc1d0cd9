#!/usr/bin/env python3
"""uniq [INPUT [OUTPUT]]: write each run of equal adjacent lines once.

  -c  prefix each line with the number of times it occurred
  -d  only lines that were repeated      -u  only lines that were not
  -i  ignore case when comparing

Lines are compared as they stream past: only the current run is in memory.
"""
import getopt
import os
import sys


def fail(msg: str, usage: bool = True) -> None:
    sys.stderr.write(f"uniq: {msg}\n")
    if usage:
        sys.stderr.write("Try 'uniq --help' for more information.\n")
    sys.exit(1)


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "cdui", ["help"])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
             else f"invalid option -- '{e.opt}'")
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    if len(args) > 2:
        fail(f"extra operand ‘{args[2]}’")
    src = args[0] if args else "-"
    try:
        inp = sys.stdin.buffer if src == "-" else open(src, "rb")
        out = open(args[1], "wb") if len(args) > 1 else sys.stdout.buffer
    except OSError as e:
        fail(f"{e.filename}: {e.strerror}", usage=False)

    def emit(line: bytes, n: int) -> None:
        if ("-d" in flags and n < 2) or ("-u" in flags and n > 1):
            return
        if not line.endswith(b"\n"):
            line += b"\n"
        out.write(b"%7d %s" % (n, line) if "-c" in flags else line)

    def same(a: bytes, b: bytes) -> bool:
        a, b = a.rstrip(b"\n"), b.rstrip(b"\n")
        return a.lower() == b.lower() if "-i" in flags else a == b

    current, count = None, 0
    for line in inp:
        if current is not None and same(line, current):
            count += 1
            continue
        if current is not None:
            emit(current, count)
        current, count = line, 1
    if current is not None:
        emit(current, count)
    out.flush()
    return 0


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"uniq: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
