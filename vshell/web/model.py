"""The machine's picture at one moment, as a fold of the kernel's events.

A `Picture` is what the chapter draws: processes (pid, parent, program, user,
state, the line it is at), each process's fd table, the system-wide open-file
table those fds point into (offset, flags, reference count) and the inode,
pipe or terminal behind each open file.  `Picture.apply` moves it on by one
event -- fork copies an fd table and raises reference counts, exec renames a
process and closes its close-on-exec fds, exit closes everything and leaves a
zombie whose children init adopts, reap removes it -- so the picture after
event i is the first i events folded over the picture the recording began
with.  `History` keeps the events (and a copy of the picture every so often),
which is all that time travel needs: `History.at(i)` replays from the nearest
copy.  The timeline (each process's states over ticks) only ever grows, so it
is kept once and cut at i.

Nothing here reads the kernel except `from_kernel`, which draws the first
picture of a machine already running; everything else is the events alone.
"""
from __future__ import annotations

import bisect
import posixpath
from dataclasses import dataclass, field

from kernel import trace as ev
from kernel.abi import O_ACCMODE, O_APPEND, O_CLOEXEC, O_RDONLY, O_RDWR, O_WRONLY
from kernel.users import ACCOUNTS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable

# fcntl commands, as kernel/sysfd.py numbers them.
F_DUPFD, F_SETFD, F_SETFL, F_DUPFD_CLOEXEC = 0, 2, 4, 1030
FD_CLOEXEC = 1
# The system calls that change an fd table or an offset, or a process's user:
# the only ones the picture needs (the others are not even kept).
FD_CALLS = frozenset({"open", "close", "dup", "dup2", "pipe2", "fcntl", "read", "write", "readv",
                      "writev", "lseek", "sendfile", "memfd_create", "tty_readline"})
ID_CALLS = frozenset({"setuid", "setreuid", "setresuid"})
KEPT_CALLS = FD_CALLS | ID_CALLS
CHECKPOINT = 500                    # events between kept copies of the picture
TERMINALS = ("/dev/tty", "/dev/console")


class At(ev.Event):
    """The program line a process is at (p1.py:9), noted by the recorder when it
    changes: the kernel's events do not carry it, the picture shows it."""
    __slots__ = ("pid", "pc")

    def __init__(self, pid: int, pc: str) -> None:
        ev.Event.__init__(self)
        self.pid = pid
        self.pc = pc


@dataclass
class OpenFile:
    """An entry of the open-file table (xv6's struct file)."""
    id: int
    kind: str                       # "file", "dir", "pipe", "fifo", "tty", "dev", "memfd"
    path: str                       # the file's path as opened ("" for a pipe)
    flags: int                      # the open flags (O_WRONLY, O_APPEND, ...)
    offset: int = 0
    refs: int = 0
    pipe: int | None = None         # the pipe's number, for both ends of a pipe

    @property
    def mode(self) -> str:
        acc = self.flags & O_ACCMODE
        mode = {O_RDONLY: "r", O_WRONLY: "w", O_RDWR: "rw"}.get(acc, "?")
        return mode + ("+append" if self.flags & O_APPEND else "")

    @property
    def readable(self) -> bool:
        return self.flags & O_ACCMODE in (O_RDONLY, O_RDWR)

    @property
    def writable(self) -> bool:
        return self.flags & O_ACCMODE in (O_WRONLY, O_RDWR)

    @property
    def seekable(self) -> bool:
        return self.kind in ("file", "dir", "memfd")

    def target(self) -> str:
        """What the entry points at, as the chapter labels it."""
        if self.pipe is not None:
            end = "read end" if self.readable else "write end"
            return f"pipe {self.pipe} ({end})" if self.kind == "pipe" else f"fifo {self.path} ({end})"
        if self.kind == "tty":
            return "terminal"
        return self.path


