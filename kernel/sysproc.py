"""System calls about processes: fork, exec, exit, wait, ids, signals, time.

Each runs on the calling process's context, in kernel mode, and either
returns a value or raises OSError with an errno -- the trap turns either into
what the program sees.
"""
from __future__ import annotations


from . import abi
from .abi import (
    CLD_CONTINUED, CLD_EXITED, CLD_KILLED, CLD_STOPPED, CONTINUED, SIG_BLOCK, SIG_SETMASK,
    SIG_UNBLOCK, SIGCHLD, SIGCONT, SIGKILL,
    SIGTTOU, W_EXITCODE, WCONTINUED, WEXITED, WEXITSTATUS, WIFSIGNALED, WNOHANG, WNOWAIT,
    WSTOPSIG, WTERMSIG, WUNTRACED,
)
from .errors import ExecImage, ProcessExit, oserror
from . import memlimit
from .limits import RLIMIT_CPU
from .proc import READY, RUNNING, ZOMBIE, Proc
from .replay import ENTRY_COST, Replay, enomem_message
from .signals import SI_KERNEL, SIG_DFL, SIG_IGN, UNCATCHABLE, valid

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

    from .kernel import Kernel

table: dict[str, Callable] = {}


def syscall(fn: Callable) -> Callable:
    table[fn.__name__.removeprefix("sys_")] = fn
    return fn


# ---- fork, exec, exit, wait ---------------------------------------------------------

@syscall
def sys_fork(k: "Kernel", p: Proc) -> int:
    """fork by replay: the child re-runs this program, answered from p's record."""
    image = p.image
    if p.record is None or p.record.dropped or image is None:
        if p.native:
            raise oserror(abi.ENOSYS)
        raise enomem_message()
    replay = Replay(p.record.for_child(), p.record.size + ENTRY_COST)    # (+ the fork)
    replay.at = p.where()           # until it has caught up, the child is "at the fork"
    child = k.new_process(p, lambda: k.loader.run(child, image), replay=replay, ready=False)
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
    raise k.cpu.unwind(p, ProcessExit(W_EXITCODE(code)))


# wait: the three calls of the C library, one search.  Each finds a child that
# changed -- ended (a zombie), stopped, or continued, as the options ask -- and
# reports it; a zombie so reported is reaped, unless WNOWAIT leaves it waitable.

P_ALL, P_PID, P_PGID = 0, 1, 2


@syscall
def sys_wait4(k: "Kernel", p: Proc, pid: int, options: int, usage: bool = False) -> tuple:
    """(pid, wait status), and with usage the child's resource usage too; pid 0
    under WNOHANG when no child has changed yet."""
    if options & ~(WNOHANG | WUNTRACED | WCONTINUED):
        raise oserror(abi.EINVAL)
    if pid > 0:
        idtype, id_ = P_PID, pid
    elif pid == -1:
        idtype, id_ = P_ALL, 0
    else:
        idtype, id_ = P_PGID, -pid if pid else p.pgid
    found = _wait(k, p, idtype, id_, options | WEXITED)
    c, status = (None, 0) if found is None else found[:2]
    result = (0 if c is None else c.pid, status)
    return result + (rusage(c),) if usage else result


@syscall
def sys_waitid(k: "Kernel", p: Proc, idtype: int, id_: int, options: int) -> tuple | None:
    """The child as a siginfo (si_pid, si_uid, si_signo, si_status, si_code), or
    None under WNOHANG when no child has changed yet."""
    if (options & ~(WNOHANG | WUNTRACED | WEXITED | WCONTINUED | WNOWAIT)
            or not options & (WEXITED | WUNTRACED | WCONTINUED)
            or idtype not in (P_ALL, P_PID, P_PGID) or (idtype == P_PID and id_ <= 0)
            or id_ < 0):
        raise oserror(abi.EINVAL)
    if idtype == P_PGID and id_ == 0:
        id_ = p.pgid
    found = _wait(k, p, idtype, id_, options)
    if found is None:
        return None
    c, status, code = found
    detail = WEXITSTATUS(status) if code == CLD_EXITED else WSTOPSIG(status) \
        if code == CLD_STOPPED else WTERMSIG(status) if code == CLD_KILLED else SIGCONT
    return c.pid, c.uid, SIGCHLD, detail, code


