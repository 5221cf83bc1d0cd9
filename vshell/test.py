"""`test` and `[`: the conditions of `if` and `while`, as POSIX's grammar has them.

`test -f FILE`, `[ "$n" -lt 3 ]`: a unary primary asks the kernel about a file
(stat, lstat, access) or looks at a string; a binary one compares two strings,
two integers or two files; `!`, `-a`, `-o` and parentheses combine them.  The
answer is the exit status: 0 for true, 1 for false, 2 for an expression that
does not parse.  A builtin for speed, as in dash.
"""
from __future__ import annotations

import stat as st

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell


def b_test(sh: Shell, args: list[str]) -> int:
    words = args[1:]
    if args[0] == "[":
        if not words or words[-1] != "]":
            raise CommandError("[: missing ]", 2)
        words = words[:-1]
    try:
        return 0 if _Test(sh, words).run() else 1
    except _TestError as e:
        raise CommandError(f"{args[0]}: {e}", 2)


class _TestError(Exception):
    pass


UNARY = set("-e -f -d -r -w -x -s -z -n -L -h -b -c -p -S -t -g -u -k".split())
BINARY = {"=", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"}


class _Test:
    """test's grammar: ! and parentheses, -a and -o, unary and binary primaries."""

    def __init__(self, sh: Shell, words: list[str]) -> None:
        self.sh = sh
        self.w = words
        self.i = 0

    def run(self) -> bool:
        if not self.w:
            return False
        value = self.or_()
        if self.i < len(self.w):
            raise _TestError(f"{self.w[self.i]}: unexpected operator")
        return value

    def or_(self) -> bool:
        value = self.and_()
        while self.peek() == "-o":
            self.i += 1
            value = self.and_() or value
        return value

    def and_(self) -> bool:
        value = self.not_()
        while self.peek() == "-a":
            self.i += 1
            value = self.not_() and value
        return value

    def peek(self):
        return self.w[self.i] if self.i < len(self.w) else None

    def not_(self) -> bool:
        if self.peek() == "!" and self.i + 1 < len(self.w):
            self.i += 1
            return not self.not_()
        return self.primary()

    def primary(self) -> bool:
        w, i = self.w, self.i
        rest = len(w) - i
        if rest >= 3 and w[i + 1] in BINARY:
            self.i += 3
            return self.binary(w[i], w[i + 1], w[i + 2])
        if w[i] == "(" and rest >= 2:
            self.i += 1
            value = self.or_()
            if self.peek() != ")":
                raise _TestError("closing paren expected")
            self.i += 1
            return value
        if w[i] in UNARY and rest >= 2:
            self.i += 2
            return self.unary(w[i], w[i + 1])
        self.i += 1
        return w[i] != ""

    def unary(self, op: str, arg: str) -> bool:
        if op == "-z":
            return arg == ""
        if op == "-n":
            return arg != ""
        if op == "-t":
            return self.sh.os.isatty(_int(arg))
        os = self.sh.os
        try:
            s = os.lstat(arg) if op in ("-L", "-h") else os.stat(arg)
        except OSError:
            return False
        mode = s.st_mode
        return {"-e": True, "-f": st.S_ISREG(mode), "-d": st.S_ISDIR(mode),
                "-L": st.S_ISLNK(mode), "-h": st.S_ISLNK(mode), "-b": st.S_ISBLK(mode),
                "-c": st.S_ISCHR(mode), "-p": st.S_ISFIFO(mode), "-S": st.S_ISSOCK(mode),
                "-s": s.st_size > 0, "-g": bool(mode & st.S_ISGID), "-u": bool(mode & st.S_ISUID),
                "-k": bool(mode & st.S_ISVTX),
                "-r": op == "-r" and os.access(arg, 4), "-w": op == "-w" and os.access(arg, 2),
                "-x": op == "-x" and os.access(arg, 1)}[op]

    def binary(self, a: str, op: str, b: str) -> bool:
        if op == "=":
            return a == b
        if op == "!=":
            return a != b
        if op in ("-nt", "-ot", "-ef"):
            try:
                sa, sb = self.sh.os.stat(a), self.sh.os.stat(b)
            except OSError:
                return False
            return {"-nt": sa.st_mtime > sb.st_mtime, "-ot": sa.st_mtime < sb.st_mtime,
                    "-ef": sa.st_ino == sb.st_ino}[op]
        x, y = _int(a), _int(b)
        return {"-eq": x == y, "-ne": x != y, "-lt": x < y, "-le": x <= y,
                "-gt": x > y, "-ge": x >= y}[op]


def _int(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise _TestError(f"Illegal number: {text}")


# Imported last, as runner.py imports builtins: builtins.py imports this module
# for its table, so the names above must exist before the shell's modules are
# loaded, whichever of them is imported first.
from .runner import CommandError  # noqa: E402
