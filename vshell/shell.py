"""The shell program: `sh -c CMDS`, `sh script`, `sh < script`, or a prompt.

This is /bin/sh, a native program of the kernel with a pid of its own.  It
reads the whole script first (so a `cat` inside reads the terminal, not the
rest of the script), then parses and runs it one complete command at a time.
"""
from __future__ import annotations

import re

from kernel.abi import SIGTERM

from . import history, jobtable
from .common import SHELL_IGNORES, open_error
from .options import LONG_OPTIONS, job_control
from .parser import Incomplete, ShellSyntaxError, UnfinishedHeredoc, check_complete
from .runner import Shell, ShellExit
from .state import State

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

# `vshell SCRIPT` and `vshell < SCRIPT` run host text that the machine cannot
# open: its files are not the host's, and its terminal gives programs EOF, not
# the script.  The command line leaves the text here for the machine's first
# shell (the login shell), whose argv -- what ps and /proc/PID/cmdline show --
# is then `sh SCRIPT ARGS` or `sh`, as dash's would be.
HANDED: dict[int, str] = {}          # id(kernel) -> the script's text

OPTION_LETTERS = set("abCefhIimnpsuvVx")


def main(rt) -> int:
    """The entry point exec runs; returns the exit status."""
    os = rt.os
    argv = rt.argv
    state = State(vars=dict(rt.environ), exported=set(rt.environ), pid=os.getpid())
    state.vars.setdefault("IFS", " \t\n")
    state.vars.setdefault("PS2", "> ")
    state.vars.setdefault("PS4", "+ ")
    state.vars.setdefault("OPTIND", "1")
    state.vars["PPID"] = str(os.getppid())
    try:
        state.vars.setdefault("PWD", os.getcwd())
    except OSError:
        pass
    command = None
    read_stdin = False
    args = argv[1:]
    arg0 = argv[0] if argv else "sh"
    if args[:1] == ["--help"]:             # bash's way, where dash has none: the manual page
        from kernel.libpy.runtime import host_module
        page = host_module("vshell.lecture").manual_page(Shell(rt, state), "sh")
        os.write(1, (page or "usage: sh [-eux...] [-c COMMANDS | SCRIPT] [ARG]...\n").encode())
        return 0
    while args and args[0][:1] in "-+" and len(args[0]) > 1 and args[0] != "--":
        flag = args.pop(0)
        on = flag[0] == "-"
        for letter in flag[1:]:
            if letter == "c":
                command = True
            elif letter == "s":
                read_stdin = True
            elif letter == "o":
                long = args.pop(0) if args else None
                letter = dict(LONG_OPTIONS).get(long) if long else None
                if letter is None:
                    if long is None:
                        continue
                    return usage(os, arg0, f"Illegal option {flag[0]}o {long}")
                (state.options.add if on else state.options.discard)(letter)
            elif letter in OPTION_LETTERS:
                (state.options.add if on else state.options.discard)(letter)
            else:
                return usage(os, arg0, f"Illegal option {flag[0]}{letter}")
    if args and args[0] == "--":
        args.pop(0)
    sh = Shell(rt, state)
    handed = HANDED.pop(id(rt.k), None)
    try:
        if handed is not None:
            state.argv0 = state.name = args[0] if args else "vshell"
            state.positional = args[1:]
            return finish(sh, lambda: sh.run_text(handed, read=True))
        if command:
            if not args:
                return usage(os, arg0, "-c requires an argument")
            text = args[0]
            state.argv0 = args[1] if len(args) > 1 else (rt.argv[0] if rt.argv else "sh")
            state.name = state.argv0
            state.positional = args[2:]
            return finish(sh, lambda: sh.run_text(text, last_exec=True))
        if args and not read_stdin:
            path = args[0]
            state.argv0 = state.name = path
            state.positional = args[1:]
            try:
                with rt.open(path, "rb") as f:
                    text = f.read().decode("utf-8", "surrogateescape")
            except OSError as e:
                return usage(os, arg0, f"cannot open {path}: {open_error(e)}")
            return finish(sh, lambda: sh.run_text(text, read=True))
        state.positional = args
        state.argv0 = state.name = "vshell"
        if "i" in state.options or (os.isatty(0) and os.isatty(1)):
            return finish(sh, lambda: interactive(sh), monitor=False)
        state.argv0 = state.name = arg0             # (dash's messages name argv[0])
        state.options.add("s")                      # commands from stdin: $- says so, as dash's
        text = read_all(os, 0)
        return finish(sh, lambda: sh.run_text(text, read=True))
    except KeyboardInterrupt:
        return 130


def usage(os, arg0: str, message: str) -> int:
    """A bad command line: dash's one line, status 2."""
    os.write(2, f"{arg0}: 0: {message}\n".encode("utf-8", "surrogateescape"))
    return 2


