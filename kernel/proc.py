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

from . import abi
from .errors import oserror

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterator

    from greenlet import greenlet
    from .files import FdTable
    from .limits import Limits
    from .replay import Record, Replay
    from .signals import SigState

PID_MAX = 32768
SLICES_KEPT = 2048          # turns on the CPU (and arrivals) /proc/PID/sched shows
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


# The states by their bare names, as xv6 writes RUNNABLE and SLEEPING: the kernel's
# hot paths test these (State.READY looks the name up through the enum's class,
# which costs as much as a function call).
NEW, READY, RUNNING, BLOCKED, STOPPED, ZOMBIE = State


class Image:
    """What exec loaded: the program a process runs (its text segment)."""
    __slots__ = ("path", "argv", "env", "code", "native", "inode", "filename", "directory",
                 "options", "main", "secure", "std_closed")

    def __init__(self, path: str, argv: list[str], env: dict[str, str], code: Any = None,
                 native: Callable[..., int] | None = None, inode: Any = None,
                 filename: str = "", directory: str = "", options: tuple = ()) -> None:
        self.path = path
        self.argv = argv
        self.env = env
        self.code = code                # compiled Python program, or
        self.native = native            # a native program's entry
        self.inode = inode              # the file it was loaded from
        self.filename = filename or path    # a program's absolute path (its __file__)
        self.directory = directory      # the directory it really is in (its sys.path[0])
        self.options = options          # python3's options from its #! line (`-u`), as exec read it
        self.main: tuple | None = None  # a script the interpreter runs: (__file__, source, -u)
        self.secure = False             # set-user-ID: Linux's secure-execution mode (AT_SECURE)
        self.std_closed: tuple[int, ...] = ()   # of fds 0-2, those closed at exec


