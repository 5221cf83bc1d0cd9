"""/proc: the process table as files, made when read.

/proc/PID/status, stat, cmdline, fd/ (one link per open fd, to what it points
at), and /proc/self.  Nothing here is stored: every read looks at the PCB.
"""
from __future__ import annotations

from . import abi
from .fs import DynamicDir, File, Generated, Inode, Symlink
from .proc import BLOCKED, RUNNING, SLICES_KEPT, Proc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .kernel import Kernel


def make_proc(k: "Kernel") -> DynamicDir:
    fs = k.fs
    cache: dict[int, DynamicDir] = {}

    def entries() -> dict[str, Inode]:
        out: dict[str, Inode] = {}
        current = k.cpu.current
        if current is not None:
            out["self"] = Symlink(fs, str(current.pid))
        live = set()
        for p in k.procs:
            live.add(p.pid)
            d = cache.get(p.pid)
            if d is None or d.proc is not p:              # type: ignore[attr-defined]
                d = cache[p.pid] = pid_dir(k, p)
            out[str(p.pid)] = d
        for pid in list(cache):
            if pid not in live:
                del cache[pid]
        return out

    control = TraceControl(k)
    sched = SchedControl(k)

    def with_control() -> dict[str, Inode]:
        out = entries()
        out["trace"] = control
        out["sched"] = sched
        return out
    return DynamicDir(fs, with_control)


class TraceControl(File):
    """/proc/trace: read it for what is being traced, write to it to ask for more
    or less (`on`, `off`, `syscalls`, `sched`, `signals`, `proc`, `pid N`)."""

    def __init__(self, k: "Kernel") -> None:
        super().__init__(k.fs, 0o666)
        self.k = k

    @property
    def data(self) -> bytearray:
        return bytearray(self.k.trace.status.encode())

    def write_at(self, offset: int, b: bytes) -> int:
        current = self.k.cpu.current
        self.k.trace.request(bytes(b).decode("utf-8", "replace").strip(),
                             current.pid if current else 0)
        return len(b)

    def truncate(self, size: int) -> None:
        pass


class SchedControl(File):
    """/proc/sched: the scheduling policy.  Read it; write `rr 5`, `fifo`, `sjf`,
    `scan`, `batch`, `priority`, `mlfq`, `lottery` (any of them followed by
    `io-first`), `seed N` or `first child|parent|random`."""

    def __init__(self, k: "Kernel") -> None:
        super().__init__(k.fs, 0o666)
        self.k = k

    @property
    def data(self) -> bytearray:
        k = self.k
        seed = "none (like a real machine)" if k.seed is None else str(k.seed)
        return bytearray(f"policy: {k.sched.describe()}\nseed: {seed}\n"
                         f"after fork: {k.fork_first} runs first\n".encode())

    def write_at(self, offset: int, b: bytes) -> int:
        from .errors import oserror
        from .sched import POLICIES
        words = bytes(b).decode("utf-8", "replace").split()
        k = self.k
        try:
            if words and words[0] in POLICIES:
                io_first = "io-first" in words[1:]
                rest = [w for w in words[1:] if w != "io-first"]
                if len(rest) > 1:
                    raise ValueError
                k.set_policy(words[0], int(rest[0]) if rest else None, io_first)
            elif len(words) == 2 and words[0] == "seed":
                k.set_seed(int(words[1]))
            elif len(words) == 2 and words[0] == "first" and words[1] in ("child", "parent", "random"):
                k.fork_first = words[1]
            else:
                raise ValueError
        except ValueError:
            raise oserror(abi.EINVAL)
        return len(b)

    def truncate(self, size: int) -> None:
        pass


def machstate():
    """The machine-state views, loaded when one is first read (start-up)."""
    from . import machstate
    return machstate


def pid_dir(k: "Kernel", p: Proc) -> DynamicDir:
    """/proc/PID.  What anyone may see (status, stat, cmdline: what ps shows) is
    readable by all; a process's memory, registers and open files (maps, stack,
    fdinfo, fd/) by its owner only, as ptrace's rule on Linux -- or `regs` would
    show su's locals, and the password hashes it read, to any user."""
    fs = k.fs
    files = {
        "status": (lambda: status(k, p).encode(), 0o444),
        "stat": (lambda: stat(k, p).encode(), 0o444),
        "cmdline": (lambda: b"".join(a.encode() + b"\0" for a in p.argv), 0o444),
        "sched": (lambda: sched(k, p).encode(), 0o444),
        "stack": (lambda: machstate().stack(p).encode(), 0o400),
        "maps": (lambda: machstate().maps(p).encode(), 0o400),
        "fdinfo": (lambda: machstate().fdinfo(p).encode(), 0o400),
    }
    made: dict[str, Inode] = {name: Generated(fs, make, mode) for name, (make, mode) in files.items()}
    made["subreaper"] = Subreaper(k, p)

    def fd_entries() -> dict[str, Inode]:
        uid, gid = owner(p)
        return {str(fd): Symlink(fs, f.path or f.kind, uid, gid) for fd, f in p.fds.items()}

    def entries() -> dict[str, Inode]:
        uid, gid = owner(p)                              # it changes with setuid and exec
        for inode in (d, fd_dir, *made.values()):
            inode.uid, inode.gid = uid, gid
        links = {"cwd": cwd_path(fs, p)}
        if p.image is not None:
            links["exe"] = p.image.path
        return {**made, "fd": fd_dir, **{name: Symlink(fs, target, uid, gid)
                                          for name, target in links.items()}}

    fd_dir = DynamicDir(fs, fd_entries, 0o500)
    d = DynamicDir(fs, entries, 0o555)
    entries()
    d.proc = p                                           # type: ignore[attr-defined]
    return d