@dataclass
class Process:
    pid: int
    ppid: int
    argv: list[str]
    uid: int
    state: str = "READY"
    pc: str = "-"                   # the program line it is at (p1.py:9), or what the shell does
    fds: dict[int, int] = field(default_factory=dict)     # fd -> open file id
    cloexec: set[int] = field(default_factory=set)
    status: int | None = None       # the wait status once a zombie

    @property
    def program(self) -> str:
        return self.argv[0].rsplit("/", 1)[-1] if self.argv else "?"

    @property
    def user(self) -> str:
        for a in ACCOUNTS:
            if a.uid == self.uid:
                return a.name
        return str(self.uid)


@dataclass
class PipeLink:
    """Who holds a pipe's ends: (pid, fd) pairs of writers and of readers."""
    pipe: int
    writers: list[tuple[int, int]] = field(default_factory=list)
    readers: list[tuple[int, int]] = field(default_factory=list)


class Picture:
    """The process table and file tables at one event (see the module's doc)."""

    def __init__(self) -> None:
        self.procs: dict[int, Process] = {}
        self.files: dict[int, OpenFile] = {}
        self.seq = 0                    # the last event folded in
        self.tick = 0
        self.next_file = 1
        self.next_pipe = 1
        self.pending: dict[int, ev.SyscallEnter] = {}     # pid -> the call it is in

    def copy(self) -> Picture:
        c = Picture()
        c.procs = {pid: Process(p.pid, p.ppid, list(p.argv), p.uid, p.state, p.pc, dict(p.fds),
                                set(p.cloexec), p.status) for pid, p in self.procs.items()}
        c.files = {i: OpenFile(f.id, f.kind, f.path, f.flags, f.offset, f.refs, f.pipe)
                   for i, f in self.files.items()}
        c.seq, c.tick, c.next_file, c.next_pipe = self.seq, self.tick, self.next_file, self.next_pipe
        c.pending = dict(self.pending)
        return c

    # ---- what the views ask ------------------------------------------------------

    def children(self, pid: int) -> list[Process]:
        return [p for p in self.procs.values() if p.ppid == pid and p.pid != pid]

    def edges(self) -> list[tuple[int, int]]:
        """Parent -> child, for every process whose parent is in the picture."""
        return sorted((p.ppid, p.pid) for p in self.procs.values() if p.ppid in self.procs)

    def pipes(self) -> list[PipeLink]:
        """Each pipe and the processes holding its ends, with their fds."""
        links: dict[int, PipeLink] = {}
        for p in sorted(self.procs.values(), key=lambda p: p.pid):
            for fd, fid in sorted(p.fds.items()):
                f = self.files[fid]
                if f.pipe is None:
                    continue
                link = links.setdefault(f.pipe, PipeLink(f.pipe))
                (link.readers if f.readable else link.writers).append((p.pid, fd))
        return [links[n] for n in sorted(links)]

    def fd_table(self, pid: int) -> list[tuple[int, OpenFile, bool]]:
        """(fd, open file, close-on-exec) for each fd of pid, in order."""
        p = self.procs[pid]
        return [(fd, self.files[fid], fd in p.cloexec) for fd, fid in sorted(p.fds.items())]

    # ---- the fold -------------------------------------------------------------------

    def apply(self, e: ev.Event) -> None:
        self.seq = e.seq
        self.tick = e.tick
        handler = getattr(self, "on_" + e.kind, None)
        if handler is not None:
            handler(e)

    def on_Fork(self, e: ev.Fork) -> None:
        parent = self.procs.get(e.parent)
        if parent is None:
            self.procs[e.child] = Process(e.child, e.parent, [], 0, "NEW")
            return
        child = Process(e.child, e.parent, list(parent.argv), parent.uid, "NEW", parent.pc,
                        dict(parent.fds), set(parent.cloexec))
        for fid in child.fds.values():
            self.files[fid].refs += 1       # the same open files, one more reference each
        self.procs[e.child] = child

    def on_Exec(self, e: ev.Exec) -> None:
        p = self.procs.get(e.pid)
        if p is None:
            return
        p.argv = [str(a) for a in e.argv]
        for fd in sorted(p.cloexec):
            self.close(p, fd)

    def on_Exit(self, e: ev.Exit) -> None:
        p = self.procs.get(e.pid)
        if p is None:
            return
        self.release(p)
        p.status = e.status

    def release(self, p: Process) -> None:
        """exit: every file closed, the children to init, a zombie."""
        for fd in sorted(p.fds, reverse=True):
            self.close(p, fd)
        p.state, p.pc = "ZOMBIE", "-"
        self.pending.pop(p.pid, None)
        for child in self.children(p.pid):
            child.ppid = 1                  # orphans: init adopts them

    def on_Reap(self, e: ev.Reap) -> None:
        self.procs.pop(e.child, None)

    def on_StateChange(self, e: ev.StateChange) -> None:
        p = self.procs.get(e.pid)
        if p is None or p.state == "ZOMBIE":
            return
        if e.new == "ZOMBIE":               # the kernel released it all before it said so
            self.release(p)                 # (and says Exit, with the status, next)
        else:
            p.state = e.new

    def on_SyscallEnter(self, e: ev.SyscallEnter) -> None:
        self.pending[e.pid] = e

    def on_At(self, e: At) -> None:
        p = self.procs.get(e.pid)
        if p is not None:
            p.pc = e.pc

    def on_SyscallExit(self, e: ev.SyscallExit) -> None:
        enter = self.pending.pop(e.pid, None)
        p = self.procs.get(e.pid)
        if e.errno or p is None or enter is None or enter.name != e.name:
            return
        handler = getattr(self, "sys_" + e.name, None)
        if handler is not None:
            handler(p, tuple(enter.args), e.result)

    # ---- the system calls that change the tables -------------------------------------

    def new_file(self, kind: str, path: str, flags: int, pipe: int | None = None) -> OpenFile:
        f = OpenFile(self.next_file, kind, path, flags, pipe=pipe)
        self.next_file += 1
        self.files[f.id] = f
        return f

    def install(self, p: Process, fd: int, f: OpenFile, cloexec: bool) -> None:
        if fd in p.fds:
            self.close(p, fd)
        p.fds[fd] = f.id
        f.refs += 1
        if cloexec:
            p.cloexec.add(fd)
        else:
            p.cloexec.discard(fd)

    def close(self, p: Process, fd: int) -> None:
        fid = p.fds.pop(fd, None)
        p.cloexec.discard(fd)
        if fid is None:
            return
        f = self.files[fid]
        f.refs -= 1
        if f.refs <= 0:
            del self.files[fid]

    def file_of(self, p: Process, fd: Any) -> OpenFile | None:
        fid = p.fds.get(fd) if isinstance(fd, int) else None
        return None if fid is None else self.files.get(fid)

    def sys_open(self, p: Process, args: tuple, fd: int) -> None:
        path, flags = str(args[0]), int(args[1])
        if path in TERMINALS:
            kind = "tty"
        elif path.startswith("/dev/"):
            kind = "dev"
        else:
            kind = "file"
        self.install(p, fd, self.new_file(kind, posixpath.normpath(path), flags), bool(flags & O_CLOEXEC))

    def sys_memfd_create(self, p: Process, args: tuple, fd: int) -> None:
        flags = int(args[1]) if len(args) > 1 else 0
        self.install(p, fd, self.new_file("memfd", f"memfd:{args[0]}", O_RDWR), bool(flags & 1))

    def sys_pipe2(self, p: Process, args: tuple, result: Any) -> None:
        r, w = result
        flags = int(args[0]) if args else 0
        number = self.next_pipe
        self.next_pipe += 1
        self.install(p, r, self.new_file("pipe", "", O_RDONLY, number), bool(flags & O_CLOEXEC))
        self.install(p, w, self.new_file("pipe", "", O_WRONLY, number), bool(flags & O_CLOEXEC))

    def sys_close(self, p: Process, args: tuple, result: Any) -> None:
        self.close(p, args[0])

    def sys_dup(self, p: Process, args: tuple, fd: int) -> None:
        f = self.file_of(p, args[0])
        if f is not None:
            self.install(p, fd, f, bool(args[1]) if len(args) > 1 else False)

    def sys_dup2(self, p: Process, args: tuple, fd: int) -> None:
        f = self.file_of(p, args[0])
        if f is not None and args[0] != args[1]:
            self.install(p, fd, f, bool(args[2]) if len(args) > 2 else False)

    def sys_fcntl(self, p: Process, args: tuple, result: Any) -> None:
        fd, cmd, arg = (list(args) + [0, 0, 0])[:3]
        f = self.file_of(p, fd)
        if f is None:
            return
        if cmd in (F_DUPFD, F_DUPFD_CLOEXEC):
            self.install(p, result, f, cmd == F_DUPFD_CLOEXEC)
        elif cmd == F_SETFD:
            (p.cloexec.add if arg & FD_CLOEXEC else p.cloexec.discard)(fd)
        elif cmd == F_SETFL:
            f.flags = f.flags & ~O_APPEND | (arg & O_APPEND)

    def moved(self, p: Process, fd: Any, n: Any) -> None:
        """A read or write of n bytes moved fd's shared offset (files only)."""
        f = self.file_of(p, fd)
        if f is not None and f.seekable and isinstance(n, int):
            f.offset += n

    def sys_read(self, p: Process, args: tuple, result: Any) -> None:
        self.moved(p, args[0], result if isinstance(result, int) else len(result or b""))

    sys_readv = sys_read

    def sys_write(self, p: Process, args: tuple, result: Any) -> None:
        self.moved(p, args[0], result)     # (with O_APPEND: from the end, which events do not say)

    sys_writev = sys_write

    def sys_lseek(self, p: Process, args: tuple, result: Any) -> None:
        f = self.file_of(p, args[0])
        if f is not None and isinstance(result, int):
            f.offset = result

    def sys_sendfile(self, p: Process, args: tuple, result: Any) -> None:
        out_fd, in_fd, offset = (list(args) + [None, None, None])[:3]
        self.moved(p, out_fd, result)
        if offset is None:
            self.moved(p, in_fd, result)

    def sys_setuid(self, p: Process, args: tuple, result: Any) -> None:
        if args and isinstance(args[0], int) and args[0] >= 0:
            p.uid = args[0]

    sys_setreuid = sys_setuid
    sys_setresuid = sys_setuid


