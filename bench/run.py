"""Run the benchmarks (kernel, shell, programs), compare each with the real thing, print a table.

    .venv/bin/python bench/run.py            # full run, a few minutes on 2 cores
    .venv/bin/python bench/run.py --quick    # smaller counts, one sample each, ~15 s
    .venv/bin/python bench/run.py --only fork,switch
    .venv/bin/python bench/run.py --profile switch.vshell    # cProfile one case, in-process

What each case measures is written at the top of bench_fork.py, bench_switch.py,
bench_idle.py (the kernel), bench_shell.py (the shell, start-up) and
bench_programs.py (cat and wc on a big file).  Every sample runs in a fresh host Python process (a worker:
this file with --worker), so that one case's heap, garbage and caches do not
weigh on the next and RSS differences mean something.  A case that is repeated
keeps its best sample (highest rate): on a shared machine, noise only ever
makes things slower.  Results, with every sample and some facts about the host,
go to bench/results/latest.json (partial.json with --only; both git-ignored).
"""
from __future__ import annotations

import argparse
import datetime
import importlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "results")


class Case:
    """One measurement: a worker function, its arguments and repeats for full and quick runs."""

    def __init__(self, name: str, func: str, full: dict, quick: dict, repeat: tuple[int, int]):
        self.name, self.func, self.full, self.quick, self.repeat = name, func, full, quick, repeat

    def params(self, quick: bool) -> dict:
        return self.quick if quick else self.full

    def repeats(self, quick: bool) -> int:
        return self.repeat[1] if quick else self.repeat[0]


