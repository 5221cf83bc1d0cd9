"""RLIMIT_AS and RLIMIT_DATA (ulimit -v, ulimit -d): how much memory one process may take.

Every virtual process lives in the host's one Python process, and CPython
cannot say which objects are whose.  But it can say when memory is wanted: the
host's own address space grows.  So while a process with a memory limit has
the CPU, the kernel lowers the *host's* RLIMIT_AS to where the host stands now
plus what the process has left; an allocation past it fails in the host's
malloc, and the program gets the MemoryError Python raises under `ulimit -v`
on Linux.  When the process leaves the CPU the host's limit goes back, and the
process is charged with what the host grew (or shrank) by while it ran.

What counts, then, is the memory a process's program took since its exec --
not the interpreter every process shares (~20 MB a Linux python3 counts too).
A process at its limit must still be able to leave the CPU: the greenlet
switch saves its stack on the heap, and CPython aborts if that fails.  So
under the cap lies a ballast of SLACK bytes, allocated before the cap is set
and freed just before the process switches away (release); a program ended
by MemoryError is given SLACK bytes to end in (its traceback, its
interpreter's shutdown), and a new process START bytes to start its context
in, however small its limit.  Capping the host is the host's own act, which the host guard
allows only from the scheduler's context: while a guard exists every switch
goes through the scheduler loop (kernel/cpu.py's switch_away).  The host's
address space is read from /proc/self/statm: on a host without it the limits
are kept and reported but not enforced.
"""
from __future__ import annotations

import mmap
import os
import resource

from .limits import INF, RLIMIT_AS, RLIMIT_DATA

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any
    from .proc import Proc

SLACK = 8 << 20                 # bytes for the kernel's work on the process's behalf
START = 2 << 20                 # bytes a new process's context may need to start
STATM = "/proc/self/statm"


def enforceable() -> bool:
    return os.path.exists(STATM)


def limit_of(p: Proc) -> int:
    """The process's memory limit in bytes (INF: none): the lower of -v and -d."""
    return min(p.limits.soft(RLIMIT_AS), p.limits.soft(RLIMIT_DATA))


class MemoryGuard:
    """Made when a process first sets a memory limit (kernel/sysproc.py's
    setrlimit); from then on the CPU calls enter(p) as it puts each process on
    the CPU, and settle() when the scheduler has the CPU back."""

    def __init__(self) -> None:
        self.host = resource.getrlimit(resource.RLIMIT_AS)    # the host's own, put back after
        self.page = os.sysconf("SC_PAGE_SIZE")
        self.used: dict[int, tuple[Any, int]] = {}            # pid -> (its image, bytes taken)
        self.capped: tuple[Proc, Any, int, int, bool] | None = None
        # (who, its image, host size, taken, ballast) while one is capped
        self.ballast: mmap.mmap | None = None                 # SLACK bytes the program cannot use
        self.able = True                                      # may this machine cap the host?
        self.ending: set[int] = set()                         # pids ended by MemoryError

    def host_size(self) -> int:
        """The host's address space now, in bytes (statm's first field, in pages)."""
        fd = os.open(STATM, os.O_RDONLY)
        try:
            return int(os.read(fd, 64).split()[0]) * self.page
        finally:
            os.close(fd)

    def taken(self, p: Proc) -> int:
        """What p's program has taken since its exec (a new image starts from nothing)."""
        image, used = self.used.get(p.pid, (None, 0))
        return used if image is p.image else 0

    def enter(self, p: Proc) -> None:
        """p gets the CPU: the last one is charged, and the host capped at p's limit."""
        self.settle()
        limit = limit_of(p)
        if limit >= INF or not self.able:
            return
        try:
            self.cap(p, limit)
        except OSError:         # a machine inside a machine (explore's guests): the host
            self.able = False   # guard lets no process cap the host; kept and reported only
            self.release()

    def cap(self, p: Proc, limit: int) -> None:
        taken = self.taken(p)
        room = max(0, limit - taken)
        ending = p.pid in self.ending
        if not ending:
            self.ballast = mmap.mmap(-1, SLACK)     # (never touched: no real memory; and
                                                    # unmapped when closed, whatever malloc keeps)
        before = self.host_size()
        cap = before + (SLACK if ending else room)
        if p.context is None:                   # room to start its context, however small
            cap = max(cap, before + START)      # the limit (once: a process starts once)
        soft, hard = self.host
        if soft != resource.RLIM_INFINITY:
            cap = min(cap, soft)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
        self.capped = (p, p.image, before, taken, not ending)

    def out_of_memory(self, k) -> None:
        """A program ended by MemoryError: through the scheduler, which finds its
        limit used up and gives it SLACK bytes for its traceback and shutdown."""
        p = k.cpu.current
        if p is not None:
            self.ending.add(p.pid)
            k.cpu.yield_cpu(p, "out of memory", front=True)

    def release(self) -> None:
        """The capped process is about to switch away: room for the switch."""
        if self.ballast is not None:
            self.ballast.close()
            self.ballast = None

    def settle(self) -> None:
        """The capped process is off the CPU: charge it, and give the host its limit back."""
        if self.capped is None:
            return
        p, image, before, taken, ballast = self.capped
        self.capped = None
        resource.setrlimit(resource.RLIMIT_AS, self.host)
        if p.state.value == "ZOMBIE":
            self.used.pop(p.pid, None)
            self.ending.discard(p.pid)
        elif p.image is not image:      # it exec'd meanwhile: the new program starts afresh
            self.used[p.pid] = (p.image, 0)
        else:                           # (`before` counted the ballast: if freed, add it back)
            freed = SLACK if ballast and self.ballast is None else 0
            self.used[p.pid] = (p.image, max(0, taken + self.host_size() - before + freed))
        self.release()


def limited(k, p: Proc, resource_: int) -> None:
    """setrlimit of -v or -d: from now on the CPU runs processes through the guard.
    The caller is on the CPU with the host's old cap: it yields, to come back
    through the guard under its new one (first in the queue: no one else runs)."""
    if resource_ not in (RLIMIT_AS, RLIMIT_DATA) or not enforceable():
        return
    if k.cpu.memory_guard is None:
        if limit_of(p) >= INF:
            return
        k.cpu.memory_guard = MemoryGuard()
    if p is k.cpu.current:
        k.cpu.yield_cpu(p, "setrlimit", front=True)
