"""Lecture mode: the builtins that let a class watch the kernel and steer it.

`trace`, `strace`, `step` and `timeline` ask for the kernel's events by writing
to /proc/trace; `sched` and `seed` choose the scheduling policy by writing to
/proc/sched.  A write to a control file is a system call like any other: the
shell asks, the kernel decides.  `help`, the first page a student sees, is here
too.
"""
from __future__ import annotations

from kernel.abi import O_CREAT, O_TRUNC, O_WRONLY

from . import builtins  # the tables, for help's list
from .common import CommandError
from .tracer import KINDS, parse_kinds

MFD_CLOEXEC = 1

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell


def b_trace(sh: Shell, args: list[str]) -> int:
    """trace [on|off|all|KIND[,KIND]...] [pid N...]: kernel events as they happen,
    on the shell's stderr (`trace on 2>t.log` keeps them in a file); KIND is
    syscalls, sched, signals or proc, as for --trace; bare `trace` says what."""
    if len(args) == 1:
        with sh.rt.open("/proc/trace") as f:
            sh.say(1, f.read())
        return 0
    words = args[1:]
    if words == ["off"]:
        _write_proc(sh, "/proc/trace", "off")
        return 0
    kinds = words[:words.index("pid")] if "pid" in words else words
    pids = words[len(kinds) + 1:]
    try:
        parse_kinds(kinds)
    except ValueError as e:
        raise CommandError(f"trace: unknown kind '{e}' (all, {', '.join(KINDS)})", 2)
    if "pid" in words and not (pids and all(w.isdigit() for w in pids)):
        raise CommandError("trace: usage: trace [on|off|all|KIND[,KIND]...] [pid N...]", 2)
    _write_proc(sh, "/proc/trace", " ".join(words))
    return 0


def _write_proc(sh: Shell, path: str, text: str) -> None:
    fd = sh.os.open(path, O_WRONLY)
    try:
        sh.os.write(fd, text.encode())
    finally:
        sh.os.close(fd)


def b_step(sh: Shell, args: list[str]) -> int:
    """step on [syscalls|switch|all]: pause the kernel before each system call (or
    context switch, or event) and wait for Enter; step off (or q at the pause) ends it."""
    words = args[1:] or ["on"]
    if words[0] not in ("on", "off"):
        raise CommandError("step: usage: step on [syscalls|switch|all] | step off", 2)
    _write_proc(sh, "/proc/trace", "step " + (" ".join(words[1:]) if words[0] == "on" else "off"))
    return 0


def b_sched(sh: Shell, args: list[str]) -> int:
    """sched: show the scheduling policy; sched POLICY [QUANTUM] switches it live
    (rr, fifo, sjf, priority, mlfq, lottery); sched first child|parent|random."""
    if len(args) > 1:
        try:
            _write_proc(sh, "/proc/sched", " ".join(args[1:]))
        except OSError:
            raise CommandError("sched: usage: sched [rr|fifo|sjf|priority|mlfq|lottery [QUANTUM]] "
                               "| sched first child|parent|random", 2)
    with sh.rt.open("/proc/sched") as f:
        sh.say(1, f.read())
    return 0


def b_seed(sh: Shell, args: list[str]) -> int:
    """seed N: from now on every choice the scheduler makes repeats with N."""
    if len(args) != 2 or not args[1].isdigit():
        raise CommandError("seed: usage: seed N", 2)
    _write_proc(sh, "/proc/sched", f"seed {args[1]}")
    return 0


def _spool(sh: Shell) -> int:
    """A memory file for what the kernel could not write at once (see
    tracer.Sink); close-on-exec, so the command never sees it."""
    return sh.os.memfd_create("trace", MFD_CLOEXEC)


