"""Shared helpers for the kernel benchmarks: a fresh kernel, clocks, memory, the host.

Everything here is measurement plumbing; what is measured is described at the
top of each bench_*.py file.  Wall-clock time (time.perf_counter) is used on
purpose: these are benchmarks of the host running the kernel, never tests.
"""
from __future__ import annotations

import atexit
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from typing import Any, Callable

from kernel import Kernel, MemoryConsole

# The same two lines as programs/true.py: the cheapest Python program to exec.
TRUE_PROGRAM = '#!/usr/bin/env python3\n"""true: do nothing, successfully."""\n'

DASH = "/usr/bin/dash"

# The venv's own scripts: bench/run.py runs with .venv/bin/python, and the
# `vshell` console script sits next to it.
VENV_BIN = os.path.dirname(sys.executable)
VSHELL = os.path.join(VENV_BIN, "vshell")

# A scratch directory shared by all the workers of one run (the 100 MB file is
# generated once per run): bench/run.py creates it, puts it here, removes it.
SCRATCH_ENV = "VSHELL_BENCH_SCRATCH"


def new_kernel() -> Kernel:
    """A kernel as the tests make it: seeded (reproducible), virtual time, no terminal."""
    k = Kernel(seed=1, virtual_time=True, console=MemoryConsole())
    k.fs.write_file("/bin/true", TRUE_PROGRAM, mode=0o755)
    return k


def run_init(k: Kernel, init) -> None:
    """Run `init(rt)` as pid 1 (root, so no per-user process limit) until it exits."""
    k.spawn(init)
    k.run()
    if k.panics:
        raise RuntimeError("kernel panic during the benchmark:\n" + k.panics[0])


def check_status(status: int, what: str) -> None:
    if status != 0:
        raise RuntimeError(f"{what} ended with wait status {status:#x}, expected 0")


def new_machine(console, **options):
    """A whole vshell machine as the vshell command boots it (/bin, /bin/sh, homes),
    without running init: use k.run_program.  Options: see vshell.system.Options."""
    from vshell.system import Options, make_machine
    return make_machine(Options(**options), console)


def run_shell(k: Kernel, text: str, cwd: str = "/tmp") -> int:
    """`sh -c TEXT` as the student (uid 1000) under a minimal init; its wait status."""
    return k.run_program(["/bin/sh", "-c", text, "bench"], uid=1000, env={"PATH": "/bin"},
                         cwd=cwd)


def scratch_dir() -> str:
    """The run's scratch directory (made here, and removed at exit, if run.py made none)."""
    d = os.environ.get(SCRATCH_ENV)
    if not d or not os.path.isdir(d):
        d = tempfile.mkdtemp(prefix="vshell-bench-")
        os.environ[SCRATCH_ENV] = d
        atexit.register(shutil.rmtree, d, True)
    return d


def python_env(**extra: str) -> dict[str, str]:
    """The environment for a host Python subprocess that starts vshell: ours, without
    PYTHONDONTWRITEBYTECODE, so that the warm-up run leaves .pyc files for the
    modules (as an installed vshell has them) and start-up is not timed compiling
    source that was just edited."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


def timed_runs(runs: int, once: Callable[[], float]) -> list[float]:
    """`once()` returns the seconds of one run; call it `runs` times, after one
    untimed warm-up (which fills the page cache and compiles .pyc files)."""
    once()
    return [once() for _ in range(runs)]


# ---- memory ---------------------------------------------------------------------------

# Opened now: measuring code may run inside a virtual process (a native init),
# where the host guard refuses to open host files; reading an open fd is fine.
_STATM = os.open("/proc/self/statm", os.O_RDONLY)
_PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_bytes() -> int:
    """Resident set size of this (host) process."""
    return int(os.pread(_STATM, 200, 0).split()[1]) * _PAGE


def mem_available() -> int:
    """The host's MemAvailable: how much memory new processes took, system-wide."""
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no MemAvailable in /proc/meminfo")


# ---- the garbage collector ---------------------------------------------------------------

class GcWatch:
    """Time spent in CPython's cyclic GC while active (it grows with the heap)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.collections = 0
        self.full = 0
        self._t0 = 0.0
        self.active = False

    def _callback(self, phase: str, info: dict) -> None:
        if not self.active:
            return
        if phase == "start":
            self._t0 = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._t0
            self.collections += 1
            self.full += info.get("generation") == 2

    def __enter__(self) -> "GcWatch":
        gc.callbacks.append(self._callback)
        self.active = True
        return self

    def __exit__(self, *exc) -> None:
        self.active = False
        gc.callbacks.remove(self._callback)


# ---- the host (the real thing) ---------------------------------------------------------------

def one_cpu() -> int:
    """A CPU this process may run on, to pin host processes to a single CPU."""
    return min(os.sched_getaffinity(0))


def pin_preexec(cpu: int):
    def pin() -> None:
        os.sched_setaffinity(0, {cpu})
    return pin


def host_python_timed(script: str, args: list[str], cpu: int | None) -> float:
    """Run `script` with the host's Python (optionally pinned to one CPU); seconds it ran.

    The timing is taken inside the host interpreter around runpy.run_path, so it
    excludes interpreter start-up just as the vshell figure excludes booting
    the kernel.
    """
    wrapper = ("import runpy, sys, time\n"
               "sys.argv = sys.argv[1:]\n"
               "t = time.perf_counter()\n"
               "runpy.run_path(sys.argv[0], run_name='__main__')\n"
               "print(time.perf_counter() - t)\n")
    out = subprocess.run([sys.executable, "-c", wrapper, script, *args], check=True,
                         capture_output=True, text=True,
                         preexec_fn=pin_preexec(cpu) if cpu is not None else None)
    return float(out.stdout.strip().splitlines()[-1])


def result(**fields: Any) -> dict[str, Any]:
    """A benchmark sample: plain JSON-able numbers."""
    return {k: (round(v, 6) if isinstance(v, float) else v) for k, v in fields.items()}
