"""System calls about processes: fork, exec, exit, wait, ids, signals, time.

Each runs on the calling process's context, in kernel mode, and either
returns a value or raises OSError with an errno -- the trap turns either into
what the program sees.
"""
from __future__ import annotations

import errno

from .errors import ExecImage, ProcessExit, oserror
from .proc import Proc, State
from .replay import Replay, enomem_message
from .signals import SIG_DFL, SIG_IGN, UNCATCHABLE, valid

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

    from .kernel import Kernel

WNOHANG, WUNTRACED, WCONTINUED = 1, 2, 8
SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK = 0, 1, 2

table: dict[str, Callable] = {}


def syscall(fn: Callable) -> Callable:
    table[fn.__name__.removeprefix("sys_")] = fn
    return fn


# ---- fork, exec, exit, wait ---------------------------------------------------------

@syscall
def sys_fork(k: "Kernel", p: Proc) -> int:
    """fork by replay: the child re-runs this program, answered from p's record."""
    if p.record is None or p.record.dropped:
        if p.native:
            raise oserror(errno.ENOSYS)
        raise enomem_message()
    image = p.image
    child = k.new_process(p, lambda: k.loader.run(child, image),
                          replay=Replay(p.record.for_child(0)), ready=False)
    k.after_fork(p, child)
    return child.pid


@syscall
def sys_clone(k: "Kernel", p: Proc, fn: Callable) -> int:
    """fork for native code: the child runs fn (a continuation) on a copy of p's runtime."""
    parent_rt = p.runtime
    child = k.new_process(p, lambda: k.loader.run_clone(child, fn, parent_rt), ready=False)
    child.native = True
    k.after_fork(p, child)
    return child.pid


@syscall
def sys_execve(k: "Kernel", p: Proc, path: str, argv: list, env: dict) -> None:
    image = k.loader.load(p, path, list(argv), dict(env))
    k.loader.commit(p, image)
    raise k.cpu.unwind(p, ExecImage(image))


@syscall
def sys_exit(k: "Kernel", p: Proc, code: int) -> None:
    raise k.cpu.unwind(p, ProcessExit((code & 0xFF) << 8))


@syscall
def sys_wait4(k: "Kernel", p: Proc, pid: int, options: int) -> tuple[int, int]:
    while True:
        if pid > 0:
            child = k.procs.kids.get(p.pid, {}).get(pid)
            kids = [child] if child is not None else []
        else:
            kids = k.procs.children(p.pid)
        if pid == 0:
            kids = [c for c in kids if c.pgid == p.pgid]
        elif pid < -1:
            kids = [c for c in kids if c.pgid == -pid]
        if not kids:
            raise oserror(errno.ECHILD)
        for c in kids:
            if c.state is State.ZOMBIE:
                return c.pid, k.reap(p, c)
            if options & WUNTRACED and c.stop_report is not None:
                status, c.stop_report = c.stop_report, None
                return c.pid, status
            if options & WCONTINUED and c.cont_report:
                c.cont_report = False
                return c.pid, 0xFFFF
        if options & WNOHANG:
            return 0, 0
        if p.waitq is None:
            p.waitq = k.cpu.queue(f"wait:{p.pid}")
        if k.cpu.sleep(p, p.waitq, "child"):
            raise oserror(errno.EINTR)


# ---- identity ------------------------------------------------------------------------

@syscall
def sys_getpid(k, p: Proc) -> int:
    return p.pid


@syscall
def sys_getppid(k, p: Proc) -> int:
    return p.ppid


@syscall
def sys_getuid(k, p: Proc) -> int:
    return p.uid


@syscall
def sys_geteuid(k, p: Proc) -> int:
    return p.euid


@syscall
def sys_getgid(k, p: Proc) -> int:
    return p.gid


@syscall
def sys_getegid(k, p: Proc) -> int:
    return p.egid


@syscall
def sys_setuid(k, p: Proc, uid: int) -> None:
    if p.euid == 0:
        k.procs.change_uid(p, uid)
        p.euid = uid
    elif uid in (p.uid,):
        p.euid = uid
    else:
        raise oserror(errno.EPERM)


@syscall
def sys_setgid(k, p: Proc, gid: int) -> None:
    if p.euid == 0:
        p.gid = p.egid = gid
    elif gid == p.gid:
        p.egid = gid
    else:
        raise oserror(errno.EPERM)


@syscall
def sys_seteuid(k, p: Proc, uid: int) -> None:
    if p.euid != 0 and uid != p.uid:
        raise oserror(errno.EPERM)
    p.euid = uid