def _drain(sh: Shell, spool: int, fd: int) -> None:
    """Copy the spool to fd with ordinary writes: these may wait for a slow
    reader of a pipe, as the kernel's own could not."""
    os = sh.os
    try:
        os.lseek(spool, 0, 0)
        while True:
            data = os.read(spool, 65536)
            if not data:
                break
            sh.say(fd, data.decode("utf-8", "surrogateescape"))
    finally:
        os.close(spool)


def b_explore(sh: Shell, args: list[str]) -> int:
    """explore [-n RUNS] [-s SEED] CMD [ARGS]: CMD under RUNS schedules (vshell/explore.py)."""
    from kernel.libpy.runtime import host_module
    return host_module("vshell.explore").b_explore(sh, args)


def b_timeline(sh: Shell, args: list[str]) -> int:
    """timeline CMD [ARGS]: run CMD and show who was on the CPU at each tick, then
    each process's response, turnaround and wait (on stdout, after CMD's own output)."""
    if len(args) < 2:
        raise CommandError("timeline: usage: timeline CMD [ARGS]", 2)
    words = args[1:]
    path = sh.lookup(words[0])
    if path is None:
        raise CommandError(f"timeline: {words[0]}: not found", 127)
    env = sh.state.environ()
    spool = _spool(sh)
    colour = " colour" if sh.os.isatty(1) else ""

    def child(child_sh: Shell) -> int:
        request = f"timeline {child_sh.os.getpid()} spool {spool}{colour}"
        _write_proc(child_sh, "/proc/trace", request)
        return child_sh.exec_external(words, env, [], path)
    try:
        pid = sh.fork(child)
        status = sh.wait_foreground([pid], " ".join(words))
    finally:
        _drain(sh, spool, 1)
    return status


PICTURE_USAGE = "picture: usage: picture tree|fds PID|timeline [-o FILE.svg]"


