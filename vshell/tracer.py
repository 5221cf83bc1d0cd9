"""Watching the kernel: its event stream as strace-like lines, or as JSON lines.

    [pid 3] fork() = 4
    4 NEW -> READY (created)
    switch 3 -> 4
    [pid 4] execve("/bin/wc", ["wc", "p3.py"], {...}) = ?
    [pid 4] +++ exited with 0 +++

One colour per pid on a terminal, plain text into a pipe or a file.  Which
events are shown is chosen with `--trace`, or from inside vshell by writing
to /proc/trace (the `trace` and `strace` builtins do).  Nothing here changes
what the kernel does: a tracer only reads the stream.
"""
from __future__ import annotations

import errno
import os
import signal as host_signal

from kernel import trace as ev
from kernel.sysfile import kernel_write

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

KINDS = {
    "syscalls": (ev.SyscallEnter, ev.SyscallExit),
    "sched": (ev.StateChange, ev.Switch),
    "signals": (ev.SignalSent, ev.SignalDelivered),
    "proc": (ev.Fork, ev.Exec, ev.Load, ev.Exit, ev.Reap, ev.Message),
}
COLOURS = [31, 32, 33, 34, 35, 36, 91, 92, 93, 94, 95, 96]


def signame(sig: int) -> str:
    try:
        return host_signal.Signals(sig).name
    except ValueError:
        return str(sig)


def show(value) -> str:
    """A system call's argument or result, strace-style: short, and never the
    program's own __repr__."""
    import json                 # here, not at the top: vshell starts faster untraced
    if hasattr(value, "st_mode"):
        return "{st_mode=%o, st_size=%d, ...}" % (value.st_mode, value.st_size)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (bytes, bytearray)):
        text = bytes(value[:32]).decode("utf-8", "backslashreplace")
        return json.dumps(text) + ("..." if len(value) > 32 else "")
    if isinstance(value, dict):
        return "{...}"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(show(v) for v in value[:8]) + (", ..." if len(value) > 8 else "")
        return f"[{inner}]" if isinstance(value, list) else f"({inner})"
    if isinstance(value, (set, frozenset)):         # signal sets
        return "{" + ", ".join(signame(v) for v in sorted(value)) + "}"
    return repr(value)


def format_event(e: ev.Event, pending: dict) -> str | None:
    """One line for a person, or None (a system call's entry waits for its exit)."""
    if isinstance(e, ev.SyscallEnter):
        pending[e.pid] = e
        return None
    if isinstance(e, ev.SyscallExit):
        enter = pending.pop(e.pid, None)
        args = ", ".join(show(a) for a in enter.args) if enter else "..."
        if e.errno:
            result = f"-1 {errno.errorcode.get(e.errno, e.errno)} ({os.strerror(e.errno)})"
        else:
            result = show(e.result) if e.result is not None else "0"
        return f"[pid {e.pid}] {e.name}({args}) = {result}"
    if isinstance(e, ev.StateChange):
        return f"{e.pid} {e.old} -> {e.new} ({e.reason})"
    if isinstance(e, ev.Switch):
        return f"switch {e.old or 'kernel'} -> {e.new}"
    if isinstance(e, ev.SignalSent):
        who = f"pid {e.sender}" if e.sender else "the kernel"
        return f"[pid {e.pid}] --- {signame(e.sig)} sent by {who} ---"
    if isinstance(e, ev.SignalDelivered):
        return f"[pid {e.pid}] --- {signame(e.sig)}: {e.action} ---"
    if isinstance(e, ev.Fork):
        return f"[pid {e.parent}] fork -> child {e.child} ({e.how})"
    if isinstance(e, ev.Exec):
        return f"[pid {e.pid}] exec {e.path} {show(e.argv)}"
    if isinstance(e, ev.Load):
        return f"[pid {e.pid}] load {e.path} ({'cached' if e.cached else 'compiled'})"
    if isinstance(e, ev.Exit):
        if e.status & 0x7F:
            return f"[pid {e.pid}] +++ killed by {signame(e.status & 0x7F)} +++"
        return f"[pid {e.pid}] +++ exited with {e.status >> 8} +++"
    if isinstance(e, ev.Reap):
        return f"[pid {e.parent}] reaped {e.child}"
    if isinstance(e, ev.Message):
        return f"[pid {e.pid}] {e.text}"
    return None


def event_pids(e: ev.Event) -> tuple[int, ...]:
    if isinstance(e, ev.Switch):
        return (e.old, e.new)
    if isinstance(e, ev.Fork):
        return (e.parent, e.child)
    if isinstance(e, ev.Reap):
        return (e.parent, e.child)
    return (getattr(e, "pid", 0),)


