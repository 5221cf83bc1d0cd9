"""Who was on the CPU at each tick: OSTEP's process-run table, read from the
kernel's events, with each process's response, turnaround and waiting time.

    Time  PID 5      PID 6       CPU   IO
       1  RUN        READY         1    0
       2  BLOCKED    RUN           1    1
       3  WAIT       DONE          1    0

A row is a tick, one unit of CPU (one system call, or a tick of computation),
of one of the processes watched: the command and the children it forks -- or,
with CPU 0, ticks when none of them could run because they waited for I/O
(at least one such row for every wait, as a sleep on a clock in seconds takes
no ticks).  Times are counted from the command's start.  BLOCKED is waiting for a device, a pipe,
the terminal or a timer -- I/O; WAIT is waiting in wait() for a child, which
is not I/O; DONE is after exit.  The statistics are scheduler.py's:
response (first run - arrival), turnaround (exit - arrival) and wait (ticks
READY), with their averages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from kernel import trace as ev

SHOWN = {"RUNNING": "RUN", "READY": "READY", "BLOCKED": "BLOCKED", "STOPPED": "STOPPED",
         "NEW": "READY", "ZOMBIE": "DONE"}
CHILD = "child"                     # the kernel's reason for a process blocked in wait()
STRIP = {"RUN": "#", "READY": ".", "BLOCKED": "_", "WAIT": "w", "STOPPED": "s", "DONE": " ", "-": " "}
STRIP_COLOUR = {"#": "42;30", ".": "43;30", "_": "44;37", "w": "46;30", "s": "45;37"}
RANK = ("-", "DONE", "WAIT", "STOPPED", "BLOCKED", "READY", "RUN")    # which state a mark shows


@dataclass
class Job:
    pid: int
    name: str = ""
    arrival: Optional[int] = None       # the tick it became READY
    first_run: Optional[int] = None
    last_run: Optional[int] = None
    finish: Optional[int] = None        # the tick it exited
    waiting: int = 0                    # ticks READY


@dataclass
class Timeline:
    """An event subscriber recording one process tree's ticks."""
    root: int
    follow: bool = True
    jobs: dict[int, Job] = field(default_factory=dict)
    state: dict[int, str] = field(default_factory=dict)
    rows: list[tuple[int, dict[int, str]]] = field(default_factory=list)    # (who ran or 0, states)
    done: bool = False
    last_tick: Optional[int] = None     # the kernel's tick at the last row
    blocked_at: dict[int, int] = field(default_factory=dict)   # pid -> rows when it blocked

    def __post_init__(self) -> None:
        self.jobs[self.root] = Job(self.root, arrival=0)
        self.state[self.root] = "READY"

    def now(self) -> int:
        return len(self.rows)

    def __call__(self, e: ev.Event) -> None:
        if self.done:
            return
        if isinstance(e, ev.Fork) and self.follow and e.parent in self.jobs:
            self.jobs[e.child] = Job(e.child, self.jobs[e.parent].name, arrival=self.now())
            self.state[e.child] = "READY"
        elif isinstance(e, ev.StateChange) and e.pid in self.jobs:
            self.changed(e)
        elif isinstance(e, ev.Exec) and e.pid in self.jobs:
            self.jobs[e.pid].name = e.path.rsplit("/", 1)[-1]
        elif isinstance(e, (ev.SyscallEnter, ev.Tick)) and e.pid in self.jobs:
            self.ticked(e)

    def changed(self, e: ev.StateChange) -> None:
        if e.new == "READY" and e.old == "BLOCKED" and self.state.get(e.pid) == "BLOCKED":
            self.idled(e)
        if e.new == "BLOCKED":
            self.blocked_at[e.pid] = self.now()
        if e.new == "BLOCKED" and e.reason == CHILD:
            self.state[e.pid] = "WAIT"
        else:
            self.state[e.pid] = SHOWN.get(e.new, e.new)
        if e.new == "ZOMBIE":
            self.jobs[e.pid].finish = self.now()
            if e.pid == self.root:
                self.done = True

    def idled(self, e: ev.StateChange) -> None:
        """A process's I/O is done.  If none of ours ran meanwhile, the CPU was
        idle (or others' ): rows for the ticks that went by -- at least one, as
        a wait on a clock in seconds takes no ticks."""
        if self.last_tick is None or self.blocked_at.get(e.pid) != self.now():
            return
        for _ in range(max(1, e.tick - self.last_tick)):
            self.add_row(0)
        self.last_tick = e.tick

    def ticked(self, e: ev.SyscallEnter | ev.Tick) -> None:
        """One tick of a process's: a row of the table."""
        self.state[e.pid] = "RUN"
        # (a system call's tick is charged just after its SyscallEnter is emitted)
        self.last_tick = e.tick + 1 if isinstance(e, ev.SyscallEnter) else e.tick
        self.add_row(e.pid)

    def add_row(self, pid: int) -> None:
        row = {p: self.state.get(p, "-") for p in self.jobs}
        self.rows.append((pid, row))
        tick = self.now()
        for p, st in row.items():
            job = self.jobs[p]
            if st == "RUN":
                if job.first_run is None:
                    job.first_run = tick - 1
                job.last_run = tick
            elif st == "READY":
                job.waiting += 1

    # ---- for people -----------------------------------------------------------

    def table(self) -> str:
        pids = list(self.jobs)
        head = ["Time"] + [f"PID {p}" for p in pids] + ["CPU", "IO"]
        widths = [5] + [max(9, len(h)) for h in head[1:-2]] + [4, 3]
        lines = ["  ".join(h.rjust(w) if i in (0, len(head) - 2, len(head) - 1) else h.ljust(w)
                           for i, (h, w) in enumerate(zip(head, widths)))]
        # Every row: the table goes to stdout, where `| less` or a file can hold it.
        for index, (running, row) in enumerate(self.rows, 1):
            cells = [row.get(p, "-") for p in pids]
            io = cells.count("BLOCKED")
            lines.append("  ".join([f"{index:>5}"] + [c.ljust(w) for c, w in zip(cells, widths[1:-2])]
                                   + [f"{1 if running else 0:>4}", f"{io:>3}"]))
        return "\n".join(lines) + "\n"

    def strips(self, width: int = 60, colour: bool = False) -> str:
        """One line per process: # running, . ready, _ blocked, w waiting for a child."""
        n = len(self.rows)
        if not n:
            return ""
        step = max(1, -(-n // width))
        out = []
        for pid, job in self.jobs.items():
            chars = []
            for start in range(0, n, step):
                states = [row.get(pid, "-") for _, row in self.rows[start:start + step]]
                best = max(states, key=lambda s: RANK.index(s) if s in RANK else 0)
                chars.append(STRIP.get(best, "?"))
            strip = "".join(chars)
            if colour:
                strip = "".join(f"\x1b[{STRIP_COLOUR[c]}m{c}\x1b[0m" if c in STRIP_COLOUR else c
                                for c in strip)
            out.append(f"{pid:>5} {job.name[:10]:<10} |{strip}|")
        legend = (f"      (# running, . ready, _ blocked, w waiting for a child; "
                  f"one mark = {step} tick{'s' if step > 1 else ''})")
        return "\n".join(out + [legend]) + "\n"

    def totals(self) -> str:
        ticks = len(self.rows)
        cpu = sum(1 for running, _ in self.rows if running)
        io = sum(1 for _, row in self.rows if "BLOCKED" in row.values())
        share = (lambda n: 100.0 * n / ticks) if ticks else (lambda n: 0.0)
        return (f"Total time {ticks} ticks: CPU busy {cpu} ({share(cpu):.2f}%), "
                f"I/O busy {io} ({share(io):.2f}%)\n")

    def stats(self) -> str:
        """scheduler.py's Final statistics, a line per process and the averages."""
        lines = ["Final statistics:"]
        sums, count = [0.0, 0.0, 0.0], 0
        for pid, job in self.jobs.items():
            arrival = job.arrival or 0
            if job.first_run is None or job.finish is None:
                lines.append(f"  PID {pid:>4} {job.name[:10]:<10} -- (still running at the end)")
                continue
            numbers = (job.first_run - arrival, job.finish - arrival, job.waiting)
            sums = [a + b for a, b in zip(sums, numbers)]
            count += 1
            lines.append(f"  PID {pid:>4} {job.name[:10]:<10} -- Response: %3.2f  Turnaround %3.2f"
                         "  Wait %3.2f" % numbers)
        if count:
            lines.append("\n  Average -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f"
                         % tuple(s / count for s in sums))
        return "\n".join(lines) + "\n"

    def report(self, colour: bool = False) -> str:
        return (self.table() + "\n" + self.strips(colour=colour) + "\n" + self.totals() + "\n"
                + self.stats())
