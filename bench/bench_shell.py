"""The shell: many lines of an external command; start-up; time to the first prompt.

lines.vshell  -- the issue's script: N lines of `/bin/true` (N = 10,000 in a full
                 run), run by vshell's /bin/sh in-process: a machine as the vshell
                 command boots it (Options(seed=1, virtual_time=True), a
                 MemoryConsole), then `k.run_program(["/bin/sh", "-c", script,
                 "bench"], uid=1000, ...)`.  Every line forks (clone), execs the
                 virtual Python program /bin/true and waits for it.  A 20-line
                 script runs first, untimed (it compiles /bin/true once, like the
                 page cache); the figure is lines/s of the timed run_program.  Booting
                 the machine (make_machine) is reported separately, and the run is
                 checked: status 0, no output, one new process per line.

lines.dash    -- the real thing, in the same run: `dash script.sh` with the same N
                 lines, running the host's /bin/true N times, timed around the
                 whole dash process.

lines.cli     -- information: the end-to-end command, `.venv/bin/vshell script.sh`
                 as a host subprocess (interpreter start-up, imports, booting the
                 machine, running the script; real time, no seed), timed around the
                 whole process (after an untimed `vshell -c true`).  The script file
                 has one more line, `echo ok`, and the output must be "ok": a run
                 that stops early fails the case instead of looking fast.
lines.cli_seed -- the same with `vshell --seed 1 script.sh` (slices counted in
                 system calls, the timer preempts only a process stuck in user code).

Goal: lines.vshell faster than dash (ratio >= 1); the stretch goal is 10x.

startup.vshell -- `.venv/bin/vshell -c true`, best of N runs (after one untimed
                  warm-up run), timed around the subprocess.
startup.python -- `.venv/bin/python -c pass`, the same way: the floor any Python
                  program pays.
                  Goal: vshell at most 1.5x python.

startup.prompt -- time to the first interactive prompt: pexpect spawns
                  `.venv/bin/python -m vshell` on a pseudo-terminal (TERM=dumb,
                  XDG_STATE_HOME and XDG_CONFIG_HOME in an empty temporary
                  directory: no history, no rc file) and the clock runs until
                  "student@vshell:~$ " has been read.  Best of N (5 in a full run).
                  Goal: at most 300 ms.

startup.importtime -- information: `python -X importtime -m vshell -c true` once;
                  the imports with the largest cumulative time, to guide work on
                  start-up.

Every host Python process started here runs without PYTHONDONTWRITEBYTECODE (if
the environment sets it), and after an untimed warm-up run: start-up is measured
with up-to-date .pyc files, as an installed vshell has them, not compiling
sources someone has just edited.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time

from common import (DASH, VSHELL, GcWatch, MemoryConsole, new_machine, result, run_shell,
                    python_env, scratch_dir, timed_runs)

PROMPT = "student@vshell:~$ "
WARMUP_LINES = 20


def script(lines: int) -> str:
    return "/bin/true\n" * lines


def script_file(lines: int, tail: str = "") -> str:
    """The script on the host, in the run's scratch directory (for dash and the CLI)."""
    path = os.path.join(scratch_dir(), f"true-{lines}{'-tail' if tail else ''}.sh")
    if not os.path.exists(path):
        with open(path, "w") as f:
            f.write(script(lines) + tail)
    return path


# ---- N lines of /bin/true -------------------------------------------------------------

def lines_vshell(lines: int) -> dict:
    """vshell's /bin/sh runs N lines of /bin/true, in-process, seeded, virtual time."""
    console = MemoryConsole()
    t0 = time.perf_counter()
    k = new_machine(console, seed=1, virtual_time=True)
    boot = time.perf_counter() - t0
    status = run_shell(k, script(WARMUP_LINES))
    if status != 0:
        raise RuntimeError(f"warm-up script ended with wait status {status:#x}: {console.stderr}")
    text = script(lines)
    pid0 = k.procs.next_pid
    with GcWatch() as gc_watch:
        t0 = time.perf_counter()
        status = run_shell(k, text)
        seconds = time.perf_counter() - t0
    processes = k.procs.next_pid - pid0
    if status != 0 or console.out or console.err:
        raise RuntimeError(f"sh -c script: status {status:#x}, output "
                           f"{console.stdout[:200]!r} {console.stderr[:500]!r}")
    if processes < lines:
        raise RuntimeError(f"{lines} lines made only {processes} processes")
    return result(lines=lines, seconds=seconds, rate=lines / seconds, boot_seconds=boot,
                  processes=processes, gc_seconds=gc_watch.seconds,
                  gc_collections=gc_watch.collections)


