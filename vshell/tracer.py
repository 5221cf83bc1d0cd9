"""Watching the kernel: its event stream as lines for people, or as JSON lines.

The live trace (`trace`, --trace) shows every kind of event, each with its pid:

    [pid 3] fork -> child 4 (replay)
    4 NEW -> READY (created)
    [pid 3] clone(child_stack=NULL, flags=...SIGCHLD, child_tidptr=...) = 4
    switch 3 -> 4
    [pid 4] execve("/bin/wc", ["wc", "p3.py"], ...) = 0
    [pid 4] +++ exited with 0 +++

`strace CMD` shows what strace(1) would (see Strace); each system call is
written as strace writes it by strace.py.  One colour per pid on a terminal,
plain text into a pipe or a file.  Which events are shown is chosen with
`--trace`, or from inside vshell by writing to /proc/trace (the `trace`,
`strace` and `timeline` builtins do).  Nothing here changes what the kernel
does: a viewer only reads the stream, and writes where its asker's output goes.
"""
from __future__ import annotations

import os

from kernel import abi
from kernel.errors import oserror
from kernel import trace as ev
from kernel.abi import WEXITSTATUS, WIFSIGNALED, WTERMSIG
from kernel.sysfile import kernel_write

from . import strace

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
    return strace.signame(sig)


def siginfo(e: ev.SignalSent, child: tuple[int, int] | None, uid: int | None = None) -> str:
    """strace's `--- SIGCHLD {si_signo=SIGCHLD, ...} ---`: who sent it (and as
    which user), or for SIGCHLD the child that exited (its pid and wait status)."""
    name = signame(e.sig)
    if e.sender:
        who = f"si_pid={e.sender}" + (f", si_uid={uid}" if uid is not None else "")
        return f"--- {name} {{si_signo={name}, si_code=SI_USER, {who}}} ---"
    if name == "SIGCHLD" and child is not None:
        pid, status = child
        if WIFSIGNALED(status):
            return (f"--- SIGCHLD {{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid={pid}, "
                    f"si_status={signame(WTERMSIG(status))}}} ---")
        return (f"--- SIGCHLD {{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid={pid}, "
                f"si_status={WEXITSTATUS(status)}}} ---")
    return f"--- {name} {{si_signo={name}, si_code=SI_KERNEL}} ---"


def exit_line(status: int) -> str:
    if WIFSIGNALED(status):
        return f"+++ killed by {signame(WTERMSIG(status))} +++"
    return f"+++ exited with {WEXITSTATUS(status)} +++"


def format_call(e: ev.SyscallExit, enter: ev.SyscallEnter | None) -> str | None:
    """A returned system call as strace writes it (None: its entry was not seen,
    as strace does not show a call it attached in the middle of)."""
    if enter is None or enter.name != e.name:
        return None
    return strace.call(e.name, enter.args, e.result, e.errno)


def format_event(e: ev.Event, pending: dict) -> str | None:
    """One line of the live trace for a person, or None (a system call's entry
    waits for its exit; a switch to the process already running is none)."""
    if isinstance(e, ev.SyscallEnter):
        pending[e.pid] = e
        return None
    if isinstance(e, ev.SyscallExit):
        line = format_call(e, pending.pop(e.pid, None))
        return None if line is None else f"[pid {e.pid}] {line}"
    if isinstance(e, ev.StateChange):
        return f"{e.pid} {e.old} -> {e.new} ({e.reason})"
    if isinstance(e, ev.Switch):
        if e.old == e.new:
            return None
        return f"switch {e.old or 'kernel'} -> {e.new}"
    if isinstance(e, ev.SignalSent):
        who = f"pid {e.sender}" if e.sender else "the kernel"
        return f"[pid {e.pid}] --- {signame(e.sig)} sent by {who} ---"
    if isinstance(e, ev.SignalDelivered):
        return f"[pid {e.pid}] --- {signame(e.sig)}: {e.action} ---"
    if isinstance(e, ev.Fork):
        return f"[pid {e.parent}] fork -> child {e.child} ({e.how})"
    if isinstance(e, ev.Exec):
        pending.pop(e.pid, None)
        return f"[pid {e.pid}] {exec_line(e)}"
    if isinstance(e, ev.Load):
        return f"[pid {e.pid}] load {e.path} ({'cached' if e.cached else 'compiled'})"
    if isinstance(e, ev.Exit):
        return f"[pid {e.pid}] {exit_line(e.status)}"
    if isinstance(e, ev.Reap):
        return f"[pid {e.parent}] reaped {e.child}"
    if isinstance(e, ev.Message):
        return f"[pid {e.pid}] {e.text}"
    return None


