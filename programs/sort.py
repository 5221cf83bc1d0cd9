#!/usr/bin/env python3
"""sort: write the lines of all the files, sorted ("-" or none: standard input).

  -n  compare numbers     -r  reverse      -f  fold lower case to upper case
  -b  ignore leading blanks                -u  only the first of equal lines
  -t C  fields are separated by C (default: the blank before each field)
  -k F[.C][opts][,F[.C][opts]]  sort by a key: from field F (character C) to the
        end of the line or to field F2; opts are n r f b for this key only
  -o FILE  write to FILE (which may be one of the inputs)

Lines that compare equal are ordered byte by byte, unless -u.
"""
import getopt
import os
import re
import sys
from dataclasses import dataclass

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn


def fail(msg: str, usage: bool = False) -> "NoReturn":
    sys.stderr.write(f"sort: {msg}\n")
    if usage:
        sys.stderr.write("Try 'sort --help' for more information.\n")
    sys.exit(2)


@dataclass
class Key:
    start: int                 # field (1-based) and character within it (1-based)
    start_char: int = 1
    end: int = 0               # 0: to the end of the line
    end_char: int = 0          # 0: to the end of the field
    numeric: bool = False
    reverse: bool = False
    fold: bool = False
    blanks: bool = False


def parse_key(spec: str) -> Key:
    m = re.fullmatch(r"(\d+)(?:\.(\d+))?([bfnr]*)(?:,(\d+)(?:\.(\d+))?([bfnr]*))?", spec)
    if not m:
        fail(f"invalid field specification ‘{spec}’")
    if int(m.group(1)) == 0:
        fail(f"field number is zero: invalid field specification ‘{spec}’")
    flags = (m.group(3) or "") + (m.group(6) or "")
    return Key(int(m.group(1)), int(m.group(2) or 1), int(m.group(4) or 0),
               int(m.group(5) or 0), "n" in flags, "r" in flags, "f" in flags, "b" in flags)


def field_spans(line: bytes, tab) -> list[tuple[int, int]]:
    if tab is not None:
        spans, pos = [], 0
        for part in line.split(tab):
            spans.append((pos, pos + len(part)))
            pos += len(part) + 1
        return spans
    # without -t, a field is its leading blanks and the non-blanks after them
    return [m.span() for m in re.finditer(rb"[ \t]*[^ \t]+", line)] or [(0, 0)]


def extract(line: bytes, key: Key, tab) -> bytes:
    spans = field_spans(line, tab)
    if key.start > len(spans):
        return b""
    begin = spans[key.start - 1][0]
    if key.blanks:
        begin += len(line[begin:]) - len(line[begin:].lstrip(b" \t"))
    begin += key.start_char - 1
    if key.end == 0 or key.end > len(spans):
        end = len(line)
    elif key.end_char == 0:
        end = spans[key.end - 1][1]
    else:
        end = spans[key.end - 1][0] + key.end_char
    return line[begin:end]


NUMBER = re.compile(rb"\s*(-?(?:\d+\.?\d*|\.\d+))")


def order(value: bytes, key: Key):
    if key.numeric:
        m = NUMBER.match(value)
        return float(m.group(1)) if m else 0.0
    if key.blanks:
        value = value.lstrip(b" \t")
    return value.upper() if key.fold else value


def read_lines(names: list[str]) -> list[bytes]:
    lines: list[bytes] = []
    for name in names:
        try:
            f = sys.stdin.buffer if name == "-" else open(name, "rb")
            with f:
                lines.extend(line if line.endswith(b"\n") else line + b"\n" for line in f)
        except OSError as e:
            fail(f"cannot read: {name}: {e.strerror}")
    return lines


def main() -> int:
    try:
        opts, files = getopt.gnu_getopt(sys.argv[1:], "nrufbt:k:o:s", ["help"])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1 else
             f"option requires an argument -- '{e.opt}'" if "requires" in e.msg else
             f"invalid option -- '{e.opt}'", usage=True)
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    tab, output = None, None
    keys = []
    for o, v in opts:
        if o == "-t":
            if len(v.encode()) != 1:
                fail(f"multi-character tab ‘{v}’")
            tab = v.encode()
        elif o == "-k":
            keys.append(parse_key(v))
        elif o == "-o":
            output = v
    default = Key(1, numeric="-n" in flags, reverse="-r" in flags, fold="-f" in flags,
                  blanks="-b" in flags)
    for k in keys:           # a key without options of its own takes the global ones
        if not (k.numeric or k.reverse or k.fold or k.blanks):
            k.numeric, k.reverse, k.fold, k.blanks = (default.numeric, default.reverse,
                                                      default.fold, default.blanks)
    keys = keys or [default]

    lines = read_lines(files or ["-"])
    # stable sorts, least important first: the whole line breaks ties, then the keys
    if "-u" not in flags and "-s" not in flags:
        lines.sort(reverse="-r" in flags)
    for k in reversed(keys):
        lines.sort(key=lambda line: order(extract(line[:-1], k, tab), k), reverse=k.reverse)
    if "-u" in flags:
        unique, last = [], None
        for line in lines:
            sig = [order(extract(line[:-1], k, tab), k) for k in keys]
            if sig != last:
                unique.append(line)
            last = sig
        lines = unique
    try:
        out = open(output, "wb") if output else sys.stdout.buffer
    except OSError as e:
        fail(f"open failed: {output}: {e.strerror}")
    name = quotef(output or "standard output")
    try:
        out.writelines(lines)
    except OSError as e:                # (a full disk) while writing...
        sys.stderr.write(f"sort: write failed: {name}: {e.strerror}\nsort: write error\n")
        os._exit(2)
    try:
        out.flush()
    except OSError as e:                # ...or when the last of it was flushed
        sys.stderr.write(f"sort: fflush failed: {name}: {e.strerror}\nsort: write error\n")
        os._exit(2)
    return 0


def quotef(name: str) -> str:
    """A file name as GNU quotes it in messages: as it is, unless the shell would need quotes."""
    if re.fullmatch(r"[\w./@%+=:,-]+", name):
        return name
    return "'" + name.replace("'", "'\\''") + "'"


sys.exit(main())