class Subreaper(File):
    """/proc/PID/subreaper: 1 if the process adopts the orphans of its descendants
    (Linux's prctl(PR_SET_CHILD_SUBREAPER), which Python's os does not offer);
    the process itself writes 1 or 0 to it.  fork.py -R makes every named
    process one, so that an orphan goes to its grandparent."""

    def __init__(self, k: "Kernel", p: Proc) -> None:
        super().__init__(k.fs, 0o644)
        self.k, self.p = k, p

    @property
    def data(self) -> bytearray:
        return bytearray(b"1\n" if self.p.subreaper else b"0\n")

    def write_at(self, offset: int, b: bytes) -> int:
        from .errors import oserror
        if self.k.cpu.current is not self.p:
            raise oserror(abi.EPERM)
        value = bytes(b).strip()
        if value not in (b"0", b"1"):
            raise oserror(abi.EINVAL)
        self.p.subreaper = value == b"1"
        return len(b)

    def truncate(self, size: int) -> None:
        pass


def cwd_path(fs, p: Proc) -> str:
    """Where /proc/PID/cwd points: the directory's path, as Linux shows a removed one."""
    try:
        return fs.path_of(p.cwd)
    except OSError:
        return "/ (deleted)"


def owner(p: Proc) -> tuple[int, int]:
    """Who owns /proc/PID: the process's effective user -- but root while it runs
    set-user-ID (uid != euid), as Linux makes such a process undumpable."""
    if p.uid != p.euid:
        return 0, 0
    return p.euid, p.egid


LINUX_STATE = {"N": "R (running)", "R": "R (running)", "S": "S (sleeping)", "T": "T (stopped)",
               "Z": "Z (zombie)"}


def status(k: "Kernel", p: Proc) -> str:
    """Linux's fields first, as programs read them; then the chapter's own names
    (StateName: RUNNING, READY, BLOCKED (pipe) ...) and vshell's accounting."""
    state = p.state.value + (f" ({p.blocked_on})" if p.state is BLOCKED else "")
    where = p.shown_where()
    pc = f"{where[0]}:{where[1]} in {where[2]}" if where else p.doing() or "-"
    lines = [
        ("Name", p.name), ("State", LINUX_STATE[p.state.letter]), ("StateName", state),
        ("Pid", p.pid), ("PPid", p.ppid),
        ("Pgid", p.pgid), ("Sid", p.sid), ("Uid", f"{p.uid}\t{p.euid}"),
        ("Gid", f"{p.gid}\t{p.egid}"), ("Umask", f"{p.umask:04o}"), ("FDSize", len(p.fds.slots)),
        ("SigPnd", _mask(p.sig.pending)), ("SigBlk", _mask(p.sig.blocked)),
        ("SigIgn", _mask({s for s, d in p.sig.action.items() if d == 1})),
        ("SigCgt", _mask({s for s, d in p.sig.action.items() if d == 2})),
        ("Ticks", p.cpu_ticks), ("CpuTime", f"{p.cpu_time:.3f}"), ("voluntary_ctxt_switches", p.voluntary_switches),
        ("nonvoluntary_ctxt_switches", p.involuntary_switches), ("PC", pc),
        # for ps and pstree: the controlling terminal, niceness, start time (epoch
        # seconds) and the terminal's foreground process group
        ("Tty", "tty" if k.tty.sid and p.sid == k.tty.sid else "?"), ("Nice", p.nice),
        ("Started", f"{k.clock.time() - (k.clock.monotonic() - p.start_time):.2f}"),
        ("Tpgid", k.tty.fg_pgrp if k.tty.sid and p.sid == k.tty.sid else -1),
    ]
    return "".join(f"{name}:\t{value}\n" for name, value in lines)


def sched(k: "Kernel", p: Proc) -> str:
    """The process's life on the CPU, in ticks of the machine's clock (the ticks
    every process has used): when it arrived in the ready queue, and its turns
    on the CPU, each from the tick it was dispatched to the tick it
    left (blocked, preempted, or exited) -- what a homework tool measures
    response and turnaround time with."""
    turns = [f"{start}-{end}" for start, end in p.slices[-SLICES_KEPT:]]
    if turns and p.state is RUNNING:
        turns[-1] = f"{p.slices[-1][0]}-"       # (the turn it is having now)
    arrivals = " ".join(map(str, p.arrivals[-SLICES_KEPT:]))    # (the CPU trims by halves)
    return (f"pid:\t{p.pid}\nstate:\t{p.state.value}\nticks:\t{p.cpu_ticks}\n"
            f"arrivals:\t{arrivals}\nslices:\t{' '.join(turns)}\n")


def stat(k: "Kernel", p: Proc) -> str:
    return (f"{p.pid} ({p.name}) {p.state.letter} {p.ppid} {p.pgid} {p.sid} 0 "
            f"{k.tty.fg_pgrp} 0 0 0 0 0 {p.cpu_ticks} 0 {int(p.rusage_children * 100)} 0 20 {p.nice} 1 0 "
            f"{int(p.start_time * 100)}\n")


def _mask(sigs: set[int]) -> str:
    return f"{sum(1 << (s - 1) for s in sigs):016x}"