def b_picture(sh: Shell, args: list[str]) -> int:
    """picture tree|fds PID|timeline [-o FILE.svg]: the process graph, a process's
    file model or the timeline as SVG -- into FILE, to stdout when it is not a
    terminal, else into ./tree.svg (fds-PID.svg, timeline.svg), saying so."""
    words, out = [], None
    rest = args[1:]
    while rest:
        word = rest.pop(0)
        if word == "-o" and rest:
            out = rest.pop(0)
        elif word.startswith("-o") and len(word) > 2:
            out = word[2:]
        else:
            words.append(word)
    if words not in (["tree"], ["timeline"]) and not (
            len(words) == 2 and words[0] == "fds" and words[1].isdigit()):
        raise CommandError(PICTURE_USAGE, 2)
    told = out is None and sh.os.isatty(1)
    if told:
        out = "-".join(words) + ".svg"
    spool = _spool(sh)
    try:
        _write_proc(sh, "/proc/trace", f"picture {' '.join(words)} spool {spool}")
    except OSError as e:
        sh.os.close(spool)
        what = f"process {words[1]}" if words[0] == "fds" else words[0]
        raise CommandError(f"picture: {what}: {e.strerror}", 1)
    if out is None:
        _drain(sh, spool, 1)
        return 0
    try:
        fd = sh.os.open(out, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
    except OSError as e:
        sh.os.close(spool)
        raise CommandError(f"picture: cannot write {out}: {e.strerror}", 1)
    try:
        _drain(sh, spool, fd)
    finally:
        sh.os.close(fd)
    if told:
        sh.say(1, f"picture: wrote {out} (open it in a browser, or -o FILE.svg to name it)\n")
    return 0


def b_strace(sh: Shell, args: list[str]) -> int:
    """strace [-f] [-o FILE] CMD [ARGS]: run CMD, showing its system calls (and its
    children's with -f) on stderr, or into FILE."""
    rest = args[1:]
    follow, out = False, None
    while rest and rest[0].startswith("-"):
        flag = rest.pop(0)
        if flag == "-f":
            follow = True
        elif flag == "-o" and rest:
            out = rest.pop(0)
        else:
            raise CommandError(f"strace: invalid option {flag}", 1)
    if not rest:
        raise CommandError("strace: must have PROG [ARGS]", 1)
    path = sh.lookup(rest[0])
    if path is None:
        raise CommandError(f"strace: Can't stat '{rest[0]}': No such file or directory", 1)
    env = sh.state.environ()
    spool = _spool(sh)

    def child(child_sh: Shell) -> int:
        # As strace does: it opens FILE itself (so the permission checks are the
        # user's own), the tracer writes through that open file, and the command
        # does not inherit it (os.open's fds are close-on-exec).  Without FILE,
        # the trace goes where this stderr goes.
        cos = child_sh.os
        request = f"strace {cos.getpid()}" + (" follow" if follow else "")
        fd = 2
        if out is not None:
            try:
                fd = cos.open(out, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
            except OSError as e:
                child_sh.say(2, f"strace: Can't fopen '{out}': {e.strerror}\n")
                return 1
        _write_proc(child_sh, "/proc/trace", f"{request} fd {fd} spool {spool}")
        if out is not None:
            cos.close(fd)               # the tracer holds the open file now
        return child_sh.exec_external(rest, env, [], path)
    try:
        pid = sh.fork(child)
        status = sh.wait_foreground([pid], " ".join(rest))
    finally:
        _drain(sh, spool, 2)
    return status


HELP = """vshell: a shell on a miniature Unix kernel.  Every command here is a real
process of that kernel: fork, exec, wait and signals happen as the book says.

  ./p1.py ... ./p4.py      the chapter's fork/exec/wait demos (cat p1.py to read one)
  ls ~  ps  pstree -p      what is here, and which processes are running
  ./cpu.py &  ps -o pid,state,pc,cmd    watch a process RUNNING, READY, BLOCKED
  ./zombie.py  ./orphan.py ./sigint.py  fork.py -A a+b,b+c,c- -c
  jobs  fg  bg  kill       job control (Ctrl-C, Ctrl-Z, Ctrl-D work too)
  edit hello.py            write a program (Ctrl-S saves, Ctrl-Q quits)
  man ls  man 2 fork  man 7 signal     read about a command, a system call, a concept

Builtins: {builtins}
Programs are in /bin (cat /bin/wc shows one).  `type NAME` says what a command is;
`help NAME` (or NAME --help) says what it does.
"""


def b_help(sh: Shell, args: list[str]) -> int:
    """help: where to start; help NAME...: each command's manual page (section 1)."""
    if len(args) == 1:
        names = sorted(set(builtins.BUILTINS) | set(builtins.SPECIAL))
        sh.say(1, HELP.format(builtins=" ".join(names)))
        return 0
    status = 0
    for name in args[1:]:
        page = manual_page(sh, name)
        if page is None:
            sh.error(f"help: no help topics match `{name}'.  Try `man -k {name}'.")
            status = 1
        else:
            sh.say(1, page)
    return status


PAGE_NAMES = {"[": "test", ".": "source", ":": "colon"}


def help_option(sh: Shell, args: list[str]) -> int:
    """NAME --help, for a builtin: its manual page, as `help NAME` shows it."""
    return b_help(sh, ["help", args[0]])


def manual_page(sh: Shell, name: str) -> str | None:
    """The text of /usr/share/man/man1/NAME.1 (after a `.so` link), read through
    the kernel like any file; None if there is none."""
    if "/" in name or not name:
        return None
    path = f"/usr/share/man/man1/{PAGE_NAMES.get(name, name)}.1"
    os = sh.os
    for _ in range(5):
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return None
        try:
            parts = []
            while chunk := os.read(fd, 65536):
                parts.append(chunk)
        except OSError:
            return None
        finally:
            os.close(fd)
        text = b"".join(parts).decode("utf-8", "replace")
        if not text.startswith(".so "):
            return text
        path = "/usr/share/man/" + text[4:].strip()
    return None
