"""How a scripted run ended, said to the person (or grader) who started it.

Every way a run can end has its own exit status and one line on stderr, so a
script can tell them apart (VERDICTS: the README and `vshell --help` show the
table).  The kernel stops the machine when every process is blocked and
nothing -- no timer, no terminal -- can ever wake one of them: a deadlock; or
when a limit of the run is used up (kernel/runlimits.py).  Either way the
report goes on to list the processes left, the way a lecturer would at the
whiteboard: each process, its state, what it waits for and its program line.
"""
from __future__ import annotations

from kernel.abi import SIGNAMES, WSTOPSIG
from kernel.proc import Proc, State

TYPE_CHECKING = False
if TYPE_CHECKING:
    from kernel import Kernel

DEADLOCK_STATUS = 125       # vshell's exit status when its machine deadlocked
INTERNAL_STATUS = 119       # vshell itself failed (a kernel panic): do not trust the run
LIMIT_STATUS = {"fs": 117, "virtual_time": 118, "events": 121, "output": 122, "ticks": 123,
                "time": 124}                                      # 124: as timeout(1)

# (status, how the run ended, the stderr line that says so): for --help and the README.
VERDICTS = [
    ("0-255", "the last command's status, as sh gives it (128+N: killed by signal N)", "-"),
    ("2", "a bad command line", "vshell: ..."),
    ("117", "--max-fs-bytes reached", "vshell: limit: --max-fs-bytes ..."),
    ("118", "--max-virtual-time reached (scripted --virtual-time runs: 600 s)",
     "vshell: limit: --max-virtual-time ..."),
    (str(INTERNAL_STATUS), "vshell's own internal error", "vshell: internal error: ..."),
    ("121", "--max-events reached", "vshell: limit: --max-events ..."),
    ("122", "--max-output reached", "vshell: limit: --max-output ..."),
    ("123", "--max-ticks reached", "vshell: limit: --max-ticks ..."),
    ("124", "--max-time reached", "vshell: limit: --max-time ..."),
    (str(DEADLOCK_STATUS), "deadlock: every process blocked for good", "vshell: deadlock: ..."),
]


def limit_report(k: "Kernel") -> str:
    """The verdict of a run a limit stopped, and who was left doing what."""
    what = k.run_limits.hit
    lines = [f"vshell: limit: {k.run_limits.describe(what)}; the machine was stopped"]  # type: ignore[arg-type]  # (a limit was hit)
    for p in k.procs:
        lines.append(f"  {who(k, p)}: {state_of(k, p)}{where(p)}")
    return "\n".join(lines) + "\n"


def internal_report(k: "Kernel") -> str:
    """A kernel bug stopped a process: the run's result cannot be trusted."""
    first = k.panics[0].strip().splitlines()[-1]
    return (f"vshell: internal error: {len(k.panics)} kernel failure(s), the first: {first} "
            "(VSHELL_DEBUG=1 shows the traceback)\n")


def state_of(k: "Kernel", p: Proc) -> str:
    if p.state is State.BLOCKED or p.state is State.STOPPED:
        return waiting_for(k, p)
    return p.state.value


def deadlock_report(k: "Kernel") -> str:
    lines = ["vshell: deadlock: every process is blocked and nothing can wake them:"]
    for pid in k.deadlocked:
        p = k.procs.get(pid)
        if p is not None:
            lines.append(f"  {who(k, p)}: {waiting_for(k, p)}{where(p)}")
    return "\n".join(lines) + "\n"


def who(k: "Kernel", p: Proc) -> str:
    return f"pid {p.pid} ({p.name})"


def where(p: Proc) -> str:
    """ at FILE:LINE, for a Python program (the line it is blocked at); for
    native code (the shell), what it says it is doing."""
    if p.native:
        doing = p.doing()
        return f" -- {doing}" if doing else ""
    at = p.where()
    return f" at {at[0]}:{at[1]}" if at else ""


def waiting_for(k: "Kernel", p: Proc) -> str:
    if p.state is State.STOPPED:
        sig = WSTOPSIG(p.stop_report or 0)
        name = SIGNAMES.get(sig, "a signal")
        return f"stopped by {name}, and nothing is left to continue it"
    why = p.blocked_on
    if why == "child":
        kids = [c for c in k.procs.children(p.pid)]
        return "waiting for a child to exit (" + ", ".join(who(k, c) for c in kids) + ")"
    if why == "pipe":
        return pipe_wait(k, p)
    if why == "signal":
        return "waiting for a signal (pause) that nobody will send"
    if why == "timer":
        return "sleeping" + (f" (until {p.deadline:g} s after boot)" if p.deadline is not None else "")
    if why == "terminal":
        return "reading the terminal"
    if why == "select":
        return "in select/poll, " + pipe_wait(k, p).replace("waiting on a pipe", "waiting")
    if why == "epoll":
        return "in epoll_wait, waiting for files that nothing will make ready"
    return f"blocked ({why})"


def pipe_wait(k: "Kernel", p: Proc) -> str:
    for f in list(k.files.live):
        pipe = f.pipe
        if pipe is None:
            continue
        if p in pipe.rq.procs:
            holders = end_holders(k, pipe, writing=True)
            return f"reading an empty pipe whose write end is still open in {holders}"
        if p in pipe.wq.procs:
            holders = end_holders(k, pipe, writing=False)
            return f"writing to a full pipe that nobody reads (read end open in {holders})"
    return "waiting on a pipe"


def end_holders(k: "Kernel", pipe, writing: bool) -> str:
    names = []
    for q in k.procs:
        if any(f.pipe is pipe and f.writable == writing for _, f in q.fds.items()):
            names.append(who(k, q))
    return ", ".join(names) or "no process"
