#!/usr/bin/env python3
"""tail: print the last 10 lines of each file ("-" or none: standard input).

  -n N   the last N lines; -n +N: from line N on      (-N is short for -n N)
  -c N   the last N bytes; -c +N: from byte N on
  -q     never print headers      -v  always print headers (==> name <==)

Only the last N lines or bytes are kept in memory, never the whole input.
"""
import collections
import getopt
import os
import re
import sys

SUFFIXES = {"": 1, "b": 512, "kB": 1000, "K": 1024, "KiB": 1024, "MB": 1000 ** 2,
            "M": 1024 ** 2, "MiB": 1024 ** 2, "GB": 1000 ** 3, "G": 1024 ** 3}


def fail(msg: str, usage: bool = True) -> None:
    sys.stderr.write(f"tail: {msg}\n")
    if usage:
        sys.stderr.write("Try 'tail --help' for more information.\n")
    sys.exit(1)


def option_error(e: getopt.GetoptError) -> None:
    if len(e.opt) > 1:
        fail(f"unrecognized option '--{e.opt}'")
    if "requires" in e.msg:
        fail(f"option requires an argument -- '{e.opt}'")
    fail(f"invalid option -- '{e.opt}'")


def amount(text: str, what: str) -> tuple[int, bool]:
    """N or +N (with an optional size suffix): (N, from-the-start)."""
    m = re.fullmatch(r"([-+]?)(\d+)([a-zA-Z]*)", text.strip())
    if not m or m.group(3) not in SUFFIXES:
        fail(f"invalid number of {what}: ‘{text}’", usage=False)
    return int(m.group(2)) * SUFFIXES[m.group(3)], m.group(1) == "+"


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
    try:
        opts, files = getopt.gnu_getopt(argv, "n:c:qv", ["help", "lines=", "bytes=",
                                                          "quiet", "silent", "verbose"])
    except getopt.GetoptError as e:
        option_error(e)
    lines, count, headers = True, (10, False), None
    for opt, value in opts:
        if opt == "--help":
            print(__doc__)
            return 0
        if opt in ("-n", "--lines", "-c", "--bytes"):
            lines = opt in ("-n", "--lines")
            count = amount(value, "lines" if lines else "bytes")
        else:
            headers = opt in ("-v", "--verbose")
    files = files or ["-"]
    if headers is None:
        headers = len(files) > 1
    out, status = sys.stdout.buffer, 0
    for i, name in enumerate(files):
        try:
            f = sys.stdin.buffer if name == "-" else open(name, "rb")
        except OSError as e:
            sys.stderr.write(f"tail: cannot open '{name}' for reading: {e.strerror}\n")
            status = 1
            continue
        if headers:
            out.write(b"%s==> %s <==\n" % (b"\n" if i else b"",
                                           b"standard input" if name == "-" else name.encode()))
        try:
            (tail_lines if lines else tail_bytes)(f, out, *count)
        except OSError as e:
            sys.stderr.write(f"tail: error reading '{name}': {e.strerror}\n")
            status = 1
        if f is not sys.stdin.buffer:
            f.close()
    return status


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"tail: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
