"""The shell program: `sh -c CMDS`, `sh script`, `sh < script`, or a prompt.

This is /bin/sh, a native program of the kernel with a pid of its own.  It
reads the whole script first (so a `cat` inside reads the terminal, not the
rest of the script), then parses and runs it one complete command at a time.
"""
from __future__ import annotations

from .parser import Incomplete, Parser, ShellSyntaxError
from .options import LONG_OPTIONS
from .runner import Shell, ShellExit
from .state import State

OPTION_LETTERS = set("abCefIimnpsuvVx")


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
    try:
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
                return usage(os, arg0, f"cannot open {path}: {_open_error(e)}")
            return finish(sh, lambda: sh.run_text(text, read=True))
        state.positional = args
        state.argv0 = state.name = "vshell"
        if "i" in state.options or (os.isatty(0) and os.isatty(1)):
            return finish(sh, lambda: interactive(sh))
        state.argv0 = state.name = arg0             # (dash's messages name argv[0])
        text = read_all(os, 0)
        return finish(sh, lambda: sh.run_text(text, read=True))
    except KeyboardInterrupt:
        return 130


def usage(os, arg0: str, message: str) -> int:
    """A bad command line: dash's one line, status 2."""
    os.write(2, f"{arg0}: 0: {message}\n".encode("utf-8", "surrogateescape"))
    return 2


def finish(sh: Shell, body) -> int:
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
    for s in (2, 3, 20, 21, 22):                 # the shell itself ignores job-control keys
        sig.signal(s, sig.SIG_IGN)
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
        except (OSError, ShellExit):
            pass
    sh.say(2, "vshell: a shell on a teaching kernel.  Type `help` to start, Ctrl-D to leave.\n")
    lines = LineReader(sh)
    while True:
        sh.reap_jobs(notify=True)
        text = ""
        prompt = expand_prompt(sh, st.get("PS1"))
        while True:
            line = lines.readline(prompt, context(sh))
            if line == "\x03":                   # Ctrl-C at the prompt: a fresh one
                text = ""
                prompt = expand_prompt(sh, st.get("PS1"))
                continue
            if line is None:                      # Ctrl-D
                if text:
                    break
                sh.say(2, "\n")
                return st.status
            text += line
            try:
                Parser(text).parse_all()
            except Incomplete:
                prompt = st.get("PS2") or "> "
                continue
            except ShellSyntaxError:
                pass
            break
        st.lineno += 1
        try:
            sh.run_text(text, st.lineno)
        except ShellExit as e:
            return e.status
        st.lineno += text.count("\n") - 1 if text.count("\n") > 1 else 0


def expand_prompt(sh: Shell, ps1) -> str:
    """PS1 expanded; without one, `user@vshell:~/dir$ ` (`#` for root)."""
    if ps1 is None:
        st = sh.state
        try:
            cwd = sh.os.getcwd()
        except OSError:
            cwd = "?"
        home = st.get("HOME") or ""
        if home and (cwd == home or cwd.startswith(home.rstrip("/") + "/")):
            cwd = "~" + cwd[len(home):]
        mark = "#" if sh.os.geteuid() == 0 else "$"
        return f"{st.get('USER') or '?'}@vshell:{cwd}{mark} "
    try:
        return sh.expand.string(ps1)
    except Exception:
        return ps1


class LineReader:
    """Lines typed at the terminal: edited by the console's line editor when it
    has one (the tty_readline call), else read from fd 0 as they come."""

    def __init__(self, sh: Shell) -> None:
        self.sh = sh
        self.buffer = b""

    def readline(self, prompt: str, info: dict):
        from kernel.libpy.os import _trap
        while b"\n" not in self.buffer:
            try:
                data = _trap("tty_readline", 0, prompt, info) if not self.buffer else \
                    self.sh.os.read(0, 4096)
            except InterruptedError:
                continue
            except OSError:                      # not a terminal: plain reads
                self.sh.say(2, prompt)
                data = self.sh.os.read(0, 4096)
            prompt = ""
            if data == b"\x03":
                return "\x03"
            if not data:
                if self.buffer:
                    line, self.buffer = self.buffer, b""
                    return line.decode("utf-8", "surrogateescape")
                return None
            self.buffer += data
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.decode("utf-8", "surrogateescape") + "\n"


def context(sh: Shell) -> dict:
    """What the line editor shows and completes with (the bottom toolbar, PATH, ...)."""
    st = sh.state
    try:
        cwd = sh.os.getcwd()
    except OSError:
        cwd = "?"
    return {"user": st.get("USER") or "?", "cwd": cwd, "home": st.get("HOME") or "",
            "path": st.get("PATH") or "/bin", "status": str(st.status),
            "jobs": str(len(st.jobs)), "functions": " ".join(st.functions)}


def _open_error(e: OSError) -> str:
    return {2: "No such file", 13: "Permission denied", 21: "Is a directory"}.get(
        e.errno, e.strerror or "error")
