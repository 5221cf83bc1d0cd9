"""`test` and `[`: the conditions of `if` and `while`, as POSIX's grammar has them.

`test -f FILE`, `[ "$n" -lt 3 ]`: a unary primary asks the kernel about a file
(stat, lstat, access) or looks at a string; a binary one compares two strings,
two integers or two files; `!`, `-a`, `-o` and parentheses combine them.  The
answer is the exit status: 0 for true, 1 for false, 2 for an expression that
does not parse.  A builtin for speed, as in dash, and read the way dash reads
it: a word is an operator only where it can be one (`[ -f ]` asks whether
"-f" is empty), and POSIX's rules for three and four arguments come first.
"""
from __future__ import annotations

import re
import stat as st

from .common import CommandError
from .trampoline import drive

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell

UNARY = {"-r", "-w", "-x", "-e", "-f", "-d", "-c", "-b", "-p", "-u", "-g", "-k", "-s", "-t",
         "-z", "-n", "-h", "-O", "-G", "-L", "-S"}
BINARY = {"=", "!=", "<", ">", "-eq", "-ne", "-ge", "-gt", "-le", "-lt", "-nt", "-ot", "-ef"}
OTHER = {"!", "-a", "-o", "(", ")"}
INTEGER = re.compile(r"[ \t\n]*[-+]?[0-9]+[ \t\n]*\Z")
INT_MAX = (1 << 63) - 1


def b_test(sh: Shell, args: list[str]) -> int:
    words = args[1:]
    if args[0] == "[":
        if not words or words[-1] != "]":
            raise CommandError("[: missing ]", 2)
        words = words[:-1]
    try:
        return 0 if _Test(sh, words).evaluate() else 1
    except _TestError as e:
        raise CommandError(f"{args[0]}: {e}", 2)


class _TestError(Exception):
    pass


class _Test:
    """dash's recursive descent (oexpr, aexpr, nexpr, primary) over the words,
    on the trampoline (vshell/trampoline.py): parentheses nest as deep as
    the arguments go."""

    def __init__(self, sh: Shell, words: list[str]) -> None:
        self.sh = sh
        self.w = words
        self.i = 0
        self.operand = -1           # a word that is an operand whatever it looks like

    def evaluate(self) -> bool:
        w = self.w
        negate = False
        while True:
            n = len(w) - self.i
            if n < 1:
                return negate
            if n == 3 and w[self.i + 1] in BINARY:
                self.operand = self.i
                break
            if n in (3, 4):
                if w[self.i] == "(" and w[-1] == ")":
                    w = self.w = w[:-1]
                    self.i += 1
                elif w[self.i] == "!":
                    negate = True
                    self.i += 1
                    continue
            break
        value = drive(self.oexpr())
        if self.i + 1 < len(self.w):
            word = self.w[self.i]
            raise _TestError(f"{word}: unexpected operator" if word else "unexpected operator")
        return value != negate

    # -- the words, as operators where they can be --

    def op(self, k: int) -> str | None:
        """The operator that the word at k is, or None for an operand."""
        w = self.w
        if k >= len(w):
            return "EOI"
        if k == self.operand:
            return None
        word = w[k]
        if word in UNARY:
            # an operand if it is last, or if a binary operator follows it
            if k + 1 >= len(w) or (k + 2 < len(w) and w[k + 1] in BINARY):
                return None
            return word
        if word == "(" and k + 1 >= len(w):
            return None
        if word in BINARY or word in OTHER:
            return word
        return None

    def oexpr(self):
        value = False
        while True:
            value = (yield self.aexpr()) or value
            if self.op(self.i + 1) != "-o":
                return value
            self.i += 2

    def aexpr(self):
        value = True
        while True:
            if not (yield self.nexpr()):
                value = False
            if self.op(self.i + 1) != "-a":
                return value
            self.i += 2

    def nexpr(self):
        negate = False
        while self.op(self.i) == "!":
            negate = not negate
            if self.op(self.i + 1) == "EOI":
                return negate                 # (nothing after it: false, negated)
            self.i += 1
        return negate != bool((yield self.primary()))

    def primary(self):
        op = self.op(self.i)
        w = self.w
        if op == "EOI":
            return False
        if op == "(":
            self.i += 1
            if self.op(self.i) == ")":
                return False
            value = yield self.oexpr()
            self.i += 1
            if self.op(self.i) != ")":
                raise _TestError("closing paren expected")
            return value
        if op in UNARY:
            self.i += 1
            if self.i >= len(w):
                raise _TestError(f"{op}: argument expected")
            return self.unary(op, w[self.i])
        if self.op(self.i + 1) in BINARY:
            a = w[self.i]
            binop = w[self.i + 1]
            self.i += 2
            if self.i >= len(w):
                raise _TestError(f"{binop}: argument expected")
            return self.binary(a, binop, w[self.i])
        return w[self.i] != ""

    def unary(self, op: str, arg: str) -> bool:
        if op == "-z":
            return arg == ""
        if op == "-n":
            return arg != ""
        os = self.sh.os
        if op == "-t":
            return os.isatty(_int(arg))
        if op in ("-r", "-w", "-x"):
            return os.access(arg, {"-r": 4, "-w": 2, "-x": 1}[op])
        try:
            s = os.lstat(arg) if op in ("-L", "-h") else os.stat(arg)
        except OSError:
            return False
        mode = s.st_mode
        return {"-e": True, "-f": st.S_ISREG(mode), "-d": st.S_ISDIR(mode),
                "-L": st.S_ISLNK(mode), "-h": st.S_ISLNK(mode), "-b": st.S_ISBLK(mode),
                "-c": st.S_ISCHR(mode), "-p": st.S_ISFIFO(mode), "-S": st.S_ISSOCK(mode),
                "-s": s.st_size > 0, "-g": bool(mode & st.S_ISGID), "-u": bool(mode & st.S_ISUID),
                "-k": bool(mode & st.S_ISVTX), "-O": s.st_uid == os.geteuid(),
                "-G": s.st_gid == os.getegid()}[op]

    def binary(self, a: str, op: str, b: str) -> bool:
        if op == "=":
            return a == b
        if op == "!=":
            return a != b
        if op == "<":
            return a < b
        if op == ">":
            return a > b
        if op in ("-nt", "-ot", "-ef"):
            sa, sb = self.stat(a), self.stat(b)
            if op == "-ef":
                return sa is not None and sb is not None and (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)
            if op == "-ot":
                sa, sb = sb, sa
            return sa is not None and (sb is None or sa.st_mtime > sb.st_mtime)
        x, y = _int(a), _int(b)
        return {"-eq": x == y, "-ne": x != y, "-lt": x < y, "-le": x <= y,
                "-gt": x > y, "-ge": x >= y}[op]

    def stat(self, path: str):
        try:
            return self.sh.os.stat(path)
        except OSError:
            return None


def _int(text: str) -> int:
    """A decimal integer, as dash's test reads one (spaces around it allowed)."""
    if INTEGER.match(text):
        value = int(text)
        if -INT_MAX - 1 <= value <= INT_MAX:
            return value
    raise _TestError(f"Illegal number: {text}")
