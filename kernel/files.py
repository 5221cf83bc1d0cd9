"""File descriptors, the open-file table, and pipes.

Three levels, as in every Unix: a process's fd table maps small integers to
entries of the system-wide open-file table (xv6's `struct file`), and those
point at the thing itself -- an inode, a pipe end, or a device.  dup and fork
copy fd-table slots, so both slots share one open file and its offset.

A pipe has no name: pipe() makes both ends at once.  A FIFO (a named pipe,
mkfifo) is an inode whose opens share one pipe; see `open_fifo`.
"""
from __future__ import annotations

from collections import deque

from . import abi
from .abi import SIGPIPE
from .errors import oserror
from .limits import DEFAULTS, RLIMIT_NOFILE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .cpu import WaitQueue

NOFILE = DEFAULTS[RLIMIT_NOFILE][0]     # fds per process, unless its RLIMIT_NOFILE says otherwise
PIPE_CAPACITY = 65536
PIPE_BUF = 4096             # writes up to this size are atomic


class OpenFile:
    """One open of a file, pipe end or device.  `refs` counts fd slots using it."""
    __slots__ = ("kind", "readable", "writable", "path", "inode", "pipe", "append",
                 "nonblock", "offset", "refs", "flags", "channel", "snapshot")

    def __init__(self, kind: str, readable: bool, writable: bool, path: str = "",
                 inode: Any = None, pipe: Pipe | None = None, append: bool = False,
                 nonblock: bool = False, offset: int = 0, refs: int = 0, flags: int = 0,
                 channel: int = 0) -> None:
        self.kind = kind                # "file", "dir", "pipe", "dev"
        self.readable = readable
        self.writable = writable
        self.path = path
        self.inode = inode              # for files, dirs and devices
        self.pipe = pipe
        self.append = append
        self.nonblock = nonblock
        self.offset = offset
        self.refs = refs
        self.flags = flags
        self.channel = channel          # which console stream a terminal open writes to
        self.snapshot: bytes | None = None      # a /proc file's contents as this open read them


class FileTable:
    """The system-wide table of open files (so that fds can be inspected)."""

    def __init__(self) -> None:
        self.live: set[OpenFile] = set()
        self.pipes = 0                      # pipes made so far
        self.locks: dict[Any, Any] = {}     # inode -> its locks (kernel/locks.py)
        self.lock_waits: dict[int, int] = {}    # pid -> the pid whose record lock it awaits

    def __len__(self) -> int:
        return len(self.live)

    def incref(self, f: OpenFile) -> OpenFile:
        if f.refs == 0:
            self.live.add(f)
            if f.kind == "file":
                f.inode.opens += 1
        f.refs += 1
        return f

    def decref(self, k, f: OpenFile) -> None:
        f.refs -= 1
        if f.refs > 0:
            return
        self.live.discard(f)
        if self.locks and (f.inode if f.inode is not None else f.pipe) in self.locks:
            from .locks import closed
            closed(k, f)                  # its flock goes with it
        if f.kind == "file":
            f.inode.opens -= 1
            k.fs.unlinked(f.inode)        # a deleted file's space comes back at its last close
        elif f.pipe is not None:
            f.pipe.close_end(k, reading=f.readable, writing=f.writable)
        elif f.kind == "dev":
            f.inode.dev.close(k, f)


