"""printf and echo's backslash escapes, as dash's (bltin/printf.c) has them.

printf FORMAT [ARG...]: each %-conversion takes the next ARG (a missing one is
empty, or 0); the format is used again while ARGs are left.  A number is C's
(0x hex, 0 octal, 'c for a character's code); one that is not, or only
partly, or too large, is said on stderr and makes the status 1, as dash does.
"""
from __future__ import annotations

import re

from .common import CommandError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell

SIMPLE = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
          "\\": "\\", "\"": "\"", "'": "'", "?": "?"}
INT_MIN, INT_MAX = -(1 << 63), (1 << 63) - 1
UINT_MAX = (1 << 64) - 1
MAX_WIDTH = 1 << 20                # (a wider field is dash's to fill, not ours)
CONVERSION = re.compile(r"%([-+ #0]*)(\*|\d*)(?:\.(\*|\d*))?(.?)", re.S)
REAL = re.compile(r"\s*([-+]?)(0[xX][0-9a-fA-F]*\.?[0-9a-fA-F]*(?:[pP][-+]?\d+)?|"
                  r"\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|inf(?:inity)?|nan)", re.I)
NUMBER = re.compile(r"\s*[-+]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)")


def escapes(text: str, echo: bool = False) -> tuple[str, bool]:
    """Backslash escapes as echo and printf's %b do; True if \\c stopped the output.
    An octal escape is \\0 and up to three digits (echo, %b)."""
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
        if nxt == "0":
            j = i + 2
            while j < n and j < i + 5 and text[j] in "01234567":
                j += 1
            out.append(chr(int(text[i + 2:j] or "0", 8) & 0xFF))
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


def format_escape(fmt: str, i: int) -> tuple[str, int]:
    """The escape at fmt[i] (a backslash) in a format: what it stands for, where the format goes on."""
    nxt = fmt[i + 1:i + 2]
    if nxt in SIMPLE:
        return SIMPLE[nxt], i + 2
    if nxt and nxt in "01234567":
        j = i + 1
        while j < len(fmt) and j < i + 4 and fmt[j] in "01234567":
            j += 1
        return chr(int(fmt[i + 1:j], 8) & 0xFF), j
    if not nxt:
        return "\\", i + 1
    return "\\" + nxt, i + 2


class Printf:
    """One run of printf: the arguments left, and whether one was bad."""

    def __init__(self, sh: Shell, args: list[str]) -> None:
        self.sh = sh
        self.args = args
        self.status = 0

    def next(self) -> str | None:
        return self.args.pop(0) if self.args else None

    def integer(self, text: str | None, unsigned: bool = False) -> int:
        """text as C's strtoimax (strtoumax: unsigned) reads it."""
        if not text:
            return 0
        if text[0] in "'\"":
            return ord(text[1]) if len(text) > 1 else 0
        m = NUMBER.match(text)
        if m is None:
            self.complain(f"{text}: expected numeric value")
            return 0
        digits = m.group(1)
        value = int(digits, 16) if digits[:2] in ("0x", "0X") else int(digits, 8) if digits[0] == "0" \
            else int(digits)
        if m.group().lstrip().startswith("-"):
            value = -value
        low, high = (-UINT_MAX, UINT_MAX) if unsigned else (INT_MIN, INT_MAX)
        if not low <= value <= high:
            self.complain(f"{text}: Numerical result out of range")
            value = max(low, min(high, value))
            if unsigned:
                value = UINT_MAX
        elif m.end() != len(text):
            self.complain(f"{text}: not completely converted")
        return value

    def real(self, text: str | None) -> float:
        if not text:
            return 0.0
        if text[0] in "'\"":
            return float(ord(text[1])) if len(text) > 1 else 0.0
        m = REAL.match(text)
        if m is None:
            self.complain(f"{text}: expected numeric value")
            return 0.0
        if m.end() != len(text):
            self.complain(f"{text}: not completely converted")
        sign, number = m.groups()
        value = float.fromhex(number) if number[:2].lower() == "0x" else float(number)
        return -value if sign == "-" else value

    def complain(self, message: str) -> None:
        self.sh.error(f"printf: {message}")
        self.status = 1

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
        text, stop = escapes(arg or "")
        return (spec + "s") % text, stop


def b_printf(sh: Shell, args: list[str]) -> int:
    rest = args[1:]
    if rest and rest[0] == "--":
        rest = rest[1:]
    if not rest:
        raise CommandError("printf: usage: printf format [arg ...]")
    fmt = rest[0]
    p = Printf(sh, rest[1:])
    out: list[str] = []
    while True:
        before = len(p.args)
        i, n = 0, len(fmt)
        while i < n:
            c = fmt[i]
            if c == "\\":
                text, i = format_escape(fmt, i)
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
            flags, width, precision, conv = m.groups()
            if conv == "%" and m.end() == i + 2:
                out.append("%")
                i = m.end()
                continue
            if not conv:
                sh.say(1, "".join(out))
                raise CommandError("printf: missing format character")
            if conv not in "diouxXeEfFgGcsb":
                sh.say(1, "".join(out))
                raise CommandError(f"printf: {fmt[i:m.end()]}: invalid directive")
            text, stop = p.conversion(flags, width, precision, conv)
            out.append(text)
            if stop:
                sh.say(1, "".join(out))
                return p.status
            i = m.end()
        if not p.args or len(p.args) == before:
            break
    sh.say(1, "".join(out))
    return p.status
