#!/usr/bin/env python3
"""cmp FILE1 [FILE2]: the first byte where two files differ ("-", or no
FILE2, is standard input).

  -s  say nothing: only the status tells

Status 0 when the files are the same, 1 when they differ, 2 on trouble.
"""
import getopt
import os
import sys


def fail(msg: str, usage: bool = False) -> None:
    sys.stderr.write(f"cmp: {msg}\n")
    if usage:
        sys.stderr.write("cmp: Try 'cmp --help' for more information.\n")
    sys.exit(2)


def data_of(name: str) -> bytes:
    try:
        if name == "-":
            return sys.stdin.buffer.read()
        with open(name, "rb") as f:
            return f.read()
    except OSError as e:
        fail(f"{name}: {e.strerror}")
        return b""


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "s", ["help", "silent", "quiet"])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
             else f"invalid option -- '{e.opt}'", usage=True)
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    if not args or len(args) > 2:
        fail("missing operand" if not args else f"invalid --ignore-initial value '{args[2]}'",
             usage=True)
    names = args + ["-"] if len(args) == 1 else args
    a, b = data_of(names[0]), data_of(names[1])
    if a == b:
        return 0
    silent = bool(flags & {"-s", "--silent", "--quiet"})
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), None)
    if n is None:                         # one is the start of the other
        if not silent:
            shorter = names[0] if len(a) < len(b) else names[1]
            size = min(len(a), len(b))
            where = f"after byte {size}, in line {a[:size].count(10) + 1}" if size else "which is empty"
            sys.stderr.write(f"cmp: EOF on {shorter} {where}\n")
        return 1
    if not silent:
        sys.stdout.write(f"{names[0]} {names[1]} differ: byte {n + 1}, "
                         f"line {a[:n].count(10) + 1}\n")
    return 1


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"cmp: write error: {e.strerror}\n")
    os._exit(2)
sys.exit(status)