def exec_line(e: ev.Exec) -> str:
    """A successful exec in the one form of execve's lines (a failed one is the
    system call's own exit, `= -1 ENOENT ...`)."""
    return strace.call("execve", (e.path, list(e.argv), {}), 0)


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


class Sink:
    """Where a viewer writes: the open file behind the asker's fd at the time it
    asked (its stderr for strace and trace, a FILE for strace -o), so that
    redirections and pipes are honoured as for any program's output.

    The kernel writes on its own behalf and must never sleep: into a file or a
    device at once; into a pipe as much as fits now.  What does not fit goes to
    the spool, a memory file the asking shell copies out with ordinary, blocking
    writes once the command is over (from then on everything goes there, to
    keep the order).  With no file (--trace on the command line) it is the
    terminal."""

    def __init__(self, k, out=None, spool=None) -> None:
        self.k = k
        self.out = out
        self.spool = spool
        self.spooling = False
        for f in (out, spool):
            if f is not None:
                k.files.incref(f)

    def isatty(self) -> bool:
        f = self.out
        if f is None:
            return self.k.tty.console.isatty(2)
        return f.kind == "dev" and f.inode.dev is self.k.tty and self.k.tty.isatty(f)

    def write(self, text: str) -> None:
        data = text.encode("utf-8", "replace")
        f = self.out
        try:
            if f is None:
                self.k.tty.console.write(2, data)
            elif f.kind in ("file", "dev"):
                kernel_write(self.k, f, data)
            elif f.kind == "pipe" and not self.spooling and f.pipe.readers:
                n = self.pipe_write(f.pipe, data)
                if n < len(data):
                    self.spooling = True
                    self.to_spool(data[n:])
            elif f.kind == "pipe" and f.pipe.readers:
                self.to_spool(data)
        except OSError:
            pass                    # a full disk: the rest of this trace is lost

    def pipe_write(self, pipe, data: bytes) -> int:
        try:
            return pipe.write(self.k, None, data, nonblock=True)
        except OSError:
            return 0

    def to_spool(self, data: bytes) -> None:
        if self.spool is not None:
            kernel_write(self.k, self.spool, data)

    def close(self) -> None:
        for f in (self.out, self.spool):
            if f is not None:
                self.k.files.decref(self.k, f)
        self.out = self.spool = None


class Tracer:
    """A subscriber that shows some kinds of event, for some processes: the live
    trace (`trace`, --trace), every line with its pid."""

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
                self.write(f"{self.prefix(e.pid)}--- system calls not shown: "
                           "it runs as another user ---\n")
            return
        line = self.line(e)
        if line is None:
            return
        if self.colour:
            pid = event_pids(e)[0]
            line = f"\x1b[{COLOURS[pid % len(COLOURS)]}m{line}\x1b[0m"
        self.write(line + "\n")

    def line(self, e: ev.Event) -> str | None:
        return format_event(e, self.pending)

    def prefix(self, pid: int | None) -> str:
        return f"[pid {pid}] "


