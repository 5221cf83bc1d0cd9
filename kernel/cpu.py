"""The CPU: execution contexts, the trap, context switches and preemption.

Every process runs its program on its own greenlet.  The kernel's scheduler
loop runs on the main greenlet.  A system call is a plain function call from
the program into `trap`: it runs on the process's own context, in kernel mode,
and only when it must wait does it `sleep`, which saves the process's context
(the greenlet stays paused right there) and switches to the next READY
process, or to the scheduler loop when there is none.  That is the whole trick:

    process --trap--> kernel code --sleep--> switch_away --enter, switch_to--> next process
                                                  |                                   ^
                                                  | nobody READY, timers due,         |
                                                  v keys pressed, limits, chores      |
                                          scheduler loop (run) --dispatch: enter, switch_to

Every way off the CPU goes through `switch_away` (sleep, yield, preemption,
stop), and every way onto it through `enter` (the bookkeeping) and then
`switch_to` (resume the context, or start it if it is new).  Usually
switch_away asks the policy itself and hands the CPU straight to the next
process, as a real kernel's context switch does: one greenlet switch instead
of two (process -> scheduler -> process) and no pass through the loop's
checks; going through the scheduler every time made a switch about a tenth
slower (bench/run.py --only switch).  Only when the scheduler loop has
work of its own -- timers to expire, keys pressed on the host, the run's
limits, the host's chores, or nothing READY (idle) -- does the CPU go back to
it, and it then puts the next process on the CPU the same way (dispatch).  A
context that ends (its process exited) returns to the scheduler loop, its
greenlet's parent.

Time on the CPU is counted in ticks: one per system call, and one per
TICK_EDGES loop steps and calls of the program's own code (kernel/ticks.py:
the loader compiles them in).  At the end of a process's slice, on its way back
to user space, the kernel lets due timers wake their sleepers and hands the CPU
to the next READY process -- the same points on every run, with a seed.

A timer interrupt (the host's SIGALRM) does the same for code that has no ticks
(an unseeded machine compiles none into loops, and C code such as a huge
`sum()` has none) -- but only in user mode; inside a system call it just asks
for a resched, which happens on the way back to user space, as in a real kernel.
"""
from __future__ import annotations

import heapq
import signal as host_signal
import sys
import time as host_time

from greenlet import greenlet, getcurrent

from . import hostguard
from . import trace as ev
from .abi import W_EXITCODE
from .clock import SYSCALL_COST
from .errors import ExecImage, ProcessExit
from .stacks import new_stack
from .proc import BLOCKED, READY, RUNNING, SLICES_KEPT, STOPPED, ZOMBIE, Proc, State

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from .kernel import Kernel
    from .proc import Image

TIMER_INTERVAL = 0.01       # host timer interrupt period, seconds
WATCHDOG_PERIODS = 25       # with a seed: timer periods without a tick before preempting
KERNEL_HEADROOM = 500       # frames the kernel may need above a program's deepest frame
COMPUTE_TICK = 1e-4         # virtual seconds of a tick of computation (TICK_EDGES steps)
NO_TICK_LIMIT = 1 << 62     # tick_limit without --max-ticks (not inf: see CPU.__init__)
KERNEL_DIRS: tuple[str, ...] = ()   # filled in below: frames there are not user code


class Machine:
    """Which CPU is running in this host thread: user-space libraries trap into it."""
    # (None while no machine runs; then no user-space library, which alone reads it, runs)
    cpu: CPU = None  # type: ignore[assignment]


machine = Machine()


class WaitQueue:
    """Processes sleeping until something happens (xv6's sleep channel), and
    the epoll instances watching it (kernel/epoll.py), told of every wakeup."""
    __slots__ = ("name", "procs", "watchers")

    def __init__(self, name: str) -> None:
        self.name = name
        self.procs: dict[Proc, None] = {}
        self.watchers: list[Callable[[], None]] = []

    def __len__(self) -> int:
        return len(self.procs)


def unqueue(p: Proc) -> None:
    """Take p off the wait queue(s) it sleeps on."""
    queue = p.wait_queue
    if queue is not None:
        for q in queue if type(queue) is tuple else (queue,):
            q.procs.pop(p, None)
        p.wait_queue = None


