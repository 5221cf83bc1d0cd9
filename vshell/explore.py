"""vshell --explore N CMD: run a command under N schedules and show every outcome.

"fork is nondeterministic" made visible, and a grader's race detector.  Each
run is a fresh machine with its own seed, and a seed decides every choice a
real machine leaves to chance: who runs first after each fork, and where in
its slice the parent is cut off (kernel.after_fork), the lottery's draws.  So
N seeds are N schedules, each one reproducible: the report gives, for every
distinct outcome (stdout, stderr, exit status), how often it came and the
command line that shows it again.

Runs are separate vshell processes (a runaway in one cannot touch another,
and they use every core), with virtual time so that sleeps cost nothing and
a seed fixes the timing too.
"""
from __future__ import annotations

import os
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

Outcome = tuple[str, str, int]          # stdout, stderr, status


def run_argv(a: SimpleNamespace, command: str, seed: int) -> list[str]:
    """The vshell command line of one run: the explorer's own options, this seed."""
    argv = ["--seed", str(seed), "--virtual-time"]
    for name, default in (("user", "student"), ("policy", "rr"), ("quantum", 10),
                          ("fork_first", "random")):
        if getattr(a, name) != default:
            argv += ["--" + name.replace("_", "-"), str(getattr(a, name))]
    for spec in a.mount:
        argv += ["--mount", spec]
    if a.fs_size is not None:
        argv += ["--fs-size", str(a.fs_size)]
    for name in ("max_ticks", "max_time", "max_output", "max_events", "max_virtual_time",
                 "max_fs_bytes"):
        value = getattr(a, name)
        if value is not None:
            argv += ["--" + name.replace("_", "-"), f"{value:g}" if isinstance(value, float) else str(value)]
    argv += [f"-{o}" for o in a.options]
    return argv + ["-c", command]


def explore(a: SimpleNamespace, command: str, stdin: bytes) -> int:
    """Run command under a.explore seeds (from a.seed, or 1); print the outcomes.
    Exit status 0 if every run gave the same outcome, 1 if they differ."""
    first = a.seed if a.seed is not None else 1
    seeds = range(first, first + a.explore)
    vshell = [sys.executable, "-m", "vshell"]

    def one(seed: int) -> Outcome:
        r = subprocess.run(vshell + run_argv(a, command, seed), input=stdin, capture_output=True)
        return (r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace"),
                r.returncode)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = list(pool.map(one, seeds))
    outcomes: dict[Outcome, list[int]] = {}
    for seed, outcome in zip(seeds, results):
        outcomes.setdefault(outcome, []).append(seed)
    sys.stdout.write(report(a, command, outcomes, len(results), bool(stdin)))
    return 0 if len(outcomes) == 1 else 1


def report(a: SimpleNamespace, command: str, outcomes: dict[Outcome, list[int]], runs: int,
           stdin: bool = False) -> str:
    ranked = sorted(outcomes.items(), key=lambda item: (-len(item[1]), item[1][0]))
    plural = "outcome" if len(ranked) == 1 else "distinct outcomes"
    lines = [f"explore: {runs} runs of {shlex.quote(command)}: {len(ranked)} {plural}"]
    for n, ((out, err, status), seeds) in enumerate(ranked, 1):
        again = shlex.join(["vshell"] + run_argv(a, command, seeds[0]))
        if stdin:
            again += "   (with the same standard input)"
        lines += ["", f"outcome {n}: {len(seeds)} of {runs} runs ({100 * len(seeds) / runs:.0f}%), "
                      f"status {status}, seeds {shown(seeds)}",
                  f"  again: {again}"]
        lines += [f"  stdout| {line}" for line in out.splitlines()] or ["  stdout| (nothing)"]
        lines += [f"  stderr| {line}" for line in err.splitlines()]
    return "\n".join(lines) + "\n"


def shown(seeds: list[int]) -> str:
    """The first few seeds: enough to reproduce, not a wall of numbers."""
    text = " ".join(map(str, seeds[:8]))
    return text + (f" ... ({len(seeds) - 8} more)" if len(seeds) > 8 else "")
