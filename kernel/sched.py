"""Scheduling policies behind one small interface.

The CPU asks a policy three things: put this READY process in line (`ready`),
who runs next (`pick`), and how long a slice it gets (`quantum_for`, in ticks;
a tick is one system call, or one timer interrupt for a process that makes
none).  Policies never switch contexts themselves.
"""
from __future__ import annotations

from collections import deque

from .limits import RLIMIT_CPU
from .proc import BLOCKED, READY, Proc

DEFAULT_QUANTUM = 10


class Policy:
    name = "?"
    preemptive = True           # may the timer take the CPU from a running process?
    io_first = False            # does a process whose I/O is done take the CPU at once?

    def __init__(self, quantum: int = DEFAULT_QUANTUM) -> None:
        self.quantum = quantum

    def ready(self, p: Proc, front: bool = False) -> None:
        raise NotImplementedError

    def pick(self) -> Proc | None:
        raise NotImplementedError

    def has_ready(self) -> bool:
        raise NotImplementedError

    def quantum_for(self, p: Proc) -> int:
        return self.quantum

    def expired(self, p: Proc) -> None:
        """p used up its whole slice (MLFQ moves it down a level)."""

    # Whether tick() does anything: the CPU calls it on every tick (every system
    # call) only for a policy that has one of its own.
    counts_ticks = False

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls.counts_ticks = cls.tick is not Policy.tick

    def tick(self) -> None:
        """One tick of CPU went by (MLFQ boosts every so often)."""

    def describe(self) -> str:
        return f"{self.name} (quantum {self.quantum} tick{'' if self.quantum == 1 else 's'})" + self.io_words()

    def io_words(self) -> str:
        return "; io-first: I/O done preempts" if self.io_first else ""

    def drain(self) -> list[Proc]:
        """Every READY process, in the order they would have run (to change policy)."""
        out = []
        while (p := self.pick()) is not None:
            out.append(p)
        return out


class RoundRobin(Policy):
    """Round robin: a FIFO ready queue; a process whose slice runs out goes to the back."""
    name = "rr"

    def __init__(self, quantum: int = DEFAULT_QUANTUM) -> None:
        super().__init__(quantum)
        self.queue: deque[Proc] = deque()

    def ready(self, p: Proc, front: bool = False) -> None:
        if front:
            self.queue.appendleft(p)
        else:
            self.queue.append(p)

    def pick(self) -> Proc | None:
        queue = self.queue
        while queue:
            p = queue.popleft()
            if p.state is READY:
                return p
        return None

    def has_ready(self) -> bool:
        return bool(self.queue)


class FIFO(RoundRobin):
    """First in, first out: run each process until it blocks or exits."""
    name = "fifo"
    preemptive = False

    def quantum_for(self, p: Proc) -> int:
        return 1 << 62

    def describe(self) -> str:
        return "fifo (no preemption)" + self.io_words()


class SJF(FIFO):
    """Shortest job first: of the READY processes, the one with the least CPU time
    to run, as its owner declared it -- a batch system's job card, here the
    process's CPU time limit (RLIMIT_CPU; none counts as longest).  FIFO among
    equals, and no preemption: a job runs until it blocks or exits."""
    name = "sjf"

    def pick(self) -> Proc | None:
        queue = self.queue
        best = None
        for p in queue:
            if p.state is READY and (best is None or _length(p) < _length(best)):
                best = p
        if best is None:
            queue.clear()
            return None
        queue.remove(best)
        return best

    def describe(self) -> str:
        return "sjf (shortest RLIMIT_CPU first, no preemption)" + self.io_words()


def _length(p: Proc) -> int:
    return p.limits.soft(RLIMIT_CPU)


class TableScan(Policy):
    """xv6's scheduler: look through the process table from the slot after the
    process that ran last, and run the first READY one until it blocks or
    exits (no preemption).  OSTEP's process-run.py schedules so (SWITCH_ON_IO)."""
    name = "scan"
    preemptive = False

    def __init__(self, quantum: int = DEFAULT_QUANTUM) -> None:
        super().__init__(quantum)
        self.table: dict[int, Proc] = {}        # pid -> a process put in line
        self.first: Proc | None = None          # io-first: the one to run next
        self.last = 0                           # the pid that ran last

    def ready(self, p: Proc, front: bool = False) -> None:
        self.table[p.pid] = p
        if front:
            self.first = p

    def pick(self) -> Proc | None:
        first, self.first = self.first, None
        if first is not None and first.state is READY:
            return self.take(first)
        pids = sorted(pid for pid, p in self.table.items() if p.state is READY)
        self.table = {pid: self.table[pid] for pid in pids}
        if not pids:
            return None
        after = [pid for pid in pids if pid > self.last]
        return self.take(self.table[(after or pids)[0]])

    def take(self, p: Proc) -> Proc:
        self.table.pop(p.pid, None)
        self.last = p.pid
        return p

    def has_ready(self) -> bool:
        return any(p.state is READY for p in self.table.values())

    def quantum_for(self, p: Proc) -> int:
        return 1 << 62

    def drain(self) -> list[Proc]:
        out = sorted((p for p in self.table.values() if p.state is READY), key=lambda p: p.pid)
        self.table.clear()
        return out

    def describe(self) -> str:
        return "scan (the process table in order, no preemption)" + self.io_words()