class CPU:
    def __init__(self, k: "Kernel", deterministic: bool) -> None:
        self.k = k
        self.deterministic = deterministic
        self.current: Proc | None = None
        self.main: greenlet = None          # the scheduler's context (run sets it)
        self.need_resched = False
        self.need_preempt = False           # set by a timer interrupt, acted on as it returns
        self.kernel_limit = KERNEL_LIMIT    # the recursion limit of kernel code (see resume)
        self.limiter: greenlet = None       # a shallow stack: see resume and start (run sets it)
        self.spare_contexts: list[greenlet] = []     # contexts whose process ended (start)
        self.spare_stacks: list[greenlet] = []       # programs' stacks, free (new_stack)
        # How deep every program's first frame is (Runtime.run_program): the same
        # for all of them while the scheduler runs, as every program's stack
        # starts from the limiter (kernel/stacks.py); so measured once (it costs
        # an exception).
        self.program_base: int | None = None
        self.program_limit = 0                  # the stack_limit of a program at program_base
        self.timers: list[tuple[float, int, Proc, int]] = []   # (deadline, seq, proc, gen)
        self.tick_timers: list[tuple[int, int, WaitQueue]] = []    # (tick, seq, sleepers): devices
        self.timer_seq = 0
        self.halted = False
        # the run's --max-ticks (0: a limit is up); without one, a count no run
        # reaches, an int: the trap compares it with an int on every call
        self.tick_limit: int = NO_TICK_LIMIT
        self.first_slice: tuple[Proc, int] | None = None    # a child's drawn slice: after_fork
        self.irq_ticks = 0          # ticks (system calls, computation) since the last timer interrupt
        self.quiet = 0              # timer periods in a row without a tick
        self.switches = 0
        self.last_pid = 0           # who had the CPU before (0: nobody yet)
        self.on_cpu_since = 0.0
        self.host_signals: list[int] = []   # keys pressed on the host terminal (SIGINT, ...)
        # The host's own periodic work (vshell saves the machine's disk): called by the
        # scheduler between processes, never inside one, every `chores_every` host seconds.
        self.chores: Callable[[], None] | None = None
        self.chores_every = 5.0
        self.memory_guard: Any = None       # kernel/memlimit.py's, once a process limits -v or -d
        self.chores_at = 0.0
        self.chores_due = False             # set by the timer interrupt: go to the scheduler

    # ---- wait queues: sleep and wakeup --------------------------------------

    def queue(self, name: str) -> WaitQueue:
        return WaitQueue(name)

    def sleep(self, p: Proc, queue: WaitQueue | tuple[WaitQueue, ...] | None, why: str,
              deadline: float | None = None) -> bool:
        """Block p until woken.  Returns True if a signal interrupted the sleep.
        p may sleep on several queues at once (poll): a wakeup on any one of
        them takes it off all of them."""
        if p.sig.pending and self.k.signals.interrupts(p):     # (the usual case: no call)
            return True
        if queue is not None:
            for q in queue if isinstance(queue, tuple) else (queue,):
                q.procs[p] = None
            p.wait_queue = queue
        if deadline is not None:
            p.deadline = deadline
            self.timer_seq += 1
            heapq.heappush(self.timers, (deadline, self.timer_seq, p, id(queue)))
        self.set_state(p, BLOCKED, why)
        p.voluntary_switches += 1
        self.switch_away(p)
        interrupted = p.interrupted
        p.interrupted = False
        return interrupted

    def wakeup(self, queue: WaitQueue, reason: str = "", front: bool = False) -> None:
        if queue.watchers:
            for watch in tuple(queue.watchers):
                watch()
        if not queue.procs:
            return
        procs = list(queue.procs)
        queue.procs.clear()
        if not reason and self.k.trace.active:      # (only an event shows the reason)
            reason = f"woken: {queue.name}"
        for p in procs:
            unqueue(p)
            p.deadline = None
            self.make_ready(p, reason, front)

    def interrupt(self, p: Proc) -> None:
        """A signal arrived for a sleeping process: wake it early."""
        if p.state is BLOCKED:
            unqueue(p)
            p.deadline = None
            p.interrupted = True
            self.make_ready(p, "signal")

    def make_ready(self, p: Proc, reason: str, front: bool = False) -> None:
        self.set_state(p, READY, reason)
        self.k.sched.ready(p, front)

    def set_state(self, p: Proc, new: State, reason: str) -> None:
        old = p.state
        p.state = new
        if new is BLOCKED:
            p.blocked_on = reason
        elif new is READY and old is not RUNNING:
            arrivals = p.arrivals               # it arrives (again): new, woken or continued
            if len(arrivals) >= 2 * SLICES_KEPT:    # (trimmed as new_slice trims its list)
                del arrivals[:SLICES_KEPT]
            arrivals.append(self.k.trace.tick)
        if old is RUNNING and p.slices:
            p.slices[-1][1] = self.k.trace.tick     # its turn on the CPU ends
        if self.k.trace.active:
            self.k.trace.emit(ev.StateChange(p.pid, old.value, new.value, reason))

    # ---- timers ----------------------------------------------------------

    def expire_timers(self) -> None:
        now = self.k.clock.monotonic()
        timers = self.timers
        while timers and timers[0][0] <= now:
            deadline, _, p, _ = heapq.heappop(timers)
            if p.state is BLOCKED and p.deadline == deadline:
                unqueue(p)
                p.deadline = None
                self.make_ready(p, "timer")
        self.k.signals.expire_alarms(now)

    def next_deadline(self) -> float | None:
        while self.timers:
            deadline, _, p, _ = self.timers[0]
            if p.state is BLOCKED and p.deadline == deadline:
                break
            heapq.heappop(self.timers)          # stale entry
        candidates = [d for d in (self.timers[0][0] if self.timers else None,
                                  self.k.signals.next_alarm()) if d is not None]
        return min(candidates) if candidates else None

    # ---- devices that count in ticks (kernel/slow.py) -------------------------
    # A device's transfer takes so many ticks of the CPU's clock: the ticks
    # processes use, and, while nothing can run, ticks of an idle CPU.  It
    # completes at the end of a tick, after the CPU has chosen who runs next
    # (pick): so a completion never changes who was chosen -- unless the
    # policy is io-first, when the process whose I/O is done runs at once.

    def sleep_ticks(self, p: Proc, ticks: int, why: str) -> bool:
        """Block p for `ticks` ticks of the CPU clock.  True if a signal interrupted."""
        queue = WaitQueue(why)
        self.timer_seq += 1
        heapq.heappush(self.tick_timers, (self.k.trace.tick + ticks, self.timer_seq, queue))
        return self.sleep(p, queue, why)

    def tick_timers_due(self) -> bool:
        return bool(self.tick_timers) and self.tick_timers[0][0] <= self.k.trace.tick

    def expire_tick_timers(self) -> None:
        """Transfers done by now: their processes are READY (first in line if io-first)."""
        now = self.k.trace.tick
        timers = self.tick_timers
        front = self.k.sched.io_first
        while timers and timers[0][0] <= now:
            queue = heapq.heappop(timers)[2]
            self.wakeup(queue, "I/O done", front)

    def pick(self) -> Proc | None:
        """Who runs next: the policy's choice -- then the devices whose transfers
        ended with this tick complete; io-first gives the CPU to their process."""
        sched = self.k.sched
        nxt = sched.pick()
        if self.tick_timers and self.tick_timers_due():
            if nxt is not None and sched.io_first:
                sched.ready(nxt, front=True)            # (it never ran: back in its place)
                nxt = None
            self.expire_tick_timers()
            if nxt is None:
                nxt = sched.pick()
        return nxt

    def idle_ticks(self) -> None:
        """Nothing can run, but a device is busy: the CPU idles until its transfer
        ends (the idle ticks go by at once; they are no one's)."""
        self.k.trace.tick = max(self.k.trace.tick, self.tick_timers[0][0])
        self.k.tty.poll(0.0)

    # ---- the scheduler loop ------------------------------------------------

    def run(self, until: Callable[[], bool] | None = None) -> None:
        """Run processes until `until()` holds, the machine halts, or nothing can run."""
        hostguard.install()                     # once: programs' host side effects are refused
        self.main = getcurrent()
        self.program_base = None                # (the scheduler's own depth may differ,
        self.spare_stacks.clear()               # and so the limiter's)
        host_limit = sys.getrecursionlimit()
        self.kernel_limit = max(host_limit, max_depth() + KERNEL_HEADROOM)
        sys.setrecursionlimit(self.kernel_limit)
        self.limiter = greenlet(_limiter)             # started here, where the stack is shallow
        self.limiter.switch(self.main, self.kernel_limit, ())
        outer, machine.cpu = machine.cpu, self
        hook, sys.unraisablehook = sys.unraisablehook, _unraisable
        try:
            self._run(until)
        finally:
            if self.memory_guard is not None:
                self.memory_guard.settle()      # the host is never left capped
            machine.cpu = outer
            sys.unraisablehook = hook
            sys.setrecursionlimit(host_limit)

    def _run(self, until: Callable[[], bool] | None) -> None:
        k = self.k
        signals = k.signals
        limits = k.run_limits
        limits.start()
        with self.timer_interrupts():
            while not self.halted and not (until and until()):
                if limits.wall_end is not None and limits.out_of_time():
                    k.over_limit("time")
                    return
                if self.host_signals:
                    self.service_host_signals()
                if self.chores is not None and (self.chores_due or host_time.monotonic() >= self.chores_at):
                    self.do_chores()
                if self.timers or signals.alarms:
                    self.expire_timers()
                p = self.pick()
                if p is None:
                    if not self.idle():
                        return
                    continue
                self.dispatch(p)

    def dispatch(self, p: Proc) -> None:
        """Switch the CPU from the scheduler to p.  Control comes back here when a
        process has nothing to hand the CPU to, or when a process exits."""
        self.enter(p)
        if self.halted:                         # a limit of the run, met by enter's events
            return
        ended = self.switch_to(p)
        if self.memory_guard is not None:
            self.memory_guard.settle()           # (the scheduler works under the host's own limit)
        sys.setrecursionlimit(self.kernel_limit)
        self.charge()
        self.current = None
        if isinstance(ended, Proc):            # a process's context ran to its end
            if len(self.spare_contexts) < SPARE_CONTEXTS:
                self.spare_contexts.append(ended.context)     # (waiting in _context)
            ended.context = None

    def limit_reached(self) -> None:
        """A tick found a limit of the run used up: --max-ticks, or --max-time
        noticed by the timer interrupt (which lowered tick_limit)."""
        limits = self.k.run_limits
        self.k.over_limit("time" if limits.out_of_time() else "ticks")

    def charge(self) -> None:
        """Charge the time since the last switch to the process that had the CPU."""
        now = self.k.clock.monotonic()
        if self.current is not None:
            self.current.cpu_time += now - self.on_cpu_since
        self.on_cpu_since = now

    def cpu_time(self, p: Proc) -> float:
        """The CPU seconds p has used, this moment's included if it is on the CPU."""
        if p is self.current:
            return p.cpu_time + self.k.clock.monotonic() - self.on_cpu_since
        return p.cpu_time

    def enter(self, p: Proc) -> None:
        """The bookkeeping of putting p on the CPU."""
        k = self.k
        self.charge()
        # set_state's work, written out (this is the hottest path): p comes from
        # the ready queue, so none of its other bookkeeping applies.
        old = p.state
        p.state = RUNNING
        if k.trace.active:
            k.trace.emit(ev.StateChange(p.pid, old.value, RUNNING.value, "scheduled"))
            k.trace.emit(ev.Switch(self.last_pid, p.pid, "dispatch"))
        self.last_pid = p.pid
        self.switches += 1
        self.current = p
        self.new_slice(p)
        self.need_resched = False
        p.slice_left = k.sched.quantum_for(p)
        if self.first_slice is not None and self.first_slice[0] is p:
            p.slice_left = self.first_slice[1]
            self.first_slice = None
        self.irq_ticks = 1             # a fresh slice is never "stuck"
        if self.memory_guard is not None:
            self.memory_guard.enter(p)     # ulimit -v, -d: kernel/memlimit.py

    def new_slice(self, p: Proc) -> None:
        """Note p's new turn on the CPU (/proc/PID/sched shows the last SLICES_KEPT).

        The list is trimmed by half its length at once: dropping its first item
        at every turn moved all 2,047 others, 16 KB at every context switch."""
        tick = self.k.trace.tick
        slices = p.slices
        if len(slices) >= 2 * SLICES_KEPT:
            del slices[:SLICES_KEPT]
        slices.append([tick, tick])

    def switch_away(self, p: Proc) -> None:
        """p leaves the CPU (it sleeps, yields or stops): hand the CPU straight to
        the next READY process, as a context switch does -- or, when the scheduler
        has work of its own (timers due, keys pressed, nobody READY), to it."""
        if self.memory_guard is not None:       # ulimit -v, -d: kernel/memlimit.py; capping
            self.memory_guard.release()         # the host is the scheduler's to do
            self.main.switch()
            return
        if self.host_signals or self.halted or self.chores_due or (
                (self.timers or self.k.signals.alarms) and self.timer_due()):
            self.main.switch()
            return
        nxt = self.pick()
        if nxt is None:
            self.main.switch()
            return
        self.enter(nxt)
        if self.halted:                         # a limit of the run, met by enter's events
            self.main.switch()
        elif nxt is not p:                      # (p may have yielded and be next again)
            self.switch_to(nxt)

    def switch_to(self, p: Proc) -> Any:
        """The context switch proper: the CPU goes to p's context, where p left off
        (in its own switch_away), or to its start if p has never run.  Returns
        when someone switches back to the caller's context -- for the scheduler
        loop, what an ended context returned (start)."""
        if p.context is None:
            return self.start(p)
        return p.context.switch()

    def start(self, p: Proc) -> Any:
        """Start p's context, from the limiter's stack: started on top of the
        current one, every fork of a chain would begin deeper than the last
        (CPython counts the frames below it), and the depth of a program's first
        frame would not be the same for all (Runtime.run_program).  When the
        context ends it returns p to its parent, the scheduler (dispatch)."""
        if self.spare_contexts:                 # one whose process ended: its stack is as shallow
            p.context = self.spare_contexts.pop()
            sys.setrecursionlimit(self.kernel_limit)        # (what the limiter does)
            return p.context.switch(p)
        p.context = greenlet(self._context, self.main)
        return self.limiter.switch(p.context, self.kernel_limit, (p,))

    # ---- programs' stacks (kernel/stacks.py) ------------------------------------------------

    def new_stack(self) -> greenlet:
        """A new stack for a program's code (kept in spare_stacks when its code
        returns: Runtime.on_stack)."""
        return new_stack(self.limiter, self.kernel_limit)

    def measure_program_base(self) -> None:
        """The depth from which a program's frames count, on its stack: its
        __main__ runs one C call (exec's) deeper than a task's first frame, and
        there python3 runs a script's at the depth SCRIPT_DEPTH."""
        stack = self.new_stack()
        stack.parent = getcurrent()
        self.program_base = stack.switch(recursion_depth) + 1 - SCRIPT_DEPTH
        self.program_limit = stack_limit(self.program_base, PROGRAM_LIMIT)
        self.spare_stacks.append(stack)

    # ---- each process's own recursion limit ------------------------------------------------
    # CPython has one recursion limit, counted in frames from the bottom of the
    # stack; a program's limit counts from its own first frame.  So while a
    # program runs, the limit is its own, exactly: its RecursionError comes at
    # the depth python3's does ("[Previous line repeated 996 more times]").
    # Kernel code runs on top of the program's frames, so every way into the
    # kernel -- the trap, a tick's slow path, the timer interrupt -- first
    # lifts the limit to the kernel's own (kernel_room), and the way back to
    # the program sets the program's again (resume).  Kernel code thus never
    # meets the program's limit; only the three or four frames of an entry,
    # before it lifts the limit, count against the program, as CPython's C
    # call does against it.  Nothing goes past what the host's C stack can
    # hold: deep recursion is the program's RecursionError, never a crash.

    def kernel_room(self) -> None:
        """Entering the kernel: the kernel's recursion limit, above any program's."""
        sys.setrecursionlimit(self.kernel_limit)

    def resume(self, p: Proc) -> None:
        """p returns to its program: CPython's recursion limit becomes p's own (the
        kernel's for native code and for a process leaving its program).

        CPython refuses a limit below the depth of the code that sets it, which
        the kernel's frames above a program near its limit may be: then the
        limiter sets it, from its own shallow stack (CPython checks the depth of
        the running greenlet only).  The way back to the program only returns
        -- or calls a function no deeper than the way in went, which fits."""
        rt = p.runtime
        limit = rt.stack_limit if rt is not None and p.unwinding is None else None
        if limit is None:
            limit = self.kernel_limit
        try:
            sys.setrecursionlimit(limit)
        except RecursionError:
            self.limiter.switch(getcurrent(), limit, ())

    def timer_due(self) -> bool:
        now = self.k.clock.monotonic()
        return bool(self.timers and self.timers[0][0] <= now) or bool(
            self.k.signals.alarms and self.k.signals.alarms[0][0] <= now)

    def do_chores(self) -> None:
        self.chores_due = False
        self.chores_at = host_time.monotonic() + self.chores_every
        self.chores()  # type: ignore[misc]  # (called only when there are chores)

    def idle(self) -> bool:
        """Nothing is READY: wait for a timer or the terminal.  False if nothing ever can."""
        k = self.k
        if self.tick_timers:
            self.idle_ticks()
            return True
        deadline = self.next_deadline()
        if deadline is None and not k.tty.can_wait():
            if any(p.state is not ZOMBIE for p in k.procs):
                k.deadlock()    # every process is blocked for good
            return False
        if k.clock.virtual and deadline is not None:
            if not k.tty.poll(0.0):
                horizon = k.run_limits.virtual_seconds
                if horizon is not None and deadline > horizon:
                    k.clock.advance_to(horizon)     # sleepers would jump on for ever
                    k.over_limit("virtual_time")
                    return True
                k.clock.advance_to(deadline)
        else:
            wait = None if deadline is None else max(0.0, deadline - k.clock.monotonic())
            left = k.run_limits.time_left()
            if left is not None:                # wake in time to stop at --max-time
                wait = left if wait is None else min(wait, left)
            if self.chores is not None:         # the host's chores come round while the machine waits
                chores = max(0.0, self.chores_at - host_time.monotonic())
                wait = chores if wait is None else min(wait, chores)
            k.tty.poll(wait)
        self.expire_timers()
        return True

    # ---- switching away from a running process ------------------------------

    def yield_cpu(self, p: Proc, reason: str, front: bool = False) -> None:
        """Give up the CPU but stay READY (sched_yield, preemption)."""
        self.make_ready(p, reason, front)
        self.switch_away(p)

    def preempt(self, p: Proc, reason: str) -> None:
        p.involuntary_switches += 1
        self.yield_cpu(p, reason)

    def stop(self, p: Proc, reason: str) -> None:
        """Stay off the CPU until SIGCONT (or SIGKILL) makes p READY again."""
        self.set_state(p, STOPPED, reason)
        self.switch_away(p)

    # ---- the trap: entry to and return from the kernel ------------------------

    def trap(self, name: str, args: tuple) -> Any:
        """A system call: from the program into the kernel and back.  This is the
        kernel's hottest path (every call of every program), so it is one frame,
        with the work of a tick and the usual case of resume written out rather
        than called, and nothing built for a trace nobody watches: with no
        subscriber a call does its counting, the call itself and its line in the
        fork record (an argumentless one shares its entry: Record.note)."""
        p: Proc = self.current  # type: ignore[assignment]  # (a trap comes from the running process)
        if p.unwinding is not None:
            raise p.unwinding
        native = p.native
        if not native:              # (native code runs at the kernel's limit: nothing to lift)
            sys.setrecursionlimit(self.kernel_limit)      # kernel_room, a frame fewer
        try:
            if p.replay is not None:
                return p.replay.answer(self.k, p, name, args)
            k = self.k
            trace = k.trace
            tracing = trace.active
            p.in_kernel += 1        # (before the event: a viewer may pause there, as step does)
            if tracing:
                trace.emit(ev.SyscallEnter(p.pid, name, _shown(args)))
            # one tick of CPU for p, as _compute_tick counts one
            p.cpu_ticks += 1
            trace.tick += 1
            if trace.tick >= self.tick_limit:
                self.limit_reached()
            clock = k.clock
            if clock.virtual:
                clock.elapsed += SYSCALL_COST           # clock.charge(), written out
            self.irq_ticks += 1
            p.slice_left -= 1
            sched = k.sched
            if sched.counts_ticks:
                sched.tick()
            if p.slice_left <= 0:
                self.need_resched = True
            if p.sig.cpu_timers:                    # setitimer's ITIMER_VIRTUAL, ITIMER_PROF
                k.signals.expire_cpu_timers(p, self.cpu_time(p))
            try:
                result = k.syscalls[name](k, p, *args)
            except OSError as e:
                p.in_kernel -= 1
                if p.record is not None:
                    p.record.note(name, args, e, True)
                if tracing:
                    trace.emit(ev.SyscallExit(p.pid, name, None, e.errno or 0))
                self.return_to_user(p)
                raise
            except BaseException:
                p.in_kernel -= 1
                raise
            p.in_kernel -= 1
            if p.record is not None:
                p.record.note(name, args, result, False)
            if tracing:
                trace.emit(ev.SyscallExit(p.pid, name, result, 0))
            if self.tick_timers:
                self.end_of_tick()
            if self.need_resched or self.host_signals or p.sig.pending:
                self.return_to_user(p)
            return result
        finally:
            if not native:
                # resume(p), its usual case written out
                rt = p.runtime
                if p.unwinding is None and rt is not None and rt.stack_limit is not None:
                    try:
                        sys.setrecursionlimit(rt.stack_limit)
                    except RecursionError:
                        self.resume(p)
                else:
                    self.resume(p)

    def compute_tick(self) -> None:
        """The running program took TICK_EDGES steps of its own: a tick of CPU time,
        and the way back to user space, as after a system call (kernel/ticks.py)."""
        p: Proc = self.current  # type: ignore[assignment]  # (the running process's tick)
        if p.unwinding is not None:
            raise p.unwinding
        self.kernel_room()
        try:
            self._compute_tick(p)
        finally:
            self.resume(p)

    def _compute_tick(self, p: Proc) -> None:
        k = self.k
        p.in_kernel += 1
        p.cpu_ticks += 1
        p.compute_ticks += 1
        k.trace.tick += 1
        if k.trace.tick >= self.tick_limit:
            self.limit_reached()
        k.clock.advance_by(COMPUTE_TICK)
        self.irq_ticks += 1
        p.slice_left -= 1
        if k.sched.counts_ticks:
            k.sched.tick()
        if p.slice_left <= 0:
            self.need_resched = True
        if k.trace.active:
            k.trace.emit(ev.Tick(p.pid))
        if p.sig.cpu_timers:
            k.signals.expire_cpu_timers(p, self.cpu_time(p))
        p.in_kernel -= 1
        if self.tick_timers:
            self.end_of_tick()
        if p.replay is not None and p.replay.tick == p.compute_ticks:
            p.replay.run_handlers(k, p)          # the parent ran a handler at this tick
        if self.need_resched or self.host_signals or p.sig.pending:
            self.return_to_user(p, p.compute_ticks)

    def end_of_tick(self) -> None:
        """The running process's tick is over: transfers due now complete, and with
        io-first their process takes the CPU on the way back to user space."""
        if self.tick_timers_due():
            self.expire_tick_timers()
            if self.k.sched.io_first:
                self.need_resched = True

    def return_to_user(self, p: Proc, tick: int | None = None) -> None:
        """The way out of the kernel: at the end of a slice, let due timers wake
        their sleepers and reschedule; then deliver signals."""
        p.in_kernel += 1                # still kernel work: no timer interrupt in the middle
        try:
            if self.host_signals:
                self.service_host_signals()
            if self.need_resched:
                self.need_resched = False
                sched = self.k.sched
                if self.timers or self.k.signals.alarms:
                    self.expire_timers()
                if p.slice_left <= 0:
                    sched.expired(p)
                if sched.has_ready():
                    self.preempt(p, "quantum expired")
                else:
                    p.slice_left = sched.quantum_for(p)
                    p.slices[-1][1] = self.k.trace.tick
                    self.new_slice(p)           # nobody else wants the CPU: a fresh slice
        finally:
            p.in_kernel -= 1
        if p.sig.pending and p.replay is None:
            self.k.signals.deliver(p, tick)

    def unwind(self, p: Proc, exc: BaseException) -> BaseException:
        """p leaves its program (exit, exec, a fatal signal): from now on every
        system call and every tick of its code raises exc again, so that no
        handler of the program can stop it.  Returns exc, for the caller to raise."""
        p.unwinding = exc
        if p.runtime is not None:
            p.runtime.unwinding(exc)
        return exc

    # ---- timer interrupts ---------------------------------------------------

    def timer_interrupts(self):
        cpu = self

        class _Timer:
            def __enter__(self):
                self.installed = False
                try:
                    self.old = host_signal.signal(host_signal.SIGALRM, cpu._interrupt)
                    host_signal.setitimer(host_signal.ITIMER_REAL, TIMER_INTERVAL, TIMER_INTERVAL)
                    self.installed = True
                except ValueError:          # not the main thread: no preemption
                    pass

            def __exit__(self, *exc):
                if self.installed:
                    host_signal.setitimer(host_signal.ITIMER_REAL, 0, 0)
                    host_signal.signal(host_signal.SIGALRM, self.old)
        return _Timer()

    def post_host_signal(self, sig: int) -> None:
        """A key such as Ctrl-C on the host terminal (called from a host signal
        handler, so it only takes note; the kernel acts at its next safe point)."""
        self.host_signals.append(sig)

    def service_host_signals(self) -> None:
        sigs, self.host_signals = self.host_signals, []
        for sig in sigs:
            self.k.tty.signal_foreground(sig)

    def _interrupt(self, signum: int, frame: Any) -> None:
        """The host timer fired.  Preempt the running process if it is in user mode.

        This switches greenlets from inside a host signal handler, which is safe
        for the reasons a real kernel may reschedule from a timer interrupt that
        came in user mode:
        - CPython runs a Python-level handler only between two bytecodes of the
          main thread (the C handler just sets a flag), so no object is halfway
          through an update; the handler is an ordinary call on top of the frame
          it interrupted, on the running greenlet's stack.  Switching away leaves
          that frame paused like any other; switched back to later, the handler
          returns and the interrupted bytecode goes on.  CPython keeps no "in a
          handler" state that a switch could leave wrong: the next SIGALRM runs
          this handler again, on whichever context is running then.
        - It switches only when the handler runs on p's own context (not the
          scheduler's, not the limiter's) and p is in user mode (in_kernel == 0):
          kernel data structures are never halfway through an update there.  In
          kernel mode it only takes note (tick_limit, chores_due), as a kernel
          sets need_resched and acts on its way back to user space.
        - Its own work runs with in_kernel raised (_interrupt_user), so a second
          SIGALRM arriving meanwhile finds p in kernel mode and returns at once.
        """
        if self.chores is not None and host_time.monotonic() >= self.chores_at:
            self.chores_due = True          # a busy process goes to the scheduler at its next switch
        p = self.current
        if self.k.run_limits.wall_end is not None and self.k.run_limits.out_of_time():
            self.tick_limit = 0                 # stop at the next tick, in or out of the kernel
        if p is None or p.in_kernel or p.context is not getcurrent() or p.state is not RUNNING:
            return
        try:
            _room(2)
        except RecursionError:
            # p is within a frame or two of its own recursion limit: putting that
            # limit back after the interrupt's work would fail there, and raise
            # in p's code.  An interrupt is invisible to a program, so this one
            # is left to the next (a period later, p is rarely that deep).
            return
        self.kernel_room()
        try:
            self._interrupt_user(p)
        finally:
            self.resume(p)

    def _interrupt_user(self, p: Proc) -> None:
        p.in_kernel += 1                  # the interrupt's own work is kernel work
        try:
            self._interrupt_work(p)
        finally:
            p.in_kernel -= 1
        if self.need_preempt:
            self.need_preempt = False
            self.preempt(p, "timer interrupt")
        if p.sig.pending and p.replay is None:
            self.k.signals.deliver(p, "interrupt")

    def _interrupt_work(self, p: Proc) -> None:
        if self.host_signals or self.k.tty.editing:
            self.service_host_signals()
            if self.k.tty.editing:            # a line typed while processes compute
                self.k.tty.poll(0.0)
        ticking = self.irq_ticks > 0
        if ticking:
            # The process made system calls or ticks since the last interrupt: its
            # CPU time was counted there, and its slice runs out by them -- with
            # or without a seed -- so the timer does not preempt it.
            self.irq_ticks = 0
            self.quiet = 0
            if self.deterministic:
                return
        else:
            # Computation without ticks.  With a seed that is library or C code,
            # usually brief (compiling, importing): only a long stretch of it --
            # a program stuck in C -- is preempted by this watchdog, at a point
            # that depends on the host's speed.
            self.quiet += 1
            if self.deterministic and self.quiet < WATCHDOG_PERIODS:
                return
            self.cpu_tick(p)              # a period of computation without ticks: one tick
        if self.timers or self.k.signals.alarms:
            self.expire_timers()          # a sleeper's time may be up while p computes
        if self.k.sched.preemptive and self.k.sched.has_ready() and not ticking:
            self.need_preempt = True

    def cpu_tick(self, p: Proc) -> None:
        """Charge one timer tick to p, which computed for a whole period."""
        k = self.k
        p.cpu_ticks += 1
        k.trace.tick += 1
        if k.trace.tick >= self.tick_limit:
            self.limit_reached()
        k.clock.advance_by(TIMER_INTERVAL)      # CPU time passes, virtual or not
        if k.sched.counts_ticks:
            k.sched.tick()
        if k.trace.active:
            k.trace.emit(ev.Tick(p.pid))
        if p.sig.cpu_timers:
            k.signals.expire_cpu_timers(p, self.cpu_time(p))

    # ---- a process's life on its context --------------------------------------

    def _context(self, p: Proc) -> None:
        """The bottom frame of every process's context: run p's images until it
        exits, hand it to the scheduler (dispatch) -- then wait there to run
        another process.  A context is kept rather than ended because a
        greenlet's first Python call costs CPython a fresh frame stack (an mmap,
        and a munmap when it ends: ~8 us together, a seventh of a fork + exec).
        One frame, as a fresh context's was, since programs' depths count from
        here.  (A kept context is dropped with the machine: greenlet ends it.)"""
        k = self.k
        while True:
            status = 0
            start: Callable[[], int] = p.start  # type: ignore[assignment]  # (new: it has one)
            p.start = None
            while True:
                try:
                    if p.sig.pending:
                        k.signals.deliver(p)
                    code = start()
                    if p.unwinding is not None:      # the program swallowed its exit
                        raise p.unwinding
                    status = W_EXITCODE(code)
                    break
                except ExecImage as e:
                    p.unwinding = None
                    image = e.image

                    def run_image(image: Image = image, p: Proc = p) -> int:  # (a frame, as the first start has)
                        return k.loader.run(p, image)
                    start = run_image
                except ProcessExit as e:
                    status = e.status
                    break
                except Exception as e:                # a kernel bug: never a traceback
                    k.panic(p, e)
                    status = W_EXITCODE(1)
                    break
            p.unwinding = None
            p.in_kernel += 1            # exit is kernel work: no preemption halfway through it
            k.exit_process(p, status)
            p = self.main.switch(p)     # to the scheduler: p's life is over; back with the next


