"""Signals: default actions, pending and blocked sets, delivery (numbers: abi.py).

Sending a signal only marks it pending in the target (and wakes the target if
it sleeps, so that a blocked call is interrupted).  Delivery happens on the
target's own context, the next time it returns to user space: the default
action (terminate, stop, continue, ignore) or the program's handler, which
the kernel runs through the process's `upcall`.
"""
from __future__ import annotations

import heapq

from . import abi
from . import trace as ev
from .abi import (
    NSIG, SIG_DFL, SIG_IGN, SIGNAMES,
    SIGABRT, SIGALRM, SIGBUS, SIGCHLD, SIGCONT, SIGFPE, SIGHUP, SIGILL, SIGINT, SIGIO,
    SIGKILL, SIGPIPE, SIGPROF, SIGPWR, SIGQUIT, SIGSEGV, SIGSTOP, SIGSYS, SIGTERM, SIGTRAP,
    SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGUSR1, SIGUSR2, SIGVTALRM, SIGWINCH, SIGXCPU, SIGXFSZ,
    CLD_CONTINUED, CLD_EXITED, CLD_KILLED, CLD_STOPPED, W_STOPCODE, WEXITSTATUS, WIFSIGNALED,
    WSTOPSIG, WTERMSIG,
)
from .errors import ProcessExit, oserror
from .limits import RLIM_INFINITY, RLIMIT_CPU
from .proc import BLOCKED, STOPPED, ZOMBIE, Proc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

    from .kernel import Kernel

CPU_LIMIT = -1          # cpu_timers' key for RLIMIT_CPU (0-2 are setitimer's)
SIG_CATCH = 2                   # the kernel's word for a handler the process keeps

TERMINATE, CORE, STOP, CONTINUE, IGNORE = "terminate", "core", "stop", "continue", "ignore"
DEFAULT_ACTION: dict[int, str] = {
    SIGHUP: TERMINATE, SIGINT: TERMINATE, SIGQUIT: CORE, SIGILL: CORE,
    SIGTRAP: CORE, SIGABRT: CORE, SIGBUS: CORE, SIGFPE: CORE,
    SIGKILL: TERMINATE, SIGUSR1: TERMINATE, SIGSEGV: CORE, SIGUSR2: TERMINATE,
    SIGPIPE: TERMINATE, SIGALRM: TERMINATE, SIGTERM: TERMINATE,
    SIGCHLD: IGNORE, SIGCONT: CONTINUE, SIGSTOP: STOP, SIGTSTP: STOP,
    SIGTTIN: STOP, SIGTTOU: STOP, SIGURG: IGNORE, SIGXCPU: CORE,
    SIGXFSZ: CORE, SIGVTALRM: TERMINATE, SIGPROF: TERMINATE,
    SIGWINCH: IGNORE, SIGIO: TERMINATE, SIGPWR: TERMINATE, SIGSYS: CORE,
}
STOP_SIGNALS = frozenset({SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU})
UNCATCHABLE = frozenset({SIGKILL, SIGSTOP})


def default_action(sig: int) -> str:
    return DEFAULT_ACTION.get(sig, TERMINATE)


def valid(sig: int) -> bool:
    return 1 <= sig < NSIG


SI_USER, SI_KERNEL = 0, 0x80          # who sent a signal, as siginfo's si_code says


class SigState:
    """A process's signal state: dispositions, blocked mask, pending set."""
    __slots__ = ("action", "blocked", "pending", "alarm", "interval", "info", "waiting",
                 "cpu_timers")

    def __init__(self, action: dict[int, int] | None = None, blocked: set[int] | None = None,
                 pending: set[int] | None = None, alarm: float | None = None) -> None:
        self.action = {} if action is None else action          # sig -> SIG_DFL/IGN/CATCH
        self.blocked = set() if blocked is None else blocked
        self.pending = set() if pending is None else pending
        self.alarm = alarm                                      # SIGALRM deadline
        self.interval = 0.0                     # and then every interval seconds (setitimer)
        # a pending signal's siginfo: (si_code, si_pid, si_uid, si_status)
        self.info: dict[int, tuple[int, int, int, int]] = {}
        self.waiting: frozenset[int] = frozenset()  # what sigwait sleeps for, if it does
        # ITIMER_VIRTUAL and ITIMER_PROF: which -> (CPU seconds to expire at, interval)
        self.cpu_timers: dict[int, tuple[float, float]] = {}

    def disposition(self, sig: int) -> int:
        return self.action.get(sig, SIG_DFL)

    def ignores(self, sig: int) -> bool:
        d = self.action.get(sig, SIG_DFL)
        return d == SIG_IGN or (d == SIG_DFL and default_action(sig) in (IGNORE, CONTINUE))

    def copy(self) -> "SigState":
        """fork: dispositions and mask are inherited; pending signals are not."""
        return SigState(dict(self.action), set(self.blocked), set(), None)

    def exec_reset(self) -> None:
        """exec: caught signals go back to default (the handler is gone); ignored stay."""
        for sig, d in list(self.action.items()):
            if d == SIG_CATCH:
                del self.action[sig]