CASES = [
    # 0. the trap: a system call that does no work
    Case("trap.vshell", "bench_trap.vshell", {"calls": 300_000}, {"calls": 50_000}, (3, 1)),
    Case("trap.host", "bench_trap.host", {"calls": 3_000_000}, {"calls": 500_000}, (3, 1)),
    # 1. fork + exec + exit + wait
    Case("fork.native", "bench_fork.native", {"cycles": 10_000}, {"cycles": 3_000}, (3, 1)),
    Case("fork.replay", "bench_fork.replay", {"cycles": 3_000}, {"cycles": 1_000}, (3, 1)),
    Case("fork.replay_slope", "bench_fork.replay_slope", {"cycles": 300, "calls": 2_000},
         {"cycles": 100, "calls": 2_000}, (3, 1)),
    Case("fork.dash", "bench_fork.dash", {"cycles": 10_000}, {"cycles": 2_000}, (2, 1)),
    # 2. context switches between two processes
    Case("switch.vshell", "bench_switch.vshell", {"round_trips": 50_000, "live": 3},
         {"round_trips": 20_000, "live": 3}, (3, 1)),
    Case("switch.host", "bench_switch.host", {"round_trips": 100_000, "live": 3},
         {"round_trips": 20_000, "live": 3}, (3, 1)),
    Case("switch.host_2cpu", "bench_switch.host",
         {"round_trips": 20_000, "live": 3, "pinned": False},
         {"round_trips": 5_000, "live": 3, "pinned": False}, (1, 1)),
    # 3. switch cost with 10 and with 10,000 live processes; memory per idle process
    Case("idle.vshell_10", "bench_idle.switch_cost", {"round_trips": 50_000, "live": 10},
         {"round_trips": 20_000, "live": 10}, (3, 1)),
    Case("idle.vshell_10000", "bench_idle.switch_cost", {"round_trips": 50_000, "live": 10_000},
         {"round_trips": 20_000, "live": 10_000}, (3, 1)),
    Case("idle.nogc_10", "bench_idle.switch_cost",
         {"round_trips": 50_000, "live": 10, "gc_off": True},
         {"round_trips": 20_000, "live": 10, "gc_off": True}, (2, 1)),
    Case("idle.nogc_10000", "bench_idle.switch_cost",
         {"round_trips": 50_000, "live": 10_000, "gc_off": True},
         {"round_trips": 20_000, "live": 10_000, "gc_off": True}, (2, 1)),
    Case("idle.host_10", "bench_idle.host_switch_cost", {"round_trips": 100_000, "live": 10},
         {"round_trips": 20_000, "live": 10}, (3, 1)),
    Case("idle.host_10000", "bench_idle.host_switch_cost", {"round_trips": 100_000, "live": 10_000},
         {"round_trips": 20_000, "live": 1_000}, (1, 1)),
    Case("idle.memory_clone", "bench_idle.memory", {"count": 2_000, "kind": "clone"},
         {"count": 500, "kind": "clone"}, (1, 1)),
    Case("idle.memory_exec", "bench_idle.memory", {"count": 2_000, "kind": "exec"},
         {"count": 500, "kind": "exec"}, (1, 1)),
    # 4. the shell: a script of N lines of /bin/true
    Case("lines.vshell", "bench_shell.lines_vshell", {"lines": 10_000}, {"lines": 1_000}, (3, 1)),
    Case("lines.dash", "bench_shell.lines_dash", {"lines": 10_000}, {"lines": 1_000}, (2, 1)),
    Case("lines.cli", "bench_shell.lines_cli", {"lines": 10_000}, {"lines": 1_000}, (1, 1)),
    Case("lines.cli_seed", "bench_shell.lines_cli", {"lines": 10_000, "seed": 1},
         {"lines": 1_000, "seed": 1}, (1, 1)),
    # 5. start-up
    Case("startup.vshell", "bench_shell.startup", {"which": "vshell", "runs": 30},
         {"which": "vshell", "runs": 3}, (1, 1)),
    Case("startup.python", "bench_shell.startup", {"which": "python", "runs": 30},
         {"which": "python", "runs": 3}, (1, 1)),
    Case("startup.prompt", "bench_shell.prompt", {"runs": 5}, {"runs": 2}, (1, 1)),
    Case("startup.importtime", "bench_shell.importtime", {}, {}, (1, 1)),
    # 7. computation: the cost of the preemption points compiled into loops
    Case("compute.vshell_seed", "bench_compute.vshell", {"steps": 5_000_000, "seed": 1},
         {"steps": 1_000_000, "seed": 1}, (3, 1)),
    Case("compute.vshell", "bench_compute.vshell", {"steps": 5_000_000},
         {"steps": 1_000_000}, (3, 1)),
    Case("compute.host", "bench_compute.host", {"steps": 5_000_000},
         {"steps": 1_000_000}, (3, 1)),
]
# 6. programs: cat and wc on a big file, vshell vs GNU coreutils
PROGRAM_LINES = ("cat_wc_l", "wc", "cat3_wc_c")        # keys of bench_programs.COMMANDS
for _key in PROGRAM_LINES:
    CASES += [
        Case(f"programs.{_key}.vshell", "bench_programs.vshell", {"command": _key, "mb": 100},
             {"command": _key, "mb": 10}, (3, 1)),
        Case(f"programs.{_key}.vshell_rt", "bench_programs.vshell",
             {"command": _key, "mb": 100, "realtime": True},
             {"command": _key, "mb": 10, "realtime": True}, (1, 1)),
        Case(f"programs.{_key}.gnu", "bench_programs.gnu", {"command": _key, "mb": 100, "runs": 5},
             {"command": _key, "mb": 10, "runs": 3}, (1, 1)),
    ]

GOAL_TRAP_VS_HOST = 3.0            # a getpid at most 3x the host's (issue 16)
GOAL_FORK_VS_DASH = 20.0
GOAL_SWITCHES_VS_HOST = 1.0        # as many switches/s as the host's python3 on one CPU
GOAL_IDLE_RATIO = 1.5
GOAL_LINES_VS_DASH = 15.0
GOAL_STARTUP_RATIO = 1.5           # vshell -c true / python -c pass
GOAL_PROMPT_SECONDS = 0.300
GOAL_PROGRAMS_RATIO = {"cat_wc_l": 0.5, "wc": 0.5, "cat3_wc_c": 1.0}    # of GNU's throughput

# The run's scratch directory, shared by its workers (common.SCRATCH_ENV).
SCRATCH_ENV = "VSHELL_BENCH_SCRATCH"


# ---- running cases ----------------------------------------------------------------------

def call(func: str, params: dict) -> dict:
    module, _, name = func.rpartition(".")
    sys.path.insert(0, HERE)
    return getattr(importlib.import_module(module), name)(**params)


