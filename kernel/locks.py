"""Advisory file locks, the two kinds Linux has.

flock(2) locks a whole file for an *open file* (an entry of the open-file
table): shared or exclusive, inherited by fork and dup along with the open
file, and released when its last fd is closed.  POSIX record locks
(fcntl F_SETLK, lockf) lock byte ranges for a *process*: read (shared) or
write (exclusive), not inherited by fork, and released -- all of the
process's locks on the file -- when it closes any fd of that file, or exits.
Both are advisory: only processes that ask for locks are stopped by them.
A process waiting for a lock sleeps until some lock of the file is released.
"""
from __future__ import annotations


from . import abi
from .errors import oserror
from .proc import ZOMBIE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .files import OpenFile
    from .proc import Proc

SHARED, EXCLUSIVE = "shared", "exclusive"
F_RDLCK, F_WRLCK, F_UNLCK = 0, 1, 2
INFINITY = float("inf")


class FileLocks:
    """The locks held on one file."""

    def __init__(self, k) -> None:
        self.flocks: dict[OpenFile, str] = {}
        self.ranges: list[list] = []            # [pid, kind, start, end (exclusive)]
        self.waiters = k.cpu.queue("lock")

    def empty(self) -> bool:
        return not self.flocks and not self.ranges


def key(f: "OpenFile") -> Any:
    """What an open file's locks are locks of: its inode (an anonymous pipe's
    is the pipe)."""
    return f.inode if f.inode is not None else f.pipe


def locks_of(k, inode: Any) -> FileLocks:
    """inode's locks, made when first taken (k.files.locks.get only looks)."""
    table = k.files.locks
    locks = table.get(inode)
    if locks is None:
        locks = table[inode] = FileLocks(k)
    return locks


def _wait(k, p: "Proc", locks: FileLocks, why: str) -> None:
    if k.cpu.sleep(p, locks.waiters, why):
        raise oserror(abi.EINTR)


def _released(k, inode: Any, locks: FileLocks) -> None:
    """A lock went: its waiters look again.  A file with no locks left drops
    its record -- so a woken waiter must look the record up afresh (locks_of),
    or it would lock one nobody else sees."""
    k.cpu.wakeup(locks.waiters, "lock released")
    if locks.empty() and k.files.locks.get(inode) is locks:
        del k.files.locks[inode]


# ---- flock: whole files, for open files -------------------------------------------

def flock(k, p: "Proc", f: "OpenFile", kind: str | None, wait: bool) -> None:
    """Take (kind SHARED or EXCLUSIVE) or drop (None) f's lock of its file."""
    inode = key(f)
    locks = locks_of(k, inode)
    if kind is None:
        if locks.flocks.pop(f, None) is not None:
            _released(k, inode, locks)
        return
    if f in locks.flocks and locks.flocks[f] != kind:
        del locks.flocks[f]                     # a conversion is not atomic (as Linux)
        k.cpu.wakeup(locks.waiters, "lock released")
    while any(other is not f and (kind == EXCLUSIVE or held == EXCLUSIVE)
              for other, held in locks.flocks.items()):
        if not wait:
            raise oserror(abi.EWOULDBLOCK)
        _wait(k, p, locks, "lock")
        locks = locks_of(k, inode)
    locks.flocks[f] = kind


def closed(k, f: "OpenFile") -> None:
    """f's last fd is gone: its flock goes, and anyone waiting may look again."""
    locks = k.files.locks.get(key(f))
    if locks is not None:
        locks.flocks.pop(f, None)
        _released(k, key(f), locks)


# ---- POSIX record locks: byte ranges, for processes ------------------------------------------

def _alive(k, pid: int) -> bool:
    q = k.procs.get(pid)
    return q is not None and q.state is not ZOMBIE


def conflict(k, p: "Proc", locks: FileLocks, kind: int, start: int, end: float) -> list | None:
    """The first lock of another (living) process that a kind lock of [start,
    end) would clash with."""
    for lock in locks.ranges:
        pid, held, s, e = lock
        if pid != p.pid and s < end and start < e and F_WRLCK in (kind, held) and _alive(k, pid):
            return lock
    return None


def set_range(k, p: "Proc", inode: Any, kind: int, start: int, end: float, wait: bool) -> None:
    """F_SETLK (wait false) and F_SETLKW: lock [start, end) for p, or unlock it."""
    locks = locks_of(k, inode)
    locks.ranges = [r for r in locks.ranges if _alive(k, r[0])]     # an exit released them
    waits = k.files.lock_waits
    if kind != F_UNLCK:
        while (lock := conflict(k, p, locks, kind, start, end)) is not None:
            if not wait:
                raise oserror(abi.EAGAIN)
            if _deadlock(waits, p, lock[0]):
                raise oserror(abi.EDEADLK)
            waits[p.pid] = lock[0]
            try:
                _wait(k, p, locks, "lock")
            finally:
                waits.pop(p.pid, None)
            locks = locks_of(k, inode)
    mine = []
    for pid, held, s, e in locks.ranges:
        if pid != p.pid or e <= start or end <= s:
            mine.append([pid, held, s, e])
            continue
        if s < start:                           # the part before stays
            mine.append([pid, held, s, start])
        if end < e:                             # and the part after
            mine.append([pid, held, end, e])
    if kind != F_UNLCK:
        mine.append([p.pid, kind, start, end])
    locks.ranges = _merged(mine)
    _released(k, inode, locks)


def _merged(ranges: list[list]) -> list[list]:
    """Adjacent or overlapping ranges of one process and kind become one."""
    ranges.sort(key=lambda r: (r[0], r[1], r[2]))
    out: list[list] = []
    for r in ranges:
        last = out[-1] if out else None
        if last and last[0] == r[0] and last[1] == r[1] and r[2] <= last[3]:
            last[3] = max(last[3], r[3])
        else:
            out.append(r)
    return out


def get_range(k, p: "Proc", inode: Any, kind: int, start: int, end: float) -> tuple:
    """F_GETLK: the lock that would stop a kind lock of [start, end), as
    (type, whence, start, len, pid) -- or F_UNLCK if none would."""
    locks = k.files.locks.get(inode)
    lock = conflict(k, p, locks, kind, start, end) if locks is not None else None
    if lock is None:
        return F_UNLCK, 0, start, 0 if end == INFINITY else end - start, 0
    pid, held, s, e = lock
    return held, 0, s, 0 if e == INFINITY else e - s, pid


def release_process(k, p: "Proc", inode: Any) -> None:
    """p closed an fd of inode: every record lock p holds on it goes (POSIX)."""
    locks = k.files.locks.get(inode)
    if locks is not None and any(r[0] == p.pid for r in locks.ranges):
        locks.ranges = [r for r in locks.ranges if r[0] != p.pid]
        _released(k, inode, locks)


def _deadlock(waits: dict[int, int], p: "Proc", holder: int) -> bool:
    """Would p, waiting for holder's lock, close a circle of processes each
    waiting for the next (waits: pid -> the pid whose lock it waits for)?
    F_SETLKW fails with EDEADLK rather than wait for ever."""
    seen = set()
    while holder not in seen:
        if holder == p.pid:
            return True
        seen.add(holder)
        nxt = waits.get(holder)
        if nxt is None:
            return False
        holder = nxt
    return False
