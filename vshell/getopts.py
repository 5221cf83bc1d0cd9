"""getopts OPTSTRING VAR [ARG...]: the next option, for a script's own options.

Each call takes one option from the positional parameters (or the ARGs):
its letter into VAR, its argument into OPTARG, and in OPTIND the index of
the next word.  As dash's, the shell also remembers where it is inside a
word of several options (`-abc`), and a function has its own place.
"""
from __future__ import annotations

from .common import CommandError
from .parser import is_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell


def b_getopts(sh: Shell, args: list[str]) -> int:
    """getopts OPTSTRING VAR [ARG...]: the next option of the positional
    parameters (or ARGs) into VAR, its argument into OPTARG, where the next
    one is into OPTIND; status 1 at the end.  dash's, step by step: the
    shell remembers which word and where in it (`-abc` is three options)."""
    st_ = sh.state
    if len(args) < 3:
        raise CommandError("getopts: Usage: getopts optstring var [arg...]")
    optstring, var = args[1], args[2]
    words = args[3:] if len(args) > 3 else st_.positional
    ind, off = st_.getopts
    if ind > len(words) + 1:
        ind, off = 1, -1
    nxt = ind - 1                         # the word after the one being read
    rest = ""                             # what is left of the current word
    if ind > 1 and off >= 0 and len(words[nxt - 1]) >= off:
        rest = words[nxt - 1][off:]
    optarg: str | None = None
    done = False
    c = "?"
    if not rest:
        word = words[nxt] if nxt < len(words) else None
        if word is None or not word.startswith("-") or word == "-" or word == "--":
            if word == "--":
                nxt += 1
            done, rest = True, ""
        else:
            nxt += 1
            rest = word[1:]
    if not done:
        c, rest = rest[0], rest[1:]
        spec = _optstring_find(optstring, c)
        if spec < 0:
            if optstring.startswith(":"):
                optarg = c
            else:
                sh.say(2, f"Illegal option -{c}\n")
            c = "?"
        elif optstring[spec + 1:spec + 2] == ":":
            if not rest and nxt >= len(words):
                if optstring.startswith(":"):
                    optarg, c = c, ":"
                else:
                    sh.say(2, f"No arg for -{c} option\n")
                    c = "?"
            else:
                if not rest:
                    rest = words[nxt]
                    nxt += 1
                optarg, rest = rest, ""
    if optarg is None:                        # no argument, or the end: unset, as POSIX
        st_.vars.pop("OPTARG", None)          # says (dash leaves it empty, or as it was)
    else:
        st_.assign("OPTARG", optarg)
    ind = nxt + 1
    st_.vars["OPTIND"] = str(ind)
    if not is_name(var):
        raise CommandError(f"getopts: {var}: bad variable name")
    st_.assign(var, c)
    st_.getopts = [ind, len(words[nxt - 1]) - len(rest) if rest else -1]
    return 1 if done else 0


def _optstring_find(optstring: str, c: str) -> int:
    """Where option letter c is in getopts' OPTSTRING (a `:` after a letter is its mark)."""
    q = 0
    while q < len(optstring) and optstring[q] != c:
        q += 1
        if optstring[q:q + 1] == ":":
            q += 1
    return q if q < len(optstring) else -1