def slim(e: ev.Event) -> ev.Event | None:
    """The event as the history keeps it: None for system calls the picture
    does not need, and data read or written replaced by its length (a
    `yes | head` must not keep every byte it moved)."""
    if isinstance(e, (ev.SyscallEnter, ev.SyscallExit)):
        if e.name not in KEPT_CALLS:
            return None
        if isinstance(e, ev.SyscallEnter) and e.name in ("write", "writev"):
            data = e.args[1] if len(e.args) > 1 else b""
            args = (e.args[0], len(data) if isinstance(data, (bytes, bytearray, memoryview)) else 0)
            out: ev.Event = ev.SyscallEnter(e.pid, e.name, args)
        elif isinstance(e, ev.SyscallExit) and e.name in ("read", "readv", "tty_readline"):
            result = e.result
            out = ev.SyscallExit(e.pid, e.name, result if isinstance(result, int) else
                                 len(result or b""), e.errno)
        else:
            return e
        out.seq, out.tick, out.time = e.seq, e.tick, e.time
        return out
    return e


@dataclass
class Strip:
    """One process's timeline: (tick, state) at each change, and its name."""
    pid: int
    name: str
    changes: list[tuple[int, int, str]] = field(default_factory=list)   # (seq, tick, state)

    def until(self, seq: int) -> list[tuple[int, str]]:
        """The (tick, state) changes up to event seq."""
        end = bisect.bisect_right(self.changes, (seq, float("inf"), ""))
        return [(tick, state) for _, tick, state in self.changes[:end]]


