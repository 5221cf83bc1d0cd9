"""The shell's table of jobs, as bash keeps and shows it.

A job is a pipeline started with `&` or stopped with Ctrl-Z: one process group,
numbered one past the highest in the table.  Each change of a job's state is
shown once -- by `jobs`, or before the next prompt -- in bash's layout:
`[1]+  Done                    sleep 1`.  The marks + (the current job, which
`fg` and `bg` take without an argument) and - (the previous one) follow bash's
rules: a job that stops becomes current; otherwise the newest stopped job, else
the newest job started, is current.  The builtins that use the table are in
vshell/jobs.py.
"""
from __future__ import annotations

from kernel.abi import (CONTINUED, SIGCONT, SIGTERM, WCONTINUED, WCOREDUMP, WEXITSTATUS,
                        WIFSIGNALED, WIFSTOPPED, WNOHANG, WSTOPSIG, WTERMSIG, WUNTRACED, strsignal)

from .state import Job

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell
    from .state import State

STATE_WIDTH = 24                  # bash's LONGEST_SIGNAL_DESC: the state column's width


def add(st: State, pgid: int, pids: list[int], command: str, stopped: bool = False) -> Job:
    """A new job, numbered one past the highest in the table (as bash numbers)."""
    number = max((j.id for j in st.jobs), default=0) + 1
    job = Job(number, pgid, list(pids), command, "Stopped" if stopped else "Running",
              alive=set(pids), notified=not stopped)
    st.jobs.append(job)
    if stopped:
        set_current(st, job)
    else:
        reset_current(st)
    return job


def stop(st: State, job: Job | None, pgid: int, pids: list[int], command: str,
         statuses: dict[int, int]) -> Job:
    """A foreground job stopped (Ctrl-Z), as waitpid's statuses say: a new job,
    or the same one again if `fg` had brought it back; either way it becomes
    the current job.  The caller shows it at once."""
    if job is None or job not in st.jobs:
        job = add(st, pgid, pids, command, stopped=True)
    job.alive = {pid for pid, status in statuses.items() if WIFSTOPPED(status)}
    job.state, job.notified = "Stopped", True
    job.status = next(statuses[pid] for pid in job.pids if pid in job.alive)
    set_current(st, job)
    return job


def remove(st: State, job: Job) -> None:
    st.jobs.remove(job)
    if job.id in (st.current_job, st.previous_job):
        reset_current(st)


def by_id(st: State, number: int) -> Job | None:
    for job in st.jobs:
        if job.id == number:
            return job
    return None


def newest(st: State, state: str, below: int | None = None) -> Job | None:
    """The newest job in that state (numbered below `below`, if given)."""
    found = [j for j in st.jobs if j.state == state and (below is None or j.id < below)]
    return max(found, key=lambda j: j.id, default=None)


def set_current(st: State, job: Job) -> None:
    """bash's set_current_job: job becomes +; - is the old current job if it is
    stopped, else the newest stopped job older than job, else the newest running one."""
    if st.current_job != job.id:
        st.previous_job, st.current_job = st.current_job, job.id
    old = by_id(st, st.previous_job)
    if old is not None and old is not job and old.state == "Stopped":
        return
    other = newest(st, "Stopped", job.id) if job.state == "Stopped" else None
    if other is None:
        other = newest(st, "Running", job.id if job.state == "Running" else None)
    st.previous_job = (other or job).id


def reset_current(st: State) -> None:
    """bash's reset_current, after the table changed: the current job stays if it
    is stopped; else the previous one if stopped, the newest stopped job, or the
    newest job started."""
    current, previous = by_id(st, st.current_job), by_id(st, st.previous_job)
    job: Job | None
    if current is not None and current.state == "Stopped":
        job = current
    elif previous is not None and previous.state == "Stopped":
        job = previous
    else:
        job = newest(st, "Stopped") or newest(st, "Running")
    if job is None:
        st.current_job = st.previous_job = 0
    else:
        set_current(st, job)


def mark(st: State, job: Job) -> str:
    return "+" if job.id == st.current_job else "-" if job.id == st.previous_job else " "