def _wait(k: "Kernel", p: Proc, idtype: int, id_: int, options: int):
    """Sleep until a child chosen by (idtype, id_) changes as options ask; return
    (child, wait status, CLD_ code), or None for WNOHANG.  ECHILD if there is no
    such child, EINTR if a signal comes first."""
    while True:
        if idtype == P_PID:
            child = k.procs.kids.get(p.pid, {}).get(id_)
            kids = [child] if child is not None else []
        else:
            kids = k.procs.children(p.pid)
            if idtype == P_PGID:
                kids = [c for c in kids if c.pgid == id_]
        if not kids:
            raise oserror(abi.ECHILD)
        for c in kids:
            found = _changed(k, p, c, options)
            if found is not None:
                return found
        if options & WNOHANG:
            return None
        if p.child_queue is None:
            p.child_queue = k.cpu.queue(f"wait:{p.pid}")
        if k.cpu.sleep(p, p.child_queue, "child"):
            raise oserror(abi.EINTR)


def _changed(k: "Kernel", p: Proc, c: Proc, options: int):
    keep = options & WNOWAIT
    if options & WEXITED and c.state is ZOMBIE:
        status = c.exit_status
        if not keep:
            k.reap(p, c)
        return c, status, CLD_KILLED if WIFSIGNALED(status) else CLD_EXITED
    if options & WUNTRACED and c.stop_report is not None:
        status = c.stop_report
        if not keep:
            c.stop_report = None
        return c, status, CLD_STOPPED
    if options & WCONTINUED and c.cont_report:
        if not keep:
            c.cont_report = False
        return c, CONTINUED, CLD_CONTINUED
    return None


def rusage(c: Proc | None) -> tuple:
    """getrusage's sixteen fields for a child and the children it waited for: the
    CPU time the kernel counted and its context switches; a virtual process has
    no memory or I/O counters, so those are 0."""
    if c is None:
        return (0.0, 0.0) + (0,) * 14
    return ((c.cpu_time + c.rusage_children, 0.0) + (0,) * 12
            + (c.voluntary_switches, c.involuntary_switches))


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


# Linux's rules for changing ids: root (effective uid 0) may set any; others may
# only move between the ids they hold -- real, effective and saved, the saved
# set-user-ID being what lets a set-user-ID program drop its privilege and take
# it back.  setuid by root sets all three, so that privilege is gone for good.

@syscall
def sys_setresuid(k, p: Proc, ruid: int, euid: int, suid: int) -> None:
    """Set the real, effective and saved uid (-1: unchanged)."""
    held = (p.uid, p.euid, p.suid)
    if p.euid != 0 and any(u != -1 and u not in held for u in (ruid, euid, suid)):
        raise oserror(abi.EPERM)
    _set_uids(k, p, ruid, euid, suid)


@syscall
def sys_setresgid(k, p: Proc, rgid: int, egid: int, sgid: int) -> None:
    held = (p.gid, p.egid, p.sgid)
    if p.euid != 0 and any(g != -1 and g not in held for g in (rgid, egid, sgid)):
        raise oserror(abi.EPERM)
    _set_gids(p, rgid, egid, sgid)


def _set_uids(k, p: Proc, ruid: int, euid: int, suid: int) -> None:
    if ruid != -1 and ruid != p.uid:
        k.procs.change_uid(p, ruid)
    if euid != -1:
        p.euid = euid
    if suid != -1:
        p.suid = suid


def _set_gids(p: Proc, rgid: int, egid: int, sgid: int) -> None:
    if rgid != -1:
        p.gid = rgid
    if egid != -1:
        p.egid = egid
    if sgid != -1:
        p.sgid = sgid


@syscall
def sys_getresuid(k, p: Proc) -> tuple[int, int, int]:
    return p.uid, p.euid, p.suid


@syscall
def sys_getresgid(k, p: Proc) -> tuple[int, int, int]:
    return p.gid, p.egid, p.sgid