class Batch(TableScan):
    """One program at a time, as on a uniprogrammed machine: the process that has
    the CPU keeps it until it exits, and while it waits for a device the CPU
    idles (OSTEP's SWITCH_ON_END).  Waiting for anything else (a child, a
    pipe) gives the CPU to the next process in the table."""
    name = "batch"

    def __init__(self, quantum: int = DEFAULT_QUANTUM) -> None:
        super().__init__(quantum)
        self.owner: Proc | None = None

    def pick(self) -> Proc | None:
        owner = self.owner
        if owner is not None and owner.state is READY:
            self.first = None
            return self.take(owner)
        if owner is not None and owner.state is BLOCKED and owner.blocked_on == "I/O":
            return None                         # the CPU idles meanwhile
        self.owner = super().pick()
        return self.owner

    def describe(self) -> str:
        return "batch (one process until it exits, idle during its I/O)" + self.io_words()


class Priority(Policy):
    """Priority: always the READY process with the lowest nice value (FIFO among equals)."""
    name = "priority"

    def __init__(self, quantum: int = DEFAULT_QUANTUM) -> None:
        super().__init__(quantum)
        self.queues: dict[int, deque[Proc]] = {}

    def ready(self, p: Proc, front: bool = False) -> None:
        q = self.queues.setdefault(p.nice, deque())
        q.appendleft(p) if front else q.append(p)

    def pick(self) -> Proc | None:
        for nice in sorted(self.queues):
            q = self.queues[nice]
            while q:
                p = q.popleft()
                if p.state is READY:
                    return p
        return None

    def has_ready(self) -> bool:
        return any(self.queues.values())


class MLFQ(Policy):
    """Multi-level feedback queue (OSTEP ch. 8): new processes start at the top;
    a process that uses up its allotment at a level moves down; every `boost`
    ticks everyone goes back to the top.  Lower levels get longer slices."""
    name = "mlfq"

    def __init__(self, quantum: int = DEFAULT_QUANTUM, levels: int = 3, boost: int = 100) -> None:
        super().__init__(quantum)
        self.levels: list[deque[Proc]] = [deque() for _ in range(levels)]
        # The processes below the top, by their Proc rather than their pid: a
        # pid is reused once its process is gone, and its new owner starts at
        # the top.  A boost empties it (everyone is at the top again).
        self.level: dict[Proc, int] = {}
        self.boost_every = boost
        self.since_boost = 0

    def slice_at(self, level: int) -> int:
        return self.quantum * (2 ** level)

    def quantum_for(self, p: Proc) -> int:
        return self.slice_at(self.level.get(p, 0))

    def ready(self, p: Proc, front: bool = False) -> None:
        q = self.levels[self.level.get(p, 0)]
        q.appendleft(p) if front else q.append(p)

    def pick(self) -> Proc | None:
        for q in self.levels:
            while q:
                p = q.popleft()
                if p.state is READY:
                    return p
        return None

    def has_ready(self) -> bool:
        return any(self.levels)

    def expired(self, p: Proc) -> None:
        self.level[p] = min(self.level.get(p, 0) + 1, len(self.levels) - 1)

    def tick(self) -> None:
        self.since_boost += 1
        if self.since_boost >= self.boost_every:
            self.since_boost = 0
            waiting = [p for q in self.levels for p in q]
            for q in self.levels:
                q.clear()
            self.level.clear()
            self.levels[0].extend(waiting)

    def describe(self) -> str:
        slices = "/".join(str(self.slice_at(i)) for i in range(len(self.levels)))
        return (f"mlfq ({len(self.levels)} levels, slices {slices} ticks, "
                f"boost every {self.boost_every})")


class Lottery(Policy):
    """Lottery: each READY process holds tickets (100, fewer when niced); the
    kernel's random generator -- seeded, so reproducible -- draws the winner."""
    name = "lottery"

    def __init__(self, quantum: int = DEFAULT_QUANTUM, k=None) -> None:
        super().__init__(quantum)
        self.pool: list[Proc] = []
        self.k = k                  # its generator: k.rng

    @staticmethod
    def tickets(p: Proc) -> int:
        return max(1, 100 - 5 * p.nice)

    def ready(self, p: Proc, front: bool = False) -> None:
        self.pool.append(p)

    def pick(self) -> Proc | None:
        self.pool = [p for p in self.pool if p.state is READY]
        if not self.pool:
            return None
        total = sum(self.tickets(p) for p in self.pool)
        draw = self.k.rng.randrange(total)
        for i, p in enumerate(self.pool):
            draw -= self.tickets(p)
            if draw < 0:
                return self.pool.pop(i)
        return self.pool.pop()

    def has_ready(self) -> bool:
        return bool(self.pool)


POLICIES = {"rr": RoundRobin, "fifo": FIFO, "sjf": SJF, "scan": TableScan, "batch": Batch,
            "priority": Priority, "mlfq": MLFQ,
            "lottery": Lottery}


def make_policy(name: str, quantum: int = DEFAULT_QUANTUM, k=None) -> Policy:
    if name not in POLICIES:
        raise ValueError(f"unknown scheduling policy {name!r} (choose from {', '.join(POLICIES)})")
    if name == "lottery":
        return Lottery(quantum, k)
    return POLICIES[name](quantum)
