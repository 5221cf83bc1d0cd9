"""The process control block (PCB) and the process table.

A process is a program in execution.  Everything the kernel knows about one
lives in its `Proc`: identity (pid, parent, group, session, credentials), its
state and what it waits on, its open files, its signals, its accounting, and
its saved context -- the greenlet on which its Python code runs.  When the
process is not on the CPU, that greenlet is paused at some line of the
program: that line is the process's program counter.
"""
from __future__ import annotations

import enum
import errno
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional

if TYPE_CHECKING:
    from greenlet import greenlet
    from .files import FdTable
    from .replay import Record, Replay
    from .signals import SigState

PID_MAX = 32768
NPROC_DEFAULT = 64          # per-user process limit (RLIMIT_NPROC) for ordinary users


class State(enum.Enum):
    NEW = "NEW"
    READY = "READY"
    RUNNING = "RUNNING"
    BLOCKED = "BLOCKED"
    STOPPED = "STOPPED"
    ZOMBIE = "ZOMBIE"

    def __str__(self) -> str:
        return self.value

    @property
    def letter(self) -> str:
        """The one-letter state of ps(1) and /proc/PID/stat."""
        return {"NEW": "N", "READY": "R", "RUNNING": "R", "BLOCKED": "S",
                "STOPPED": "T", "ZOMBIE": "Z"}[self.value]


@dataclass
class Image:
    """What exec loaded: the program a process runs (its text segment)."""
    path: str
    argv: list[str]
    env: dict[str, str]
    code: Any = None                          # compiled Python program, or
    native: Optional[Callable[..., int]] = None   # a native program's entry
    inode: Any = None                         # the file it was loaded from


@dataclass(eq=False, slots=True)
class Proc:
    pid: int
    ppid: int
    pgid: int
    sid: int
    uid: int = 0
    euid: int = 0
    gid: int = 0
    egid: int = 0
    state: State = State.NEW
    blocked_on: str = ""            # child, pipe, terminal, timer, signal, ...
    argv: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    cwd: Any = None                 # the current directory's inode
    umask: int = 0o022
    nice: int = 0
    fds: "FdTable" = None  # type: ignore[assignment]
    sig: "SigState" = None  # type: ignore[assignment]
    image: Optional[Image] = None
    exit_status: int = 0            # wait status once a zombie
    # accounting
    cpu_ticks: int = 0
    cpu_time: float = 0.0           # seconds on the CPU (by the kernel's clock)
    start_time: float = 0.0
    voluntary_switches: int = 0
    involuntary_switches: int = 0
    # the CPU side: saved context and kernel-mode bookkeeping
    context: Optional["greenlet"] = None
    in_kernel: int = 0              # > 0 while a system call runs
    slice_left: int = 0             # scheduler quantum left, in ticks
    wait_queue: Any = None          # the WaitQueue it sleeps on, if BLOCKED
    deadline: Optional[float] = None   # timer wakeup, if sleeping with a timeout
    interrupted: bool = False       # woken by a signal rather than by its event
    unwinding: Optional[BaseException] = None  # exec/exit in progress
    native: bool = False            # runs native code (the shell), not a Python image
    # fork by replay
    record: Optional["Record"] = None
    replay: Optional["Replay"] = None
    # the user-space side of signal delivery (set by the runtime)
    upcall: Optional[Callable[[int], None]] = None
    # state change notifications for waitpid(WUNTRACED/WCONTINUED)
    stop_report: Optional[int] = None   # status to report, if not yet waited for
    cont_report: bool = False
    rusage_children: float = 0.0    # CPU seconds of reaped children
    waitq: Any = None               # where the process sleeps in wait()
    nproc_limit: Optional[int] = None   # RLIMIT_NPROC (None: the kernel's default)
    runtime: Any = None             # the user-space runtime (its "memory")
    start: Optional[Callable[[], int]] = None   # what its context runs first

    @property
    def name(self) -> str:
        """The command name (comm), as ps shows it."""
        if self.argv:
            return self.argv[0].rsplit("/", 1)[-1][:15]
        return "?"

    def where(self) -> Optional[tuple[str, int, str]]:
        """The program counter: (file, line, function) where the process is paused."""
        from .cpu import user_frame
        frame = user_frame(self)
        if frame is None:
            return None
        return frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name


class ProcTable:
    """All processes, by pid.  Pids count up and wrap, skipping live ones."""

    def __init__(self) -> None:
        self.procs: dict[int, Proc] = {}
        self.next_pid = 1
        self.by_uid: dict[int, int] = {}
        self.kids: dict[int, dict[int, Proc]] = {}     # ppid -> children, in fork order

    def __iter__(self) -> Iterator[Proc]:
        return iter(list(self.procs.values()))

    def __len__(self) -> int:
        return len(self.procs)

    def get(self, pid: int) -> Optional[Proc]:
        return self.procs.get(pid)

    def alloc_pid(self) -> int:
        for _ in range(PID_MAX):
            pid = self.next_pid
            self.next_pid = pid + 1 if pid + 1 < PID_MAX else 2
            if pid not in self.procs:
                return pid
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    def add(self, p: Proc) -> None:
        self.procs[p.pid] = p
        self.by_uid[p.uid] = self.by_uid.get(p.uid, 0) + 1
        self.kids.setdefault(p.ppid, {})[p.pid] = p

    def remove(self, p: Proc) -> None:
        del self.procs[p.pid]
        self.by_uid[p.uid] -= 1
        siblings = self.kids.get(p.ppid)
        if siblings is not None:
            siblings.pop(p.pid, None)
            if not siblings:
                del self.kids[p.ppid]
        self.kids.pop(p.pid, None)

    def reparent(self, p: Proc, ppid: int) -> None:
        siblings = self.kids[p.ppid]
        del siblings[p.pid]
        if not siblings:
            del self.kids[p.ppid]
        p.ppid = ppid
        self.kids.setdefault(ppid, {})[p.pid] = p

    def count_for(self, uid: int) -> int:
        return self.by_uid.get(uid, 0)

    def change_uid(self, p: Proc, uid: int) -> None:
        self.by_uid[p.uid] -= 1
        p.uid = uid
        self.by_uid[uid] = self.by_uid.get(uid, 0) + 1

    def children(self, pid: int) -> list[Proc]:
        return list(self.kids.get(pid, {}).values())

    def group(self, pgid: int) -> list[Proc]:
        return [p for p in self.procs.values() if p.pgid == pgid and p.state is not State.ZOMBIE]
