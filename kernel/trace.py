"""The kernel's event stream.

Every kernel action is an event: system call entry and exit, state changes with
their reason, context switches, signals, fork, exec, exit and reap.  Viewers
(tracers, step mode, timelines) subscribe to the stream; the kernel itself never
formats text for people.  When nobody subscribes, nothing is built.

Events are plain classes with __slots__, not dataclasses: importing dataclasses
and building each class would cost every vshell start-up some milliseconds.
"""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable


class Event:
    """Something the kernel did.  `seq` orders events; `tick` is the CPU tick.

    The three are filled in by `Trace.emit`; each kind of event adds its own
    fields, one level below Event."""
    __slots__ = ("seq", "tick", "time")

    def __init__(self) -> None:
        self.seq = 0
        self.tick = 0
        self.time = 0.0

    @property
    def kind(self) -> str:
        return type(self).__name__

    def fields(self) -> dict[str, Any]:
        """Every field by name: seq, tick, time, then the event's own, in order."""
        return {name: getattr(self, name) for name in Event.__slots__ + type(self).__slots__}

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={value!r}" for name, value in self.fields().items())
        return f"{self.kind}({inner})"


class SyscallEnter(Event):
    __slots__ = ("pid", "name", "args")

    def __init__(self, pid: int, name: str, args: tuple) -> None:
        Event.__init__(self)
        self.pid = pid
        self.name = name
        self.args = args


class SyscallExit(Event):
    __slots__ = ("pid", "name", "result", "errno")

    def __init__(self, pid: int, name: str, result: Any = None, errno: int = 0) -> None:
        Event.__init__(self)
        self.pid = pid
        self.name = name
        self.result = result
        self.errno = errno          # 0 on success


class StateChange(Event):
    __slots__ = ("pid", "old", "new", "reason")

    def __init__(self, pid: int, old: str, new: str, reason: str) -> None:
        Event.__init__(self)
        self.pid = pid
        self.old = old
        self.new = new
        self.reason = reason


class Switch(Event):
    """The CPU passes from one process to another (pid 0 is the idle kernel)."""
    __slots__ = ("old", "new", "reason")

    def __init__(self, old: int, new: int, reason: str) -> None:
        Event.__init__(self)
        self.old = old
        self.new = new
        self.reason = reason


class Tick(Event):
    """A timer tick charged to a process that computed without system calls."""
    __slots__ = ("pid",)

    def __init__(self, pid: int) -> None:
        Event.__init__(self)
        self.pid = pid


class SignalSent(Event):
    __slots__ = ("sender", "pid", "sig")

    def __init__(self, sender: int, pid: int, sig: int) -> None:
        Event.__init__(self)
        self.sender = sender
        self.pid = pid
        self.sig = sig


class SignalDelivered(Event):
    __slots__ = ("pid", "sig", "action")

    def __init__(self, pid: int, sig: int, action: str) -> None:
        Event.__init__(self)
        self.pid = pid
        self.sig = sig
        self.action = action        # "handler", "terminate", "stop", "continue", "ignore"


class Fork(Event):
    __slots__ = ("parent", "child", "how")

    def __init__(self, parent: int, child: int, how: str) -> None:
        Event.__init__(self)
        self.parent = parent
        self.child = child
        self.how = how              # "replay" (os.fork) or "clone" (native continuation)


class Exec(Event):
    __slots__ = ("pid", "path", "argv")

    def __init__(self, pid: int, path: str, argv: list[str]) -> None:
        Event.__init__(self)
        self.pid = pid
        self.path = path
        self.argv = argv


class Load(Event):
    """exec's loader brought a program in (compiled, or found in the cache)."""
    __slots__ = ("pid", "path", "cached")

    def __init__(self, pid: int, path: str, cached: bool) -> None:
        Event.__init__(self)
        self.pid = pid
        self.path = path
        self.cached = cached


class Exit(Event):
    __slots__ = ("pid", "status")

    def __init__(self, pid: int, status: int) -> None:
        Event.__init__(self)
        self.pid = pid
        self.status = status        # the wait status, as waitpid reports it


class Reap(Event):
    __slots__ = ("parent", "child", "status")

    def __init__(self, parent: int, child: int, status: int) -> None:
        Event.__init__(self)
        self.parent = parent
        self.child = child
        self.status = status


class Message(Event):
    """A notice from the kernel to whoever watches (e.g. why a replay failed)."""
    __slots__ = ("pid", "text")

    def __init__(self, pid: int, text: str) -> None:
        Event.__init__(self)
        self.pid = pid
        self.text = text


class Deadlock(Event):
    """Every process is blocked and nothing -- no timer, no terminal -- can wake
    any of them: the machine stops (pids: the processes left)."""
    __slots__ = ("pids",)

    def __init__(self, pids: list[int]) -> None:
        Event.__init__(self)
        self.pids = pids


class LimitHit(Event):
    """A limit of the run (--max-ticks, --max-time, ...) is used up: the machine stops."""
    __slots__ = ("limit",)

    def __init__(self, limit: str) -> None:
        Event.__init__(self)
        self.limit = limit


if TYPE_CHECKING:
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
        self.on_request: Callable[[str, int], None] | None = None
        self.status = "off\n"
        # --max-events: after the event numbered `limit` has reached every
        # subscriber, `on_limit` stops the machine (kernel/runlimits.py).
        self.limit: float = float("inf")
        self.on_limit: Callable[[], None] | None = None
        self.closed = False         # the machine was stopped: nothing more happens

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
        if self.closed:
            return
        self.seq += 1
        event.seq = self.seq
        event.tick = self.tick
        event.time = self.clock.monotonic()
        for fn in list(self.subscribers):
            fn(event)
        if self.seq >= self.limit and self.on_limit is not None:
            self.on_limit()