class Strace(Tracer):
    """strace CMD: what strace(1) shows of one command -- its system calls from
    its execve on (not the shell's work between fork and exec), the signals it
    gets, how it ends; with -f its children's too, each line then marked with
    its pid while more than one process is traced, as strace -f does."""

    def __init__(self, write: Callable[[str], None], colour: bool, viewer_uid: int | None,
                 k, pid: int, follow: bool) -> None:
        super().__init__(write, colour, viewer_uid, k)
        self.set_kinds(["syscalls", "signals", "proc"])
        self.kinds += (ev.Message,)
        self.root = pid
        self.pids: set[int] = {pid}
        self.follow = follow
        self.alive = {pid}
        self.started = False
        self.children: dict[int, tuple[int, int]] = {}   # parent -> (child, status) last exited
        self.signals: dict[int, list[str]] = {}          # pid -> its signals not shown yet

    def __call__(self, e: ev.Event) -> None:
        if not self.started:
            if not (isinstance(e, ev.SyscallEnter) and e.pid == self.root and e.name == "execve"):
                return
            self.started = True
        if isinstance(e, ev.Fork) and self.follow and e.parent in self.pids:
            self.alive.add(e.child)
        if isinstance(e, ev.Exit):              # (for the SIGCHLD it sends a traced parent)
            p = self.k.procs.get(e.pid)
            if p is not None and p.ppid in self.pids:
                self.children[p.ppid] = (e.pid, e.status)
        super().__call__(e)

    def line(self, e: ev.Event) -> str | None:
        """strace's lines for e.  A signal is shown where strace sees it, as the
        process takes it: after the system call it came during, or before the
        process's end."""
        pid = getattr(e, "pid", None)
        lines: list[str] = []
        if isinstance(e, ev.SyscallEnter):
            self.pending[e.pid] = e
            return None
        if isinstance(e, ev.SignalSent):
            sender = self.k.procs.get(e.sender)
            info = siginfo(e, self.children.pop(e.pid, None), sender.uid if sender else None)
            self.signals.setdefault(e.pid, []).append(info)
            return None
        if isinstance(e, ev.SyscallExit):
            call = format_call(e, self.pending.pop(e.pid, None))
            lines = ([call] if call else []) + self.signals.pop(e.pid, [])
        elif isinstance(e, ev.Exec):
            self.pending.pop(e.pid, None)
            lines = [exec_line(e)]
        elif isinstance(e, ev.SignalDelivered):
            lines = self.signals.pop(e.pid, [])
        elif isinstance(e, ev.Exit):
            # A program that returns from its last line exits too, as
            # Python's interpreter does, with exit_group.
            self.pending.pop(e.pid, None)
            lines = self.signals.pop(e.pid, [])
            if not WIFSIGNALED(e.status) and e.pid not in self.noted:
                lines.append(strace.call("exit", (WEXITSTATUS(e.status),)) + " = ?")
            lines.append(exit_line(e.status))
        elif isinstance(e, ev.Message):
            lines = [e.text]
        text = "\n".join(self.prefix(pid) + line for line in lines) or None
        if isinstance(e, ev.Exit):
            self.alive.discard(e.pid)
        return text

    def prefix(self, pid: int | None) -> str:
        return f"[pid {pid}] " if len(self.alive) > 1 else ""


def parse_kinds(words: list[str]) -> list[str]:
    """`all`, or kinds as words or comma lists (`syscalls,proc`), as --trace=
    takes them; ValueError names the first kind there is not."""
    kinds: list[str] = []
    for word in words:
        for kind in word.split(","):
            if kind == "all":
                kinds.extend(k for k in KINDS if k not in kinds)
            elif kind in KINDS:
                if kind not in kinds:
                    kinds.append(kind)
            elif kind not in ("", "on"):
                raise ValueError(kind)
    return kinds or list(KINDS)