@syscall
def sys_setuid(k, p: Proc, uid: int) -> None:
    if uid < 0:
        raise oserror(abi.EINVAL)
    if p.euid == 0:
        sys_setresuid(k, p, uid, uid, uid)
    elif uid in (p.uid, p.suid):
        p.euid = uid
    else:
        raise oserror(abi.EPERM)


@syscall
def sys_setgid(k, p: Proc, gid: int) -> None:
    if gid < 0:
        raise oserror(abi.EINVAL)
    if p.euid == 0:
        sys_setresgid(k, p, gid, gid, gid)
    elif gid in (p.gid, p.sgid):
        p.egid = gid
    else:
        raise oserror(abi.EPERM)


@syscall
def sys_setreuid(k, p: Proc, ruid: int, euid: int) -> None:
    """As Linux: the saved uid follows the effective one when the real one is set,
    or the effective one is set to other than the old real uid."""
    if p.euid != 0 and (ruid not in (-1, p.uid, p.euid) or euid not in (-1, p.uid, p.euid, p.suid)):
        raise oserror(abi.EPERM)
    saved = -1
    if ruid != -1 or (euid != -1 and euid != p.uid):
        saved = p.euid if euid == -1 else euid
    _set_uids(k, p, ruid, euid, saved)


@syscall
def sys_setregid(k, p: Proc, rgid: int, egid: int) -> None:
    if p.euid != 0 and (rgid not in (-1, p.gid, p.egid) or egid not in (-1, p.gid, p.egid, p.sgid)):
        raise oserror(abi.EPERM)
    saved = -1
    if rgid != -1 or (egid != -1 and egid != p.gid):
        saved = p.egid if egid == -1 else egid
    _set_gids(p, rgid, egid, saved)


@syscall
def sys_seteuid(k, p: Proc, uid: int) -> None:
    if uid < 0:
        raise oserror(abi.EINVAL)
    if p.euid != 0 and uid not in (p.uid, p.suid):
        raise oserror(abi.EPERM)
    p.euid = uid


@syscall
def sys_setegid(k, p: Proc, gid: int) -> None:
    if gid < 0:
        raise oserror(abi.EINVAL)
    if p.euid != 0 and gid not in (p.gid, p.sgid):
        raise oserror(abi.EPERM)
    p.egid = gid


def _target(k, p: Proc, pid: int) -> Proc:
    if pid == 0:
        return p
    t = k.procs.get(pid)
    if t is None:
        raise oserror(abi.ESRCH)
    return t


@syscall
def sys_getpgid(k, p: Proc, pid: int) -> int:
    return _target(k, p, pid).pgid


@syscall
def sys_setpgid(k, p: Proc, pid: int, pgid: int) -> None:
    if pgid < 0:
        raise oserror(abi.EINVAL)
    t = _target(k, p, pid)
    if t is not p and t.ppid != p.pid:
        raise oserror(abi.ESRCH)
    if t is not p and t.sid == p.sid and t.execed:
        raise oserror(abi.EACCES)       # a child that has exec'd is its own program now
    if t.sid != p.sid or t.pid == t.sid:
        raise oserror(abi.EPERM)
    pgid = pgid or t.pid
    if pgid != t.pid and not any(q.pgid == pgid and q.sid == p.sid for q in k.procs):
        raise oserror(abi.EPERM)
    t.pgid = pgid


@syscall
def sys_getsid(k, p: Proc, pid: int) -> int:
    return _target(k, p, pid).sid


@syscall
def sys_setsid(k, p: Proc) -> int:
    if any(q.pgid == p.pid for q in k.procs):
        raise oserror(abi.EPERM)
    p.sid = p.pgid = p.pid
    return p.pid


@syscall
def sys_tcgetpgrp(k, p: Proc, fd: int) -> int:
    f = p.fds.get(fd)
    if f.kind != "dev" or f.inode.dev is not k.tty:
        raise oserror(abi.ENOTTY)
    return k.tty.fg_pgrp


