"""Who was on the CPU at each tick: OSTEP's process-run table, read from the
kernel's events, with each process's response, turnaround and waiting time.

    Time  PID 5    PID 6    CPU  IO
       1  RUN      READY      1   0
       2  READY    RUN        1   0

A tick is one unit of CPU (one system call, or a timer tick of a process that
makes none).  Times are counted from the first tick of the recorded span.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from kernel import trace as ev

SHOWN = {"RUNNING": "RUN", "READY": "READY", "BLOCKED": "BLOCKED", "STOPPED": "STOPPED",
         "NEW": "READY", "ZOMBIE": "-"}
STRIP = {"RUN": "#", "READY": ".", "BLOCKED": "_", "STOPPED": "s", "-": " "}
STRIP_COLOUR = {"#": "42;30", ".": "43;30", "_": "44;37", "s": "45;37"}


@dataclass
class Job:
    pid: int
    name: str = ""
    arrival: Optional[int] = None       # the tick it became READY
    first_run: Optional[int] = None
    last_run: Optional[int] = None
    finish: Optional[int] = None        # its last tick on the CPU
    waiting: int = 0


@dataclass
class Timeline:
    """An event subscriber recording one process tree's ticks."""
    root: int
    follow: bool = True
    jobs: dict[int, Job] = field(default_factory=dict)
    state: dict[int, str] = field(default_factory=dict)
    rows: list[tuple[int, dict[int, str]]] = field(default_factory=list)
    done: bool = False

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
            self.state[e.pid] = SHOWN.get(e.new, e.new)
            if e.new == "ZOMBIE":
                job = self.jobs[e.pid]
                job.finish = job.last_run if job.last_run is not None else self.now()
                if e.pid == self.root:
                    self.done = True
        elif isinstance(e, ev.Exec) and e.pid in self.jobs:
            self.jobs[e.pid].name = e.path.rsplit("/", 1)[-1]
        elif isinstance(e, (ev.SyscallEnter, ev.Tick)) and e.pid in self.jobs:
            self.state[e.pid] = "RUN"
            row = {pid: self.state.get(pid, "-") for pid in self.jobs}
            self.rows.append((e.pid, row))
            tick = self.now()
            for pid, st in row.items():
                job = self.jobs[pid]
                if st == "RUN":
                    if job.first_run is None:
                        job.first_run = tick - 1
                    job.last_run = tick
                if st == "READY":
                    job.waiting += 1

    # ---- for people -----------------------------------------------------------

    def table(self) -> str:
        pids = list(self.jobs)
        head = ["Time"] + [f"PID {p}" for p in pids] + ["CPU", "IO"]
        widths = [5] + [max(9, len(h)) for h in head[1:-2]] + [4, 3]
        lines = ["  ".join(h.rjust(w) if i in (0, len(head) - 2, len(head) - 1) else h.ljust(w)
                           for i, (h, w) in enumerate(zip(head, widths)))]
        # Every row: the table goes to stdout, where `| less` or a file can hold it.
        for index, item in enumerate(self.rows, 1):
            running, row = item
            cells = [row.get(p, "-") for p in pids]
            io = sum(1 for c in cells if c == "BLOCKED")
            lines.append("  ".join([f"{index:>5}"] + [c.ljust(w) for c, w in zip(cells, widths[1:-2])]
                                   + [f"{1:>4}", f"{io:>3}"]))
        return "\n".join(lines) + "\n"

    def strips(self, width: int = 60, colour: bool = False) -> str:
        """One line per process: # running, . ready, _ blocked (compressed to width)."""
        n = len(self.rows)
        if not n:
            return ""
        step = max(1, -(-n // width))
        out = []
        for pid, job in self.jobs.items():
            chars = []
            for start in range(0, n, step):
                states = [row.get(pid, "-") for _, row in self.rows[start:start + step]]
                best = max(states, key=lambda s: ("-", "BLOCKED", "READY", "RUN").index(s)
                           if s in ("-", "BLOCKED", "READY", "RUN") else 0)
                chars.append(STRIP.get(best, "?"))
            strip = "".join(chars)
            if colour:
                strip = "".join(f"\x1b[{STRIP_COLOUR[c]}m{c}\x1b[0m" if c in STRIP_COLOUR else c
                                for c in strip)
            out.append(f"{pid:>5} {job.name[:10]:<10} |{strip}|")
        legend = f"      (# running, . ready, _ blocked; one mark = {step} tick{'s' if step > 1 else ''})"
        return "\n".join(out + [legend]) + "\n"

    def stats(self) -> str:
        lines = ["  PID  name        response  turnaround  waiting"]
        for pid, job in self.jobs.items():
            resp = "-" if job.first_run is None else job.first_run - (job.arrival or 0)
            turn = "-" if job.finish is None else job.finish - (job.arrival or 0)
            lines.append(f"{pid:>5}  {job.name[:10]:<10}  {resp!s:>8}  {turn!s:>10}  {job.waiting:>7}")
        return "\n".join(lines) + "\n"

    def report(self, colour: bool = False) -> str:
        return self.table() + "\n" + self.strips(colour=colour) + "\n" + self.stats()