class Proc:
    """One process.  The constructor takes what a new process is given or
    inherits; everything else starts fresh."""
    __slots__ = ("pid", "ppid", "pgid", "sid", "uid", "euid", "gid", "egid", "suid", "sgid",
                 "state", "blocked_on", "argv", "env", "cwd", "umask", "nice",
                 "fds", "sig", "image", "exit_status",
                 "cpu_ticks", "compute_ticks", "cpu_time", "start_time", "voluntary_switches",
                 "involuntary_switches",
                 "context", "in_kernel", "slice_left", "wait_queue", "deadline",
                 "interrupted", "unwinding", "native", "execed",
                 "record", "replay", "upcall", "stop_report", "cont_report",
                 "rusage_children", "child_queue", "limits", "runtime", "start",
                 "arrivals", "slices", "subreaper")

    def __init__(self, pid: int, ppid: int, pgid: int, sid: int,
                 uid: int = 0, euid: int = 0, gid: int = 0, egid: int = 0, *,
                 argv: list[str] | None = None, env: dict[str, str] | None = None,
                 cwd: Any = None, umask: int = 0o022, nice: int = 0,
                 fds: FdTable | None = None, sig: SigState | None = None,
                 image: Image | None = None, native: bool = False) -> None:
        self.pid = pid
        self.ppid = ppid
        self.pgid = pgid
        self.sid = sid
        self.uid = uid
        self.euid = euid
        self.gid = gid
        self.egid = egid
        self.suid = euid                    # the saved set-user-ID and set-group-ID:
        self.sgid = egid                    # the effective ids as the last exec left them
        self.state = NEW
        self.blocked_on = ""                # child, pipe, terminal, timer, signal, ...
        self.argv: list[str] = [] if argv is None else argv
        self.env: dict[str, str] = {} if env is None else env
        self.cwd = cwd                      # the current directory's inode
        self.umask = umask
        self.nice = nice
        self.fds: FdTable = fds  # type: ignore[assignment]
        self.sig: SigState = sig  # type: ignore[assignment]
        self.image = image
        self.exit_status = 0                # wait status once a zombie
        # accounting
        self.cpu_ticks = 0
        self.compute_ticks = 0              # ticks of the program's own computation since exec
        self.cpu_time = 0.0                 # seconds on the CPU (by the kernel's clock)
        self.start_time = 0.0
        self.voluntary_switches = 0
        self.involuntary_switches = 0
        # for /proc/PID/sched: the ticks it arrived in the ready queue (created,
        # woken or continued) and its turns on the CPU, [start, end] (at least the
        # last SLICES_KEPT)
        self.arrivals: list[int] = []
        self.slices: list[list[int]] = []
        self.subreaper = False              # adopts its descendants' orphans (not inherited)
        # the CPU side: saved context and kernel-mode bookkeeping
        self.context: greenlet | None = None
        self.in_kernel = 0                  # > 0 while a system call runs
        self.slice_left = 0                 # scheduler quantum left, in ticks
        self.wait_queue: Any = None         # the WaitQueue(s) it sleeps on, if BLOCKED
        self.deadline: float | None = None  # timer wakeup, if sleeping with a timeout
        self.interrupted = False            # woken by a signal rather than by its event
        self.unwinding: BaseException | None = None    # exec/exit in progress
        self.native = native                # runs native code (the shell), not a Python image
        self.execed = False                 # has called exec since fork (setpgid: EACCES)
        # fork by replay
        self.record: Record | None = None
        self.replay: Replay | None = None
        # the user-space side of signal delivery (set by the runtime)
        self.upcall: Callable[[int], None] | None = None
        # state change notifications for waitpid(WUNTRACED/WCONTINUED)
        self.stop_report: int | None = None     # status to report, if not yet waited for
        self.cont_report = False
        self.rusage_children = 0.0          # CPU seconds of reaped children
        # where it sleeps in wait(): its children's exits, stops and continues
        # wake it (not to be confused with wait_queue, whatever it sleeps on now)
        self.child_queue: Any = None
        self.limits: Limits = None  # type: ignore[assignment]   # getrlimit's; fork copies them
        self.runtime: Any = None            # the user-space runtime (its "memory")
        self.start: Callable[[], int] | None = None    # what its context runs first

    @property
    def name(self) -> str:
        """The command name (comm), as ps shows it."""
        if self.argv:
            return self.argv[0].rsplit("/", 1)[-1][:15]
        return "?"

    def where(self) -> tuple[str, int, str] | None:
        """The program counter: (file, line, function) where the process is paused.
        Native code (the shell) has no program line: see doing."""
        from .cpu import user_frame
        if self.native:
            return None
        frame = user_frame(self)
        if frame is None:
            return None
        return self.shown_path(frame.f_code.co_filename), frame.f_lineno, frame.f_code.co_name

    def doing(self) -> str | None:
        """Native code's program counter, in its own words (`sh: waiting for job
        3`): what it keeps in its runtime, read as a debugger reads a program's
        frames -- not the host's file names of the code that runs it."""
        rt = self.runtime
        activity = getattr(rt, "activity", None) if self.native else None
        return f"{self.name}: {activity}" if activity else None

    def shown_where(self) -> tuple[str, int, str] | None:
        """where, as views show it: a child of fork that is still replaying its
        way there is at the fork's line, as far as anyone watching can tell."""
        if self.replay is not None and self.replay.at is not None:
            return self.replay.at
        return self.where()

    def pc(self) -> str:
        """The program counter as views show it: FILE:LINE, or doing, or -."""
        where = self.shown_where()
        if where is not None:
            return f"{where[0].rsplit('/', 1)[-1]}:{where[1]}"
        return self.doing() or "-"

    def shown_path(self, filename: str) -> str:
        """A source file as views name it: the program as it was run (./x.py), not
        the absolute path Python records for tracebacks (/home/student/./x.py)."""
        image = self.image
        return image.path if image is not None and filename == image.filename else filename


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

    def get(self, pid: int) -> Proc | None:
        return self.procs.get(pid)

    def alloc_pid(self) -> int:
        for _ in range(PID_MAX):
            pid = self.next_pid
            self.next_pid = pid + 1 if pid + 1 < PID_MAX else 2
            if pid not in self.procs:
                return pid
        raise oserror(abi.EAGAIN)

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
        return [p for p in self.procs.values() if p.pgid == pgid and p.state is not ZOMBIE]