@syscall
def sys_tcsetpgrp(k, p: Proc, fd: int, pgrp: int) -> None:
    f = p.fds.get(fd)
    if f.kind != "dev" or f.inode.dev is not k.tty:
        raise oserror(abi.ENOTTY)
    if not any(q.pgid == pgrp for q in k.procs):
        raise oserror(abi.ESRCH)
    if k.tty.sid and p.sid != k.tty.sid:
        raise oserror(abi.ENOTTY)
    if p.pgid != k.tty.fg_pgrp and k.tty.fg_pgrp and not (
            p.sig.ignores(SIGTTOU) or SIGTTOU in p.sig.blocked):
        k.signals_to_group(None, p.pgid, SIGTTOU)      # to a background caller
        raise oserror(abi.EINTR)
    k.tty.fg_pgrp = pgrp


def _terminal(k, p: Proc, fd: int):
    f = p.fds.get(fd)
    if f.kind != "dev" or f.inode.dev is not k.tty or not k.tty.isatty(f):
        raise oserror(abi.ENOTTY)
    return k.tty


@syscall
def sys_tcgetattr(k, p: Proc, fd: int) -> list:
    """The terminal's modes: termios's [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]."""
    return _terminal(k, p, fd).getattr()


@syscall
def sys_tcsetattr(k, p: Proc, fd: int, modes: list) -> None:
    """Set the terminal's modes (canonical or key by key, signals, echo):
    an editor or a pager turns ICANON off to read each key as it is typed."""
    tty = _terminal(k, p, fd)
    if p.pgid != tty.fg_pgrp and tty.fg_pgrp and p.sid == tty.sid and not (
            p.sig.ignores(SIGTTOU) or SIGTTOU in p.sig.blocked):
        k.signals_to_group(None, p.pgid, SIGTTOU)      # as for a background writer
        raise oserror(abi.EINTR)
    tty.setattr(modes)


@syscall
def sys_getrlimit(k, p: Proc, resource: int) -> tuple[int, int]:
    """(soft, hard); RLIM_INFINITY (2**64-1) for no limit."""
    return p.limits.get(resource)


@syscall
def sys_setrlimit(k, p: Proc, resource: int, limits: tuple[int, int]) -> None:
    p.limits.set(resource, limits[0], limits[1], privileged=p.euid == 0)
    if resource == RLIMIT_CPU:
        k.signals.arm_cpu_limit(p)
    memlimit.limited(k, p, resource)


@syscall
def sys_prlimit(k, p: Proc, pid: int, resource: int, limits: tuple[int, int] | None) -> tuple[int, int]:
    """Another process's limits (pid 0: one's own): read, and set unless limits is
    None.  Root may; others only for a process whose ids are all their own."""
    t = _target(k, p, pid)
    if t is not p and p.euid != 0 and not t.uid == t.euid == p.uid:
        raise oserror(abi.EPERM)
    old = t.limits.get(resource)
    if limits is not None:
        t.limits.set(resource, limits[0], limits[1], privileged=p.euid == 0)
        if resource == RLIMIT_CPU:
            k.signals.arm_cpu_limit(t)
        memlimit.limited(k, t, resource)
    return old


# ---- signals -----------------------------------------------------------------------

def may_signal(p: Proc, t: Proc) -> bool:
    """Root may signal anyone; others only processes of their own user."""
    return p.euid == 0 or p.uid == t.uid or p.euid == t.uid


@syscall
def sys_kill(k: "Kernel", p: Proc, pid: int, sig: int) -> None:
    if not valid(sig) and sig != 0:
        raise oserror(abi.EINVAL)
    if pid > 0:
        targets = [t for t in [k.procs.get(pid)] if t is not None]
    elif pid == 0:
        targets = k.procs.group(p.pgid)
    elif pid == -1:
        targets = [t for t in k.procs if t.pid != 1 and t is not p and t.state is not ZOMBIE]
    else:
        targets = k.procs.group(-pid)
    if not targets:
        raise oserror(abi.ESRCH)
    allowed = [t for t in targets if may_signal(p, t)]
    if not allowed and pid != -1:
        raise oserror(abi.EPERM)
    # kill(-1) is "every process I may signal": Linux does not count the ones
    # it may not as a failure, so with none of one's own it succeeds, killing
    # nothing (ESRCH only when there is no other process at all).
    if sig:
        for t in allowed:
            k.signals.send(p, t, sig)
        if sig == SIGKILL and any(t is not p for t in allowed):
            # let the victims run their way out now, as they would on a real
            # machine while the killer waits for its next slice
            k.cpu.yield_cpu(p, "kill")