def viewer(k, pid: int) -> int | None:
    """Whose eyes a viewer asked for by process pid is for: None for root's
    (everything), else the user's id (see hidden)."""
    p = k.procs.get(pid)
    return None if p is None or p.euid == 0 else p.uid


def hidden(k, viewer_uid: int | None, e: ev.Event) -> bool:
    """May this viewer not see e?  A system call's arguments and results are the
    process's data, so a user sees those of their own processes only -- not
    another user's, nor their own while running as someone else (a set-user-ID
    program: su reading /etc/shadow), as ptrace allows on Linux.  Who runs what
    and when (scheduling, signals, exec) is for everyone, as ps shows it."""
    if viewer_uid is None or not isinstance(e, (ev.SyscallEnter, ev.SyscallExit)):
        return False
    p = k.procs.get(e.pid)
    return p is None or not p.uid == p.euid == viewer_uid


class Tracer:
    """A subscriber that shows some kinds of event, for some processes."""

    def __init__(self, write: Callable[[str], None], colour: bool = False,
                 viewer_uid: int | None = None, k=None) -> None:
        self.write = write
        self.colour = colour
        self.kinds: tuple = tuple(t for ts in KINDS.values() for t in ts)
        self.pids: set[int] | None = None            # None: every process
        self.follow = False                           # children of traced pids too
        self.pending: dict = {}
        self.k = k
        self.viewer = viewer_uid                      # None: root's view, everything
        self.noted: set[int] = set()                  # pids whose calls were hidden

    def set_kinds(self, names: list[str]) -> None:
        self.kinds = tuple(t for n in names for t in KINDS[n])

    def __call__(self, e: ev.Event) -> None:
        if self.pids is not None:
            if isinstance(e, ev.Fork) and self.follow and e.parent in self.pids:
                self.pids.add(e.child)
            if not any(pid in self.pids for pid in event_pids(e)):
                return
        if not isinstance(e, self.kinds):
            return
        if hidden(self.k, self.viewer, e):
            if e.pid not in self.noted:
                self.noted.add(e.pid)
                self.write(f"[pid {e.pid}] --- system calls not shown: "
                           "it runs as another user ---\n")
            return
        line = format_event(e, self.pending)
        if line is None:
            return
        if self.colour:
            pid = event_pids(e)[0]
            line = f"\x1b[{COLOURS[pid % len(COLOURS)]}m{line}\x1b[0m"
        self.write(line + "\n")