SPARE_CONTEXTS = 16         # ended contexts kept for new processes (CPU.start)
SPARE_STACKS = 16           # free programs' stacks kept (Runtime.on_stack)
SCRIPT_DEPTH = 2            # python3's depth of a script's frame: 998 calls more reach 1000
PROGRAM_LIMIT = 1000        # a program's recursion limit until it sets its own (CPython's)
KERNEL_LIMIT = 4000          # the kernel's own and native programs' recursion limit
_max_depth: list[int] = []


def max_depth() -> int:
    """The deepest recursion limit the host's C stack can hold safely.  CPython
    3.11 crashes rather than raise once C calls (say, map() or __repr__ in the
    recursion) use up the stack: measured, about 550 bytes a level, so this
    allows one level per KiB of the main thread's stack."""
    if not _max_depth:
        import resource
        soft, _ = resource.getrlimit(resource.RLIMIT_STACK)
        stack = 8 << 20 if soft == resource.RLIM_INFINITY else soft
        _max_depth.append(max(KERNEL_LIMIT, min(stack >> 10, 64000)))
    return _max_depth[0]


def stack_limit(base: int, limit: int) -> int:
    """CPython's recursion limit for a program whose first frame is at depth base
    and whose own limit is limit (sys.setrecursionlimit's) -- no deeper than the
    host's C stack holds.  A limit past that is capped at a room that does not
    depend on base (on how deep the host called the kernel from): CPython's
    default 1000 plus a multiple of 60, so that a recursion whose cycle is up to
    six levels (a function through map(), a __repr__ through repr()) ends as it
    ends under the default limit, on every run."""
    room = max_depth() - base
    if limit <= room:
        return base + limit
    spare = max_depth() - KERNEL_HEADROOM - PROGRAM_LIMIT
    capped = PROGRAM_LIMIT + max(0, spare) // 60 * 60
    return base + (capped if capped <= room else room & ~1)