@syscall
def sys_sigaction(k, p: Proc, sig: int, disposition: int) -> int:
    """Set SIG_DFL, SIG_IGN or SIG_CATCH (the handler itself lives in user space)."""
    if not valid(sig):
        raise oserror(abi.EINVAL)
    old = p.sig.disposition(sig)
    if disposition < 0:
        return old                      # just asking
    if sig in UNCATCHABLE:
        raise oserror(abi.EINVAL)
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
    asked = set(sigs) - UNCATCHABLE
    if how == SIG_BLOCK:
        p.sig.blocked |= asked
    elif how == SIG_UNBLOCK:
        p.sig.blocked -= asked
    elif how == SIG_SETMASK:
        p.sig.blocked = asked
    else:
        raise oserror(abi.EINVAL)
    return old


@syscall
def sys_sigpending(k, p: Proc) -> frozenset:
    return frozenset(p.sig.pending & p.sig.blocked)


@syscall
def sys_pause(k: "Kernel", p: Proc) -> None:
    """Sleep until a signal is delivered; always 'fails' with EINTR."""
    while not k.cpu.sleep(p, None, "signal"):
        pass
    raise oserror(abi.EINTR)


@syscall
def sys_alarm(k: "Kernel", p: Proc, seconds: int) -> int:
    p.sig.interval = 0.0                    # alarm is the real-time interval timer, once
    left = k.signals.set_alarm(p, seconds)
    return int(left + 0.999999) if left else 0


ITIMER_REAL = 0


@syscall
def sys_setitimer(k: "Kernel", p: Proc, which: int, seconds: float,
                  interval: float) -> tuple[float, float]:
    """Arm an interval timer: after seconds, then every interval (seconds 0
    disarms it); return the old setting.  ITIMER_REAL counts the clock and sends
    SIGALRM; ITIMER_VIRTUAL and ITIMER_PROF count the process's CPU time and
    send SIGVTALRM and SIGPROF (vshell does not split user from system time:
    both count all of it)."""
    old = sys_getitimer(k, p, which)
    if which == ITIMER_REAL:
        k.signals.set_alarm(p, seconds)
        p.sig.interval = interval if seconds > 0 else 0.0
    elif seconds > 0:
        p.sig.cpu_timers[which] = (k.cpu.cpu_time(p) + seconds, interval)
    else:
        p.sig.cpu_timers.pop(which, None)
    return old


@syscall
def sys_getitimer(k: "Kernel", p: Proc, which: int) -> tuple[float, float]:
    if which not in (0, 1, 2):
        raise oserror(abi.EINVAL)
    if which == ITIMER_REAL:
        left = max(0.0, p.sig.alarm - k.clock.monotonic()) if p.sig.alarm is not None else 0.0
        return left, p.sig.interval
    at, interval = p.sig.cpu_timers.get(which, (0.0, 0.0))
    return (max(0.0, at - k.cpu.cpu_time(p)) if at else 0.0), interval


@syscall
def sys_sigtimedwait(k: "Kernel", p: Proc, sigs: frozenset,
                     deadline: float | None) -> tuple | None:
    """Take a pending signal of sigs without running its handler -- the program
    blocks them, then waits for them here.  Sleep until one comes, or until the
    monotonic clock reaches deadline (None: for ever), then None.  The signal's
    siginfo: (si_signo, si_code, si_errno, si_pid, si_uid, si_status, si_band)."""
    st = p.sig
    while True:
        ready = sorted(st.pending & sigs)
        if ready:
            sig = ready[0]
            st.pending.discard(sig)
            code, pid, uid, status = st.info.pop(sig, (SI_KERNEL, 0, 0, 0))
            return sig, code, 0, pid, uid, status, pid | uid << 32   # (si_band shares their place)
        if deadline is not None and k.clock.monotonic() >= deadline:
            return None
        st.waiting = sigs                    # their arrival wakes this sleep
        try:
            interrupted = k.cpu.sleep(p, None, "signal", deadline)
        finally:
            st.waiting = frozenset()
        if interrupted and not st.pending & sigs:
            raise oserror(abi.EINTR)


