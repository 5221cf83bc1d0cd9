"""Lecture mode: the builtins that let a class watch the kernel and steer it.

`trace`, `strace`, `step` and `timeline` ask for the kernel's events by writing
to /proc/trace; `sched` and `seed` choose the scheduling policy by writing to
/proc/sched.  A write to a control file is a system call like any other: the
shell asks, the kernel decides.  `help`, the first page a student sees, is here
too.
"""
from __future__ import annotations

from . import builtins  # the tables, for help's list
from .runner import O_CREAT, O_EXCL, O_RDWR, O_TRUNC, O_WRONLY, CommandError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell


def b_trace(sh: Shell, args: list[str]) -> int:
    """trace [on|off|all|syscalls|sched|signals|proc]... [pid N...]: kernel events
    on the terminal as they happen (written to /proc/trace); bare `trace` says what."""
    os = sh.os
    if len(args) == 1:
        with sh.rt.open("/proc/trace") as f:
            sh.say(1, f.read())
        return 0
    words = [w for w in args[1:] if w != "on"] or ["all"]
    fd = os.open("/proc/trace", O_WRONLY)
    try:
        os.write(fd, " ".join(words).encode())
    finally:
        os.close(fd)
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


def b_timeline(sh: Shell, args: list[str]) -> int:
    """timeline CMD [ARGS]: run CMD and show who was on the CPU at each tick, then
    each process's response, turnaround and wait, on standard output."""
    if len(args) < 2:
        raise CommandError("timeline: usage: timeline CMD [ARGS]", 2)
    words = args[1:]
    path = sh.lookup(words[0])
    if path is None:
        raise CommandError(f"timeline: {words[0]}: not found", 127)
    env = sh.state.environ()

    def watcher(wsh: Shell) -> int:
        # The kernel's tracer writes the report into a scratch file (it never
        # writes where it might have to wait); this process copies it to its
        # standard output, which may be a pipe, a file or the terminal.
        wos = wsh.os
        scratch = f"/tmp/.timeline.{wos.getpid()}"
        fd = wos.open(scratch, O_RDWR | O_CREAT | O_EXCL, 0o600)
        wos.unlink(scratch)
        colour = " colour" if wos.isatty(1) else ""

        def command(csh: Shell) -> int:
            _write_proc(csh, "/proc/trace", f"timeline {csh.os.getpid()} fd {fd}{colour}")
            csh.os.close(fd)
            return csh.exec_external(words, env, [], path)
        wsh.state.options.discard("m")          # the command stays in this foreground group
        status = wsh.wait_foreground([wsh.fork(command)], " ".join(words))
        wos.lseek(fd, 0, 0)
        while chunk := wos.read(fd, 65536):
            while chunk:
                chunk = chunk[wos.write(1, chunk):]
        return status
    return sh.wait_foreground([sh.fork(watcher)], " ".join(words))


def b_strace(sh: Shell, args: list[str]) -> int:
    """strace [-f] [-o FILE] CMD [ARGS]: run CMD, showing its system calls (and its
    children's with -f) on the terminal or into FILE."""
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

    def child(child_sh: Shell) -> int:
        # As strace does: it opens FILE itself (so the permission checks are the
        # user's own), the tracer writes through that open file, and the command
        # does not inherit it (os.open's fds are close-on-exec).
        cos = child_sh.os
        request = f"strace {cos.getpid()}" + (" follow" if follow else "")
        if out is not None:
            try:
                request += f" fd {cos.open(out, O_WRONLY | O_CREAT | O_TRUNC, 0o666)}"
            except OSError as e:
                child_sh.say(2, f"strace: Can't fopen '{out}': {e.strerror}\n")
                return 1
        fd = cos.open("/proc/trace", O_WRONLY)
        cos.write(fd, request.encode())
        cos.close(fd)
        return child_sh.exec_external(rest, env, [], path)
    pid = sh.fork(child)
    return sh.wait_foreground([pid], " ".join(rest))


HELP = """vshell: a shell on a miniature Unix kernel.  Every command here is a real
process of that kernel: fork, exec, wait and signals happen as the book says.

  ./p1.py ... ./p4.py      the chapter's fork/exec/wait demos (cat p1.py to read one)
  ls ~  ps  pstree -p      what is here, and which processes are running
  ./cpu.py &  ps -o pid,state,pc,cmd    watch a process RUNNING, READY, BLOCKED
  ./zombie.py  ./orphan.py ./sigint.py  fork.py -A a+b,b+c,c- -c
  jobs  fg  bg  kill       job control (Ctrl-C, Ctrl-Z, Ctrl-D work too)

Builtins: {builtins}
Programs are in /bin (cat /bin/wc shows one).  `type NAME` says what a command is.
"""


def b_help(sh: Shell, args: list[str]) -> int:
    names = sorted(set(builtins.BUILTINS) | set(builtins.SPECIAL))
    sh.say(1, HELP.format(builtins=" ".join(names)))
    return 0
