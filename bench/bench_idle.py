"""Idle processes: does switching slow down with many of them, and what does one cost?

Switch cost vs. number of live processes
    The ping-pong of bench_switch is run in a machine with 10 live processes
    and in one with 10,000: pid 1, the ping-pong pair, and 7 (or 9,997) idle
    processes.  Each idle process is a native clone of pid 1 blocked for good
    in `os.read` on a pipe nobody writes to (all of them sleep on that pipe's
    one wait queue); pid 1 calls sched_yield after creating them so that every
    one has run and blocked (checked) before timing starts.  The figure is
    microseconds per switch = 1 / (switches/s); the ratio is
        cost with 10,000 live / cost with 10 live        (goal: <= 1.5)
    Time the host's cyclic GC spends inside the timed window is reported next
    to it: a full collection walks every object, so it grows with the number
    of processes even when the scheduler does not; for information the pair
    is also run once with the GC disabled in the window.  The same ratio is measured
    for the real thing: the host's python3 running the same ping-pong, pinned
    to one CPU, among 7 (or 9,997) idle `dash -c 'read x'` processes.

Memory per idle process
    rss     -- growth of the host RSS while the idle processes were created and
               blocked, divided by their number (from the 10,000-process run;
               includes allocator overhead).
    traced  -- tracemalloc: bytes allocated by Python (and greenlet's saved
               stacks) and still live per idle process, measured on its own
               (tracemalloc slows everything down) for two kinds:
                 clone: the native clone used above;
                 exec:  a clone that execs /bin/idle, a 3-line Python program
                        blocked in os.read(0, 1) -- what an idle user program
                        (a `cat` waiting for input) costs.
               The biggest allocation sites are listed, to show where it goes.
    host    -- per idle dash process: its Pss plus page tables (sampled), and
               the drop of the host's MemAvailable (everything, but noisy).
"""
from __future__ import annotations

import gc
import linecache
import os
import tracemalloc

import bench_switch
from common import new_kernel, result, run_init

IDLE_PROGRAM = '#!/usr/bin/python3\n"""idle: block reading stdin."""\nimport os\nos.read(0, 1)\n'

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def switch_cost(round_trips: int, live: int, gc_off: bool = False) -> dict:
    """The vshell ping-pong among `live` live processes (see bench_switch.vshell)."""
    return bench_switch.vshell(round_trips, live, gc_off)


def host_switch_cost(round_trips: int, live: int) -> dict:
    return bench_switch.host(round_trips, live, pinned=True)


def _where(frame) -> str:
    return f"{frame.filename.removeprefix(REPO)}:{frame.lineno}"


def allocation_sites(before, after, count: int, top: int) -> list[dict]:
    """The lines that allocated the most, per process, largest first, with their callers.

    The caller tells apart the uses of a helper (which module a `_module` call
    built) and names the class of a "<string>" line (a dataclass's __init__).
    """
    filters = [tracemalloc.Filter(False, tracemalloc.__file__)]
    sizes: dict[tuple, int] = {}
    for st in after.filter_traces(filters).compare_to(before.filter_traces(filters), "traceback"):
        key = tuple(reversed(st.traceback))[:2]       # (allocating line, its caller)
        sizes[key] = sizes.get(key, 0) + st.size_diff
    sites = []
    for key, size in sorted(sizes.items(), key=lambda kv: -kv[1])[:top]:
        line = key[0] if key[0].filename != "<string>" or len(key) < 2 else key[1]
        sites.append({"where": _where(key[0]),
                      "caller": _where(key[1]) if len(key) > 1 else "",
                      "code": linecache.getline(line.filename, line.lineno).strip(),
                      "bytes_per_proc": round(size / count)})
    return sites


def memory(count: int, kind: str, top: int = 8) -> dict:
    """tracemalloc bytes per idle process of `kind` ("clone" or "exec"), and where they go."""
    if kind not in ("clone", "exec"):
        raise ValueError(kind)
    k = new_kernel()
    k.fs.write_file("/bin/idle", IDLE_PROGRAM, mode=0o755)
    out: dict = {}

    def init(rt) -> int:
        os_ = rt.os
        r, _w = os_.pipe()

        def clone_child(crt) -> int:
            crt.os.read(r, 1)
            return 0

        def spawn() -> None:
            if kind == "clone":
                rt.clone(clone_child)
            else:
                os_.posix_spawn("/bin/idle", ["idle"], {},
                                file_actions=[(os_.POSIX_SPAWN_DUP2, r, 0)])

        spawn()                      # one first: compiles /bin/idle, fills caches
        os_.sched_yield()
        gc.collect()
        tracemalloc.start(2)
        try:
            before = tracemalloc.take_snapshot()
            base = tracemalloc.get_traced_memory()[0]
            for _ in range(count):
                spawn()
            os_.sched_yield()
            gc.collect()
            out["traced"] = tracemalloc.get_traced_memory()[0] - base
            after = tracemalloc.take_snapshot()
        finally:
            tracemalloc.stop()
        blocked = sum(1 for p in k.procs if p.state.value == "BLOCKED")
        if blocked != count + 1:
            raise RuntimeError(f"{blocked} processes blocked, expected {count + 1}")
        out["sites"] = allocation_sites(before, after, count, top)
        return 0

    run_init(k, init)
    return result(kind=kind, count=count, bytes_per_proc=out["traced"] / count,
                  sites=out["sites"])