def finish(sh: Shell, body, monitor: bool = True) -> int:
    """Run the shell's commands, then its EXIT trap.  monitor: `sh -m` sets
    job control up as `set -m` does (the prompt does its own)."""
    if monitor and "m" in sh.state.options:
        job_control(sh, True, who="")
    try:
        status = body()
    except ShellExit as e:
        status = e.status
    return sh.exit_traps(status)


def read_all(os, fd: int) -> str:
    chunks = []
    while True:
        data = os.read(fd, 65536)
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks).decode("utf-8", "surrogateescape")


def interactive(sh: Shell) -> int:
    """The prompt loop: job control, Done notices, continuation lines."""
    os = sh.os
    st = sh.state
    st.interactive = True
    st.options |= {"i", "m"}
    sig = sh.rt.signal
    sh.ignored_at_start(SIGTERM)                 # (so that trap still may set TERM)
    for s in SHELL_IGNORES:                      # the shell itself ignores job-control keys,
        sig.signal(s, sig.SIG_IGN)               # and TERM, as POSIX and dash say
    sig.signal(2, interrupt_handler(sh))
    try:
        os.setpgid(0, 0)
        os.tcsetpgrp(0, os.getpid())
    except OSError:
        pass
    rc = st.get("ENV")
    if rc and "norc" not in st.vars.get("VSHELL_OPTIONS", ""):
        try:
            with sh.rt.open(sh.expand.string(rc)) as f:
                sh.run_text(f.read())
        except (OSError, ShellExit, KeyboardInterrupt):
            pass
    sh.say(2, "vshell: a shell on a teaching kernel.  Type `help` to start, Ctrl-D to leave.\n")
    try:                                         # the message of the day: where the disk is
        with sh.rt.open("/run/motd") as f:
            sh.say(2, f.read())
    except OSError:
        pass
    lines = LineReader(sh)
    try:
        while True:
            sh.foreground_job = False
            try:
                status = command(sh, lines)
            except KeyboardInterrupt:            # Ctrl-C while the shell worked: back to
                sh.say(2, "\n")                  # the prompt, as bash
                st.status = 130
                continue
            if status is not None:
                return status
    except ShellExit as e:
        return e.status
    finally:
        jobtable.hang_up(sh)


def interrupt_handler(sh: Shell) -> Callable[[int, object], None]:
    """SIGINT's handler: Ctrl-C while the shell itself works -- `read`, `wait`,
    a loop of builtins -- ends that work, as bash's does; while a job has (or is
    being given) the terminal, the Ctrl-C is the job's.  A child that inherits
    the handler (a command substitution's shell) dies of SIGINT, as by default."""
    os, sig = sh.os, sh.rt.signal
    me = os.getpid()

    def interrupted(signum: int, frame: object) -> None:
        if os.getpid() != me:
            sig.signal(signum, sig.SIG_DFL)
            os.kill(os.getpid(), signum)
        elif not sh.foreground_job:
            raise KeyboardInterrupt
    return interrupted


def command(sh: Shell, lines: LineReader) -> int | None:
    """Read one command at the prompt and run it.  The status to leave with
    (Ctrl-D, unless jobs are stopped), or None to go on."""
    st = sh.state
    sh.reap_jobs(notify=True)
    first = st.lineno + 1
    text, typed = read_command(sh, lines, first)
    if text is None:                             # Ctrl-D at an empty prompt
        if not lines.line_ended:
            sh.say(2, "\n")
        return st.status if jobtable.may_exit(sh) else None
    text = history.remember(sh, text)            # !! and friends, then the history
    if text is None:
        return None
    words = text.split()
    if words and words[0] not in ("exit", "jobs") and not words[0].startswith("#"):
        st.exit_ok = False                       # another command: exit warns again
    try:
        sh.run_text(text, first)
    finally:
        st.lineno = first + typed - 1
    return None


def read_command(sh: Shell, lines: LineReader, first: int) -> tuple[str | None, int]:
    """One whole command as typed, and how many lines it took: a PS1 line, then
    PS2 lines while it is unfinished (inside quotes, an `if`, a here-document...).
    Ctrl-C abandons it ($? is 130); Ctrl-D ends a here-document (bash warns)
    or, at an empty prompt, gives None."""
    st = sh.state
    text, typed = "", 0
    prompt = expand_prompt(sh, st.get("PS1"))
    while True:
        said = sh.doing("reading a command")
        try:
            line = lines.readline(prompt, context(sh, continued=bool(text)))
        finally:
            sh.doing(said)
        if line == "\x03":
            st.status = 130
            text, typed = "", 0
            prompt = expand_prompt(sh, st.get("PS1"))
            continue
        if line is None:
            line = end_heredoc(sh, text, first)
            if line is None:                      # anything else unfinished: run it,
                return text or None, typed        # for dash's syntax error
        else:
            typed += 1
        text += line
        try:
            check_complete(text, first)
        except Incomplete:
            prompt = st.get("PS2") or "> "
            continue
        except ShellSyntaxError:
            pass
        return text, typed


