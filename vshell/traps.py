"""trap, and kill's options: the shell's side of signals.

`trap ACTION SIGNAL` keeps ACTION in the shell's state and has the process
catch the signal (or ignore it, for ''); the runner runs the action between
commands.  Signals are named as vshell/signames.py has them.
"""
from __future__ import annotations

from kernel.abi import SIGTERM

from . import signames
from .common import SHELL_IGNORES, CommandError, number, quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell


KILL_USAGE = ("kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\n"
              "kill -l [exitstatus]")


def kill_options(sh: Shell, args: list[str]) -> tuple[int, list[str]] | None:
    """kill's options, as dash reads them: `-SIG`, `-s SIG`, or `-l [STATUS]`
    (which lists the names, or names the signal that killed a command that
    exited with STATUS: then None).  The signal and the pids or jobs."""
    rest = args[1:]
    if not rest:
        raise CommandError(KILL_USAGE)
    sig = None
    listing = False
    if rest[0].startswith("-"):
        sig = signames.decode(rest[0][1:], 1)
        if sig is None:
            while rest and rest[0].startswith("-") and rest[0] != "-":
                word = rest.pop(0)
                if word == "--":
                    break
                for k, letter in enumerate(word[1:], 1):
                    if letter == "l":
                        listing = True
                    elif letter == "s":
                        name = word[k + 1:] or (rest.pop(0) if rest else None)
                        if name is None:
                            raise CommandError("kill: No arg for -s option")
                        sig = signames.decode(name, 1)
                        if sig is None:
                            raise CommandError(f"kill: invalid signal number or name: {name}")
                        break
                    else:
                        raise CommandError(f"kill: Illegal option -{letter}")
        else:
            rest = rest[1:]
    if not listing:
        if not rest:
            raise CommandError(KILL_USAGE)
        return (SIGTERM if sig is None else sig), rest
    if sig is not None and rest:
        raise CommandError(KILL_USAGE)
    if not rest:
        sh.say(1, "0\n" + "".join(name + "\n" for name in signames.NAMES[1:]))
        return None
    n = number("kill", rest[0])
    n = n - 128 if n > 128 else n
    if not 0 < n < signames.NSIG:
        raise CommandError(f"kill: invalid signal number or exit status: {rest[0]}")
    sh.say(1, signames.NAMES[n] + "\n")
    return None


def b_trap(sh: Shell, args: list[str]) -> int:
    """trap [ACTION] CONDITION...: run ACTION when a signal comes (or at EXIT);
    `-` (or a first operand that is a number) resets, '' ignores.  Bare
    `trap` lists the actions, in dash's words and order."""
    st_ = sh.state
    rest = args[1:]
    if rest and rest[0].startswith("-") and rest[0] != "-":
        if rest[0] != "--":
            raise CommandError(f"trap: Illegal option {rest[0][:2]}")
        rest = rest[1:]
    if not rest:
        traps = st_.traps if st_.parent_traps is None else st_.parent_traps
        for n in range(signames.NSIG):
            action = traps.get("EXIT" if n == 0 else str(n))
            if action is not None:
                sh.say(1, f"trap -- {quote(action)} {signames.NAMES[n]}\n")
        return 0
    if len(rest) == 1 or (rest[0].isdigit() and rest[0].isascii()):
        action, conditions = "-", rest
    else:
        action, conditions = rest[0], rest[1:]
    st_.parent_traps = None                   # the subshell's own traps from now on
    for cond in conditions:
        sig = signames.decode(cond)
        if sig is None:
            sh.say(2, f"trap: {cond}: bad trap\n")
            return 1
        key = "EXIT" if sig == 0 else str(sig)
        if action == "-":
            st_.traps.pop(key, None)
        else:
            st_.traps[key] = action
        if sig and (st_.interactive or not sh.ignored_at_start(sig)):
            _set_handler(sh, sig, action)     # (one ignored when the shell began stays so: POSIX)
    return 0


def _set_handler(sh: Shell, sig: int, action: str) -> None:
    """The process's disposition for a trapped signal: default, ignored, or a
    handler that has the shell run the action between commands."""
    signal_mod = sh.rt.signal
    handler = signal_mod.SIG_DFL if action == "-" else signal_mod.SIG_IGN if action == "" else (
        lambda s, f: sh.trap_signal(s))
    if action == "-" and sh.state.interactive and sig in SHELL_IGNORES:
        handler = signal_mod.SIG_IGN          # (the prompt's shell's own default: shell.py)
    try:
        signal_mod.signal(sig, handler)
    except (OSError, ValueError):         # KILL and STOP cannot be caught (dash says nothing)
        pass
