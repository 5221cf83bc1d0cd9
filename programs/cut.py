#!/usr/bin/env python3
"""cut: print selected parts of each line of the files ("-" or none: stdin).

  -f LIST  fields, separated by TAB or by the -d character
  -d C     the field delimiter        -s  skip lines without a delimiter (with -f)
  -c LIST / -b LIST  bytes (characters are bytes, as in GNU cut)

LIST is numbers and ranges separated by commas: 1,3  2-4  -2 (1 to 2)  3- (3 on).
"""
import getopt
import os
import re
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn


def fail(msg: str, usage: bool = True) -> "NoReturn":
    sys.stderr.write(f"cut: {msg}\n")
    if usage:
        sys.stderr.write("Try 'cut --help' for more information.\n")
    sys.exit(1)


def parse_list(text: str, what: str) -> list[tuple[int, float]]:
    """'1,3-4,6-' as ranges [(1, 1), (3, 4), (6, inf)] (1-based, inclusive)."""
    ranges = []
    for part in text.split(","):
        m = re.fullmatch(r"(\d*)(-?)(\d*)", part)
        if not m or not (m.group(1) or m.group(3)):
            fail(f"invalid {what} value ‘{part}’" if part else f"invalid {what} range")
        lo = int(m.group(1)) if m.group(1) else 1
        hi = int(m.group(3)) if m.group(3) else (float("inf") if m.group(2) else lo)
        if lo == 0 or hi == 0:
            fail("fields are numbered from 1" if what == "field"
                 else "byte/character positions are numbered from 1")
        if hi < lo:
            fail("invalid decreasing range")
        ranges.append((lo, hi))
    return ranges


def selected(n: int, ranges) -> bool:
    return any(lo <= n <= hi for lo, hi in ranges)


def main() -> int:
    try:
        opts, files = getopt.gnu_getopt(sys.argv[1:], "b:c:f:d:sn", ["help"])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1 else
             f"option requires an argument -- '{e.opt}'" if "requires" in e.msg else
             f"invalid option -- '{e.opt}'")
    opts_d = dict(opts)
    if "--help" in opts_d:
        print(__doc__)
        return 0
    kinds = [o for o in ("-b", "-c", "-f") if o in opts_d]
    if not kinds:
        fail("you must specify a list of bytes, characters, or fields")
    if len(kinds) > 1:
        fail("only one type of list may be specified")
    kind = kinds[0]
    ranges = parse_list(opts_d[kind], "field" if kind == "-f" else "byte/character")
    delim = opts_d.get("-d", "\t").encode()
    if len(delim) != 1:
        fail("the delimiter must be a single character")
    if kind != "-f" and ("-d" in opts_d or "-s" in opts_d):
        fail("an input delimiter may be specified only when operating on fields")
    out, status = sys.stdout.buffer, 0
    for name in files or ["-"]:
        try:
            f = sys.stdin.buffer if name == "-" else open(name, "rb")
        except OSError as e:
            sys.stderr.write(f"cut: {name}: {e.strerror}\n")
            status = 1
            continue
        for line in f:
            line = line.rstrip(b"\n")
            if kind != "-f":
                out.write(bytes(b for i, b in enumerate(line, 1) if selected(i, ranges)) + b"\n")
            elif delim not in line:
                if "-s" not in opts_d:
                    out.write(line + b"\n")
            else:
                parts = line.split(delim)
                out.write(delim.join(p for i, p in enumerate(parts, 1)
                                     if selected(i, ranges)) + b"\n")
        if f is not sys.stdin.buffer:
            f.close()
    return status


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"cut: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