class TraceControl:
    """What /proc/trace requests turn into: a live tracer on the terminal, and
    strace sessions for one command (to the terminal or a virtual file)."""

    def __init__(self, k, colour: bool) -> None:
        self.k = k
        self.colour = colour
        self.live: Tracer | None = None
        self.unsubscribe: Callable[[], None] | None = None
        self.stepper: Stepper | None = None
        k.trace.on_request = self.request

    def to_terminal(self, text: str) -> None:
        self.k.tty.console.write(2, text.encode("utf-8", "replace"))

    def start(self, kinds: list[str], pids: set[int] | None = None,
              viewer_uid: int | None = None) -> None:
        self.stop()
        self.live = Tracer(self.to_terminal, self.colour, viewer_uid, self.k)
        self.live.set_kinds(kinds)
        self.live.pids = pids
        self.unsubscribe = self.k.trace.subscribe(self.live)
        self.k.trace.status = f"on {' '.join(kinds)}" + (
            f" pid {' '.join(map(str, sorted(pids)))}" if pids else "") + "\n"

    def stop(self) -> None:
        if self.unsubscribe is not None:
            self.unsubscribe()
        self.live = self.unsubscribe = None
        self.k.trace.status = "off\n"

    def request(self, text: str, pid: int) -> None:
        words = text.split()
        if not words:
            return
        if words[0] == "strace":
            self.strace(words[1:], pid)
            return
        if words[0] == "timeline" and len(words) > 1 and words[1].isdigit():
            self.timeline(int(words[1]))
            return
        if words[0] == "off":
            self.stop()
            return
        if words[0] == "step":
            self.step(words[1:], pid)
            return
        kinds = [w for w in words if w in KINDS] or list(KINDS)
        if "all" in words:
            kinds = list(KINDS)
        pids = None
        if "pid" in words:
            i = words.index("pid")
            pids = {int(w) for w in words[i + 1:] if w.isdigit()}
        self.start(kinds, pids, viewer(self.k, pid))

    def strace(self, words: list[str], requester: int) -> None:
        """strace PID [follow] [fd N]: the system calls of one command, on the
        terminal or into the requester's open fd N.  The requester opened that
        file itself (strace -o FILE does), so its permission checks were the
        same as for any write; the tracer keeps the open file until the command
        is over and writes through it."""
        k = self.k
        asker = k.procs.get(requester)
        if not words or not words[0].isdigit() or asker is None:
            return
        pid = int(words[0])
        if k.procs.get(pid) is None:
            return                            # (no Exit would ever end the session)
        out = None
        if "fd" in words[:-1]:
            try:
                out = k.files.incref(asker.fds.get(int(words[words.index("fd") + 1])))
            except (OSError, ValueError):
                return

            def write(text: str) -> None:
                try:
                    kernel_write(k, out, text.encode("utf-8", "replace"))
                except OSError:
                    pass                      # a full disk: the rest of the trace is lost
        else:
            write = self.to_terminal
        tracer = Tracer(write, self.colour and out is None, viewer(k, requester), k)
        tracer.set_kinds(["syscalls", "signals", "proc"])
        tracer.pids = {pid}
        tracer.follow = "follow" in words

        def watch(e: ev.Event) -> None:
            tracer(e)
            if isinstance(e, ev.Exit) and e.pid == pid:
                unsubscribe()                 # the command is over
                if out is not None:
                    k.files.decref(k, out)
        unsubscribe = k.trace.subscribe(watch)

    def timeline(self, pid: int) -> None:
        """Record pid's process tree until pid exits, then show the table."""
        from vshell.timeline import Timeline
        line = Timeline(pid)

        def watch(e: ev.Event) -> None:
            line(e)
            if line.done:
                unsubscribe()
                self.to_terminal(line.report(colour=self.colour))
        unsubscribe = self.k.trace.subscribe(watch)


    def step(self, words: list[str], requester: int = 0) -> None:
        """step on [all|syscalls|switch] / step off: pause before each event."""
        self.leave_step()
        if words and words[0] == "off":
            return
        console = self.k.tty.console
        if not console.isatty(0):
            self.to_terminal("step: needs a terminal to wait for Enter on\n")
            return
        kinds = [w for w in words if w in ("all", "syscalls", "switch")] or ["syscalls"]
        self.stepper = Stepper(self.k, kinds[0], self.to_terminal, self.leave_step, requester)

    def leave_step(self) -> None:
        if self.stepper is not None:
            self.stepper.unsubscribe()
            self.stepper = None


class Stepper:
    """Step mode: before each event (or system call, or context switch) the kernel
    stops, shows the event and a compact process table, and waits for Enter."""

    def __init__(self, k, kind: str, write: Callable[[str], None], leave: Callable[[], None],
                 requester: int = 0) -> None:
        self.k = k
        self.requester = requester            # the shell that asked: its prompt is not stepped
        self.viewer = viewer(k, requester)      # whose eyes: see hidden
        self.kind = kind
        self.write = write
        self.leave = leave
        self.pending: dict = {}
        self.unsubscribe = k.trace.subscribe(self)

    def wanted(self, e: ev.Event) -> bool:
        if self.kind == "switch":
            return isinstance(e, ev.Switch)
        if self.kind == "syscalls":
            return isinstance(e, ev.SyscallEnter)
        return not isinstance(e, ev.SyscallExit)

    def describe(self, e: ev.Event) -> str:
        if isinstance(e, ev.SyscallEnter):
            return f"[pid {e.pid}] about to call {e.name}({', '.join(show(a) for a in e.args)})"
        return format_event(e, self.pending) or e.kind

    def table(self) -> str:
        rows = ["  PID  PPID STATE            NAME        PC"]
        for p in self.k.procs:
            where = p.where()
            pc = f"{where[0].rsplit('/', 1)[-1]}:{where[1]}" if where else "-"
            state = p.state.value + (f"({p.blocked_on})" if p.state.value == "BLOCKED" else "")
            rows.append(f"{p.pid:>5} {p.ppid:>5} {state:<16} {p.name:<11} {pc}")
        return "\n".join(rows) + "\n"

    def __call__(self, e: ev.Event) -> None:
        if not self.wanted(e) or self.k.tty.editing or getattr(e, "pid", None) == self.requester:
            return
        if hidden(self.k, self.viewer, e):
            return
        self.write(f"\n>> {self.describe(e)}\n{self.table()}"
                   "step: Enter for the next event, c to run on, q to leave step mode: ")
        answer = self.read_key()
        if answer in ("q", "c"):
            self.leave()

    def read_key(self) -> str:
        import select
        while True:
            try:
                select.select([0], [], [])
                data = os.read(0, 1024)
            except InterruptedError:
                continue
            return data.decode(errors="replace").strip()[:1]