def lines_dash(lines: int) -> dict:
    """`dash script.sh`: the host's /bin/true, N times."""
    path = script_file(lines)
    t0 = time.perf_counter()
    p = subprocess.run([DASH, path], capture_output=True)
    seconds = time.perf_counter() - t0
    if p.returncode != 0 or p.stdout or p.stderr:
        raise RuntimeError(f"dash {path}: status {p.returncode}, {p.stderr[:500]!r}")
    return result(lines=lines, seconds=seconds, rate=lines / seconds)


def lines_cli(lines: int, seed: int | None = None) -> dict:
    """`.venv/bin/vshell [--seed N] script.sh` end to end, start-up included.

    The script has one more line, `echo ok`, so that a run which stops early
    (whatever its exit status) is caught."""
    path = script_file(lines, "echo ok\n")
    _run_seconds([VSHELL, "-c", "true"])             # warm-up: .pyc files
    cmd = [VSHELL, *(["--seed", str(seed)] if seed is not None else []), path]
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, stdin=subprocess.DEVNULL, env=python_env())
    seconds = time.perf_counter() - t0
    if p.returncode != 0 or p.stdout != b"ok\n" or p.stderr:
        raise RuntimeError(f"{' '.join(cmd)} stopped before the end of the script: exit status "
                           f"{p.returncode}, stdout {p.stdout[-200:]!r} (expected b'ok\\n'), "
                           f"stderr {p.stderr[-500:]!r}")
    return result(lines=lines, seed=seed, seconds=seconds, rate=lines / seconds)


# ---- start-up -----------------------------------------------------------------------------

def _run_seconds(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, stdin=subprocess.DEVNULL, env=python_env())
    seconds = time.perf_counter() - t0
    if p.returncode != 0 or p.stdout or p.stderr:
        raise RuntimeError(f"{' '.join(cmd)}: status {p.returncode}, {p.stderr[-500:]!r}")
    return seconds


def startup(which: str, runs: int) -> dict:
    """`vshell -c true` or `python -c pass`: best of `runs` (after a warm-up run)."""
    cmd = {"vshell": [VSHELL, "-c", "true"], "python": [sys.executable, "-c", "pass"]}[which]
    times = timed_runs(runs, lambda: _run_seconds(cmd))
    best = min(times)
    return result(command=" ".join([os.path.basename(cmd[0]), *cmd[1:]]), runs=runs, seconds=best, median=sorted(times)[len(times) // 2],
                  rate=1 / best, all=[round(t, 4) for t in times])


def prompt(runs: int) -> dict:
    """Seconds from spawning `python -m vshell` on a pty to its first prompt; best of `runs`."""
    import pexpect
    home = os.path.join(scratch_dir(), "prompt")
    env = python_env(TERM="dumb", XDG_STATE_HOME=os.path.join(home, "state"),
                     XDG_CONFIG_HOME=os.path.join(home, "config"),
                     XDG_DATA_HOME=os.path.join(home, "data"))     # (its disk: not the user's)

    def once() -> float:
        t0 = time.perf_counter()
        child = pexpect.spawn(sys.executable, ["-m", "vshell"], env=env, encoding="utf-8",
                              timeout=30, dimensions=(30, 120))
        try:
            child.expect_exact(PROMPT)
            return time.perf_counter() - t0
        finally:
            child.terminate(force=True)

    times = timed_runs(runs, once)
    best = min(times)
    return result(runs=runs, seconds=best, median=sorted(times)[len(times) // 2],
                  rate=1 / best, all=[round(t, 4) for t in times])


IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def importtime(top: int = 10) -> dict:
    """`python -X importtime -m vshell -c true`, once: the costliest imports."""
    _run_seconds([VSHELL, "-c", "true"])             # warm-up: .pyc files
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-X", "importtime", "-m", "vshell", "-c", "true"],
                       capture_output=True, text=True, stdin=subprocess.DEVNULL, env=python_env())
    seconds = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError(f"python -X importtime -m vshell -c true: status {p.returncode}")
    mods = []
    for line in p.stderr.splitlines():
        m = IMPORT_LINE.match(line)
        if m:
            mods.append({"module": m.group(4), "depth": (len(m.group(3)) - 1) // 2,
                         "self_ms": int(m.group(1)) / 1000, "cumulative_ms": int(m.group(2)) / 1000})
    by_cumulative = sorted(mods, key=lambda m: -m["cumulative_ms"])[:top]
    by_self = sorted(mods, key=lambda m: -m["self_ms"])[:top]
    top_level = [m for m in mods if m["depth"] == 0]
    return result(seconds=seconds, modules=len(mods),
                  total_ms=round(sum(m["self_ms"] for m in mods), 3),
                  top_cumulative=by_cumulative, top_self=by_self,
                  top_level=sorted(top_level, key=lambda m: -m["cumulative_ms"])[:top])
