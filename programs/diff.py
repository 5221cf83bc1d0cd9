#!/usr/bin/env python3
"""diff FILE1 FILE2: the lines that differ ("-" is standard input).

  -u  unified format (three lines of context)
  -q  only say whether the files differ

Without -u, POSIX's default format: `2c2`, `3a4,5`, `6d5` lines, then the
old lines as `< line`, `---`, and the new as `> line`.  Status 0 when the
files are the same, 1 when they differ, 2 on trouble.
"""
import difflib
import getopt
import os
import sys
import time


def fail(msg: str, usage: bool = False) -> None:
    sys.stderr.write(f"diff: {msg}\n")
    if usage:
        sys.stderr.write("diff: Try 'diff --help' for more information.\n")
    sys.exit(2)


def lines_of(name: str) -> list[bytes]:
    try:
        if name == "-":
            return sys.stdin.buffer.read().splitlines(keepends=True)
        with open(name, "rb") as f:
            return f.read().splitlines(keepends=True)
    except OSError as e:
        fail(f"{name}: {e.strerror}")
        return []


def span(lo: int, hi: int) -> str:
    """Lines lo+1..hi as POSIX writes a range: one number, or first,last."""
    return str(lo + 1) if hi - lo == 1 else f"{lo + 1},{hi}"


def shown(prefix: bytes, line: bytes) -> bytes:
    if line.endswith(b"\n"):
        return prefix + line
    return prefix + line + b"\n\\ No newline at end of file\n"


def normal(a: list[bytes], b: list[bytes]) -> list[bytes]:
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace":
            head = f"{span(i1, i2)}c{span(j1, j2)}"
        elif tag == "delete":
            head = f"{span(i1, i2)}d{j1}"
        else:
            head = f"{i1}a{span(j1, j2)}"
        out.append(head.encode() + b"\n")
        out += [shown(b"< ", line) for line in a[i1:i2]]
        if tag == "replace":
            out.append(b"---\n")
        out += [shown(b"> ", line) for line in b[j1:j2]]
    return out


def stamp(name: str) -> bytes:
    """A file's modification time as GNU's -u header shows it."""
    st = None if name == "-" else os.stat(name)
    when = time.time() if st is None else st.st_mtime
    ns = time.time_ns() if st is None else getattr(st, "st_mtime_ns", int(when * 1e9))
    nanos = ns % 1000000000
    text = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(when))
    return f"{text}.{nanos:09d} {time.strftime('%z', time.localtime(when))}".encode()


def unified(a: list[bytes], b: list[bytes], names: list[str]) -> list[bytes]:
    out = []
    for line in difflib.diff_bytes(difflib.unified_diff, a, b, names[0].encode(),
                                   names[1].encode(), stamp(names[0]), stamp(names[1]),
                                   lineterm=b"\n"):
        out.append(line if line.endswith(b"\n") else line + b"\n\\ No newline at end of file\n")
    return out


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "uq", ["help"])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
             else f"invalid option -- '{e.opt}'", usage=True)
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    if len(args) != 2:
        fail(f"missing operand after '{args[-1]}'" if args else "missing operand", usage=True)
    a, b = lines_of(args[0]), lines_of(args[1])
    if a == b:
        return 0
    if "-q" in flags:
        sys.stdout.write(f"Files {args[0]} and {args[1]} differ\n")
        return 1
    sys.stdout.buffer.write(b"".join(unified(a, b, args) if "-u" in flags else normal(a, b)))
    return 1


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"diff: write error: {e.strerror}\n")
    os._exit(2)
sys.exit(status)
