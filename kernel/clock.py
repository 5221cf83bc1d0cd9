"""The kernel's clock: the real one by default, or virtual time.

Virtual time starts at a fixed date and moves only when the kernel moves it:
a little for every system call (so a busy-wait on time.time() still ends), and
in one jump to the next timer whenever every process is asleep.  A script full
of `sleep 5` then runs in milliseconds and gives the same output every time.
"""
from __future__ import annotations

import time as _host

VIRTUAL_EPOCH = 1767225600.0       # 2026-01-01 00:00:00 UTC
SYSCALL_COST = 1e-6                # virtual seconds charged per system call


class Clock:
    def __init__(self, virtual: bool = False) -> None:
        self.virtual = virtual
        self._boot = _host.monotonic()
        self.elapsed = 0.0             # virtual seconds since boot (the trap adds to it)

    def monotonic(self) -> float:
        """Seconds since boot."""
        if self.virtual:
            return self.elapsed
        return _host.monotonic() - self._boot

    def time(self) -> float:
        """Seconds since the epoch, as time.time() gives them."""
        if self.virtual:
            return VIRTUAL_EPOCH + self.elapsed
        return _host.time()

    def charge(self) -> None:
        """A system call's virtual time (CPU.trap, the hot path, adds it in place)."""
        if self.virtual:
            self.elapsed += SYSCALL_COST

    def advance_by(self, seconds: float) -> None:
        if self.virtual:
            self.elapsed += seconds

    def advance_to(self, when: float) -> None:
        """Jump virtual time forward (all processes asleep); real time just waits."""
        if self.virtual:
            self.elapsed = max(self.elapsed, when)
