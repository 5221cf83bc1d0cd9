#!/usr/bin/env python3
"""echo: write the arguments, separated by spaces, then a newline.

  -n  no trailing newline
  -e  interpret backslash escapes (\\n \\t \\\\ \\a \\b \\f \\r \\v \\0NNN \\xHH; \\c stops)
  -E  do not interpret them (the default)

As in GNU echo, only arguments made of these letters are options; the rest,
even "--", are printed.
"""
import os
import re
import sys

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(0)

ESCAPES = {b"a": b"\a", b"b": b"\b", b"e": b"\x1b", b"f": b"\f", b"n": b"\n",
           b"r": b"\r", b"t": b"\t", b"v": b"\v", b"\\": b"\\"}
ESCAPE = re.compile(rb"\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|c|.)", re.S)


def unescape(text: bytes) -> tuple[bytes, bool]:
    """text with its escapes replaced, and False if a \\c ended it."""
    out, pos = [], 0
    for m in ESCAPE.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
        code = m.group(1)
        if code == b"c":
            return b"".join(out), False
        if code[:1] == b"0":
            out.append(bytes([int(code[1:] or b"0", 8) & 0xFF]))
        elif code[:1] == b"x" and len(code) > 1:
            out.append(bytes([int(code[1:], 16)]))
        else:
            out.append(ESCAPES.get(code, b"\\" + code))
    out.append(text[pos:])
    return b"".join(out), True


def main() -> int:
    args = sys.argv[1:]
    newline, escapes = True, False
    while args and re.fullmatch(r"-[neE]+", args[0]):
        for flag in args.pop(0)[1:]:
            if flag == "n":
                newline = False
            else:
                escapes = flag == "e"
    text = " ".join(args).encode("utf-8", "surrogateescape")
    if escapes:
        text, more = unescape(text)
        newline = newline and more
    sys.stdout.buffer.write(text + b"\n" if newline else text)
    return 0


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"echo: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
