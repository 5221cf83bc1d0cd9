"""Process creation: fork + exec + exit + wait cycles per second.

What one *cycle* is, in every variant: a parent creates a child, the child
execs /bin/true, /bin/true exits with status 0, and the parent reaps it with
waitpid.  The figure is cycles per second of host wall-clock time.

native  -- the clone-style fork native code uses (the shell's path).  pid 1 is a
           native program looping `pid = rt.clone(child); os.waitpid(pid, 0)`,
           where the child continuation does `os.execv("/bin/true", ["true"])`.
           Clone is O(1): the child runs the continuation on a fresh copy of the
           parent's runtime, no replay.  A few warm-up cycles run before timing
           so that /bin/true is compiled once (like the page cache on Unix).

replay  -- fork by replay (os.fork) from a Python program that has made exactly
           10 system calls since its exec.  The program /bin/forkloop does
           10 x os.getpid(), then `pid = os.fork()`; the child execs /bin/true;
           the parent waits for it and then execs *itself* again to start the
           next cycle.  Re-exec'ing resets the replay record, so every fork
           replays the same 10 calls (a loop of forks inside one program would
           replay an ever-growing record).  The same program run with `nofork`
           (10 getpids and the self-exec, no fork) is timed in the same worker,
           and:
               gross = cycles/s of the whole loop (fork cycle + getpids + re-exec)
               net   = 1 / (per-iteration time with fork - without fork)
                     = the rate of just the replay-fork + exec + exit + wait cycle.
           A traced pre-run checks that the fork really comes after 10 calls.

replay_slope -- the same net cycle after 10 and after 10 + CALLS earlier calls
           (CALLS = 2,000 in a full run): the child of a replay fork re-runs
           its program and is answered from the record, so each earlier call
           adds a little to the fork.  Reported in microseconds per earlier
           call; issue 16's goal is at most the cost of the trap itself
           (bench_trap.py).

dash    -- the real thing, the issue's command, on the host in the same run:
               dash -c 'i=0; while [ $i -lt N ]; do /bin/true; i=$((i+1)); done'
           (N = 10000 in a full run), timed around the whole dash process.

Goal (issue 16): native rate >= 20 x dash's rate.
"""
from __future__ import annotations

import subprocess
import time

from common import DASH, check_status, new_kernel, result, run_init

FORKLOOP = '''#!/usr/bin/python3
"""forkloop LEFT MODE [CALLS]: CALLS (10) system calls, then (MODE=fork) one
fork+exec+wait; exec self."""
import os
import sys

left = int(sys.argv[1])
mode = sys.argv[2]
calls = sys.argv[3] if len(sys.argv) > 3 else "10"
for _ in range(int(calls)):
    os.getpid()
if mode == "fork":
    pid = os.fork()
    if pid == 0:
        os.execv("/bin/true", ["true"])
    os.waitpid(pid, 0)
if left > 1:
    os.execv(sys.argv[0], [sys.argv[0], str(left - 1), mode, calls])
'''

WARMUP = 20


def native(cycles: int) -> dict:
    """Clone + exec /bin/true + exit + waitpid, `cycles` times, from a native pid 1."""
    k = new_kernel()
    out: dict = {}

    def child(rt) -> int:
        rt.os.execv("/bin/true", ["true"])
        return 127

    def init(rt) -> int:
        os = rt.os
        for _ in range(WARMUP):
            check_status(os.waitpid(rt.clone(child), 0)[1], "warm-up /bin/true")
        s0 = k.cpu.switches
        t0 = time.perf_counter()
        for _ in range(cycles):
            pid = rt.clone(child)
            _, status = os.waitpid(pid, 0)
            if status:
                check_status(status, "/bin/true")
        out["seconds"] = time.perf_counter() - t0
        out["switches"] = k.cpu.switches - s0
        return 0

    run_init(k, init)
    return result(cycles=cycles, seconds=out["seconds"], rate=cycles / out["seconds"],
                  switches=out["switches"])


def _forkloop_seconds(cycles: int, mode: str, calls: int = 10) -> float:
    k = new_kernel()
    k.fs.write_file("/bin/forkloop", FORKLOOP, mode=0o755)
    out: dict = {}

    def init(rt) -> int:
        os = rt.os
        # warm-up: compile /bin/forkloop and /bin/true once
        check_status(os.waitpid(os.posix_spawn(
            "/bin/forkloop", ["/bin/forkloop", "2", mode, str(calls)], {}), 0)[1],
            "forkloop warm-up")
        t0 = time.perf_counter()
        pid = os.posix_spawn("/bin/forkloop", ["/bin/forkloop", str(cycles), mode, str(calls)],
                             {})
        _, status = os.waitpid(pid, 0)
        out["seconds"] = time.perf_counter() - t0
        check_status(status, "forkloop")
        return 0

    run_init(k, init)
    return out["seconds"]


def calls_before_fork() -> int:
    """Trace one forkloop iteration: live system calls between its exec and its fork."""
    from kernel import trace as ev
    k = new_kernel()
    k.fs.write_file("/bin/forkloop", FORKLOOP, mode=0o755)
    events: list = []
    k.trace.subscribe(events.append)

    def init(rt) -> int:
        os = rt.os
        check_status(os.waitpid(os.posix_spawn("/bin/forkloop", ["/bin/forkloop", "1", "fork"],
                                               {}), 0)[1], "forkloop")
        return 0

    run_init(k, init)
    fork = next(e for e in events if isinstance(e, ev.Fork) and e.how == "replay")
    pid, count = fork.parent, 0
    for e in events:
        if isinstance(e, ev.Exec) and e.pid == pid:
            count = 0
        elif isinstance(e, ev.SyscallEnter) and e.pid == pid and e.name != "fork":
            count += 1
        elif e is fork:
            break
    return count


def replay(cycles: int) -> dict:
    """Replay fork after 10 calls: gross loop rate, the no-fork control, and the net cycle."""
    calls = calls_before_fork()
    control = _forkloop_seconds(cycles, "nofork")
    gross = _forkloop_seconds(cycles, "fork")
    net = gross - control
    return result(cycles=cycles, seconds=gross, control_seconds=control,
                  gross_rate=cycles / gross, control_rate=cycles / control,
                  rate=cycles / net if net > 0 else float("inf"),
                  syscalls_before_fork=calls)


def replay_slope(cycles: int, calls: int) -> dict:
    """What each system call made before a fork adds to the fork: the net replay-fork
    cycle (with fork minus without) after 10 calls and after 10 + `calls`, and the
    difference per call, in microseconds."""
    nets = []
    for n in (10, 10 + calls):
        nets.append((_forkloop_seconds(cycles, "fork", n)
                     - _forkloop_seconds(cycles, "nofork", n)) / cycles)
    slope = (nets[1] - nets[0]) / calls
    return result(cycles=cycles, calls=calls, net_us_10=nets[0] * 1e6,
                  net_us_more=nets[1] * 1e6, us_per_call=slope * 1e6,
                  rate=1 / slope if slope > 0 else float("inf"))


def dash(cycles: int) -> dict:
    """The issue's dash loop, `cycles` iterations, timed on the host."""
    script = f"i=0; while [ $i -lt {cycles} ]; do /bin/true; i=$((i+1)); done"
    t0 = time.perf_counter()
    subprocess.run([DASH, "-c", script], check=True)
    seconds = time.perf_counter() - t0
    return result(cycles=cycles, seconds=seconds, rate=cycles / seconds)
