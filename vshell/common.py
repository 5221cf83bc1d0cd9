"""What the runner and the builtins' modules share, in a module that imports
none of them (so any of them may import it, at the top, in any order).

How a command leaves early -- exit, break, continue, return, an error the
shell reports -- is an exception, as dash's are longjmps; how it ended is a
status, which `wait_status` reads from a wait status as $? shows it.  The
words of dash's error messages for a failed open or exec are here once, for
the redirections, the script the shell is given, and exec.
"""
from __future__ import annotations

import re

from kernel import abi
from kernel.abi import (SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU, WEXITSTATUS, WIFSIGNALED,
                        WIFSTOPPED, WSTOPSIG, WTERMSIG)

# What an interactive shell ignores for itself (QUIT, TERM, TSTP, TTIN, TTOU),
# so `trap - TERM` there leaves it ignored, as in dash.
SHELL_IGNORES = (SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU)


class ShellExit(Exception):
    """exit, set -e, a fatal error in a script: the shell ends with status."""

    def __init__(self, status: int) -> None:
        self.status = status


class BreakLoop(Exception):
    """break n: leave n enclosing loops."""

    def __init__(self, n: int) -> None:
        self.n = n


class ContinueLoop(Exception):
    """continue n: the next turn of the n-th enclosing loop."""

    def __init__(self, n: int) -> None:
        self.n = n


class FuncReturn(Exception):
    """return: leave the function (or the . script) with status."""

    def __init__(self, status: int) -> None:
        self.status = status


class Fatal(Exception):
    """An error that ends a non-interactive shell (dash's sh_error), status 2."""


class CommandError(Exception):
    """An error the shell reports in one line, giving the command a status."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def wait_status(status: int) -> int:
    """A wait status as $? shows it: the exit code, or 128+N if killed by signal N."""
    if WIFSTOPPED(status):
        return 128 + WSTOPSIG(status)
    if WIFSIGNALED(status):
        return 128 + WTERMSIG(status)
    return WEXITSTATUS(status)


# ---- reading numbers, quoting values -------------------------------------------------

INT_MAX = 2**31 - 1
NUMBER = r"[ \t\n\v\f\r]*([+-]?[0-9]+)[ \t\n\v\f\r]*"     # C's strtoimax, then blanks
# (compiled when first used, by re's cache: start-up is budgeted)


def number(name: str, text: str) -> int:
    """A decimal number from 0 to INT_MAX, as dash's number() reads one
    (strtoimax's leading blanks and sign, trailing blanks); name is the
    builtin the error names."""
    m = re.fullmatch(NUMBER, text)
    if m and 0 <= int(m.group(1)) <= INT_MAX:
        return int(m.group(1))
    raise CommandError(f"{name}: Illegal number: {text}")


def quote(s: str) -> str:
    """As dash shows values in `set`, `export -p`, `alias` and `trap`: in single
    quotes, and a single quote as "'" between them (dash's single_quote)."""
    parts = re.split("('+)", s)
    out = []
    for k, part in enumerate(parts):
        if k % 2:
            out.append(f'"{part}"')
        elif part or k == 0 or k < len(parts) - 1:
            out.append(f"'{part}'")
    return "".join(out)


# ---- dash's words for a failed open or exec (its errmsg()) ----------------------------

def open_error(e: OSError) -> str:
    """`cannot open FILE: ...`, for < and for a script that is not there."""
    return {abi.ENOENT: "No such file", abi.EACCES: "Permission denied",
            abi.EISDIR: "Is a directory", abi.ENOTDIR: "No such file"}.get(
        e.errno or 0, e.strerror or "error")


def create_error(e: OSError) -> str:
    """`cannot create FILE: ...`, for > and >>."""
    return {abi.ENOENT: "Directory nonexistent", abi.ENOTDIR: "Directory nonexistent",
            abi.EACCES: "Permission denied", abi.EISDIR: "Is a directory",
            abi.EEXIST: "File exists", abi.EROFS: "Read-only file system"}.get(
        e.errno or 0, e.strerror or "error")


def exec_error(e: OSError) -> str:
    """`NAME: ...` when exec fails for a reason other than not finding it."""
    return {abi.EACCES: "Permission denied", abi.EISDIR: "Permission denied"}.get(
        e.errno or 0, e.strerror or "error")