class FdTable:
    """A process's file descriptors: slot -> open file, plus close-on-exec flags."""

    def __init__(self, files: FileTable) -> None:
        self.files = files
        self.slots: list[OpenFile | None] = []
        self.cloexec: list[bool] = []

    def alloc(self, f: OpenFile, lowest: int = 0, cloexec: bool = False, limit: int = NOFILE) -> int:
        """Install f at the lowest free fd >= lowest: the rule `p4` relies on."""
        fd = self.lowest_free(lowest, limit)
        slots = self.slots
        if fd >= len(slots):
            grow = fd + 1 - len(slots)
            slots.extend([None] * grow)
            self.cloexec.extend([False] * grow)
        slots[fd] = self.files.incref(f)
        self.cloexec[fd] = cloexec
        return fd

    def lowest_free(self, lowest: int = 0, limit: int = NOFILE) -> int:
        """The fd alloc would take.  No fd may reach limit (the process's
        RLIMIT_NOFILE): EMFILE."""
        slots = self.slots
        for fd in range(lowest, min(len(slots), limit)):
            if slots[fd] is None:
                return fd
        fd = max(lowest, len(slots))
        if fd >= limit:
            raise oserror(abi.EMFILE)
        return fd

    def get(self, fd: int) -> OpenFile:
        if 0 <= fd < len(self.slots):
            f = self.slots[fd]
            if f is not None:
                return f
        raise oserror(abi.EBADF)

    def put(self, k, fd: int, f: OpenFile, cloexec: bool = False, limit: int = NOFILE) -> None:
        """Make fd refer to f, closing what it referred to (dup2's step)."""
        if not 0 <= fd < limit:
            raise oserror(abi.EBADF)
        if fd >= len(self.slots):
            grow = fd + 1 - len(self.slots)
            self.slots.extend([None] * grow)
            self.cloexec.extend([False] * grow)
        old = self.slots[fd]
        self.slots[fd] = self.files.incref(f)
        self.cloexec[fd] = cloexec
        if old is not None:
            self.files.decref(k, old)

    def close(self, k, fd: int) -> None:
        f = self.get(fd)
        self.slots[fd] = None
        self.cloexec[fd] = False
        while self.slots and self.slots[-1] is None:
            self.slots.pop()
            self.cloexec.pop()
        self.files.decref(k, f)

    def close_all(self, k) -> None:
        """exit: every fd closed, highest first."""
        slots = self.slots
        self.slots, self.cloexec = [], []
        for f in reversed(slots):
            if f is None:
                continue
            if f.refs > 1:
                f.refs -= 1         # (decref: another fd still holds it open)
            else:
                self.files.decref(k, f)

    def close_on_exec(self, k) -> None:
        if not any(self.cloexec):           # (most execs: nothing to close)
            return
        for fd in range(len(self.slots) - 1, -1, -1):
            if fd < len(self.slots) and self.slots[fd] is not None and self.cloexec[fd]:
                self.close(k, fd)

    def copy(self) -> "FdTable":
        """fork's copy: the same open files, one more reference each."""
        t = FdTable(self.files)
        t.slots = list(self.slots)
        t.cloexec = list(self.cloexec)
        for f in t.slots:
            if f is not None:
                f.refs += 1         # (incref: each is open already, and stays so)
        return t

    def items(self) -> list[tuple[int, OpenFile]]:
        return [(fd, f) for fd, f in enumerate(self.slots) if f is not None]


