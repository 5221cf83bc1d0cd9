"""Limits on a whole run of the machine, for the scripts and graders that start it.

A process's own limits (kernel/limits.py, ulimit) are the program's business:
it sees EAGAIN, EMFILE, SIGXCPU.  These are the harness's: a submission that
loops, prints or forks without end must not hold the grader's machine, so
when one runs out the kernel stops the whole machine where it stands, as it
does when it finds a deadlock, and says which limit it was.  The processes
are left as they were, for the report of who was doing what.

    ticks   CPU ticks of all processes together (system calls and computation)
    time    wall-clock seconds, whatever the machine's clock says
    output  bytes written to the terminal (stdout and stderr)
    events  kernel events (each would be a line of --trace-file)
    virtual_time  the virtual clock's seconds (--virtual-time): a machine whose
            processes only sleep jumps its clock from timer to timer and would
            otherwise spin the host for ever; checked at each jump
    fs      bytes the processes' files take on the disk beyond what it held at
            boot (a quota: --fs-size's full disk is the program's ENOSPC instead)

The checks cost nothing until a limit is set: ticks against a number that is
infinite by default, the rest only where a limit exists.
"""
from __future__ import annotations

import time as host_time

LIMITS = ("ticks", "time", "output", "events", "virtual_time", "fs")
INFINITE = float("inf")


class RunLimits:
    """The harness's limits on one run, and which one ended it (`hit`)."""
    __slots__ = ("ticks", "seconds", "output", "events", "virtual_seconds", "fs_bytes",
                 "wall_end", "written", "hit")

    def __init__(self, ticks: int | None = None, seconds: float | None = None,
                 output: int | None = None, events: int | None = None,
                 virtual_seconds: float | None = None, fs_bytes: int | None = None) -> None:
        self.ticks = ticks
        self.seconds = seconds
        self.output = output
        self.events = events
        self.virtual_seconds = virtual_seconds  # the virtual clock's horizon, since boot
        self.fs_bytes = fs_bytes
        self.wall_end: float | None = None      # the host's monotonic clock: see start
        self.written = 0                        # bytes to the terminal so far
        self.hit: str | None = None             # the limit that stopped the machine

    def start(self) -> None:
        """The wall clock starts when the machine does."""
        if self.seconds is not None:
            self.wall_end = host_time.monotonic() + self.seconds

    def out_of_time(self) -> bool:
        return self.wall_end is not None and host_time.monotonic() >= self.wall_end

    def time_left(self) -> float | None:
        """Seconds until the wall-clock limit (None: no limit), for an idle wait."""
        if self.wall_end is None:
            return None
        return max(0.0, self.wall_end - host_time.monotonic())

    def describe(self, what: str) -> str:
        """The limit in words, as the verdict says it (what: the one that was hit)."""
        ticks, seconds, output, events = self.ticks or 0, self.seconds or 0, self.output or 0, self.events or 0
        if what == "ticks":
            return f"--max-ticks {ticks}: the processes used {plural(ticks, 'CPU tick')}"
        if what == "time":
            return (f"--max-time {seconds:g}: the run took "
                    f"{plural(seconds, 'second')} of real time")
        if what == "output":
            return (f"--max-output {output}: the processes wrote "
                    f"{plural(output, 'byte')} to the terminal")
        if what == "virtual_time":
            horizon = self.virtual_seconds or 0
            return (f"--max-virtual-time {horizon:g}: the virtual clock reached "
                    f"{plural(horizon, 'second')} with every process asleep")
        if what == "fs":
            quota = self.fs_bytes or 0
            return (f"--max-fs-bytes {quota}: the processes' files would take more than "
                    f"{plural(quota, 'byte')} of the disk")
        return f"--max-events {events}: the kernel made {plural(events, 'trace event')}"


def plural(n: float, what: str) -> str:
    number = str(n) if isinstance(n, int) else f"{n:g}"
    return f"{number} {what}" + ("" if n == 1 else "s")
