#!/usr/bin/env python3
"""printf FORMAT [ARGUMENT]...: print the arguments under the control of FORMAT.

FORMAT has C's conversions %d %i %o %u %x %X %f %F %e %E %g %G %c %s %%, with
flags, width and precision (* takes them from the arguments), plus %b (an
argument with backslash escapes) and %q (an argument quoted for the shell).
The format is reused while arguments remain.  Escapes: \\n \\t \\\\ \\" \\a \\b
\\e \\f \\r \\v \\NNN \\xHH \\uHHHH \\c.
"""
# This file is also the shell's printf builtin (vshell/printf.py imports it):
# one engine, two dialects.  GNU's (this program, as coreutils' printf) knows
# \e \x \u and %q and words its complaints `‘x’: expected a numeric value`;
# dash's (the builtin) knows none of those, as dash's bltin/printf.c.
import os
import re
import shlex
import sys

SIMPLE = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
          "\\": "\\", "\"": "\"", "'": "'", "?": "?"}
INT_MIN, INT_MAX = -(1 << 63), (1 << 63) - 1
UINT_MAX = (1 << 64) - 1
MAX_WIDTH = 1 << 20                # (a wider field is the real printf's to fill, not ours)
CONVERSION = re.compile(r"%([-+ #0]*)(\*|\d*)(?:\.(\*|\d*))?(.?)", re.S)
REAL = re.compile(r"\s*([-+]?)(0[xX][0-9a-fA-F]*\.?[0-9a-fA-F]*(?:[pP][-+]?\d+)?|"
                  r"\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|inf(?:inity)?|nan)", re.I)
NUMBER = re.compile(r"\s*[-+]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)")
GNU_ESCAPE = re.compile(r"x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}")
CONVERSIONS = {False: "diouxXeEfFgGcsb", True: "diouxXeEfFgGcsbq"}


class Stop(Exception):
    """\\c: no further output."""


class BadFormat(Exception):
    """A conversion printf does not know: what was printed before it stays."""


def byte(n: int) -> str:
    """The byte n, as a str that encodes back to it (surrogateescape)."""
    return chr(n) if n < 0x80 else chr(0xDC00 + n)


def gnu_escape(text: str, i: int) -> tuple[str, int] | None:
    """\\e \\xHH \\uHHHH \\UHHHHHHHH at text[i] (a backslash), which GNU's
    printf knows and dash's does not; None if it is none of them."""
    nxt = text[i + 1:i + 2]
    if nxt == "e":
        return "\x1b", i + 2
    m = GNU_ESCAPE.match(text, i + 1)
    if m is None:
        return None
    value = int(m.group()[1:], 16)
    if nxt == "x":
        return byte(value), m.end()
    if 0xD800 <= value <= 0xDFFF:             # (no character: GNU stops there, status 1)
        width = 4 if nxt == "u" else 8
        raise BadFormat(f"invalid universal character name \\{nxt}{value:0{width}x}")
    return (chr(value), m.end()) if value <= 0x10FFFF else None


