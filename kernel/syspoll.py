"""poll: wait until one of several files is ready.

A process that serves more than one file -- subprocess's communicate() feeding
a child's stdin while it drains its stdout and stderr, a program that reads
the terminal and a pipe -- cannot block in read() on one of them while another
is ready.  poll asks each file how it is (Linux's file_operations.poll:
readable? writable? hung up?) and, if none has anything to report, sleeps on
all their wait queues at once: the first wakeup on any of them ends the sleep,
and every file is asked again.  A deadline ends it with nothing ready; a
signal with EINTR (the library retries, PEP 475, until its deadline).
select.select and select.poll are both made of this one call, as they are on
Linux (fs/select.c).
"""
from __future__ import annotations

import select as host

from . import abi
from .errors import oserror
from .files import PIPE_BUF, PIPE_CAPACITY
from .proc import Proc
from .sysproc import syscall

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .cpu import WaitQueue
    from .files import OpenFile, Pipe
    from .kernel import Kernel

POLLIN, POLLPRI, POLLOUT = host.POLLIN, host.POLLPRI, host.POLLOUT
POLLERR, POLLHUP, POLLNVAL = host.POLLERR, host.POLLHUP, host.POLLNVAL
POLLRDNORM, POLLWRNORM = host.POLLRDNORM, host.POLLWRNORM
ALWAYS = POLLERR | POLLHUP | POLLNVAL       # reported whether asked for or not
# What a file without a poll method of its own says: ready both ways, always
# (regular files, directories, /dev/null and the other character devices).
DEFAULT_POLLMASK = POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM


@syscall
def sys_poll(k: "Kernel", p: Proc, fds: tuple, deadline: float | None) -> list[tuple[int, int]]:
    """fds: (fd, events) pairs.  Returns the pairs (fd, revents) that have
    something to report, in the order asked, once there is one; [] at the
    deadline (None: no deadline).  A negative fd is skipped, a closed one
    reports POLLNVAL."""
    while True:
        ready: list[tuple[int, int]] = []
        queues: list[WaitQueue] = []
        for fd, events in fds:
            if fd < 0:
                continue
            mask, waits = file_poll(k, p, fd)
            revents = mask & (events | ALWAYS)
            if revents:
                ready.append((fd, revents))
            queues.extend(waits)
        if ready or (deadline is not None and k.clock.monotonic() >= deadline):
            return ready
        if k.cpu.sleep(p, tuple(queues) or None, "select", deadline):
            raise oserror(abi.EINTR)


def file_poll(k: "Kernel", p: Proc, fd: int) -> tuple[int, tuple[WaitQueue, ...]]:
    """How the file behind fd is, and the queues it wakes when that changes."""
    try:
        f = p.fds.get(fd)
    except OSError:
        return POLLNVAL, ()
    return poll_file(k, f)


def poll_file(k: "Kernel", f: "OpenFile") -> tuple[int, tuple[WaitQueue, ...]]:
    """Each kind of file's poll method (file_operations.poll)."""
    if f.pipe is not None:
        return pipe_poll(f, f.pipe)
    if f.kind == "dev" and f.inode.dev is k.tty:
        return tty_poll(k, f)
    if f.kind == "epoll":
        return f.inode.poll_mask(), (f.inode.waiters,)
    return DEFAULT_POLLMASK, ()


def has_poll(k: "Kernel", f: "OpenFile") -> bool:
    """Does the file have a poll method of its own (not just DEFAULT_POLLMASK)?"""
    return f.pipe is not None or f.kind == "epoll" or f.kind == "dev" and f.inode.dev is k.tty


def pipe_poll(f: "OpenFile", pipe: "Pipe") -> tuple[int, tuple[WaitQueue, ...]]:
    """Linux's pipe_poll: the read end is readable with data, hung up without
    writers; the write end is writable while a PIPE_BUF write fits, in error
    without readers."""
    mask, queues = 0, []
    if f.readable:
        if pipe.chunks:
            mask |= POLLIN | POLLRDNORM
        if pipe.writers == 0:
            mask |= POLLHUP
        queues.append(pipe.rq)
    if f.writable:
        if PIPE_CAPACITY - pipe.size >= PIPE_BUF:
            mask |= POLLOUT | POLLWRNORM
        if pipe.readers == 0:
            mask |= POLLERR
        queues.append(pipe.wq)
    return mask, tuple(queues)


def tty_poll(k: "Kernel", f: "OpenFile") -> tuple[int, tuple[WaitQueue, ...]]:
    """The terminal: readable once a line (or the end of input) is waiting;
    output always has room."""
    tty = k.tty
    mask = POLLOUT | POLLWRNORM
    if tty.input_ready():
        mask |= POLLIN | POLLRDNORM
    return mask, (tty.readers,)
