"""set: the shell's options (-e, -u, -x ... and their -o names) and the
positional parameters.

An option is a letter in the shell's state; `$-` lists them.  set -m also
sets job control up, as dash's setjobctl does.
"""
from __future__ import annotations

from .common import CommandError, quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell



# set -o's names, in dash's order, and the letters that stand for them
LONG_OPTIONS = [("errexit", "e"), ("noglob", "f"), ("ignoreeof", "I"), ("interactive", "i"),
                ("monitor", "m"), ("noexec", "n"), ("stdin", "s"), ("xtrace", "x"),
                ("verbose", "v"), ("vi", "V"), ("emacs", "E"), ("noclobber", "C"),
                ("allexport", "a"), ("notify", "b"), ("nounset", "u"), ("privileged", "p"),
                ("nolog", "nolog"), ("debug", "debug"), ("pipefail", "pipefail")]
# (pipefail, POSIX 2024's and bash's, which dash 0.5.12 lacks: a pipeline's
# status is its last failing command's -- runner.py's _wait_foreground)
# and POSIX's -h (hash a function's commands when it is defined), which dash lacks
OPTION_LETTERS = {letter for _, letter in LONG_OPTIONS if len(letter) == 1} | {"h"}


def b_set(sh: Shell, args: list[str]) -> int:
    """set [-+options] [-o name] [--] [args]: the shell's options, and the
    positional parameters; `set -` turns -x and -v off, as dash's does."""
    st_ = sh.state
    rest = args[1:]
    if not rest:
        for name in sorted(st_.vars):
            sh.say(1, f"{name}={quote(st_.vars[name])}\n")
        return 0
    monitor = "m" in st_.options
    try:
        return _set(sh, rest)
    finally:
        if ("m" in st_.options) != monitor:
            job_control(sh, "m" in st_.options)


def job_control(sh: Shell, on: bool, who: str = "set: ") -> None:
    """set -m / +m (and sh -m, who ""): the shell takes the terminal for its
    jobs, in a process group of its own, deaf to the keys that stop jobs --
    or, with no terminal, says so and stays without (dash's words)."""
    os, sig = sh.os, sh.rt.signal
    if on and not (os.isatty(0) or os.isatty(2)):
        sh.error(f"{who}can't access tty; job control turned off")
        sh.state.options.discard("m")
        return
    for s in (20, 21, 22):                    # SIGTSTP, SIGTTIN, SIGTTOU
        sh.ignored_at_start(s)
        sig.signal(s, sig.SIG_IGN if on else sig.SIG_DFL)
    if on:
        try:
            os.setpgid(0, 0)
            os.tcsetpgrp(0, os.getpid())
        except OSError:
            pass


def _set(sh: Shell, rest: list[str]) -> int:
    st_ = sh.state
    while rest:
        word = rest[0]
        if word[:1] not in ("-", "+"):
            break
        rest = rest[1:]
        on = word[0] == "-"
        if on and word in ("-", "--"):
            if word == "-":
                st_.options -= {"x", "v"}
            elif not rest:
                st_.positional = []
            break
        for letter in word[1:]:
            if letter == "o":
                name = rest.pop(0) if rest else None
                _set_long_option(sh, name, on)
            elif letter in OPTION_LETTERS:
                (st_.options.add if on else st_.options.discard)(letter)
            else:
                raise CommandError(f"set: Illegal option {word[0]}{letter}")
    if rest:
        st_.positional = list(rest)
    return 0


def _set_long_option(sh: Shell, name: str | None, on: bool) -> None:
    """set -o NAME / +o NAME; without a NAME, the list (-o) or the commands that
    would restore the options (+o)."""
    options = sh.state.options
    if name is None:
        if on:
            sh.say(1, "Current option settings\n" + "".join(
                f"{long:<16}{'on' if letter in options else 'off'}\n" for long, letter in LONG_OPTIONS))
        else:
            sh.say(1, "".join(f"set {'-o' if letter in options else '+o'} {long}\n"
                              for long, letter in LONG_OPTIONS))
        return
    letter = dict(LONG_OPTIONS).get(name)
    if letter is None:
        raise CommandError(f"set: Illegal option -o {name}")
    (options.add if on else options.discard)(letter)
