"""The interactive shell's history: the `history` builtin and bash's `!` events.

An interactive shell remembers every command typed at its prompt (a command
typed over several lines is one entry), numbered from 1.  Before a command
runs, bash's history expansion replaces the events students reach for:

    !!        the last command            (`sudo !!`)
    !N  !-N   command N; the Nth last
    !TEXT     the last command that starts with TEXT
    !?TEXT?   the last command that contains TEXT
    !$  !^  !*   the last command's last word, first argument, all arguments

The command as expanded is shown (on stderr, as bash shows it) and is what
the history keeps.  A `!` is literal inside single quotes, after a
backslash, and before a blank, `=`, `(` or the end of the line; an event that
is not there is an error and the command does not run ("!99: event not
found").  Scripts and `sh -c` have no history and no expansion, as in dash
and bash.  (The line editor's arrow-key history is the front end's own,
kept across sessions: vshell/frontend.py.)
"""
from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell

NOT_EVENTS = " \t\n\r=("
# The patterns are compiled when first used (re caches them), not at import:
# most sessions never expand a ! event, and start-up is budgeted.
WORD = r"""(?:[^\s'"\\]|\\.|'[^']*'|"(?:[^"\\]|\\.)*")+"""


class EventNotFound(Exception):
    """A ! event that names no command: the message is bash's."""


def words(command: str) -> list[str]:
    """A command's words as history sees them (quotes kept)."""
    return re.findall(WORD, command, re.S)


def event(spec: str, history: list[str]) -> str:
    """The command a ! event names (spec is what follows the !)."""
    if spec == "!":
        found = history[-1:]
    elif spec.lstrip("-").isdigit():
        n = int(spec)
        index = n - 1 if n > 0 else len(history) + n
        found = [history[index]] if 0 <= index < len(history) and n != 0 else []
    elif spec.startswith("?"):
        text = spec[1:].rstrip("?")
        found = [c for c in history if text in c][-1:]
    else:
        found = [c for c in history if c.startswith(spec)][-1:]
    if not found:
        raise EventNotFound(f"!{spec}: event not found")
    return found[0]


def word_event(which: str, history: list[str]) -> str:
    """!$, !^ and !*: words of the last command."""
    if not history:
        raise EventNotFound(f"!{which}: event not found")
    ws = words(history[-1])
    if which == "$":
        return ws[-1] if ws else ""
    if which == "^":
        if len(ws) < 2:
            raise EventNotFound("!^: bad word specifier")
        return ws[1]
    return " ".join(ws[1:])


EVENT = r"!(!|[$^*]|-?\d+|\?[^?\n]*\??|[^\s=(;&|<>\"'`!$^*]+)"


def expand(text: str, history: list[str]) -> str:
    """text with its ! events replaced (text itself when it has none)."""
    if "!" not in text:
        return text
    out, i, quote = [], 0, None
    while i < len(text):
        c = text[i]
        if c == "\\" and quote != "'" and i + 1 < len(text):
            out.append(text[i:i + 2])
            i += 2
            continue
        if c == "'" and quote != '"':
            quote = None if quote == "'" else "'"
        elif c == '"' and quote != "'":
            quote = None if quote == '"' else '"'
        elif c == "!" and quote != "'" and i + 1 < len(text) and text[i + 1] not in NOT_EVENTS:
            m = re.compile(EVENT).match(text, i)
            if m is not None:
                spec = m.group(1)
                if spec in ("$", "^", "*"):
                    out.append(word_event(spec, history))
                else:
                    out.append(event(spec, history))
                i = m.end()
                continue
        out.append(c)
        i += 1
    return "".join(out)


def remember(sh: Shell, text: str) -> str | None:
    """At the prompt, before a command runs: expand its events (shown, if any,
    on stderr) and add it to the history.  None if it must not run."""
    st = sh.state
    try:
        expanded = expand(text, st.history)
    except EventNotFound as e:
        sh.say(2, f"{st.name}: {e}\n")
        st.status = 1
        return None
    if expanded != text:
        sh.say(2, expanded if expanded.endswith("\n") else expanded + "\n")
    entry = expanded.rstrip("\n")
    if entry.strip():
        st.history.append(entry)
    return expanded


def b_history(sh: Shell, args: list[str]) -> int:
    """history [N] | -c: the commands typed at this prompt, numbered as bash
    numbers them (the last N); -c forgets them."""
    st = sh.state
    args = args[1:]
    if args and args[0] == "-c":
        st.history.clear()
        return 0
    if len(args) > 1:
        sh.say(2, "history: too many arguments\n")
        return 2
    start = 0
    if args:
        if not args[0].isdigit():
            sh.say(2, f"history: {args[0]}: numeric argument required\n")
            return 2
        start = max(0, len(st.history) - int(args[0]))
    sh.say(1, "".join(f"{n:5d}  {command}\n"
                      for n, command in enumerate(st.history[start:], start + 1)))
    return 0