def _room(n: int) -> None:
    """Raises RecursionError unless n frames more fit under the current limit."""
    if n:
        _room(n - 1)


def _limiter(target: greenlet, limit: int, args: tuple) -> None:
    """The limiter's life: set the limit it is given, then switch to target --
    back to its caller, or into a context that starts here (CPU.start)."""
    while True:
        sys.setrecursionlimit(limit)
        target, limit, args = target.switch(*args)


def _depth_in(e: RecursionError) -> int:
    return int(str(e).split("depth ")[1].split(":")[0])


def recursion_depth() -> int:
    """How deep the code that calls this is, as CPython counts for its recursion
    limit (it tells when asked for a lower limit than that)."""
    limit = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(1)
    except RecursionError as e:
        return _depth_in(e)
    sys.setrecursionlimit(limit)
    return 1


def _unraisable(info) -> None:
    """An exception CPython cannot raise (in a __del__, say): the running program's
    own goes to its sys.unraisablehook, as in CPython; one of a process that is
    gone belongs to no process now: dropped rather than printed on the host's
    stderr.  Nothing escapes (the host would print it)."""
    cpu = machine.cpu
    p = cpu.current if cpu is not None else None
    if p is None or p.runtime is None or p.native:
        return
    try:
        p.runtime.unraisable(info)
    except BaseException:
        pass


