"""The printf builtin, as dash's (bltin/printf.c) has it, and echo's escapes.

printf FORMAT [ARG...]: each %-conversion takes the next ARG (a missing one is
empty, or 0); the format is used again while ARGs are left.  A number is C's
(0x hex, 0 octal, 'c for a character's code); one that is not, or only
partly, or too large, is said on stderr and makes the status 1, as dash does.

The engine is /bin/printf's (programs/printf.py), in dash's dialect: one
implementation of printf for the builtin and the program.
"""
from __future__ import annotations

from programs.printf import BadFormat, Printf, Stop, escapes, render

from .common import CommandError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell

__all__ = ["b_printf", "escapes"]


def b_printf(sh: Shell, args: list[str]) -> int:
    rest = args[1:]
    if rest and rest[0] == "--":
        rest = rest[1:]
    if not rest:
        raise CommandError("printf: usage: printf format [arg ...]")
    status = 0

    def complain(message: str) -> None:
        nonlocal status
        sh.error(f"printf: {message}")
        status = 1
    out: list[str] = []
    try:
        render(rest[0], Printf(rest[1:], complain), out)
    except Stop:
        pass
    except BadFormat as e:
        sh.say(1, "".join(out))
        raise CommandError(f"printf: {e}")
    sh.say(1, "".join(out))
    return status
