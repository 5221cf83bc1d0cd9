#!/usr/bin/env python3
"""head: print the first 10 lines of each file ("-" or none: standard input).

  -n N   the first N lines; -n -N: all but the last N     (-N is short for -n N)
  -c N   the first N bytes; -c -N: all but the last N
  -q     never print headers      -v  always print headers (==> name <==)
"""
import collections
import re
import sys

from proglib import Command, amount, each_file

cmd = Command("head")


def head_lines(f, out, n: int, but_last: bool) -> None:
    if not but_last:
        for _, line in zip(range(n), f):
            out.write(line)
        return
    window: collections.deque[bytes] = collections.deque()
    for line in f:
        window.append(line)
        if len(window) > n:
            out.write(window.popleft())


def head_bytes(f, out, n: int, but_last: bool) -> None:
    if not but_last:
        while n > 0:
            chunk = f.read1(min(n, 65536))
            if not chunk:
                return
            out.write(chunk)
            n -= len(chunk)
        return
    kept = b""
    while chunk := f.read1(65536):
        kept += chunk
        if len(kept) > n:
            out.write(kept[:len(kept) - n])
            kept = kept[len(kept) - n:]


def main() -> int:
    argv = sys.argv[1:]
    if argv and re.fullmatch(r"-\d+", argv[0]):
        argv = ["-n", argv[0][1:]] + argv[1:]
    opts, files = cmd.options(argv, "n:c:qv", ["help", "lines=", "bytes=",
                                               "quiet", "silent", "verbose"])
    lines, count, headers = True, (10, False), None
    for opt, value in opts:
        if opt == "--help":
            print(__doc__)
            return 0
        if opt in ("-n", "--lines", "-c", "--bytes"):
            lines = opt in ("-n", "--lines")
            count = amount(cmd, value, "lines" if lines else "bytes", "-")
        else:
            headers = opt in ("-v", "--verbose")
    files = files or ["-"]
    if headers is None:
        headers = len(files) > 1
    head = head_lines if lines else head_bytes
    each_file(cmd, files, headers, lambda f, out: head(f, out, *count))
    return cmd.status


cmd.run(main)
