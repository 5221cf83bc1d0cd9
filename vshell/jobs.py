"""Job control's builtins: jobs, fg, bg, wait and kill.

A job is a pipeline started with `&` or stopped with Ctrl-Z: one process group.
`jobs` lists the table (vshell/jobtable.py), `fg` gives a job the terminal
(tcsetpgrp) and continues it with SIGCONT, `bg` continues it in the background,
`wait` reaps with waitpid, and `kill` sends a signal to a pid or, with %N, to a
whole group (killpg).  The table is the shell's own memory, so these cannot be
programs in /bin.
"""
from __future__ import annotations

from kernel.abi import SIGCONT, SIGHUP, SIGTERM, WIFSIGNALED

from .common import CommandError, number, operands, wait_status
from .jobtable import by_id, forget_done, listing, mark, reap, remove, reset_current
from .traps import kill_options

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell


def b_wait(sh: Shell, args: list[str]) -> int:
    said = sh.doing("waiting for its jobs (wait)" if len(args) == 1 else
                    "waiting for " + ", ".join(f"job {a[1:]}" if a.startswith("%") else f"pid {a}"
                                               for a in args[1:]) + " (wait)")
    try:
        return _wait(sh, operands(args))
    finally:
        sh.doing(said)


def _wait(sh: Shell, args: list[str]) -> int:
    os = sh.os
    if len(args) == 1:
        for job in list(sh.state.jobs):
            for pid in list(job.alive):
                try:
                    _, status = os.waitpid(pid, 0)
                    job.alive.discard(pid)
                    if pid == job.pids[-1]:
                        job.status = status
                except ChildProcessError:
                    job.alive.discard(pid)
        sh.state.jobs = [j for j in sh.state.jobs if j.alive]
        return 0
    status = 127
    for spec in args[1:]:
        found = _find_job(sh, spec, "wait") if spec.startswith("%") else None
        pids = found.pids if found else [number("wait", spec)]
        for pid in pids:
            if not any(pid in j.pids for j in sh.state.jobs):
                status = 127                  # not a job of this shell (dash's wait)
                continue
            done = next((j for j in sh.state.jobs if pid == j.pids[-1] and pid not in j.alive), None)
            try:                          # (a job already collected, as starting another does,
                _, s = (pid, done.status) if done else os.waitpid(pid, 0)   # keeps its status)
                status = sh.killed(s) if WIFSIGNALED(s) else wait_status(s)   # (dash: `Killed`)
            except ChildProcessError:
                status = 127
            for j in sh.state.jobs:
                j.alive.discard(pid)
            sh.state.jobs = [j for j in sh.state.jobs if j.alive or pid not in j.pids]
    return status


def _find_job(sh: Shell, spec: str, who: str):
    """%n, %+, %-, %% or %prefix: a job of this shell (dash's messages if none)."""
    st = sh.state
    jobs = st.jobs
    if not jobs:
        raise CommandError(f"{who}: No such job: {spec}" if spec != "%" else f"{who}: No current job", 2)
    key = spec[1:]
    if key in ("", "+", "%"):
        return by_id(st, st.current_job) or jobs[-1]
    if key == "-":
        return by_id(st, st.previous_job) or by_id(st, st.current_job) or jobs[-1]
    if key.isdigit():
        for job in jobs:
            if job.id == int(key):
                return job
    else:
        for job in jobs:
            if job.command.startswith(key):
                return job
    raise CommandError(f"{who}: No such job: {spec}", 2)


def b_jobs(sh: Shell, args: list[str]) -> int:
    """jobs [-lnprs] [%job...]: bash's layout; a job shown as done is forgotten."""
    st = sh.state
    flags = set()
    specs = args[1:]
    while specs and specs[0].startswith("-") and len(specs[0]) > 1:
        word = specs.pop(0)
        if word == "--":
            break
        for letter in word[1:]:
            if letter not in "lnprs":
                raise CommandError(f"jobs: Illegal option -{letter}", 2)
            flags.add(letter)
    reap(sh)
    chosen = [_find_job(sh, spec, "jobs") for spec in specs] or sorted(st.jobs, key=lambda j: j.id)
    for job in chosen:
        if ("r" in flags and job.state != "Running") or ("s" in flags and job.state != "Stopped") or \
                ("n" in flags and job.notified):
            continue
        sh.say(1, f"{job.pgid}\n" if "p" in flags else listing(st, job, "l" in flags) + "\n")
        job.notified = True
    st.exit_ok = True            # bash: exit right after jobs leaves at once
    forget_done(st)
    return 0


def b_fg(sh: Shell, args: list[str]) -> int:
    args = operands(args)
    job = _find_job(sh, args[1] if len(args) > 1 else "%", "fg")
    sh.say(1, job.command + "\n")
    os = sh.os
    if "m" in sh.state.options:
        sh.foreground_job = True
        try:
            os.tcsetpgrp(0, job.pgid)
        except OSError:
            pass
    job.state = "Running"
    try:
        os.killpg(job.pgid, SIGCONT)
    except OSError:
        pass
    try:
        return sh.wait_foreground(sorted(job.alive) or job.pids, job.command, job.pgid, job)
    finally:
        if job.state != "Stopped" and job in sh.state.jobs:
            remove(sh.state, job)


def b_bg(sh: Shell, args: list[str]) -> int:
    args = operands(args)
    job = _find_job(sh, args[1] if len(args) > 1 else "%", "bg")
    st = sh.state
    sh.say(1, f"[{job.id}]{mark(st, job)} {job.command} &\n")
    job.state = "Running"
    reset_current(st)
    try:
        sh.os.killpg(job.pgid, SIGCONT)
    except OSError:
        pass
    return 0


def b_kill(sh: Shell, args: list[str]) -> int:
    parsed = kill_options(sh, args)
    if parsed is None:                          # kill -l: names were listed
        return 0
    sig, rest = parsed
    if rest and rest[0] == "--":
        rest = rest[1:]
    status = 0
    for target in rest:
        if target[:1] == "-":                   # -N: process group N (dash reads N)
            pid = -number("kill", target[1:])      # (an illegal number ends the command)
        elif target[:1] != "%":
            pid = number("kill", target)
        try:
            if target.startswith("%"):
                job = _find_job(sh, target, "kill")
                sh.os.killpg(job.pgid, sig)
                if job.state == "Stopped" and sig in (SIGHUP, SIGTERM):
                    sh.os.killpg(job.pgid, SIGCONT)      # bash: a stopped job sees it now
            else:
                sh.os.kill(pid, sig)
        except CommandError as e:
            sh.error(str(e))
            status = e.status
        except OSError as e:
            sh.error(f"kill: {e.strerror}\n")       # dash's wording, blank line and all
            status = 1
    return status