class TraceControl:
    """What /proc/trace requests turn into: a live tracer, and strace sessions
    and timelines for one command, each written where its asker's output goes."""

    def __init__(self, k, colour: bool) -> None:
        self.k = k
        self.colour = colour
        self.live: Tracer | None = None
        self.sink: Sink | None = None
        self.unsubscribe: Callable[[], None] | None = None
        self.stepper: Stepper | None = None
        k.trace.on_request = self.request

    def to_terminal(self, text: str) -> None:
        self.k.tty.console.write(2, text.encode("utf-8", "replace"))

    def open_file(self, pid: int, fd: int):
        """The open file behind process pid's fd (None if there is none)."""
        p = self.k.procs.get(pid)
        try:
            return None if p is None else p.fds.get(fd)
        except OSError:
            return None

    def start(self, kinds: list[str], pids: set[int] | None = None,
              viewer_uid: int | None = None, out=None) -> None:
        """Trace kinds of event (of pids, or all) into out: an open file, or
        the terminal for None."""
        self.stop()
        self.sink = Sink(self.k, out)
        self.live = Tracer(self.sink.write, self.colour and self.sink.isatty(), viewer_uid, self.k)
        self.live.set_kinds(kinds)
        self.live.pids = pids
        self.unsubscribe = self.k.trace.subscribe(self.live)
        self.k.trace.status = f"on {' '.join(kinds)}" + (
            f" pid {' '.join(map(str, sorted(pids)))}" if pids else "") + "\n"

    def stop(self) -> None:
        if self.unsubscribe is not None:
            self.unsubscribe()
        if self.sink is not None:
            self.sink.close()
        self.live = self.unsubscribe = self.sink = None
        self.k.trace.status = "off\n"

    def request(self, text: str, pid: int) -> None:
        words = text.split()
        if not words:
            return
        if words[0] == "strace":
            self.strace(words[1:], pid)
            return
        if words[0] == "timeline" and len(words) > 1 and words[1].isdigit():
            self.timeline(int(words[1]), words[2:], pid)
            return
        if words[0] == "off":
            self.stop()
            return
        if words[0] == "picture":             # (vshell/web/picture.py: SVG for the prompt)
            from vshell.web.picture import request
            request(self.k, words[1:], pid, self.open_file)
            return
        if words[0] == "step":
            self.step(words[1:], pid)
            return
        pids = None
        if "pid" in words:
            i = words.index("pid")
            pids = {int(w) for w in words[i + 1:] if w.isdigit()}
            words = words[:i]
        try:
            kinds = parse_kinds(words)
        except ValueError:
            raise oserror(abi.EINVAL) from None
        # The live trace goes where the asker's stderr goes (`trace on 2>t.log`).
        self.start(kinds, pids, viewer(self.k, pid), self.open_file(pid, 2))

    @staticmethod
    def option(words: list[str], name: str) -> int | None:
        """The number after `name` in a request (`fd 2`, `spool 5`), if any."""
        if name in words[:-1] and words[words.index(name) + 1].isdigit():
            return int(words[words.index(name) + 1])
        return None

    def strace(self, words: list[str], requester: int) -> None:
        """strace PID [follow] [fd N] [spool M]: the system calls of one command,
        into the requester's open fd N (its stderr, or the FILE of strace -o,
        which it opened itself, so its permission checks were the same as for
        any write), the overflow of a pipe into its memory file M; the terminal
        without fd.  The sink keeps those files open until the command is over."""
        k = self.k
        if not words or not words[0].isdigit() or k.procs.get(requester) is None:
            return
        pid = int(words[0])
        if k.procs.get(pid) is None:
            return                            # (no Exit would ever end the session)
        fd, spool = self.option(words, "fd"), self.option(words, "spool")
        out = self.open_file(requester, fd) if fd is not None else None
        if fd is not None and out is None:
            return
        sink = Sink(k, out, self.open_file(requester, spool) if spool is not None else None)
        tracer = Strace(sink.write, self.colour and sink.isatty(), viewer(k, requester), k,
                        pid, "follow" in words)

        def watch(e: ev.Event) -> None:
            tracer(e)
            if isinstance(e, ev.Exit) and e.pid == pid:
                unsubscribe()                 # the command is over
                sink.close()
        unsubscribe = k.trace.subscribe(watch)

    def timeline(self, pid: int, words: list[str], requester: int) -> None:
        """timeline PID [spool M] [colour]: record pid's process tree until pid
        exits, then write the table into the requester's memory file M (which
        it copies to its stdout), or on the terminal."""
        from vshell.timeline import Timeline
        line = Timeline(pid)
        spool = self.option(words, "spool")
        sink = Sink(self.k, self.open_file(requester, spool)) if spool is not None else None
        colour = self.colour and (sink is None or "colour" in words)

        def watch(e: ev.Event) -> None:
            line(e)
            if line.done:
                unsubscribe()
                report = line.report(colour=colour)
                if sink is None:
                    self.to_terminal(report)
                else:
                    sink.write(report)
                    sink.close()
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
            return f"[pid {e.pid}] about to call {strace.call(e.name, e.args)}"
        return format_event(e, self.pending) or e.kind

    def table(self) -> str:
        rows = ["  PID  PPID STATE            NAME        PC"]
        for p in self.k.procs:
            pc = p.pc()
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
        """The first key of what is typed at the pause; q for Ctrl-C (it leaves
        step mode, and is not passed on to the program) or the end of input."""
        import select
        cpu = self.k.cpu
        wake = getattr(self.k.tty.console, "wakeup_fd", None)   # written by host signals
        fds = [0] + ([wake] if wake is not None else [])
        while True:
            if abi.SIGINT in cpu.host_signals:         # (posted in the machine's numbers)
                cpu.host_signals.remove(abi.SIGINT)
                self.write("\n")
                return "q"
            try:
                ready = select.select(fds, [], [])[0]
                if wake is not None and wake in ready:
                    os.read(wake, 512)
                    continue
                data = os.read(0, 1024)
            except (InterruptedError, BlockingIOError):
                continue
            if not data:
                return "q"
            return data.decode(errors="replace").strip()[:1]