def state_text(job: Job, long: bool = False) -> str:
    """Running, Stopped, Done, Exit 3, Terminated, Killed... as bash says them;
    `jobs -l` names the signal that stopped a job (Stopped (tty input))."""
    status = job.status
    if job.state == "Running":
        return "Running"
    if job.state == "Stopped":
        stopped_by = strsignal(WSTOPSIG(status)) if long and status else None
        return stopped_by or "Stopped"
    if WIFSIGNALED(status):
        return (strsignal(WTERMSIG(status)) or f"Signal {WTERMSIG(status)}") + \
            (" (core dumped)" if WCOREDUMP(status) else "")
    code = WEXITSTATUS(status)
    return "Done" if code == 0 else f"Exit {code}"


def listing(st: State, job: Job, long: bool = False) -> str:
    """One job as `jobs` and the notices show it (without the newline)."""
    state = f"{state_text(job, long):<{STATE_WIDTH}}"
    running = " &" if job.state == "Running" else ""
    if not long:
        return f"[{job.id}]{mark(st, job)}  {state}{job.command}{running}"
    parts = job.command.split(" | ")          # one line per process, as bash's -l
    if len(parts) != len(job.pids):
        parts = [job.command] + [""] * (len(job.pids) - 1)
    lines = [f"[{job.id}]{mark(st, job)} {job.pids[0]:>5} {state}{parts[0]}"]
    lines += [f"     {pid:>5} {'':<{STATE_WIDTH - 2}}| {part}"
              for pid, part in zip(job.pids[1:], parts[1:])]
    return "\n".join(lines) + running


def reap(sh: Shell) -> None:
    """Collect what happened to background jobs, without waiting: processes that
    ended, stopped or were continued."""
    st = sh.state
    if st.jobs and (by_id(st, st.current_job) is None or by_id(st, st.previous_job) is None):
        reset_current(st)                     # `wait` took jobs out of the table
    while True:
        try:
            pid, status = sh.os.waitpid(-1, WNOHANG | WUNTRACED | WCONTINUED)
        except ChildProcessError:
            return
        if pid == 0:
            return
        job = next((j for j in st.jobs if pid in j.alive), None)
        if job is None:
            continue
        if WIFSTOPPED(status):
            if job.state != "Stopped":
                job.state, job.status, job.notified = "Stopped", status, False
                set_current(st, job)
        elif status == CONTINUED:             # (by kill -CONT): + and - stay put
            job.state = "Running"
        else:
            job.alive.discard(pid)
            if pid == job.pids[-1]:
                job.status = status
            if not job.alive:
                job.state, job.notified = "Done", False


def notify(sh: Shell) -> None:
    """Say what changed since last shown (an interactive shell, before its prompt),
    and forget jobs that are done."""
    st = sh.state
    for job in sorted(st.jobs, key=lambda j: j.id):
        if not job.notified and st.interactive:
            sh.say(2, ("\n" if job.state == "Stopped" else "") + listing(st, job) + "\n")
        job.notified = True
    forget_done(st)


def forget_done(st: State) -> None:
    for job in [j for j in st.jobs if j.state == "Done"]:
        remove(st, job)


def may_exit(sh: Shell) -> bool:
    """bash's rule at `exit` and Ctrl-D: with stopped jobs, the first try only
    warns; one made right after it (or after `jobs`) leaves."""
    st = sh.state
    if not st.interactive or st.exit_ok:
        return True
    reap(sh)
    if not any(j.state == "Stopped" for j in st.jobs):
        return True
    sh.say(2, "There are stopped jobs.\n")
    st.exit_ok = True
    return False


def hang_up(sh: Shell) -> None:
    """An interactive shell that leaves ends its stopped jobs (SIGTERM, then
    SIGCONT so that they see it), as bash does: nobody could continue them."""
    for job in sh.state.jobs:
        if job.state == "Stopped":
            for sig in (SIGTERM, SIGCONT):
                try:
                    sh.os.killpg(job.pgid, sig)
                except OSError:
                    pass
