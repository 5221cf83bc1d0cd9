"""Context switches: two processes passing one byte back and forth through two pipes.

The program (PINGPONG below) is ordinary Python and runs unchanged in vshell
and under the host's python3: it makes two pipes, forks (by replay in vshell),
and then for N round trips the parent writes a byte to pipe 1 and reads one
from pipe 2 while the child reads from pipe 1 and writes to pipe 2.  Each
process blocks in every read, so every round trip is two context switches.

vshell  -- pid 1 (native) posix_spawns /bin/pingpong N and waits for it.
           Counted: the kernel's dispatch counter `k.cpu.switches` over that
           window (= 2N plus a handful for start-up and exit), divided by the
           wall-clock time of the window (exec, the fork replay of 2 calls,
           the N round trips, the final wait; start-up is ~0.1 ms of >= 0.1 s).
           The program is run once with a small N first so that it is compiled.
           Every system call of a Python program is also recorded for fork by
           replay, so this includes the kernel's record-keeping -- part of the
           real cost of a switch between two Python programs.
           `live` is the number of live processes in the machine: pid 1, the
           two ping-pong processes and live-3 idle processes (see bench_idle).

host    -- the same file run by the host's Python, pinned to one CPU (vshell
           has one CPU; on two, the pair would mostly measure cross-CPU wakeup
           latency instead of switching).  Switches = 2N; timed inside the host
           interpreter around runpy.run_path.  An unpinned run is reported too,
           for information.

Goal (from the issue): vshell >= 100,000 switches/s.
"""
from __future__ import annotations

import gc
import os
import tempfile
import time

from common import (DASH, GcWatch, check_status, host_python_timed, mem_available, new_kernel,
                    one_cpu, result, rss_bytes, run_init)

PINGPONG = '''#!/usr/bin/python3
"""pingpong N: two processes pass one byte back and forth N times through two pipes."""
import os
import sys

n = int(sys.argv[1])
r1, w1 = os.pipe()
r2, w2 = os.pipe()
pid = os.fork()
if pid == 0:
    for _ in range(n):
        os.read(r1, 1)
        os.write(w2, b"x")
    os._exit(0)
for _ in range(n):
    os.write(w1, b"x")
    os.read(r2, 1)
os.waitpid(pid, 0)
'''

WARMUP_ROUND_TRIPS = 200


def vshell(round_trips: int, live: int = 3, gc_off: bool = False) -> dict:
    """Ping-pong in vshell with `live` live processes (live-3 of them idle and blocked).

    gc_off disables the host's cyclic GC during the timed window: a diagnostic
    that separates the cost of GC passes over a big heap from the switch itself.
    """
    idle = live - 3
    if idle < 0:
        raise ValueError("live counts pid 1 and the two ping-pong processes: at least 3")
    k = new_kernel()
    k.fs.write_file("/bin/pingpong", PINGPONG, mode=0o755)
    out: dict = {}

    def init(rt) -> int:
        os_ = rt.os
        r, _w = os_.pipe()          # nobody ever writes: readers block for good

        def idle_child(crt) -> int:
            crt.os.read(r, 1)
            return 0

        gc.collect()
        rss0 = rss_bytes()
        t0 = time.perf_counter()
        for _ in range(idle):
            rt.clone(idle_child)
        os_.sched_yield()           # round robin: every idle child runs until it blocks
        out["spawn_seconds"] = time.perf_counter() - t0
        gc.collect()
        out["rss_per_idle"] = (rss_bytes() - rss0) / idle if idle else 0.0
        blocked = sum(1 for p in k.procs if p.state.value == "BLOCKED")
        if blocked != idle:
            raise RuntimeError(f"{blocked} processes blocked, expected {idle}")
        out["live"] = len(k.procs) + 2      # + the ping-pong pair, about to start

        check_status(os_.waitpid(os_.posix_spawn(
            "/bin/pingpong", ["pingpong", str(WARMUP_ROUND_TRIPS)], {}), 0)[1], "warm-up")
        if gc_off:
            gc.disable()
        with GcWatch() as g:
            s0 = k.cpu.switches
            t0 = time.perf_counter()
            pid = os_.posix_spawn("/bin/pingpong", ["pingpong", str(round_trips)], {})
            _, status = os_.waitpid(pid, 0)
            out["seconds"] = time.perf_counter() - t0
            out["switches"] = k.cpu.switches - s0
        gc.enable()
        check_status(status, "pingpong")
        out["gc"] = g
        return 0

    run_init(k, init)
    g = out["gc"]
    rate = out["switches"] / out["seconds"]
    return result(live=out["live"], idle=idle, round_trips=round_trips, gc_off=gc_off,
                  seconds=out["seconds"], switches=out["switches"], rate=rate,
                  us_per_switch=1e6 / rate, gc_seconds=g.seconds, gc_collections=g.collections,
                  gc_full=g.full, spawn_seconds=out["spawn_seconds"],
                  rss_per_idle=out["rss_per_idle"])