def escapes(text: str, echo: bool = False, gnu: bool = False) -> tuple[str, bool]:
    """Backslash escapes as echo and printf's %b do; True if \\c stopped the output.
    An octal escape is \\0 and up to three digits (echo, %b; GNU's %b takes
    \\NNN too)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c != "\\" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        nxt = text[i + 1]
        if nxt == "c":
            return "".join(out), True
        extra = gnu_escape(text, i) if gnu else None
        if extra is not None:
            out.append(extra[0])
            i = extra[1]
        elif nxt == "0" or (gnu and nxt in "1234567"):
            j = start = i + 2 if nxt == "0" else i + 1
            while j < n and j < start + 3 and text[j] in "01234567":
                j += 1
            out.append(byte(int(text[start:j] or "0", 8) & 0xFF))     # a byte, in both dialects
            i = j
        elif nxt in SIMPLE and nxt not in "\"'?":
            out.append(SIMPLE[nxt])
            i += 2
        elif nxt == "e" and not echo:
            out.append("\\e")
            i += 2
        else:
            out.append("\\" + nxt)
            i += 2
    return "".join(out), False


def format_escape(fmt: str, i: int, gnu: bool = False) -> tuple[str, int]:
    """The escape at fmt[i] (a backslash) in a format: what it stands for, where the format goes on."""
    nxt = fmt[i + 1:i + 2]
    if gnu:
        if nxt == "c":
            raise Stop
        extra = gnu_escape(fmt, i)
        if extra is not None:
            return extra
    if nxt in SIMPLE:
        return SIMPLE[nxt], i + 2
    if nxt and nxt in "01234567":
        j = i + 1
        while j < len(fmt) and j < i + 4 and fmt[j] in "01234567":
            j += 1
        value = int(fmt[i + 1:j], 8) & 0xFF
        return byte(value), j                  # (\351 is the byte 0xE9, as in dash and GNU)
    if not nxt:
        return "\\", i + 1
    return "\\" + nxt, i + 2


class Printf:
    """One run of printf: the arguments left, how to complain, in which dialect."""

    def __init__(self, args: list[str], complain, gnu: bool = False) -> None:
        self.args = args
        self.complain = complain       # complain(message): said, and the status is 1
        self.gnu = gnu

    def next(self) -> str | None:
        return self.args.pop(0) if self.args else None

    def bad(self, text: str, why: str) -> None:
        """A number that is not one: dash's words, or GNU's (which quote it)."""
        if self.gnu:
            why = {"expected numeric value": "expected a numeric value",
                   "not completely converted": "value not completely converted"}.get(why, why)
            self.complain(f"‘{text}’: {why}")
        else:
            self.complain(f"{text}: {why}")

    def integer(self, text: str | None, unsigned: bool = False) -> int:
        """text as C's strtoimax (strtoumax: unsigned) reads it."""
        if not text:
            return 0
        if text[0] in "'\"":
            return ord(text[1]) if len(text) > 1 else 0
        m = NUMBER.match(text)
        if m is None:
            self.bad(text, "expected numeric value")
            return 0
        digits = m.group(1)
        value = int(digits, 16) if digits[:2] in ("0x", "0X") else int(digits, 8) if digits[0] == "0" \
            else int(digits)
        if m.group().lstrip().startswith("-"):
            value = -value
        low, high = (-UINT_MAX, UINT_MAX) if unsigned else (INT_MIN, INT_MAX)
        if not low <= value <= high:
            self.bad(text, "Numerical result out of range")
            value = max(low, min(high, value))
            if unsigned:
                value = UINT_MAX
        elif m.end() != len(text):
            self.bad(text, "not completely converted")
        return value

    def real(self, text: str | None) -> float:
        if not text:
            return 0.0
        if text[0] in "'\"":
            return float(ord(text[1])) if len(text) > 1 else 0.0
        m = REAL.match(text)
        if m is None:
            self.bad(text, "expected numeric value")
            return 0.0
        if m.end() != len(text):
            self.bad(text, "not completely converted")
        sign, number = m.groups()
        value = float.fromhex(number) if number[:2].lower() == "0x" else float(number)
        return -value if sign == "-" else value

    def conversion(self, flags: str, width: str, precision: str | None, conv: str) -> tuple[str, bool]:
        """One %-conversion's text; True if %b met \\c (all output ends)."""
        if width == "*":
            value = self.integer(self.next())
            width = str(value) if abs(value) <= MAX_WIDTH else ""
        elif width and int(width) > MAX_WIDTH:
            width = str(MAX_WIDTH)
        if precision == "*":
            precision = str(min(MAX_WIDTH, self.integer(self.next())))
        elif precision and int(precision) > MAX_WIDTH:
            precision = str(MAX_WIDTH)
        if precision is not None and precision.startswith("-"):
            precision = None                  # (a negative one is none, as in C)
        spec = "%" + flags + width + ("." + precision if precision is not None else "")
        arg = self.next()
        if conv in "di":
            return (spec + "d") % self.integer(arg), False
        if conv in "ouxX":
            value = self.integer(arg, unsigned=True) & UINT_MAX
            if value == 0:
                spec = spec.replace("#", "")      # (C: no 0x before a 0)
            text = (spec + ("d" if conv == "u" else conv)) % value
            if conv == "o" and "#" in spec:
                text = text.replace("0o", "0", 1)
            return text, False
        if conv in "eEfFgG":
            return (spec + conv) % self.real(arg), False
        if conv == "c":
            return (spec + "s") % ((arg or "\0")[:1]), False
        if conv == "s":
            return (spec + "s") % (arg or ""), False
        if conv == "q":
            return (spec + "s") % (shlex.quote(arg) if arg else "''"), False
        text, stop = escapes(arg or "", gnu=self.gnu)
        return (spec + "s") % text, stop


def render(fmt: str, p: Printf, out: list[str]) -> None:
    """printf's output for fmt and p's arguments, into out; the format is used
    again while arguments are left.  Raises Stop at \\c, BadFormat (naming
    what is wrong) at a conversion it does not know."""
    gnu, known = p.gnu, CONVERSIONS[p.gnu]
    while True:
        before = len(p.args)
        i, n = 0, len(fmt)
        while i < n:
            c = fmt[i]
            if c == "\\":
                text, i = format_escape(fmt, i, gnu)
                out.append(text)
                continue
            if c != "%":
                j = i
                while j < n and fmt[j] not in "\\%":
                    j += 1
                out.append(fmt[i:j])
                i = j
                continue
            m = CONVERSION.match(fmt, i)
            assert m is not None                # (all of it after the % may be empty)
            flags, width, precision, conv = m.groups()
            if conv == "%" and m.end() == i + 2:
                out.append("%")
                i = m.end()
                continue
            if gnu and (not conv or conv not in known):
                raise BadFormat(f"{fmt[i:m.end()]}: invalid conversion specification")
            if not conv:
                raise BadFormat("missing format character")
            if conv not in known:
                raise BadFormat(f"{fmt[i:m.end()]}: invalid directive")
            text, stop = p.conversion(flags, width, precision, conv)
            out.append(text)
            if stop:
                raise Stop
            i = m.end()
        if not p.args or len(p.args) == before:
            return


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
    status = 0

    def complain(message: str) -> None:
        nonlocal status
        sys.stderr.write(f"printf: {message}\n")
        status = 1
    out: list[str] = []
    try:
        render(argv[0], Printf(argv[1:], complain, gnu=True), out)
    except Stop:
        pass
    except BadFormat as e:
        complain(str(e))
    sys.stdout.buffer.write("".join(out).encode("utf-8", "surrogateescape"))
    return status


if __name__ == "__main__":
    try:
        status = main()
        sys.stdout.flush()
    except OSError as e:          # standard output could not be written (a full disk)
        sys.stderr.write(f"printf: write error: {e.strerror}\n")
        os._exit(1)
    sys.exit(status)
