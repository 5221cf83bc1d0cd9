"""The recording: a running machine's events kept as a History (model.py).

One recorder per machine, started by `vshell --web` before the machine boots,
or by the first `picture` at the prompt (then from the machine as it is).
It is the one place that looks at the kernel while events pass: to note the
program line a process is at, which the events do not carry.
"""
from __future__ import annotations

import threading

from kernel import trace as ev

from .model import At, History, from_kernel

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

RECORDERS: dict[int, Recorder] = {}       # id(kernel) -> its recorder


class Recorder:
    def __init__(self, k: Any) -> None:
        self.k = k
        self.lock = threading.Lock()           # the web server reads the history from its thread
        self.history = History(from_kernel(k))
        self.pcs: dict[int, str] = {}
        self.drawn: list[str] = []              # every `picture` drawn (--record FILE.html keeps them)
        self.unsubscribe = k.trace.subscribe(self.event)
        RECORDERS[id(k)] = self

    def policy(self) -> str:
        """The scheduling policy, as /proc/sched says it (the timeline's title)."""
        try:
            return str(self.k.sched.describe())
        except AttributeError:
            return ""

    def event(self, e: ev.Event) -> None:
        with self.lock:
            if isinstance(e, (ev.SyscallEnter, ev.Tick)):
                self.note_line(e)
            self.history.add(e)

    def note_line(self, e: ev.SyscallEnter | ev.Tick) -> None:
        p = self.k.procs.get(e.pid)
        if p is None:
            return
        try:
            pc = p.pc()
        except Exception:               # a process half made or half gone: no line to show
            return
        if pc != self.pcs.get(e.pid):
            self.pcs[e.pid] = pc
            at = At(e.pid, pc)
            at.seq, at.tick, at.time = e.seq, e.tick, e.time
            self.history.add(at)

    def close(self) -> None:
        self.unsubscribe()
        RECORDERS.pop(id(self.k), None)


def recorder(k: Any) -> Recorder:
    """The machine's recorder, started now if it has none yet."""
    return RECORDERS.get(id(k)) or Recorder(k)
