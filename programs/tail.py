#!/usr/bin/env python3
"""tail: print the last 10 lines of each file ("-" or none: standard input).

  -n N   the last N lines; -n +N: from line N on      (-N is short for -n N)
  -c N   the last N bytes; -c +N: from byte N on
  -q     never print headers      -v  always print headers (==> name <==)

Only the last N lines or bytes are kept in memory, never the whole input.
"""
import collections
import re
import sys

from proglib import Command, amount, each_file

cmd = Command("tail")


def tail_lines(f, out, n: int, from_start: bool) -> None:
    if from_start:
        for i, line in enumerate(f, 1):
            if i >= n:
                out.write(line)
        return
    for line in collections.deque(f, maxlen=n):
        out.write(line)


def tail_bytes(f, out, n: int, from_start: bool) -> None:
    skip = max(n - 1, 0) if from_start else 0
    kept = b""
    while chunk := f.read1(65536):
        if skip:
            dropped = min(skip, len(chunk))
            chunk, skip = chunk[dropped:], skip - dropped
        if from_start:
            out.write(chunk)
        else:
            kept = (kept + chunk)[-n:] if n else b""
    out.write(kept)


def main() -> int:
    argv = sys.argv[1:]
    if argv and re.fullmatch(r"[-+]\d+", argv[0]):
        argv = ["-n", argv[0].lstrip("-")] + argv[1:]
    opts, files = cmd.options(argv, "n:c:qv", ["help", "lines=", "bytes=",
                                               "quiet", "silent", "verbose"])
    lines, count, headers = True, (10, False), None
    for opt, value in opts:
        if opt == "--help":
            print(__doc__)
            return 0
        if opt in ("-n", "--lines", "-c", "--bytes"):
            lines = opt in ("-n", "--lines")
            count = amount(cmd, value, "lines" if lines else "bytes", "+")
        else:
            headers = opt in ("-v", "--verbose")
    files = files or ["-"]
    if headers is None:
        headers = len(files) > 1
    tail = tail_lines if lines else tail_bytes
    each_file(cmd, files, headers, lambda f, out: tail(f, out, *count))
    return cmd.status


cmd.run(main)
