#!/usr/bin/env python3
"""printf FORMAT [ARGUMENT]...: print the arguments under the control of FORMAT.

FORMAT has C's conversions %d %i %o %u %x %X %f %e %E %g %G %c %s %%, with flags,
width and precision (* takes them from the arguments), plus %b (an argument with
backslash escapes) and %q (an argument quoted for the shell).  The format is
reused while arguments remain.  Escapes: \\n \\t \\\\ \\" \\a \\b \\f \\r \\v \\NNN \\xHH \\c.
"""
import os
import re
import shlex
import sys

SIMPLE = {"a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r",
          "t": "\t", "v": "\v", "\\": "\\", '"': '"', "'": "'"}
TOKEN = re.compile(r"""
    %(?P<flags>[-+ #0]*)(?P<width>\*|\d+)?(?:\.(?P<prec>\*|\d*))?(?P<conv>.?)
  | \\(?P<esc>[0-7]{1,3}|x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{4}|.?)
  | (?P<text>[^%\\]+)""", re.X | re.S)
status = 0


def byte(n: int) -> str:
    """The byte n, as a str that encodes back to it (surrogateescape)."""
    return chr(n) if n < 0x80 else chr(0xDC00 + n)


class Stop(Exception):
    """\\c: no further output."""


def escape(code: str, in_b: bool = False) -> str:
    if code == "c":
        raise Stop
    if code[:1].isdigit():
        if in_b and code[0] == "0":        # %b takes \0NNN
            code = code[1:] or "0"
        return byte(int(code, 8) & 0xFF)
    if code[:1] == "x" and len(code) > 1:
        return byte(int(code[1:], 16))
    if code[:1] == "u" and len(code) == 5:
        return chr(int(code[1:], 16))
    return SIMPLE.get(code, "\\" + code)


def unescape_b(text: str) -> str:
    return re.sub(r"\\(0[0-7]{0,3}|[1-7][0-7]{0,2}|x[0-9a-fA-F]{1,2}|.?)",
                  lambda m: escape(m.group(1), True), text, flags=re.S)


def warn(msg: str) -> None:
    global status
    sys.stderr.write(f"printf: {msg}\n")
    status = 1


def number(arg: str, conv: str):
    text = arg.strip()
    if text[:1] in ("'", '"'):
        return ord(text[1]) if len(text) > 1 else 0
    try:
        if conv in "feEgGaA":
            return float(text)
        if re.fullmatch(r"[+-]?0[0-7]+", text):
            return int(text, 8)
        return int(text, 0)
    except ValueError:
        warn(f"‘{arg}’: expected a numeric value")
        return 0.0 if conv in "feEgGaA" else 0


def convert(m: re.Match, args: list) -> str:
    flags, width, prec, conv = m.group("flags", "width", "prec", "conv")
    if conv == "%":
        return "%"
    if width == "*":
        width = str(number(args.pop(0), "d") if args else 0)
    if prec == "*":
        prec = str(number(args.pop(0), "d") if args else 0)
    spec = "%" + flags + (width or "") + ("." + prec if prec is not None else "")
    arg = args.pop(0) if args else None
    if conv in "diouxX":
        n = number(arg, conv) if arg is not None else 0
        if conv in "ouxX" and n < 0:
            n += 1 << 64
        return (spec + {"i": "d", "u": "d"}.get(conv, conv)) % n
    if conv in "feEgG":
        return (spec + conv) % (number(arg, conv) if arg is not None else 0.0)
    if conv in "csbq":
        arg = arg or ""
        if conv == "c":
            arg = arg[:1]
        elif conv == "b":
            arg = unescape_b(arg)
        elif conv == "q":
            arg = shlex.quote(arg) if arg else "''"
        return (spec + "s") % arg
    raise ValueError(m.group(0))


def main() -> int:
    argv = sys.argv[1:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if not argv:
        sys.stderr.write("printf: missing operand\nTry 'printf --help' for more information.\n")
        return 1
    if argv[0] == "--help":
        print(__doc__)
        return 0
    fmt, args = argv[0], argv[1:]
    out = []
    try:
        while True:
            before = len(args)
            for m in TOKEN.finditer(fmt):
                if m.group("text") is not None:
                    out.append(m.group("text"))
                elif m.group("esc") is not None:
                    out.append(escape(m.group("esc")))
                else:
                    try:
                        out.append(convert(m, args))
                    except ValueError:
                        warn(f"{m.group(0)}: invalid conversion specification")
                        raise Stop
            if not args or len(args) == before:
                break
    except Stop:
        pass
    sys.stdout.buffer.write("".join(out).encode("utf-8", "surrogateescape"))
    return status


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"printf: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