class Signals:
    def __init__(self, k: "Kernel") -> None:
        self.k = k
        self.alarms: list[tuple[float, int, Proc]] = []

    # ---- sending ------------------------------------------------------------

    def send(self, sender: Proc | None, p: Proc, sig: int, child: Proc | None = None) -> None:
        """Post sig to p (permission already checked).  Its siginfo says it was sent
        by sender, or by the kernel -- or, for SIGCHLD, what became of child."""
        k = self.k
        sig = int(sig)
        if k.trace.active:
            k.trace.emit(ev.SignalSent(sender.pid if sender else 0, p.pid, sig))
        if p.state is ZOMBIE or sig == 0:
            return
        st = p.sig
        if p.pid == 1 and st.disposition(sig) != SIG_CATCH:
            return                      # init gets only the signals it asked for, as on Linux
        if sig == SIGCONT:
            st.pending -= STOP_SIGNALS
            if p.state is STOPPED:
                self.continue_(p)
        elif sig in STOP_SIGNALS:
            st.pending.discard(SIGCONT)
        if st.ignores(sig) and sig not in st.blocked and sig not in st.waiting \
                and sig != SIGKILL:
            return                            # discarded at once, as POSIX says
        if sig not in st.pending:             # (a second one merges into the first)
            st.info[sig] = (child_info(child) if child is not None
                            else (SI_USER, sender.pid, sender.uid, 0) if sender
                            else (SI_KERNEL, 0, 0, 0))
        st.pending.add(sig)
        if sig == SIGKILL and p.state is STOPPED:
            k.cpu.make_ready(p, "SIGKILL")
        elif p.state is BLOCKED and (self.deliverable(p) or sig in st.waiting):
            k.cpu.interrupt(p)

    def continue_(self, p: Proc) -> None:
        self.k.cpu.make_ready(p, "SIGCONT")
        parent = self.k.procs.get(p.ppid)
        p.stop_report = None
        p.cont_report = True
        if parent is not None:
            self.k.notify_parent(p, parent, SIGCHLD)

    def deliverable(self, p: Proc) -> bool:
        st = p.sig
        return bool(st.pending - st.blocked) or SIGKILL in st.pending or SIGSTOP in st.pending

    def stopping(self, p: Proc) -> bool:
        """Will p stop as soon as it runs (a stop signal pending, at its default)?
        On a machine with more CPUs it would already be STOPPED."""
        st = p.sig
        return any(s in st.pending and (s == SIGSTOP or (st.disposition(s) == SIG_DFL
                                                            and s not in st.blocked))
                   for s in STOP_SIGNALS)

    def interrupts(self, p: Proc) -> bool:
        """Would a sleep by p be cut short right away?"""
        return bool(p.sig.pending) and self.deliverable(p)

    # ---- delivery (on the target's own context) -----------------------------

    def deliver(self, p: Proc, at: int | str | None = None) -> None:
        """Act on p's deliverable pending signals, lowest number first.  `at` is
        where in the program a handler runs, for fork's replay (see replay.py).
        Kernel work: only the handlers themselves run in user mode."""
        st = p.sig
        p.in_kernel += 1
        try:
            while st.pending:
                ready = sorted(s for s in st.pending
                               if s not in st.blocked or s in UNCATCHABLE)
                if not ready:
                    return
                sig = ready[0]
                st.pending.discard(sig)
                st.info.pop(sig, None)
                d = SIG_DFL if sig in UNCATCHABLE else st.disposition(sig)
                if d == SIG_IGN:
                    self._delivered(p, sig, IGNORE)
                elif d == SIG_CATCH and p.upcall is not None:
                    self._delivered(p, sig, "handler")
                    self.run_handler(p, sig, at, p.upcall)
                else:
                    self.default(p, sig)
        finally:
            p.in_kernel -= 1

    def run_handler(self, p: Proc, sig: int, at: int | str | None,
                    upcall: Callable[[int], None]) -> None:
        if p.record is not None:
            p.record.note_signal(sig, at)
        st = p.sig
        was_blocked = sig in st.blocked
        st.blocked.add(sig)                   # no nesting of the same signal
        p.in_kernel -= 1                      # the handler is the program's own code
        try:
            upcall(sig)
        finally:
            p.in_kernel += 1
            if not was_blocked:
                st.blocked.discard(sig)

    def default(self, p: Proc, sig: int) -> None:
        action = default_action(sig)
        self._delivered(p, sig, action)
        if action in (TERMINATE, CORE):
            raise self.k.cpu.unwind(p, ProcessExit(sig))
        if action == STOP:
            self.stop(p, sig)

    def stop(self, p: Proc, sig: int) -> None:
        p.stop_report = W_STOPCODE(sig)
        p.cont_report = False
        parent = self.k.procs.get(p.ppid)
        if parent is not None:
            self.k.notify_parent(p, parent, SIGCHLD)
        self.k.cpu.stop(p, f"stopped by {SIGNAMES[sig]}")

    def _delivered(self, p: Proc, sig: int, action: str) -> None:
        if self.k.trace.active:
            self.k.trace.emit(ev.SignalDelivered(p.pid, sig, action))

    # ---- alarm(2) ----------------------------------------------------------

    def set_alarm(self, p: Proc, seconds: float) -> float:
        """Arm (or with 0 disarm) p's SIGALRM; returns the seconds left on the old one."""
        now = self.k.clock.monotonic()
        left = max(0.0, p.sig.alarm - now) if p.sig.alarm is not None else 0.0
        p.sig.alarm = now + seconds if seconds > 0 else None
        if p.sig.alarm is not None:
            heapq.heappush(self.alarms, (p.sig.alarm, p.pid, p))
        return left

    def next_alarm(self) -> float | None:
        while self.alarms and self.alarms[0][2].sig.alarm != self.alarms[0][0]:
            heapq.heappop(self.alarms)
        return self.alarms[0][0] if self.alarms else None

    def expire_cpu_timers(self, p: Proc, used: float) -> None:
        """p has used `used` seconds of CPU: send what its CPU-time timers owe."""
        for which, (at, interval) in list(p.sig.cpu_timers.items()):
            if used < at:
                continue
            if which == CPU_LIMIT:
                self.cpu_limit(p, used)
                continue
            if interval > 0:
                while at <= used:
                    at += interval
                p.sig.cpu_timers[which] = (at, interval)
            else:
                del p.sig.cpu_timers[which]
            self.send(None, p, SIGVTALRM if which == 1 else SIGPROF)

    def arm_cpu_limit(self, p: Proc) -> None:
        """RLIMIT_CPU is watched as one more CPU-time timer (set by setrlimit,
        and in a child, whose CPU time starts again from nothing)."""
        soft, _ = p.limits.table[RLIMIT_CPU]
        if soft == RLIM_INFINITY:
            p.sig.cpu_timers.pop(CPU_LIMIT, None)
        else:
            p.sig.cpu_timers[CPU_LIMIT] = (float(soft), 0.0)

    def cpu_limit(self, p: Proc, used: float) -> None:
        """Linux's rule: at the hard limit SIGKILL; at the soft one SIGXCPU, and
        the soft limit moves a second on, so that one comes every second after."""
        soft, hard = p.limits.table[RLIMIT_CPU]
        if hard != RLIM_INFINITY and used >= hard:
            del p.sig.cpu_timers[CPU_LIMIT]
            self.send(None, p, SIGKILL)
            return
        if soft < hard:
            p.limits.table[RLIMIT_CPU] = (soft + 1, hard)
        p.sig.cpu_timers[CPU_LIMIT] = (float(min(soft + 1, hard)), 0.0)
        self.send(None, p, SIGXCPU)

    def expire_alarms(self, now: float) -> None:
        while self.alarms and self.alarms[0][0] <= now:
            when, _, p = heapq.heappop(self.alarms)
            if p.sig.alarm == when and p.state is not ZOMBIE:
                p.sig.alarm = None
                if p.sig.interval:                      # an interval timer goes on
                    p.sig.alarm = when + p.sig.interval
                    heapq.heappush(self.alarms, (p.sig.alarm, p.pid, p))
                self.send(None, p, SIGALRM)


def child_info(c: Proc) -> tuple[int, int, int, int]:
    """SIGCHLD's siginfo: which child, and what became of it (CLD_EXITED,
    CLD_KILLED, CLD_STOPPED or CLD_CONTINUED, with the status or signal)."""
    if c.state is ZOMBIE:
        status = c.exit_status
        if WIFSIGNALED(status):
            return CLD_KILLED, c.pid, c.uid, WTERMSIG(status)
        return CLD_EXITED, c.pid, c.uid, WEXITSTATUS(status)
    if c.stop_report is not None:
        return CLD_STOPPED, c.pid, c.uid, WSTOPSIG(c.stop_report)
    return CLD_CONTINUED, c.pid, c.uid, SIGCONT


def check_signal(sig: object) -> int:
    """Validate a signal number as CPython does (ValueError, not OSError)."""
    if not isinstance(sig, int):
        raise TypeError(f"'{type(sig).__name__}' object cannot be interpreted as an integer")
    if not 0 <= sig < NSIG:
        raise oserror(abi.EINVAL)
    return int(sig)
