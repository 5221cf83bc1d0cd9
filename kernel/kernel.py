"""The machine: the kernel's parts put together, and the life of a process.

`Kernel` owns the process table, the CPU and its scheduler, the file system,
the terminal, signals and the event stream.  This file also holds the steps
every process goes through that are not one system call: being created
(`new_process`), exiting (`exit_process`) and being reaped (`reap`).
"""
from __future__ import annotations

import os as host_os
import sys

from greenlet import getcurrent

from . import abi
from . import trace as ev
from .abi import SIGCHLD, SIGCONT, SIGHUP, SIGKILL, W_EXITCODE
from .clock import Clock
from .cpu import CPU
from .errors import ProcessExit, oserror
from .files import FdTable, FileTable, OpenFile
from .fs import FS_SIZE, FileSystem
from .limits import RLIMIT_NPROC, Limits
from .loader import Loader
from .proc import NPROC_DEFAULT, STOPPED, ZOMBIE, Proc, ProcTable
from .runlimits import RunLimits
from .sched import make_policy
from .signals import CPU_LIMIT, SIG_IGN, Signals, SigState
from .syscalls import SYSCALLS
from .sysfile import kernel_write
from .tty import TTY, MemoryConsole

TYPE_CHECKING = False
if TYPE_CHECKING:
    from random import Random
    from typing import Callable


