"""The kernel's event stream.

Every kernel action is an event: system call entry and exit, state changes with
their reason, context switches, signals, fork, exec, exit and reap.  Viewers
(tracers, step mode, timelines) subscribe to the stream; the kernel itself never
formats text for people.  When nobody subscribes, nothing is built.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional


@dataclass
class Event:
    """Something the kernel did.  `seq` orders events; `tick` is the CPU tick."""
    seq: int = field(default=0, init=False)
    tick: int = field(default=0, init=False)
    time: float = field(default=0.0, init=False)

    @property
    def kind(self) -> str:
        return type(self).__name__


@dataclass
class SyscallEnter(Event):
    pid: int
    name: str
    args: tuple


@dataclass
class SyscallExit(Event):
    pid: int
    name: str
    result: Any = None
    errno: int = 0          # 0 on success


@dataclass
class StateChange(Event):
    pid: int
    old: str
    new: str
    reason: str


@dataclass
class Switch(Event):
    """The CPU passes from one process to another (pid 0 is the idle kernel)."""
    old: int
    new: int
    reason: str


@dataclass
class Tick(Event):
    """A timer tick charged to a process that computed without system calls."""
    pid: int


@dataclass
class SignalSent(Event):
    sender: int
    pid: int
    sig: int


@dataclass
class SignalDelivered(Event):
    pid: int
    sig: int
    action: str             # "handler", "terminate", "stop", "continue", "ignore"


@dataclass
class Fork(Event):
    parent: int
    child: int
    how: str                # "replay" (os.fork) or "clone" (native continuation)


@dataclass
class Exec(Event):
    pid: int
    path: str
    argv: list[str]


@dataclass
class Load(Event):
    """exec's loader brought a program in (compiled, or found in the cache)."""
    pid: int
    path: str
    cached: bool


@dataclass
class Exit(Event):
    pid: int
    status: int             # the wait status, as waitpid reports it


@dataclass
class Reap(Event):
    parent: int
    child: int
    status: int


@dataclass
class Message(Event):
    """A notice from the kernel to whoever watches (e.g. why a replay failed)."""
    pid: int
    text: str


Subscriber = Callable[[Event], None]


class Trace:
    """The event stream.  `active` is the cheap test callers use on hot paths."""

    def __init__(self, clock) -> None:
        self.clock = clock
        self.subscribers: list[Subscriber] = []
        self.active = False
        self.seq = 0
        self.tick = 0           # advanced by the CPU
        # Trace control (/proc/trace): what programs ask the viewers for, and
        # what the viewers say they show.  The kernel only passes it on.
        self.on_request: Optional[Callable[[str, int], None]] = None
        self.status = "off\n"

    def request(self, text: str, pid: int) -> None:
        """A process wrote `text` to /proc/trace (say "on syscalls", "strace 12 follow")."""
        if self.on_request is not None:
            self.on_request(text, pid)

    def subscribe(self, fn: Subscriber) -> Callable[[], None]:
        self.subscribers.append(fn)
        self.active = True

        def unsubscribe() -> None:
            if fn in self.subscribers:
                self.subscribers.remove(fn)
            self.active = bool(self.subscribers)
        return unsubscribe

    def emit(self, event: Event) -> None:
        self.seq += 1
        event.seq = self.seq
        event.tick = self.tick
        event.time = self.clock.monotonic()
        for fn in list(self.subscribers):
            fn(event)