class Pipe:
    """A bounded byte queue with a read end and a write end.

    Data moves as the chunks that were written (no per-byte copying).  Readers
    sleep while it is empty and writers exist; writers sleep while it is full.
    With no writers left a read returns EOF; with no readers left a write gets
    SIGPIPE and EPIPE.
    """
    def __init__(self, k, fifo: Any = None) -> None:
        k.files.pipes += 1                  # numbered per machine, so that a seed repeats
        self.id = k.files.pipes
        self.chunks: deque[bytes] = deque()
        self.size = 0
        self.capacity = PIPE_CAPACITY       # fcntl(F_SETPIPE_SZ) changes it
        self.readers = 0
        self.writers = 0
        self.rq: "WaitQueue" = k.cpu.queue(f"pipe:[{self.id}]")
        self.wq: "WaitQueue" = k.cpu.queue(f"pipe:[{self.id}]")
        self.fifo = fifo                    # the FIFO inode whose pipe this is, if any
        self.made = k.clock.time()          # its times, as fstat shows them
        # a FIFO's openers, waiting for the other end (see open_fifo)
        self.opens: "WaitQueue | None" = k.cpu.queue(f"fifo:[{self.id}]") if fifo else None
        self.reader_opens = self.writer_opens = 0    # opens of each end so far

    def read(self, k, p, n: int, nonblock: bool = False) -> bytes:
        while not self.chunks:
            if self.writers == 0:
                return b""
            if nonblock:
                raise oserror(abi.EAGAIN)
            if k.cpu.sleep(p, self.rq, "pipe"):
                raise oserror(abi.EINTR)
        first = self.chunks[0]
        if len(first) > n:
            data = first[:n]
            self.chunks[0] = first[n:]
        elif len(first) == n or len(self.chunks) == 1:
            data = self.chunks.popleft()
        else:                               # gather chunks up to n bytes, as Linux does
            parts = []
            want = n
            while self.chunks and len(self.chunks[0]) <= want:
                c = self.chunks.popleft()
                parts.append(c)
                want -= len(c)
            if self.chunks and want:
                c = self.chunks[0]
                parts.append(c[:want])
                self.chunks[0] = c[want:]
            data = b"".join(parts)
        self.size -= len(data)
        k.cpu.wakeup(self.wq)
        return data

    def write(self, k, p, data: bytes, nonblock: bool = False) -> int:
        if not data:
            return 0            # as Linux: nothing to queue (a reader would take b"" for EOF)
        done = 0
        total = len(data)
        while True:
            if self.readers == 0:
                k.signals.send(p, p, SIGPIPE)
                raise oserror(abi.EPIPE)
            space = self.capacity - self.size
            left = total - done
            if space >= left or (space > 0 and left > PIPE_BUF):
                chunk = data if done == 0 and space >= left else data[done:done + space]
                self.chunks.append(bytes(chunk))
                self.size += len(chunk)
                done += len(chunk)
                k.cpu.wakeup(self.rq)
                if done == total:
                    return total
                continue
            if nonblock:
                if done:
                    return done
                raise oserror(abi.EAGAIN)
            if k.cpu.sleep(p, self.wq, "pipe"):
                if done:
                    return done
                raise oserror(abi.EINTR)

    def close_end(self, k, reading: bool, writing: bool) -> None:
        if writing:
            self.writers -= 1
            if self.writers == 0:
                k.cpu.wakeup(self.rq)        # readers see EOF
        if reading:
            self.readers -= 1
            if self.readers == 0:
                k.cpu.wakeup(self.wq)        # writers see EPIPE
        if self.fifo is not None and self.readers == self.writers == 0:
            self.fifo.pipe = None            # the last close of a FIFO: its data is gone


def open_fifo(k, p, inode, f: OpenFile) -> None:
    """Open a FIFO (f says which end), as Linux does.  Opening one end blocks
    until the other end is opened too -- a reader waits for a writer, a writer
    for a reader -- except with O_NONBLOCK: a reader then goes on at once (and
    reads EOF while no writer is there), a writer fails with ENXIO if no reader
    is.  O_RDWR never waits: the opener is both ends."""
    if f.writable and not f.readable and f.nonblock and (inode.pipe is None
                                                          or inode.pipe.readers == 0):
        raise oserror(abi.ENXIO)
    pipe = inode.pipe
    if pipe is None:
        pipe = inode.pipe = Pipe(k, fifo=inode)
    f.pipe = pipe
    if f.readable:
        pipe.readers += 1
        pipe.reader_opens += 1
    if f.writable:
        pipe.writers += 1
        pipe.writer_opens += 1
    k.cpu.wakeup(pipe.opens)
    if f.readable and f.writable or f.nonblock:
        return
    # wait for the other end: present, or opened since (and maybe closed again)
    opens = (lambda: (pipe.writers, pipe.writer_opens)) if f.readable else \
        (lambda: (pipe.readers, pipe.reader_opens))
    before = opens()[1]
    while True:
        present, count = opens()
        if present or count != before:
            return
        if k.cpu.sleep(p, pipe.opens, "fifo"):
            pipe.close_end(k, reading=f.readable, writing=f.writable)
            raise oserror(abi.EINTR)


def pipe_ends(k, p) -> tuple[OpenFile, OpenFile]:
    pipe = Pipe(k)
    r = OpenFile("pipe", readable=True, writable=False, pipe=pipe, path=f"pipe:[{pipe.id}]")
    w = OpenFile("pipe", readable=False, writable=True, pipe=pipe, path=f"pipe:[{pipe.id}]")
    pipe.readers = pipe.writers = 1
    return r, w