# ---- time and the CPU -------------------------------------------------------------------

@syscall
def sys_nanosleep(k: "Kernel", p: Proc, deadline: float) -> None:
    """Sleep until the monotonic clock reaches deadline (EINTR if a signal comes first)."""
    while k.clock.monotonic() < deadline:
        if k.cpu.sleep(p, None, "timer", deadline):
            raise oserror(abi.EINTR)


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
        raise oserror(abi.EPERM)
    p.nice = max(-20, min(19, p.nice + inc))
    return p.nice


# Priority is the nice value (-20 .. 19) the scheduler's priority policy reads.
# As on Linux, anyone may lower the priority of their own processes (raise
# their nice value); only root may raise it back.

PRIO_PROCESS, PRIO_PGRP, PRIO_USER = 0, 1, 2


def _prio_targets(k: "Kernel", p: Proc, which: int, who: int) -> list[Proc]:
    if which == PRIO_PROCESS:
        targets = [_target(k, p, who)]
    elif which == PRIO_PGRP:
        targets = k.procs.group(who or p.pgid)
    elif which == PRIO_USER:
        targets = [q for q in k.procs if q.uid == (who or p.uid) and q.state is not ZOMBIE]
    else:
        raise oserror(abi.EINVAL)
    if not targets:
        raise oserror(abi.ESRCH)
    return targets


@syscall
def sys_getpriority(k: "Kernel", p: Proc, which: int, who: int) -> int:
    """The highest priority (lowest nice value) among the processes chosen."""
    return min(q.nice for q in _prio_targets(k, p, which, who))


@syscall
def sys_setpriority(k: "Kernel", p: Proc, which: int, who: int, prio: int) -> None:
    prio = max(-20, min(19, prio))
    for q in _prio_targets(k, p, which, who):
        if p.euid != 0 and p.euid not in (q.uid, q.euid):
            raise oserror(abi.EPERM)
        if prio < q.nice and p.euid != 0:
            raise oserror(abi.EACCES)
        q.nice = prio


@syscall
def sys_sched_getaffinity(k: "Kernel", p: Proc, pid: int) -> frozenset:
    """The CPUs a process may run on: the machine has one, CPU 0."""
    _target(k, p, pid)
    return frozenset({0})


@syscall
def sys_sched_setaffinity(k: "Kernel", p: Proc, pid: int, cpus: frozenset) -> None:
    t = _target(k, p, pid)
    if p.euid != 0 and p.euid not in (t.uid, t.euid):
        raise oserror(abi.EPERM)
    if 0 not in cpus:
        raise oserror(abi.EINVAL)


@syscall
def sys_sched_getscheduler(k: "Kernel", p: Proc, pid: int) -> int:
    """Every process is scheduled by the machine's one policy: SCHED_OTHER."""
    _target(k, p, pid)
    return 0


@syscall
def sys_sched_setscheduler(k: "Kernel", p: Proc, pid: int, policy: int, priority: int) -> None:
    """Only SCHED_OTHER (priority 0): the policy is the machine's (`sched`), not a
    process's; a real-time one needs root, and vshell has none to give."""
    t = _target(k, p, pid)
    if policy not in (0, 1, 2, 3, 5) or not (1 <= priority <= 99 if policy in (1, 2)
                                               else priority == 0):
        raise oserror(abi.EINVAL)
    if p.euid != 0 and (p.euid not in (t.uid, t.euid) or policy in (1, 2)):
        raise oserror(abi.EPERM)
    if policy != 0:
        raise oserror(abi.ENOSYS)


@syscall
def sys_getloadavg(k: "Kernel", p: Proc) -> tuple[float, float, float]:
    """How many processes want the CPU (RUNNING or READY), now.  Linux averages
    that over 1, 5 and 15 minutes; vshell reports the current count for all three."""
    n = float(sum(q.state in (RUNNING, READY) for q in k.procs))
    return n, n, n


@syscall
def sys_uname(k, p: Proc) -> tuple:
    return ("vshell", "vshell", "0.1", "#1 teaching kernel", "python")