def _target(k, p: Proc, pid: int) -> Proc:
    if pid == 0:
        return p
    t = k.procs.get(pid)
    if t is None:
        raise oserror(errno.ESRCH)
    return t


@syscall
def sys_getpgid(k, p: Proc, pid: int) -> int:
    return _target(k, p, pid).pgid


@syscall
def sys_setpgid(k, p: Proc, pid: int, pgid: int) -> None:
    if pgid < 0:
        raise oserror(errno.EINVAL)
    t = _target(k, p, pid)
    if t is not p and t.ppid != p.pid:
        raise oserror(errno.ESRCH)
    if t is not p and t.sid == p.sid and t.execed:
        raise oserror(errno.EACCES)     # a child that has exec'd is its own program now
    if t.sid != p.sid or t.pid == t.sid:
        raise oserror(errno.EPERM)
    pgid = pgid or t.pid
    if pgid != t.pid and not any(q.pgid == pgid and q.sid == p.sid for q in k.procs):
        raise oserror(errno.EPERM)
    t.pgid = pgid


@syscall
def sys_getsid(k, p: Proc, pid: int) -> int:
    return _target(k, p, pid).sid


@syscall
def sys_setsid(k, p: Proc) -> int:
    if any(q.pgid == p.pid for q in k.procs):
        raise oserror(errno.EPERM)
    p.sid = p.pgid = p.pid
    return p.pid


@syscall
def sys_tcgetpgrp(k, p: Proc, fd: int) -> int:
    f = p.fds.get(fd)
    if f.kind != "dev" or f.inode.dev is not k.tty:
        raise oserror(errno.ENOTTY)
    return k.tty.fg_pgrp


@syscall
def sys_tcsetpgrp(k, p: Proc, fd: int, pgrp: int) -> None:
    f = p.fds.get(fd)
    if f.kind != "dev" or f.inode.dev is not k.tty:
        raise oserror(errno.ENOTTY)
    if not any(q.pgid == pgrp for q in k.procs):
        raise oserror(errno.ESRCH)
    if k.tty.sid and p.sid != k.tty.sid:
        raise oserror(errno.ENOTTY)
    if p.pgid != k.tty.fg_pgrp and k.tty.fg_pgrp and not (
            p.sig.ignores(22) or 22 in p.sig.blocked):
        k.signals_to_group(None, p.pgid, 22)        # SIGTTOU to a background caller
        raise oserror(errno.EINTR)
    k.tty.fg_pgrp = pgrp


def _terminal(k, p: Proc, fd: int):
    f = p.fds.get(fd)
    if f.kind != "dev" or f.inode.dev is not k.tty or not k.tty.isatty(f):
        raise oserror(errno.ENOTTY)
    return k.tty


@syscall
def sys_tcgetattr(k, p: Proc, fd: int) -> bool:
    """The terminal's modes; this terminal has one that can change: ECHO."""
    return _terminal(k, p, fd).echo


@syscall
def sys_tcsetattr(k, p: Proc, fd: int, echo: bool) -> None:
    _terminal(k, p, fd).set_echo(bool(echo))


@syscall
def sys_getrlimit(k, p: Proc, resource: int) -> tuple[int, int]:
    """(soft, hard); RLIM_INFINITY (2**64-1) for no limit."""
    return p.limits.get(resource)


@syscall
def sys_setrlimit(k, p: Proc, resource: int, limits: tuple[int, int]) -> None:
    p.limits.set(resource, limits[0], limits[1], privileged=p.euid == 0)


@syscall
def sys_prlimit(k, p: Proc, pid: int, resource: int, limits: tuple[int, int] | None) -> tuple[int, int]:
    """Another process's limits (pid 0: one's own): read, and set unless limits is
    None.  Root may; others only for a process whose ids are all their own."""
    t = _target(k, p, pid)
    if t is not p and p.euid != 0 and not t.uid == t.euid == p.uid:
        raise oserror(errno.EPERM)
    old = t.limits.get(resource)
    if limits is not None:
        t.limits.set(resource, limits[0], limits[1], privileged=p.euid == 0)
    return old


# ---- signals -----------------------------------------------------------------------

def may_signal(p: Proc, t: Proc) -> bool:
    """Root may signal anyone; others only processes of their own user."""
    return p.euid == 0 or p.uid == t.uid or p.euid == t.uid