class Kernel:
    def __init__(self, *, seed: int | None = None, virtual_time: bool = False,
                 console=None, policy: str = "rr", quantum: int = 10,
                 fork_first: str = "random", nproc: int = NPROC_DEFAULT,
                 fs_size: int = FS_SIZE, run_limits: RunLimits | None = None) -> None:
        self.seed = seed
        self._rng: Random | None = None          # made on first use: see rng
        self.clock = Clock(virtual_time)
        self.trace = ev.Trace(self.clock)
        self.procs = ProcTable()
        self.files = FileTable()
        self.fs = FileSystem(self.clock.time, fs_size)     # fs_size: the disk, in bytes
        self.cpu = CPU(self, deterministic=seed is not None)
        self.sched = make_policy(policy, quantum, self)
        self.signals = Signals(self)
        self.tty = TTY(self, console if console is not None else MemoryConsole())
        self.loader = Loader(self)
        self.syscalls = SYSCALLS
        self.fork_first = fork_first            # "child", "parent" or "random"
        self.nproc = nproc                      # RLIMIT_NPROC for ordinary users
        self.halt_status: int | None = None
        self.deadlocked: list[int] = []         # who was blocked for good, if the machine was
        self.panics: list[str] = []
        self.run_limits = run_limits if run_limits is not None else RunLimits()
        if self.run_limits.ticks is not None:
            self.cpu.tick_limit = self.run_limits.ticks
        if self.run_limits.events is not None:
            self.trace.limit = self.run_limits.events
            self.trace.on_limit = lambda: self.over_limit("events")
            self.trace.subscribe(lambda e: None)        # events are made only when watched
        from .boot import make_root
        make_root(self)

    # ---- running --------------------------------------------------------------

    def run(self, until: Callable[[], bool] | None = None) -> None:
        quota = self.run_limits.fs_bytes
        if quota is not None and self.fs.quota is None:     # what the disk held at boot is free
            self.fs.quota = self.fs.used + quota
            self.fs.over_quota = lambda: self.over_limit("fs")
        self.cpu.run(until)

    def set_policy(self, name: str, quantum: int | None = None, io_first: bool = False) -> None:
        """Change the scheduling policy live: READY processes move to the new one.
        io_first: a process whose device I/O is done preempts the running one."""
        old = self.sched
        new = make_policy(name, quantum or old.quantum, self)
        new.io_first = io_first
        for p in old.drain():
            new.ready(p)
        self.sched = new

    def set_seed(self, seed: int) -> None:
        """From now on, scheduling choices follow this seed (and repeat with it)."""
        self.seed = seed
        self.rng.seed(seed)
        self.cpu.deterministic = True

    # ---- chance ---------------------------------------------------------------------
    # Seeded, every random choice (who runs first after fork, the lottery's draws,
    # /dev/urandom) comes from one generator, so a run repeats.  Unseeded, like a
    # real machine, they come from the host's entropy: then no generator is made
    # and `random` is never imported (about 1 ms of start-up).

    @property
    def rng(self) -> Random:
        """The kernel's generator: from the seed, or from the host's entropy."""
        if self._rng is None:
            import random
            self._rng = random.Random(self.seed if self.seed is not None else host_os.urandom(16))
        return self._rng

    def coin(self) -> bool:
        """A fair coin toss."""
        if self.seed is None:
            return host_os.urandom(1)[0] < 128
        return self.rng.random() < 0.5

    def draw(self, n: int) -> int:
        """A number in range(n), every one as likely."""
        if self.seed is None:
            return int.from_bytes(host_os.urandom(4), "little") % n
        return self.rng.randrange(n)

    def random_bytes(self, n: int) -> bytes:
        if self.seed is None:
            return host_os.urandom(n)
        return self.rng.randbytes(n)

    def halt(self, status: int) -> None:
        self.halt_status = status
        self.cpu.halted = True

    def deadlock(self) -> None:
        """Nothing can run, and no timer or terminal can change that: stop the
        machine, keeping the blocked processes as they are for the report."""
        self.deadlocked = [p.pid for p in self.procs if p.state is not ZOMBIE]
        if self.trace.active:
            self.trace.emit(ev.Deadlock(self.deadlocked))
        self.cpu.halted = True

    def over_limit(self, what: str) -> None:
        """A limit of the run (kernel/runlimits.py) is used up: stop the machine
        here, from whatever context noticed, leaving every process where it is."""
        limits = self.run_limits
        if limits.hit is None:
            limits.hit = what
            self.trace.on_limit = None            # (LimitHit itself is one event more)
            if self.trace.active:
                self.trace.emit(ev.LimitHit(what))
            self.trace.closed = True              # the last event: the machine stops here
        self.cpu.halted = True
        self.cpu.tick_limit = 0               # any context resumed after this stops at once
        if self.cpu.main is not None and getcurrent() is not self.cpu.main:
            self.cpu.main.switch()

    # ---- creating processes ----------------------------------------------------

    def new_process(self, parent: Proc | None, start: Callable[[], int], replay=None,
                    ready: bool = True) -> Proc:
        """A copy of parent's kernel-side state (or a fresh pid 1), READY to run start()."""
        if parent is None:
            pid = self.procs.alloc_pid()
            p = Proc(pid, 0, pid, pid, fds=FdTable(self.files), sig=SigState(),
                     cwd=self.fs.root, env={})
            p.limits = Limits(self.nproc)
        else:
            limit = parent.limits.soft(RLIMIT_NPROC)
            if parent.uid != 0 and self.procs.count_for(parent.uid) >= limit:
                raise oserror(abi.EAGAIN)           # RLIMIT_NPROC
            pid = self.procs.alloc_pid()
            p = Proc(pid, parent.pid, parent.pgid, parent.sid,
                     parent.uid, parent.euid, parent.gid, parent.egid,
                     argv=parent.argv, env=parent.env, cwd=parent.cwd,
                     umask=parent.umask, nice=parent.nice,
                     fds=parent.fds.copy(), sig=parent.sig.copy(),
                     image=parent.image, native=parent.native)
            p.limits = parent.limits.copy()
            if CPU_LIMIT in parent.sig.cpu_timers:
                self.signals.arm_cpu_limit(p)       # the child's CPU time starts from nothing
            p.suid, p.sgid = parent.suid, parent.sgid
        p.start_time = self.clock.monotonic()
        p.replay = replay
        p.start = start
        self.procs.add(p)
        if parent is not None and self.trace.active:
            self.trace.emit(ev.Fork(parent.pid, pid, "replay" if p.replay else "clone"))
        if ready:
            self.cpu.make_ready(p, "created")
        return p

    def after_fork(self, parent: Proc, child: Proc) -> None:
        """Decide who runs first: the parent goes on, or yields to the child."""
        first = self.fork_first
        if first == "random":
            first = "child" if self.coin() else "parent"
            if self.sched.preemptive:
                # On a real machine the next timer interrupt is as likely to come
                # right after fork as a whole slice later: the time left to whoever
                # goes on is drawn too (with a seed, from the seed), or the orders in
                # which it is cut off halfway through its output would never show.
                drawn = 1 + self.draw(self.sched.quantum_for(parent))
                if first == "parent":
                    parent.slice_left = drawn
                    self.cpu.need_resched = False   # (set if fork's own tick ended the old slice)
                else:
                    self.cpu.first_slice = (child, drawn)
        self.cpu.make_ready(child, "created", front=first == "child")
        if first == "child":
            self.cpu.yield_cpu(parent, "fork: child runs first")

    # ---- ending them -------------------------------------------------------------

    def exit_process(self, p: Proc, status: int) -> None:
        """exit: release everything, become a zombie, tell the parent."""
        p.fds.close_all(self)
        p.sig.alarm = None
        p.record = p.replay = None
        children = list(self.procs.kids.get(p.pid, {}).values())
        reaper = self.reaper_for(p) if children else None
        for child in children:
            if reaper is not None and child is not reaper and p is not reaper:
                self.procs.reparent(child, reaper.pid)
                if child.state is not ZOMBIE:
                    continue
                if reaper.pid != 1 and reaper.sig.action.get(SIGCHLD) == SIG_IGN:
                    self.reap(reaper, child)        # as its own zombie would be
                else:
                    self.notify_parent(child, reaper, SIGCHLD)
        p.exit_status = status
        self.cpu.set_state(p, ZOMBIE, "exit")
        if self.trace.active:
            self.trace.emit(ev.Exit(p.pid, status))
        # p was its group's link to a shell, or a child's group's link: orphaned now?
        parent = self.procs.get(p.ppid)
        if p.pid == p.sid:
            # a session leader (the login shell): no shell is left to continue any
            # stopped job of its session.  (Linux would also hang up the terminal's
            # foreground group; a scripted run's orphans are let finish instead.)
            for pgid in {q.pgid for q in self.procs if q.sid == p.sid and q is not p}:
                self.hang_up_if_orphaned(pgid)
        elif parent is not None and parent.pgid != p.pgid and parent.sid == p.sid:
            self.hang_up_if_orphaned(p.pgid)
        for child in children:
            if child.pgid != p.pgid and child.sid == p.sid:
                self.hang_up_if_orphaned(child.pgid)
        if p.pid == 1 or parent is None:
            self.reap(parent, p)
            if p.pid == 1:
                self.halt(status)
            return
        if parent.sig.action.get(SIGCHLD) == SIG_IGN:
            self.reap(parent, p)            # POSIX: no zombies when SIGCHLD is ignored,
            if parent.child_queue is not None:  # and wait fails with ECHILD once none is left
                self.cpu.wakeup(parent.child_queue, f"child {p.pid}")
            return
        self.notify_parent(p, parent, SIGCHLD)

    def hang_up_if_orphaned(self, pgid: int) -> None:
        """POSIX: a process group that an exit leaves orphaned -- no member has a
        parent in another group of its session, so no shell can ever continue it
        -- gets SIGHUP and then SIGCONT if any member is stopped.  (A parent that
        is init does not count, as on Linux.)"""
        members = self.procs.group(pgid)
        if not any(q.state is STOPPED or self.signals.stopping(q) for q in members):
            return
        for q in members:
            parent = self.procs.get(q.ppid)
            if parent is not None and parent.pid != 1 and parent.pgid != pgid \
                    and parent.sid == q.sid:
                return                      # a shell that can still continue it
        for q in members:
            self.signals.send(None, q, SIGHUP)
            self.signals.send(None, q, SIGCONT)

    def reaper_for(self, p: Proc) -> Proc | None:
        """Who adopts p's orphans: its nearest living ancestor that asked to be a
        subreaper (Linux's PR_SET_CHILD_SUBREAPER; here /proc/self/subreaper),
        or else init."""
        q = self.procs.get(p.ppid)
        while q is not None and q.pid != 1:
            if q.subreaper and q.state is not ZOMBIE:
                return q
            q = self.procs.get(q.ppid)
        return self.procs.get(1)

    def notify_parent(self, child: Proc, parent: Proc, sig: int) -> None:
        if parent.child_queue is not None:
            # init reaps orphans at once, so that zombies do not hold process slots
            self.cpu.wakeup(parent.child_queue, f"child {child.pid}", front=parent.pid == 1)
        self.signals.send(None, parent, sig, child)

    def reap(self, parent: Proc | None, child: Proc) -> int:
        self.procs.remove(child)
        if child.runtime is not None:
            child.runtime.release()
        child.runtime = child.upcall = None
        if parent is not None:
            parent.rusage_children += child.cpu_time + child.rusage_children
        if self.trace.active:
            self.trace.emit(ev.Reap(parent.pid if parent else 0, child.pid, child.exit_status))
        return child.exit_status

    def signals_to_group(self, sender: Proc | None, pgid: int, sig: int) -> int:
        targets = self.procs.group(pgid)
        for p in targets:
            self.signals.send(sender, p, sig)
        return len(targets)

    # ---- when things go wrong --------------------------------------------------------

    def replay_diverged(self, p: Proc, expected, name: str, args: tuple, why: str = "") -> None:
        where = p.where()
        line = f"{where[0]}:{where[1]}" if where else "?"
        why = why or (f"the parent called {expected.name}() here, the child {name}(); "
                      "the program must depend only on its system calls")
        text = f"vshell: fork replay of pid {p.pid} diverged at {line}: {why}\n"
        self.message(p, text)
        p.replay = None
        raise self.cpu.unwind(p, ProcessExit(SIGKILL))

    def panic(self, p: Proc, exc: BaseException) -> None:
        """A bug in the kernel: say so in one line, keep the traceback for developers."""
        import traceback
        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        self.panics.append(tb)
        if host_os.environ.get("VSHELL_DEBUG"):
            sys.stderr.write(tb)
        self.message(p, f"vshell: internal error in pid {p.pid} ({type(exc).__name__}: {exc}); "
                        "the process was stopped\n")

    def message(self, p: Proc, text: str) -> None:
        """Write a kernel notice to a process's standard error."""
        if self.trace.active:
            self.trace.emit(ev.Message(p.pid, text.strip()))
        # As write(2) would, but on the kernel's behalf and never sleeping: the
        # process may be on its way out.  A notice there is no room for (fd 2
        # closed, a full pipe, one nobody reads) is lost, as printk's would be.
        try:
            f: OpenFile = p.fds.get(2)
            if f.pipe is None:
                kernel_write(self, f, text.encode())
            elif f.pipe.readers and f.writable:
                f.pipe.write(self, p, text.encode(), nonblock=True)
        except OSError:
            pass

    # ---- conveniences for embedding and tests -------------------------------------

    def spawn(self, start: Callable[..., int], *, uid: int = 0, argv: list[str] | None = None,
              env: dict[str, str] | None = None, cwd: str = "/") -> Proc:
        """Start pid 1 running a native function, with fds 0, 1, 2 on the terminal."""
        p = self.new_process(None, lambda: self.loader.run_native(p, start))
        p.native = True
        self.procs.change_uid(p, uid)
        p.euid = uid
        p.gid = p.egid = p.sgid = p.suid = uid
        p.argv = argv or ["init"]
        p.env = dict(env or {})
        p.cwd = self.fs.walk(p, cwd)
        term = self.fs.walk(p, "/dev/tty")
        for fd in range(3):
            f = OpenFile("dev", readable=fd == 0, writable=fd != 0, path="/dev/tty",
                         inode=term, channel=fd)
            p.fds.alloc(f)
        self.tty.sid = p.sid
        self.tty.fg_pgrp = p.pgid
        return p

    def run_program(self, argv: list[str], *, uid: int = 0, env: dict[str, str] | None = None,
                    cwd: str = "/") -> int:
        """Run one program under a minimal init and return its wait status."""
        result: dict[str, int] = {}
        self.cpu.halted = False           # the machine can run one program after another

        def init(rt) -> int:
            os = rt.os
            try:
                pid = os.posix_spawnp(argv[0], argv, env if env is not None else {"PATH": "/bin"})
            except (OSError, ValueError) as e:        # ValueError: a NUL in an argument
                os.write(2, f"{argv[0]}: {getattr(e, 'strerror', None) or e}\n".encode())
                result["status"] = W_EXITCODE(127)
                return 0
            status = reap_until(os, pid)
            if status is not None:
                result["status"] = status
            reap_all(os)
            return 0
        self.spawn(init, uid=uid, env=env, cwd=cwd)
        self.run()
        return result.get("status", -1)


# ---- init's work, as xv6's init does it: wait, whoever the child ---------------------------

def reap_until(os, pid: int) -> int | None:
    """Reap children, orphans included, until pid ends: its wait status, or
    None if it is not (or no longer) a child.  os is init's own module."""
    while True:
        try:
            wpid, status = os.wait()
        except ChildProcessError:
            return None
        if wpid == pid:
            return status


def reap_all(os) -> None:
    """Reap children until none is left: orphans finish their work."""
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return
