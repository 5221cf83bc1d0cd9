"""epoll: a set of files to watch, kept in the kernel between waits.

select and poll hand the kernel the whole list of fds on every call, and the
kernel asks every file again.  An epoll instance -- itself an open file, with
an fd -- keeps its interest list in the kernel: epoll_ctl adds, changes or
removes a file, and the kernel hangs a watcher on the file's wait queues, so
that when the file wakes its readers or writers it goes on the instance's
ready list, in the order the files woke (Linux's fs/eventpoll.c).
epoll_wait hands out the ready list: each file on it is asked again and
reported if it has something; a level-triggered one (the default) goes back
to the end of the list, to be asked next time; an edge-triggered one
(EPOLLET) waits for its next wakeup, a one-shot one (EPOLLONESHOT) for
epoll_ctl to arm it again.

Only files with a poll method of their own can be watched -- pipes, the
terminal, other epoll instances; a regular file or /dev/null gives EPERM.
An fd fork copies shares the instance, as on Linux.  A watched file closed for
good leaves the interest list (noticed at the next wait); so does an instance
closed for good leave the files' wait queues (noticed at their next wakeup).
"""
from __future__ import annotations

import select as host

from . import abi
from .errors import oserror
from .files import OpenFile
from .proc import Proc
from .sysfile import _nofile
from .syspoll import ALWAYS, POLLIN, has_poll, poll_file
from .sysproc import syscall

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

    from .cpu import WaitQueue
    from .kernel import Kernel

EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD = 1, 2, 3
EPOLLET, EPOLLONESHOT = host.EPOLLET, host.EPOLLONESHOT
PRIVATE = EPOLLET | EPOLLONESHOT        # how a watch behaves, not what it waits for


class Watch:
    """One file on an instance's interest list (Linux's struct epitem)."""
    __slots__ = ("fd", "file", "events", "queues", "wake")

    def __init__(self, fd: int, file: OpenFile, events: int) -> None:
        self.fd = fd
        self.file = file
        self.events = events
        self.queues: tuple[WaitQueue, ...] = ()
        self.wake: Callable[[], None] | None = None


class Epoll:
    """An epoll instance: the interest list, the ready list, and who waits on it.
    It is the inode of its open file (anon_inode:[eventpoll]): fstat sees one."""
    mode, nlink, size, is_dir = 0o600, 1, 0, False

    def __init__(self, k: "Kernel", p: Proc) -> None:
        self.k = k
        self.watches: dict[int, Watch] = {}
        self.ready: dict[Watch, None] = {}         # in the order the files woke
        self.waiters = k.cpu.queue("epoll")
        self.file: OpenFile | None = None
        self.ino = k.fs.next_ino()
        self.uid, self.gid = p.euid, p.egid
        self.atime = self.mtime = self.ctime = k.clock.time()

    # ---- the interest list ------------------------------------------------------------------

    def add(self, fd: int, f: OpenFile, events: int) -> None:
        w = Watch(fd, f, events)
        w.queues = poll_file(self.k, f)[1]
        w.wake = wake = lambda: self.woken(w)
        for q in w.queues:
            q.watchers.append(wake)
        self.watches[fd] = w
        self.check(w)

    def modify(self, w: Watch, events: int) -> None:
        w.events = events                           # (a one-shot watch is armed again)
        self.check(w)

    def forget(self, w: Watch) -> None:
        for q in w.queues:
            if w.wake is not None and w.wake in q.watchers:
                q.watchers.remove(w.wake)
        self.ready.pop(w, None)
        if self.watches.get(w.fd) is w:
            del self.watches[w.fd]

    def check(self, w: Watch) -> None:
        """Is w's file ready now?  Then it goes on the ready list."""
        if self.revents(w):
            self.woken(w)

    def revents(self, w: Watch) -> int:
        return poll_file(self.k, w.file)[0] & (w.events | ALWAYS)

    # ---- wakeups and waits ------------------------------------------------------------------

    def woken(self, w: Watch) -> None:
        """A watched file woke its queue (ep_poll_callback): on the ready list it goes."""
        if self.file is not None and self.file.refs == 0:
            for watch in list(self.watches.values()):   # the instance is closed for good
                self.forget(watch)
            return
        if w.events & ~PRIVATE and w not in self.ready:
            self.ready[w] = None
            self.k.cpu.wakeup(self.waiters, "epoll")

    def harvest(self, maxevents: int) -> list[tuple[int, int]]:
        """The ready list, each file asked again (ep_send_events): what to report."""
        events: list[tuple[int, int]] = []
        ready, self.ready = self.ready, {}
        for w in list(ready):
            if len(events) >= maxevents:
                break
            del ready[w]
            if w.file.refs == 0:                    # closed for good: off the list
                self.forget(w)
                continue
            revents = self.revents(w)
            if not revents:
                continue
            events.append((w.fd, revents))
            if w.events & EPOLLONESHOT:
                w.events &= PRIVATE                 # disarmed until epoll_ctl MOD
            elif not w.events & EPOLLET:
                self.ready[w] = None                # level-triggered: asked again next time
        self.ready = {**ready, **self.ready}        # those not handed out stay first
        return events

    def poll_mask(self) -> int:
        """The instance as a file others poll: readable while anything is ready."""
        return POLLIN if any(w.file.refs and self.revents(w) for w in list(self.ready)) else 0


# ---- the system calls ---------------------------------------------------------------------------

@syscall
def sys_epoll_create(k: "Kernel", p: Proc, cloexec: bool) -> int:
    ep = Epoll(k, p)
    f = OpenFile("epoll", readable=False, writable=False, path="anon_inode:[eventpoll]",
                 inode=ep)
    ep.file = f
    return p.fds.alloc(f, cloexec=cloexec, limit=_nofile(p))


@syscall
def sys_epoll_ctl(k: "Kernel", p: Proc, epfd: int, op: int, fd: int, events: int) -> None:
    ep = _instance(p, epfd)
    f = p.fds.get(fd)
    if fd == epfd or op not in (EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD):
        raise oserror(abi.EINVAL)
    if not has_poll(k, f):
        raise oserror(abi.EPERM)                    # regular files, /dev/null: no poll method
    w = ep.watches.get(fd)
    if w is not None and w.file is not f:           # the fd's old file was closed
        ep.forget(w)
        w = None
    if op == EPOLL_CTL_ADD:
        if w is not None:
            raise oserror(abi.EEXIST)
        ep.add(fd, f, events)
    elif w is None:
        raise oserror(abi.ENOENT)
    elif op == EPOLL_CTL_MOD:
        ep.modify(w, events)
    else:
        ep.forget(w)


@syscall
def sys_epoll_wait(k: "Kernel", p: Proc, epfd: int, maxevents: int,
                   deadline: float | None) -> list[tuple[int, int]]:
    ep = _instance(p, epfd)
    while True:
        events = ep.harvest(maxevents)
        if events or (deadline is not None and k.clock.monotonic() >= deadline):
            return events
        if k.cpu.sleep(p, ep.waiters, "epoll", deadline):
            raise oserror(abi.EINTR)


def _instance(p: Proc, epfd: int) -> Epoll:
    f = p.fds.get(epfd)
    if f.kind != "epoll":
        raise oserror(abi.EINVAL)
    return f.inode
