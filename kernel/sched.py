"""Scheduling policies behind one small interface.

The CPU asks a policy three things: put this READY process in line (`ready`),
who runs next (`pick`), and how long a slice it gets (`quantum_for`, in ticks;
a tick is one system call, or one timer interrupt for a process that makes
none).  Policies never switch contexts themselves.
"""
from __future__ import annotations

from collections import deque
from typing import Optional

from .proc import Proc, State

DEFAULT_QUANTUM = 10


class Policy:
    name = "?"
    preemptive = True           # may the timer take the CPU from a running process?

    def __init__(self, quantum: int = DEFAULT_QUANTUM) -> None:
        self.quantum = quantum

    def ready(self, p: Proc, front: bool = False) -> None:
        raise NotImplementedError

    def pick(self) -> Optional[Proc]:
        raise NotImplementedError

    def has_ready(self) -> bool:
        raise NotImplementedError

    def quantum_for(self, p: Proc) -> int:
        return self.quantum

    def describe(self) -> str:
        return f"{self.name} (quantum {self.quantum} ticks)"


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

    def pick(self) -> Optional[Proc]:
        queue = self.queue
        while queue:
            p = queue.popleft()
            if p.state is State.READY:
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
        return "fifo (no preemption)"


POLICIES = {"rr": RoundRobin, "fifo": FIFO}


def make_policy(name: str, quantum: int = DEFAULT_QUANTUM) -> Policy:
    try:
        return POLICIES[name](quantum)
    except KeyError:
        raise ValueError(f"unknown scheduling policy {name!r} (choose from {', '.join(POLICIES)})")