@syscall
def sys_kill(k: "Kernel", p: Proc, pid: int, sig: int) -> None:
    if not valid(sig) and sig != 0:
        raise oserror(errno.EINVAL)
    if pid > 0:
        targets = [t for t in [k.procs.get(pid)] if t is not None]
    elif pid == 0:
        targets = k.procs.group(p.pgid)
    elif pid == -1:
        targets = [t for t in k.procs if t.pid != 1 and t is not p and t.state is not State.ZOMBIE]
    else:
        targets = k.procs.group(-pid)
    if not targets:
        raise oserror(errno.ESRCH)
    allowed = [t for t in targets if may_signal(p, t)]
    if not allowed:
        raise oserror(errno.EPERM)
    if sig:
        for t in allowed:
            k.signals.send(p, t, sig)
        if sig == 9 and any(t is not p for t in allowed):
            # let the victims run their way out now, as they would on a real
            # machine while the killer waits for its next slice
            k.cpu.yield_cpu(p, "kill")


@syscall
def sys_sigaction(k, p: Proc, sig: int, disposition: int) -> int:
    """Set SIG_DFL, SIG_IGN or SIG_CATCH (the handler itself lives in user space)."""
    if not valid(sig):
        raise oserror(errno.EINVAL)
    old = p.sig.disposition(sig)
    if disposition < 0:
        return old                      # just asking
    if sig in UNCATCHABLE:
        raise oserror(errno.EINVAL)
    if disposition == SIG_DFL:
        p.sig.action.pop(sig, None)
    else:
        p.sig.action[sig] = disposition
    if disposition == SIG_IGN:
        p.sig.pending.discard(sig)
    return old


@syscall
def sys_sigprocmask(k, p: Proc, how: int, sigs: frozenset) -> frozenset:
    old = frozenset(p.sig.blocked)
    sigs = set(sigs) - UNCATCHABLE
    if how == SIG_BLOCK:
        p.sig.blocked |= sigs
    elif how == SIG_UNBLOCK:
        p.sig.blocked -= sigs
    elif how == SIG_SETMASK:
        p.sig.blocked = sigs
    else:
        raise oserror(errno.EINVAL)
    return old


@syscall
def sys_sigpending(k, p: Proc) -> frozenset:
    return frozenset(p.sig.pending & p.sig.blocked)


@syscall
def sys_pause(k: "Kernel", p: Proc) -> None:
    """Sleep until a signal is delivered; always 'fails' with EINTR."""
    while not k.cpu.sleep(p, None, "signal"):
        pass
    raise oserror(errno.EINTR)


@syscall
def sys_alarm(k: "Kernel", p: Proc, seconds: int) -> int:
    p.sig.interval = 0.0                    # alarm is the real-time interval timer, once
    left = k.signals.set_alarm(p, seconds)
    return int(left + 0.999999) if left else 0


@syscall
def sys_setitimer(k: "Kernel", p: Proc, seconds: float, interval: float) -> tuple[float, float]:
    """ITIMER_REAL: SIGALRM in seconds, then every interval (0 disarms); the old setting."""
    old = sys_getitimer(k, p)
    k.signals.set_alarm(p, seconds)
    p.sig.interval = interval if seconds > 0 else 0.0
    return old


@syscall
def sys_getitimer(k: "Kernel", p: Proc) -> tuple[float, float]:
    left = max(0.0, p.sig.alarm - k.clock.monotonic()) if p.sig.alarm is not None else 0.0
    return left, p.sig.interval


# ---- time and the CPU -------------------------------------------------------------------

@syscall
def sys_nanosleep(k: "Kernel", p: Proc, deadline: float) -> None:
    """Sleep until the monotonic clock reaches deadline (EINTR if a signal comes first)."""
    while k.clock.monotonic() < deadline:
        if k.cpu.sleep(p, None, "timer", deadline):
            raise oserror(errno.EINTR)


@syscall
def sys_time(k: "Kernel", p: Proc) -> float:
    return k.clock.time()


@syscall
def sys_monotonic(k: "Kernel", p: Proc) -> float:
    return k.clock.monotonic()


@syscall
def sys_times(k: "Kernel", p: Proc) -> tuple[float, float, float]:
    """CPU seconds of p and of its reaped children, and seconds since boot."""
    k.cpu.charge()
    return p.cpu_time, p.rusage_children, k.clock.monotonic()


@syscall
def sys_urandom(k: "Kernel", p: Proc, n: int) -> bytes:
    return k.random_bytes(n)


@syscall
def sys_sched_yield(k: "Kernel", p: Proc) -> None:
    k.cpu.yield_cpu(p, "sched_yield")


@syscall
def sys_nice(k: "Kernel", p: Proc, inc: int) -> int:
    if inc < 0 and p.euid != 0:
        raise oserror(errno.EPERM)
    p.nice = max(-20, min(19, p.nice + inc))
    return p.nice


@syscall
def sys_uname(k, p: Proc) -> tuple:
    return ("vshell", "vshell", "0.1", "#1 teaching kernel", "python")