class History:
    """Every event since the recording began, for pictures at any of them.

    `first` is the picture the recording began with (empty at boot, or a
    running machine's, from `from_kernel`)."""

    def __init__(self, first: Picture | None = None) -> None:
        self.first = first if first is not None else Picture()
        self.events: list[ev.Event] = []
        self.now = self.first.copy()
        self.kept: list[Picture] = [self.first.copy()]    # a copy every CHECKPOINT events
        self.strips: dict[int, Strip] = {}
        self.policy = ""                                  # as the kernel says it (rr, quantum 10)
        for p in self.first.procs.values():
            self.strip(p.pid, p.program).changes.append((self.first.seq, self.first.tick, p.state))

    def __len__(self) -> int:
        return len(self.events)

    def strip(self, pid: int, name: str) -> Strip:
        if pid not in self.strips:
            self.strips[pid] = Strip(pid, name)
        return self.strips[pid]

    def add(self, e: ev.Event) -> None:
        kept = slim(e)
        if kept is None:
            return
        self.events.append(kept)
        self.now.apply(kept)
        if len(self.events) % CHECKPOINT == 0:
            self.kept.append(self.now.copy())
        self.timeline(kept)

    def extend(self, events: Iterable[ev.Event]) -> None:
        for e in events:
            self.add(e)

    def timeline(self, e: ev.Event) -> None:
        if isinstance(e, ev.StateChange):
            p = self.now.procs.get(e.pid)
            self.strip(e.pid, p.program if p else "?").changes.append((e.seq, e.tick, e.new))
        elif isinstance(e, ev.Exec) and e.pid in self.strips:
            self.strips[e.pid].name = self.now.procs[e.pid].program
        elif isinstance(e, ev.Exit):
            self.strip(e.pid, "?").changes.append((e.seq, e.tick, "ZOMBIE"))
        elif isinstance(e, ev.Reap) and e.child in self.strips:
            self.strips[e.child].changes.append((e.seq, e.tick, "GONE"))

    def at(self, i: int) -> Picture:
        """The picture after the first i events (i = len(self) is now)."""
        i = max(0, min(i, len(self.events)))
        if i == len(self.events):
            return self.now
        base = self.kept[i // CHECKPOINT].copy()
        for e in self.events[(i // CHECKPOINT) * CHECKPOINT:i]:
            base.apply(e)
        return base

    def seq_at(self, i: int) -> int:
        """The kernel's number of the i-th event kept (0 before the first)."""
        i = max(0, min(i, len(self.events)))
        return self.events[i - 1].seq if i else self.first.seq

    def strips_at(self, i: int) -> list[tuple[Strip, list[tuple[int, str]]]]:
        seq = self.seq_at(i)
        out = []
        for pid in sorted(self.strips):
            changes = self.strips[pid].until(seq)
            if changes:
                out.append((self.strips[pid], changes))
        return out


def from_kernel(k: Any) -> Picture:
    """The picture of a running machine, read from its tables (the recording's start)."""
    pic = Picture()
    pic.seq, pic.tick = k.trace.seq, k.trace.tick
    ids: dict[int, OpenFile] = {}
    pipes: dict[int, int] = {}
    for kp in sorted(k.procs, key=lambda q: q.pid):
        p = Process(kp.pid, kp.ppid, [str(a) for a in kp.argv], kp.uid, str(kp.state), kp.pc())
        for fd, kf in kp.fds.items():
            f = ids.get(id(kf))
            if f is None:
                f = ids[id(kf)] = pic.new_file(*describe(kf, pipes, pic))
                f.offset = kf.offset if f.seekable else 0
            p.fds[fd] = f.id
            f.refs += 1
            if fd < len(kp.fds.cloexec) and kp.fds.cloexec[fd]:
                p.cloexec.add(fd)
        if str(kp.state) == "ZOMBIE":
            p.status = kp.exit_status
        pic.procs[p.pid] = p
    return pic


def describe(kf: Any, pipes: dict[int, int], pic: Picture) -> tuple[str, str, int, int | None]:
    """A kernel open file as (kind, path, flags, pipe number) for the picture."""
    flags = (O_RDWR if kf.readable and kf.writable else O_WRONLY if kf.writable else O_RDONLY)
    flags |= O_APPEND if kf.append else 0
    if kf.pipe is not None:
        if kf.pipe.id not in pipes:
            pipes[kf.pipe.id] = pic.next_pipe
            pic.next_pipe += 1
        kind = "fifo" if kf.pipe.fifo is not None else "pipe"
        return kind, kf.path if kind == "fifo" else "", flags, pipes[kf.pipe.id]
    if kf.kind == "dev":
        return ("tty" if kf.path in TERMINALS else "dev"), kf.path, flags, None
    return kf.kind, kf.path, flags, None