def _shown(args: tuple) -> tuple:
    """Arguments as an event records them: a continuation by its name, not its address."""
    return tuple(f"<{a.__qualname__}>" if callable(a) else a for a in args)


def user_frame(p: Proc):
    """The innermost frame of p's program (skipping kernel and runtime frames)."""
    ctx = p.context
    if ctx is None:
        return None
    frame = ctx.gr_frame if ctx is not getcurrent() else sys._getframe()
    while frame is not None:
        # Not the kernel's frames, nor a viewer's (step mode waits for a key on
        # the stepped process's own stack): the program's.
        if not frame.f_code.co_filename.startswith(NOT_PROGRAM_DIRS):
            return frame
        frame = frame.f_back
    return None


def _kernel_dirs() -> tuple[str, ...]:
    import os
    here = os.path.dirname(os.path.abspath(__file__)) + os.sep
    return (here, os.path.dirname(os.__file__) + os.sep)        # the kernel, the stdlib


KERNEL_DIRS = _kernel_dirs()
# Code of the host's that runs on a process's stack without being its program
# (a shell's, a viewer's waiting there for a key) is named by whoever installs
# it, so that the kernel knows no such code by name.
VIEWER_DIRS: tuple[str, ...] = ()
NOT_PROGRAM_DIRS = KERNEL_DIRS


def add_viewer_dir(directory: str) -> None:
    """Frames of files under directory are never a program's."""
    global VIEWER_DIRS, NOT_PROGRAM_DIRS
    import os
    VIEWER_DIRS += (os.path.join(os.path.abspath(directory), ""),)
    NOT_PROGRAM_DIRS = KERNEL_DIRS + VIEWER_DIRS
