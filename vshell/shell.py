"""The shell, as a native program of the kernel: read a line, fork, exec, wait.

This is the chapter's loop in its smallest true form -- fork; in the child,
redirections by open/dup2/close, then exec; in the parent, wait.  It has a pid
(`ps` shows it) and keeps all of its state in one object.  The full POSIX
shell (parser, pipelines, control flow, job control) grows from here.
"""
from __future__ import annotations

import shlex
from dataclasses import dataclass, field

O_RDONLY, O_WRONLY, O_CREAT, O_TRUNC, O_APPEND = 0, 1, 0o100, 0o1000, 0o2000
REDIRECTS = {"<": (0, O_RDONLY), ">": (1, O_WRONLY | O_CREAT | O_TRUNC),
             ">>": (1, O_WRONLY | O_CREAT | O_APPEND)}


@dataclass
class ShellState:
    status: int = 0
    interactive: bool = False
    name: str = "vshell"
    lineno: int = 0
    env: dict[str, str] = field(default_factory=dict)


def main(rt) -> int:
    os = rt.os
    argv = rt.argv
    sh = ShellState(env=dict(rt.environ))
    if len(argv) > 2 and argv[1] == "-c":
        for line in argv[2].splitlines():
            sh.lineno += 1
            run_line(rt, sh, line)
        return sh.status
    sh.interactive = os.isatty(0) and os.isatty(1)
    if sh.interactive:
        for sig in (2, 3, 20, 22):               # SIGINT, SIGQUIT, SIGTSTP, SIGTTOU
            rt.signal.signal(sig, rt.signal.SIG_IGN)
    pending = b""
    while True:
        if sh.interactive:
            cwd = os.getcwd()
            home = sh.env.get("HOME", "")
            shown = "~" + cwd[len(home):] if home and cwd.startswith(home) else cwd
            os.write(1, f"{sh.env.get('USER', '?')}@vshell:{shown}$ ".encode())
        while b"\n" not in pending:
            data = os.read(0, 4096)
            if not data:
                break
            pending += data
        if not pending:
            if sh.interactive:
                os.write(1, b"\n")
            return sh.status
        line, _, pending = pending.partition(b"\n")
        sh.lineno += 1
        run_line(rt, sh, line.decode("utf-8", "replace"))


def error(rt, sh: ShellState, message: str) -> None:
    where = f"{sh.name}: {sh.lineno}: " if not sh.interactive else f"{sh.name}: "
    rt.os.write(2, (where + message + "\n").encode())


def run_line(rt, sh: ShellState, line: str) -> None:
    try:
        words = shlex.split(line, comments=True)
    except ValueError as e:
        error(rt, sh, f"Syntax error: {e}")
        sh.status = 2
        return
    if not words:
        return
    redirects, args = [], []
    it = iter(words)
    for w in it:
        if w in REDIRECTS:
            target = next(it, None)
            if target is None:
                error(rt, sh, 'Syntax error: newline unexpected')
                sh.status = 2
                return
            redirects.append((w, target))
        else:
            args.append(w)
    if not args:
        return
    builtin = BUILTINS.get(args[0])
    if builtin is not None:
        sh.status = builtin(rt, sh, args)
        return
    sh.status = run_external(rt, sh, args, redirects)


def run_external(rt, sh: ShellState, args: list[str], redirects) -> int:
    os = rt.os

    def child(crt) -> int:
        cos = crt.os
        if sh.interactive:
            cos.setpgid(0, 0)
            cos.tcsetpgrp(0, cos.getpid())
            for sig in (2, 3, 20, 22):
                crt.signal.signal(sig, crt.signal.SIG_DFL)
        for op, target in redirects:            # between fork and exec, in the child
            fd, flags = REDIRECTS[op]
            try:
                new = cos.open(target, flags, 0o666)
            except OSError as e:
                cos.write(2, f"{sh.name}: cannot open {target}: {e.strerror}\n".encode())
                return 2
            cos.dup2(new, fd)
            cos.close(new)
        try:
            cos.execvpe(args[0], args, sh.env)
        except FileNotFoundError:
            cos.write(2, f"{sh.name}: {sh.lineno}: {args[0]}: not found\n".encode())
            return 127
        except OSError as e:
            cos.write(2, f"{sh.name}: {sh.lineno}: {args[0]}: {e.strerror}\n".encode())
            return 126
        return 127

    pid = rt.clone(child)
    _, status = os.waitpid(pid, 0)
    if sh.interactive:
        os.tcsetpgrp(0, os.getpgrp())
    if status & 0x7F:
        return 128 + (status & 0x7F)
    return status >> 8


def builtin_cd(rt, sh: ShellState, args: list[str]) -> int:
    target = args[1] if len(args) > 1 else sh.env.get("HOME", "/")
    try:
        rt.os.chdir(target)
    except OSError as e:
        error(rt, sh, f"cd: can't cd to {target}")
        return 2
    sh.env["PWD"] = rt.os.getcwd()
    return 0


def builtin_pwd(rt, sh: ShellState, args: list[str]) -> int:
    rt.os.write(1, (rt.os.getcwd() + "\n").encode())
    return 0


def builtin_exit(rt, sh: ShellState, args: list[str]) -> int:
    code = int(args[1]) if len(args) > 1 and args[1].lstrip("-").isdigit() else sh.status
    rt.os._exit(code & 0xFF)
    return code


BUILTINS = {"cd": builtin_cd, "pwd": builtin_pwd, "exit": builtin_exit}