def _wait_blocked(pids: list[int], timeout: float = 30.0) -> None:
    """Wait until every host process is sleeping (blocked in its read)."""
    deadline = time.monotonic() + timeout
    pending = list(pids)
    while pending and time.monotonic() < deadline:
        still = []
        for pid in pending:
            try:
                with open(f"/proc/{pid}/stat") as f:
                    state = f.read().rsplit(")", 1)[1].split()[0]
            except FileNotFoundError:
                state = "?"
            if state != "S":
                still.append(pid)
        pending = still
        if pending:
            time.sleep(0.05)
    if pending:
        raise RuntimeError(f"{len(pending)} host idle processes never blocked")


def _host_proc_kb(pid: int) -> int:
    """Proportional set size plus page tables of one host process, in KB."""
    kb = 0
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                kb += int(line.split()[1])
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmPTE:"):
                kb += int(line.split()[1])
    return kb


def host(round_trips: int, live: int = 3, pinned: bool = True) -> dict:
    """The same program under the host's Python, with live-3 idle dash processes around.

    The idle processes are `dash -c 'read x'` with stdin on a pipe nobody
    writes to; closing the write end at the end gives them EOF and they exit
    by themselves (then they are reaped).  Memory per idle process, two ways:
    pss_per_idle -- Pss + page tables of (up to 200 of) the idle processes,
                    averaged; leaves out the kernel's own task and stack (~20 KB);
    mem_per_idle -- the drop in the host's MemAvailable while they were
                    created: includes everything, but other activity on the
                    host adds noise (it can even come out negative).
    """
    idle = live - 3
    cpu = one_cpu() if pinned else None
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, "pingpong.py")
        with open(script, "w") as f:
            f.write(PINGPONG)
        r, w = os.pipe()
        pids: list[int] = []
        try:
            mem0 = mem_available()
            t0 = time.perf_counter()
            for _ in range(idle):
                pids.append(os.posix_spawn(DASH, ["dash", "-c", "read x"], {},
                                           file_actions=[(os.POSIX_SPAWN_DUP2, r, 0)]))
            _wait_blocked(pids)
            spawn_seconds = time.perf_counter() - t0
            mem_per_idle = (mem0 - mem_available()) / idle if idle else 0.0
            sampled = pids[:: max(1, len(pids) // 200)]
            pss_per_idle = (1024 * sum(_host_proc_kb(pid) for pid in sampled) / len(sampled)
                            if sampled else 0.0)
            host_python_timed(script, [str(WARMUP_ROUND_TRIPS)], cpu)
            seconds = host_python_timed(script, [str(round_trips)], cpu)
        finally:
            os.close(w)
            os.close(r)
            for pid in pids:
                os.waitpid(pid, 0)
    switches = 2 * round_trips
    rate = switches / seconds
    return result(live=live, idle=idle, round_trips=round_trips, pinned=pinned,
                  seconds=seconds, switches=switches, rate=rate, us_per_switch=1e6 / rate,
                  spawn_seconds=spawn_seconds, mem_per_idle=mem_per_idle,
                  pss_per_idle=pss_per_idle)