def end_heredoc(sh: Shell, text: str, first: int) -> str | None:
    """Ctrl-D inside a here-document: the delimiter line it stands for (after
    bash's warning), or None when text is not inside one."""
    try:
        check_complete(text, first)
    except UnfinishedHeredoc as e:
        sh.say(2, f"{sh.state.name}: warning: {e}\n")
        return ("" if text.endswith("\n") else "\n") + e.delimiter + "\n"
    except ShellSyntaxError:
        pass
    return None


DEFAULT_PS1 = r"\u@\h:\w\$ "                # what an unset PS1 shows: user@vshell:~/dir$
PROMPT_ESCAPE = r"\\([0-7]{3}|.)"        # (compiled when first used: a script shows no prompt)


def expand_prompt(sh: Shell, ps1: str | None) -> str:
    """PS1 with bash's backslash escapes decoded, then expanded as POSIX says;
    without a PS1, `user@vshell:~/dir$ ` (`#` for root)."""
    text = re.sub(PROMPT_ESCAPE, lambda m: prompt_escape(sh, m.group(1)),
                  DEFAULT_PS1 if ps1 is None else ps1, flags=re.S)
    if ps1 is None:
        return text
    try:
        return sh.expand.string(text)
    except Exception:
        return text


def prompt_escape(sh: Shell, code: str) -> str:
    r"""One of bash's prompt escapes: \u user, \h host, \w directory (~ for
    home), \W its last part, \$ `#` for root, \j jobs, \n, \e, \a, \NNN octal;
    \[ and \] (around non-printing text) vanish; others stay as typed."""
    st, os = sh.state, sh.os
    if code in "wW":
        try:
            cwd = os.getcwd()
        except OSError:
            cwd = st.get("PWD") or "?"
        home = (st.get("HOME") or "").rstrip("/")
        if home and (cwd == home or cwd.startswith(home + "/")):
            cwd = "~" + cwd[len(home):]
        return cwd if code == "w" or cwd in ("/", "~") else cwd.rsplit("/", 1)[-1]
    if code in "hH":
        name = os.uname().nodename
        return name if code == "H" else name.split(".")[0]
    if code == "$":
        return "#" if os.geteuid() == 0 else "$"
    if code == "u":
        return st.get("USER") or "?"
    if code == "j":
        return str(len(st.jobs))
    if len(code) == 3:
        return chr(int(code, 8))
    return PLAIN_ESCAPES.get(code, "\\" + code)


PLAIN_ESCAPES = {"s": "vshell", "n": "\n", "e": "\x1b", "a": "\a", "\\": "\\", "[": "", "]": ""}


class LineReader:
    """Lines typed at the terminal: edited by the console's line editor when it
    has one (kernel/libpy/lineedit.py), else read from fd 0 as they come."""

    def __init__(self, sh: Shell) -> None:
        self.sh = sh
        self.buffer = b""
        self.line_ended = False           # the editor ended the line of the last Ctrl-D

    def readline(self, prompt: str, info: dict) -> str | None:
        """The next line, with its newline (the last one of the input may have
        none); "\x03" if Ctrl-C abandoned it; None at the end of input (Ctrl-D)."""
        from kernel.libpy import lineedit
        if b"\n" in self.buffer:                  # read with the line before: prompt now
            self.sh.say(2, prompt)
        while b"\n" not in self.buffer:
            try:
                data = lineedit.readline(0, prompt, info) if not self.buffer else \
                    self.sh.os.read(0, 4096)
            except InterruptedError:
                continue
            except OSError:                      # not a terminal: plain reads
                self.sh.say(2, prompt)
                data = self.sh.os.read(0, 4096)
            prompt = ""
            if data == b"\x03":
                return "\x03"
            self.line_ended = data == b"\x04"
            if not data or self.line_ended:
                if self.buffer:
                    line, self.buffer = self.buffer, b""
                    return line.decode("utf-8", "surrogateescape")
                return None
            self.buffer += data
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.decode("utf-8", "surrogateescape") + "\n"


def context(sh: Shell, continued: bool = False) -> dict:
    """What the line editor shows and completes with (the bottom toolbar, PATH,
    ...), and whether the line continues a command (for its history)."""
    st = sh.state
    try:
        cwd = sh.os.getcwd()
    except OSError:
        cwd = "?"
    return {"user": st.get("USER") or "?", "cwd": cwd, "home": st.get("HOME") or "",
            "path": st.get("PATH") or "/bin", "status": str(st.status),
            "jobs": str(len(st.jobs)), "functions": " ".join(st.functions),
            "variables": " ".join(st.vars), "continued": continued}