def worker(func: str, params: dict) -> None:
    """--worker: run one sample, print it as one JSON line, leave without tearing down.

    os._exit skips the clean-up of thousands of paused process contexts, which
    would only cost time and is not part of any measurement.
    """
    sample = call(func, params)
    sys.stdout.write(json.dumps(sample) + "\n")
    sys.stdout.flush()
    os._exit(0)


def sample(case: Case, params: dict) -> dict:
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", case.func,
           "--params", json.dumps(params)]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        tail = "\n".join(p.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"worker for {case.name} failed (status {p.returncode}):\n{tail}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def run_case(case: Case, quick: bool, repeat: int | None = None) -> dict:
    params = case.params(quick)
    samples, error = [], None
    t0 = time.perf_counter()
    repeats = repeat or case.repeats(quick)
    for i in range(repeats):
        if sys.stderr.isatty():
            print(f"  {case.name:<26} sample {i + 1}/{repeats} ...", end="\r",
                  file=sys.stderr, flush=True)
        try:
            samples.append(sample(case, params))
        except RuntimeError as e:
            error = str(e)
            break
    took = time.perf_counter() - t0
    print(f"  {case.name:<26} {len(samples)} sample(s) in {took:5.1f} s{' ERROR' if error else ''}"
          + " " * 10, file=sys.stderr, flush=True)
    best = max(samples, key=lambda s: s.get("rate", 0)) if samples else None
    out = {"params": params, "samples": samples, "best": best, "seconds": round(took, 2)}
    if error:
        out["error"] = error
        print(error, file=sys.stderr)
    return out


# ---- summary and table --------------------------------------------------------------------

def best(results: dict, name: str) -> dict | None:
    r = results.get(name)
    return r["best"] if r else None


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def summarize(results: dict) -> dict:
    def val(name: str, key: str):
        b = best(results, name)
        return b.get(key) if b else None

    dash = val("fork.dash", "rate")
    s: dict = {
        "trap_us": val("trap.vshell", "us_per_call"),
        "host_getpid_us": val("trap.host", "us_per_call"),
        "trap_vs_host": ratio(val("trap.vshell", "us_per_call"), val("trap.host", "us_per_call")),
        "replay_us_per_earlier_call": val("fork.replay_slope", "us_per_call"),
        "fork_native_per_s": val("fork.native", "rate"),
        "fork_replay_net_per_s": val("fork.replay", "rate"),
        "fork_replay_gross_per_s": val("fork.replay", "gross_rate"),
        "dash_per_s": dash,
        "fork_native_vs_dash": ratio(val("fork.native", "rate"), dash),
        "fork_replay_net_vs_dash": ratio(val("fork.replay", "rate"), dash),
        "fork_replay_gross_vs_dash": ratio(val("fork.replay", "gross_rate"), dash),
        "switches_per_s": val("switch.vshell", "rate"),
        "host_switches_per_s": val("switch.host", "rate"),
        "switches_vs_host": ratio(val("switch.vshell", "rate"), val("switch.host", "rate")),
        "us_per_switch_10": val("idle.vshell_10", "us_per_switch"),
        "us_per_switch_10000": val("idle.vshell_10000", "us_per_switch"),
        "idle_cost_ratio": ratio(val("idle.vshell_10000", "us_per_switch"),
                                 val("idle.vshell_10", "us_per_switch")),
        "idle_cost_ratio_gc_off": ratio(val("idle.nogc_10000", "us_per_switch"),
                                        val("idle.nogc_10", "us_per_switch")),
        "host_idle_cost_ratio": ratio(val("idle.host_10000", "us_per_switch"),
                                      val("idle.host_10", "us_per_switch")),
        "idle_rss_bytes_per_proc": val("idle.vshell_10000", "rss_per_idle"),
        "idle_traced_bytes_per_proc_clone": val("idle.memory_clone", "bytes_per_proc"),
        "idle_traced_bytes_per_proc_exec": val("idle.memory_exec", "bytes_per_proc"),
        "host_idle_bytes_per_proc": val("idle.host_10000", "mem_per_idle"),
        "host_idle_pss_bytes_per_proc": val("idle.host_10000", "pss_per_idle"),
    }
    lines = val("lines.dash", "rate")
    s.update({
        "lines_vshell_per_s": val("lines.vshell", "rate"),
        "lines_dash_per_s": lines,
        "lines_vshell_vs_dash": ratio(val("lines.vshell", "rate"), lines),
        "lines_cli_per_s": val("lines.cli", "rate"),
        "lines_cli_vs_dash": ratio(val("lines.cli", "rate"), lines),
        "lines_cli_seed_per_s": val("lines.cli_seed", "rate"),
        "lines_cli_seed_vs_dash": ratio(val("lines.cli_seed", "rate"), lines),
        "machine_boot_seconds": val("lines.vshell", "boot_seconds"),
        "startup_vshell_seconds": val("startup.vshell", "seconds"),
        "startup_python_seconds": val("startup.python", "seconds"),
        "startup_vshell_vs_python": ratio(val("startup.vshell", "seconds"),
                                          val("startup.python", "seconds")),
        "prompt_seconds": val("startup.prompt", "seconds"),
    })
    programs = {}
    for key in PROGRAM_LINES:
        v, g = best(results, f"programs.{key}.vshell"), best(results, f"programs.{key}.gnu")
        if v or g:
            rt = best(results, f"programs.{key}.vshell_rt")
            programs[key] = {"command": (v or g)["command"],
                             "vshell_mb_per_s": v and v["rate"], "gnu_mb_per_s": g and g["rate"],
                             "vshell_realtime_mb_per_s": rt and rt["rate"],
                             "vshell_realtime_vs_gnu": ratio(rt and rt["rate"], g and g["rate"]),
                             "vshell_vs_gnu": ratio(v and v["rate"], g and g["rate"]),
                             "same_as_gnu": v and v["same_as_gnu"]}
    s["programs"] = programs

    goals = {}
    if s["trap_vs_host"] is not None:
        goals["trap_at_most_3x_host"] = s["trap_vs_host"] <= GOAL_TRAP_VS_HOST
    if s["replay_us_per_earlier_call"] is not None and s["trap_us"] is not None:
        goals["replay_slope_at_most_trap"] = s["replay_us_per_earlier_call"] <= s["trap_us"]
    if s["lines_vshell_vs_dash"] is not None:
        goals["lines_vshell_15x_dash"] = s["lines_vshell_vs_dash"] >= GOAL_LINES_VS_DASH
    if s["lines_cli_vs_dash"] is not None:
        goals["lines_cli_15x_dash"] = s["lines_cli_vs_dash"] >= GOAL_LINES_VS_DASH
    if s["startup_vshell_vs_python"] is not None:
        goals["startup_at_most_1_5x_python"] = s["startup_vshell_vs_python"] <= GOAL_STARTUP_RATIO
    if s["prompt_seconds"] is not None:
        goals["prompt_within_300_ms"] = s["prompt_seconds"] <= GOAL_PROMPT_SECONDS
    for key, p in programs.items():
        if p["vshell_vs_gnu"] is not None:
            goals[f"programs_{key}_vs_gnu"] = (p["vshell_vs_gnu"] >= GOAL_PROGRAMS_RATIO[key]
                                               and bool(p["same_as_gnu"]))
    if s["fork_native_vs_dash"] is not None:
        goals["fork_native_at_least_20x_dash"] = s["fork_native_vs_dash"] >= GOAL_FORK_VS_DASH
    if s["switches_vs_host"] is not None:
        goals["switches_at_least_host"] = s["switches_vs_host"] >= GOAL_SWITCHES_VS_HOST
    if s["idle_cost_ratio"] is not None:
        goals["idle_10000_vs_10_at_most_1_5"] = s["idle_cost_ratio"] <= GOAL_IDLE_RATIO
    s["goals"] = goals
    return s


def fmt(x: float | None, spec: str = ",.0f", suffix: str = "") -> str:
    return "-" if x is None else f"{x:{spec}}{suffix}"


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("met" if ok else "NOT MET")


def kb(x: float | None) -> str:
    return fmt(None if x is None else x / 1024, ",.1f", " KB")


def table(results: dict, s: dict, meta: dict) -> str:
    """The compact report: one section per requirement of the issue (those that ran)."""
    g = s["goals"]
    rows: list[str] = []
    add = rows.append
    W = 46

    def line(label: str, *cols: str, goal: str | None = None) -> None:
        if goal is None:
            *nums, goal = cols if len(cols) == 3 else (*cols, "")
        else:
            nums = list(cols)
        add((f"  {label:<{W}}" + "".join(f"{c:>13}" for c in nums) + f"   {goal}").rstrip())

    def header(title: str, *cols: str) -> None:
        add("")
        add(f"{title:<{W + 2}}" + "".join(f"{c:>13}" for c in cols) + "   goal")

    def ran(prefix: str) -> bool:
        return any(n.startswith(prefix) for n in results)

    add(f"vshell benchmarks -- {meta['mode']} run, best of the samples; "
        f"{meta['cpus']} CPUs, CPython {meta['python']}, {meta['kernel']}")
    if ran("trap."):
        header("0. the trap: os.getpid() in a Python program's loop", "us/call", "vs host")
        line("vshell (seed, virtual time; fork record kept)", fmt(s["trap_us"], ".3f"),
             fmt(s["trap_vs_host"], ".2f", "x"),
             f"<= {GOAL_TRAP_VS_HOST:.0f}x " + verdict(g.get("trap_at_most_3x_host")))
        line("host python3", fmt(s["host_getpid_us"], ".3f"),
             "1.00x" if s["host_getpid_us"] else "-")
    if ran("fork."):
        header("1. fork + exec /bin/true + exit + wait", "cycles/s", "vs dash")
        line("vshell native clone", fmt(s["fork_native_per_s"]),
             fmt(s["fork_native_vs_dash"], ".2f", "x"),
             f">= {GOAL_FORK_VS_DASH:.0f}x " + verdict(g.get("fork_native_at_least_20x_dash")))
        calls = val(results, "fork.replay", "syscalls_before_fork")
        line(f"vshell replay fork after {fmt(calls)} calls (net)",
             fmt(s["fork_replay_net_per_s"]), fmt(s["fork_replay_net_vs_dash"], ".2f", "x"))
        line("  whole loop: + 10 calls + self-exec (gross)", fmt(s["fork_replay_gross_per_s"]),
             fmt(s["fork_replay_gross_vs_dash"], ".2f", "x"))
        if s["replay_us_per_earlier_call"] is not None:
            line("replay fork: us more per earlier system call",
                 fmt(s["replay_us_per_earlier_call"], ".3f"), "",
                 "<= the trap " + verdict(g.get("replay_slope_at_most_trap")))
        line(f"host dash loop, {fmt(val(results, 'fork.dash', 'cycles'))} x /bin/true",
             fmt(s["dash_per_s"]), "1.00x" if s["dash_per_s"] else "-")
    if ran("switch."):
        header("2. context switches, 2 processes, 2 pipes", "switches/s", "vs host")
        line("vshell (3 live processes)", fmt(s["switches_per_s"]),
             fmt(s["switches_vs_host"], ".2f", "x"),
             f">= {GOAL_SWITCHES_VS_HOST:.0f}x " + verdict(g.get("switches_at_least_host")))
        line("host python3, same program, 1 CPU", fmt(s["host_switches_per_s"]),
             "1.00x" if s["host_switches_per_s"] else "-")
        line("host python3, 2 CPUs (cross-CPU wakeups; info)",
             fmt(val(results, "switch.host_2cpu", "rate")))
    if ran("idle.vshell") or ran("idle.host"):
        header("3. switch cost vs live processes", "us/switch", "GC in window")
        pairs = (("idle.vshell_10", "idle.vshell_10000", "vshell", "idle blocked"),
                 ("idle.host_10", "idle.host_10000", "host", "idle dash"))
        for few, many, who, what in pairs:
            bs = [best(results, few), best(results, many)]
            for b in bs:
                if b:
                    line(f"{who}, {b['live']:,} live ({b['idle']:,} {what})",
                         fmt(b["us_per_switch"], ".2f"),
                         fmt(b["gc_seconds"], ".3f", " s") if "gc_seconds" in b else "")
            if all(bs):
                label = f"  ratio ({bs[1]['live']:,} live / {bs[0]['live']:,} live)"
                if who == "vshell":
                    line(label, fmt(s["idle_cost_ratio"], ".2f"), "",
                         f"<= {GOAL_IDLE_RATIO} " + verdict(g.get("idle_10000_vs_10_at_most_1_5")))
                    if s["idle_cost_ratio_gc_off"] is not None:
                        line("  same ratio with the GC off in the window (info)",
                             fmt(s["idle_cost_ratio_gc_off"], ".2f"))
                else:
                    line(label, fmt(s["host_idle_cost_ratio"], ".2f"))
    if ran("idle."):
        add("")
        add("   memory per idle process")
        line("vshell clone, RSS growth (10,000-process run)", kb(s["idle_rss_bytes_per_proc"]))
        line("vshell clone, tracemalloc", kb(s["idle_traced_bytes_per_proc_clone"]))
        line("vshell exec'd Python program, tracemalloc", kb(s["idle_traced_bytes_per_proc_exec"]))
        line("host idle dash, Pss + page tables", kb(s["host_idle_pss_bytes_per_proc"]))
        line("host idle dash, MemAvailable drop (noisy)", kb(s["host_idle_bytes_per_proc"]))
        mem = best(results, "idle.memory_clone")
        if mem:
            add("   where an idle clone's memory goes (tracemalloc, bytes per process):")
            for site in mem["sites"][:6]:
                add(f"     {site['bytes_per_proc']:>6,}  {site['where']:<27} "
                    f"<- {site['caller']:<27} {site['code'][:40]}")
    if ran("lines."):
        n = val(results, "lines.vshell", "lines") or val(results, "lines.dash", "lines")
        header(f"4. shell: a script of {fmt(n)} lines of /bin/true", "lines/s", "vs dash")
        line("vshell sh -c (in-process, seed, virtual time)",
             fmt(s["lines_vshell_per_s"]), fmt(s["lines_vshell_vs_dash"], ".2f", "x"),
             f">= {GOAL_LINES_VS_DASH:.0f}x {verdict(g.get('lines_vshell_15x_dash'))}")
        line("host dash script.sh (real /bin/true)", fmt(s["lines_dash_per_s"]),
             "1.00x" if s["lines_dash_per_s"] else "-")
        line("vshell script.sh: the command, with start-up",
             fmt(s["lines_cli_per_s"]) if s["lines_cli_per_s"] else
             ("FAILED" if results.get("lines.cli", {}).get("error") else "-"),
             fmt(s["lines_cli_vs_dash"], ".2f", "x"),
             f">= {GOAL_LINES_VS_DASH:.0f}x {verdict(g.get('lines_cli_15x_dash'))}")
        line("vshell --seed 1 script.sh: the same, seeded", fmt(s["lines_cli_seed_per_s"]),
             fmt(s["lines_cli_seed_vs_dash"], ".2f", "x"), "info")
        line("  booting the machine (make_machine; info)",
             fmt(None if s["machine_boot_seconds"] is None else s["machine_boot_seconds"] * 1000,
                 ".1f", " ms"))
    if ran("startup."):
        header("5. start-up", "best", "vs python")
        ms = lambda x: fmt(None if x is None else x * 1000, ".1f", " ms")   # noqa: E731
        runs = val(results, "startup.vshell", "runs") or val(results, "startup.python", "runs")
        line(f"vshell -c true (best of {fmt(runs)})", ms(s["startup_vshell_seconds"]),
             fmt(s["startup_vshell_vs_python"], ".2f", "x"),
             f"<= {GOAL_STARTUP_RATIO}x " + verdict(g.get("startup_at_most_1_5x_python")))
        line(f"python -c pass (best of {fmt(runs)})", ms(s["startup_python_seconds"]),
             "1.00x" if s["startup_python_seconds"] else "-")
        line(f"first interactive prompt, pexpect (best of "
             f"{fmt(val(results, 'startup.prompt', 'runs'))})", ms(s["prompt_seconds"]), "",
             f"<= {GOAL_PROMPT_SECONDS * 1000:.0f} ms " + verdict(g.get("prompt_within_300_ms")))
        imp = best(results, "startup.importtime")
        if imp:
            add(f"   python -X importtime -m vshell -c true: {imp['modules']} modules, "
                f"{imp['total_ms']:.1f} ms of imports; the 10 costliest (cumulative):")
            add(f"     {'cumul. ms':>9} {'self ms':>8}  module (indented by nesting)")
            for m in imp["top_cumulative"]:
                add(f"     {m['cumulative_ms']:>9.1f} {m['self_ms']:>8.1f}  "
                    f"{'  ' * m['depth']}{m['module']}")
    if s["programs"]:
        mb = (val(results, f"programs.{next(iter(s['programs']))}.vshell", "bytes")
              or val(results, f"programs.{next(iter(s['programs']))}.gnu", "bytes"))
        header(f"6. programs on a {fmt(None if mb is None else mb / 1e6)} MB file",
               "vshell MB/s", "GNU MB/s", "vs GNU")
        for key, p in s["programs"].items():
            same = p["same_as_gnu"]
            check = "" if same is None else ("output = GNU's; " if same else "OUTPUT DIFFERS; ")
            line(p["command"], fmt(p["vshell_mb_per_s"], ",.1f"), fmt(p["gnu_mb_per_s"], ",.1f"),
                 fmt(p["vshell_vs_gnu"], ".2f", "x"),
                 goal=check + f">= {GOAL_PROGRAMS_RATIO[key]}x "
                 + verdict(g.get(f"programs_{key}_vs_gnu")))
        add("   the same in vshell's real-time mode (no seed; info):")
        for key, p in s["programs"].items():
            failed = results.get(f"programs.{key}.vshell_rt", {}).get("error")
            line("  " + p["command"], "FAILED" if failed else fmt(p["vshell_realtime_mb_per_s"], ",.1f"),
                 "", fmt(p["vshell_realtime_vs_gnu"], ".2f", "x"), goal="")
        gb = best(results, f"programs.{PROGRAM_LINES[0]}.gnu")
        if gb:
            add(f"   GNU side: {gb['coreutils']}, locale {gb['locale'] or 'C'}, under dash; "
                "vshell side: seed 1, virtual time, mount read-only at /mnt")
    if ran("compute."):
        steps = val(results, "compute.host", "steps")
        header("7. a loop that only computes (cpu.py's)", "seconds", "vs host")
        host = val(results, "compute.host", "seconds")
        for name, label in (("compute.vshell_seed", "vshell --seed (ticks in the loop)"),
                            ("compute.vshell", "vshell, no seed (the host timer)"),
                            ("compute.host", "host python3 (start-up taken off)")):
            secs = val(results, name, "seconds")
            line(label, fmt(secs, ".3f", " s"), fmt(ratio(secs, host), ".2f", "x"), "info")
    errors = [n for n, r in results.items() if r.get("error")]
    if errors:
        add("")
        add("  FAILED: " + ", ".join(errors) + " (see stderr above)")
    return "\n".join(rows)


def spread(results: dict) -> str:
    """Every case with two samples or more: its rates, worst, median and best, and the
    ratio goals taken sample by sample (the i-th of one case with the i-th of the
    other, as they ran about the same minute), worst and best."""
    rows = []
    for name, r in results.items():
        rates = sorted(x["rate"] for x in r["samples"] if x.get("rate"))
        if len(rates) >= 2:
            med = rates[len(rates) // 2]
            rows.append(f"  {name:<30}{rates[0]:>14,.1f}{med:>14,.1f}{rates[-1]:>14,.1f}"
                        f"{(rates[-1] - rates[0]) / med:>10.0%}")
    if not rows:
        return ""
    out = ["", f"spread of the samples (rates){'':<16}{'worst':>14}{'median':>14}{'best':>14}"
           f"{'range':>10}", *rows]
    pairs = [("trap: host / vshell call", "trap.host", "trap.vshell"),
             ("fork native / dash", "fork.native", "fork.dash"),
             ("switches vshell / host", "switch.vshell", "switch.host"),
             ("lines vshell / dash", "lines.vshell", "lines.dash"),
             ("lines vshell script.sh / dash", "lines.cli", "lines.dash")]
    pairs += [(f"{key} vshell / GNU", f"programs.{key}.vshell", f"programs.{key}.gnu")
              for key in PROGRAM_LINES]
    for label, a, b in pairs:
        if a in results and b in results:
            xs, ys = results[a]["samples"], results[b]["samples"]
            rs = sorted(x["rate"] / y["rate"] for x, y in zip(xs, ys) if x.get("rate") and y.get("rate"))
            if len(rs) >= 2:
                out.append(f"  ratio {label:<24}{rs[0]:>13.2f}x{rs[len(rs) // 2]:>13.2f}x"
                           f"{rs[-1]:>13.2f}x")
    return "\n".join(out)


def val(results: dict, name: str, key: str):
    b = best(results, name)
    return b.get(key) if b else None


def host_meta(quick: bool) -> dict:
    def git_rev() -> str:
        try:
            return subprocess.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"],
                                  capture_output=True, text=True).stdout.strip()
        except OSError:
            return "?"

    def git_dirty() -> list[str]:
        """Uncommitted changes the figures include (others edit kernel/ and vshell/)."""
        try:
            out = subprocess.run(["git", "-C", HERE, "status", "--porcelain", "--", "..",
                                  ":!bench"], capture_output=True, text=True).stdout
        except OSError:
            return []
        return [ln[3:] for ln in out.splitlines()]
    return {"mode": "quick" if quick else "full",
            "date": datetime.datetime.now().isoformat(timespec="seconds"),
            "git": git_rev(), "git_dirty": git_dirty(), "python": platform.python_version(),
            "kernel": f"{platform.system()} {platform.release()}",
            "cpus": os.cpu_count(), "load_avg": os.getloadavg()}


# ---- profiling ----------------------------------------------------------------------------

def profile(name: str, quick: bool, top: int) -> None:
    """Run one case in this process under cProfile and print where the time goes."""
    import cProfile
    import pstats
    case = next((c for c in CASES if c.name == name), None)
    if case is None:
        sys.exit(f"unknown case {name!r}; cases: {', '.join(c.name for c in CASES)}")
    module = case.func.rpartition(".")[0]
    sys.path.insert(0, HERE)
    prepare = getattr(importlib.import_module(module), "prepare", None)
    if prepare is not None:               # say, generate a big file: not part of the case
        prepare(**case.params(quick))
    prof = cProfile.Profile()
    prof.enable()
    out = call(case.func, case.params(quick))
    prof.disable()
    print(json.dumps({k: v for k, v in out.items() if k != "sites"}))
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


# ---- main ---------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small counts, one sample each (~10 s)")
    ap.add_argument("--only", help="comma-separated case names or name prefixes "
                                   "(fork, switch, idle, idle.vshell, ...)")
    ap.add_argument("--json", help="where to write the results (default: bench/results/"
                                   "latest.json, or partial.json with --only)")
    ap.add_argument("--repeat", type=int, metavar="N",
                    help="N samples of every case (the table then shows their spread)")
    ap.add_argument("--list", action="store_true", help="list the cases and exit")
    ap.add_argument("--profile", metavar="CASE", help="cProfile one case in-process and exit")
    ap.add_argument("--top", type=int, default=30, help="rows of profile to print")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--params", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:
        worker(args.worker, json.loads(args.params or "{}"))
    if args.list:
        for c in CASES:
            print(f"{c.name:<26} {c.func:<28} full {c.full} x{c.repeat[0]}, quick {c.quick}")
        return
    if args.profile:
        profile(args.profile, args.quick, args.top)
        return

    cases = CASES
    if args.only:
        wanted = [w.strip() for w in args.only.split(",") if w.strip()]
        cases = [c for c in CASES if any(c.name.startswith(w) for w in wanted)]
        if not cases:
            sys.exit(f"no case matches {args.only!r}; try --list")

    json_path = args.json or os.path.join(RESULTS, "partial.json" if args.only else "latest.json")
    meta = host_meta(args.quick)
    t0 = time.perf_counter()
    print(f"running {len(cases)} cases ({meta['mode']}) ...", file=sys.stderr)
    scratch = tempfile.mkdtemp(prefix="vshell-bench-")
    os.environ[SCRATCH_ENV] = scratch         # the workers inherit it
    try:
        results = {c.name: run_case(c, args.quick, args.repeat) for c in cases}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    meta["seconds"] = round(time.perf_counter() - t0, 1)
    s = summarize(results)
    print(table(results, s, meta))
    spread_rows = spread(results)
    if spread_rows:
        print(spread_rows)
    print(f"\n  total {meta['seconds']} s; results in {os.path.relpath(json_path)}")
    os.makedirs(os.path.dirname(os.path.abspath(json_path)), exist_ok=True)
    with open(json_path, "w") as f:
        json.dump({"meta": meta, "summary": s, "results": results}, f, indent=2)
        f.write("\n")
    if any(r.get("error") for r in results.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
