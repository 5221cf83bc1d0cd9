"""A grader's batch: 50 submissions through the vshell command, as an autograder runs them.

    .venv/bin/python bench/bench_grading.py            # 50 submissions, ~30 s on 2 cores
    .venv/bin/python bench/bench_grading.py --quick    # 12 submissions

Each submission is a small fork/wait/pipe program of the Process API chapter --
correct ones, and the usual bugs (no wait, output before the fork in a pipe
buffer, a racy print) -- plus two runaways: a busy loop that only --max-ticks
stops, and a fork bomb of sleepers that fills the process table and sleeps
for ever (virtual time would run it flat out: --max-ticks stops it too).  Every
submission is one `vshell` process, as a grader would start it:

    vshell --seed 1 --virtual-time --max-ticks 20000 --max-time 60 --max-output 64K
           --mount SUB:/home/student/prog.py --trace-file T -c 'python3 prog.py'

run on as many workers as the host has cores.  Reported: seconds per submission
(the batch's wall time over its size: what a grader waits for, and the CPU
time it took, which a loaded host does not change), each run's wall and CPU
time, and memory per run (the peak RSS of its vshell process: VmHWM, read
every 5 ms while it runs), for the ordinary runs and the runaways apart.  The batch is
also written to bench/results/grading.json.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
VSHELL = os.path.join(os.path.dirname(sys.executable), "vshell")
LIMITS = ["--virtual-time", "--max-ticks", "20000", "--max-time", "60", "--max-output", "64K"]

CORRECT = """\
import os
pid = os.fork()
if pid == 0:
    print("child {n}", os.getpid())
else:
    os.waitpid(pid, 0)
    print("parent {n} of", pid)
"""
NO_WAIT = """\
import os
if os.fork() == 0:
    print("child {n}")
else:
    print("parent {n}")
"""
PIPE = """\
import os
r, w = os.pipe()
if os.fork() == 0:
    os.close(r)
    os.write(w, b"hello {n} through a pipe\\n")
    os._exit(0)
os.close(w)
print(os.read(r, 100).decode(), end="")
os.wait()
"""
BUFFERED = """\
import os
print("before the fork {n}")
if os.fork() == 0:
    print("child")
else:
    os.wait()
    print("parent")
"""
EXEC = """\
import os
if os.fork() == 0:
    os.execvp("wc", ["wc", "-l", "/home/student/p1.py"])
os.wait()
print("done {n}")
"""
TEMPLATES = [CORRECT, NO_WAIT, PIPE, BUFFERED, EXEC]
RUNAWAYS = {
    "busy_loop": "n = 0\nwhile True:\n    n += 1\n",
    "sleeping_fork_bomb": "import os, time\nwhile True:\n    try:\n        os.fork()\n"
                          "    except OSError:\n        pass\n    time.sleep(1)\n",
}


def submissions(count: int) -> dict[str, str]:
    """count programs: the templates in turn, and the two runaways."""
    subs = {f"sub{n:02d}.py": TEMPLATES[n % len(TEMPLATES)].format(n=n) for n in range(count - 2)}
    subs.update({f"{name}.py": src for name, src in RUNAWAYS.items()})
    return subs


def run_one(folder: str, name: str) -> dict:
    """One submission through vshell: its status, wall time and peak RSS."""
    sub = os.path.join(folder, name)
    trace = sub + ".jsonl"
    argv = [VSHELL, "--seed", "1", *LIMITS, "--mount", f"{sub}:/home/student/prog.py",
            "--trace-file", trace, "-c", "python3 prog.py"]
    with open(sub + ".out", "wb") as out, open(sub + ".err", "wb") as err:
        start = time.perf_counter()
        p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        peak = 0
        while True:
            peak = max(peak, high_water(p.pid))
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.005)
        seconds = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)      # (reaped here, for its rusage)
    with open(trace, "rb") as f:
        summary = json.loads(f.read().splitlines()[-1])
    return {"name": name, "status": p.returncode, "end": summary["end"], "seconds": seconds,
            "cpu": usage.ru_utime + usage.ru_stime, "rss_kb": peak, "trace_lines": summary["events"] + 2}


def high_water(pid: int) -> int:
    """The process's peak RSS so far, in KB (VmHWM).  Not wait4's ru_maxrss: that
    counts the forking parent's pages too, which the child had until its exec."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="12 submissions instead of 50")
    args = ap.parse_args()
    count = 12 if args.quick else 50
    workers = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        for name, src in submissions(count).items():
            with open(os.path.join(folder, name), "w") as f:
                f.write(src)
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            runs = list(pool.map(lambda name: run_one(folder, name), sorted(submissions(count))))
        wall = time.perf_counter() - start
    report(runs, wall, workers)


def report(runs: list[dict], wall: float, workers: int) -> None:
    ordinary = [r for r in runs if r["name"][:-3] not in RUNAWAYS]
    runaways = [r for r in runs if r["name"][:-3] in RUNAWAYS]
    cpu = sum(r["cpu"] for r in runs)
    print(f"{len(runs)} submissions on {workers} workers: {wall:.1f} s, "
          f"{wall / len(runs):.3f} s per submission ({cpu / len(runs):.3f} CPU s each)")
    for label, group in (("ordinary", ordinary), ("runaway", runaways)):
        secs = [r["seconds"] for r in group]
        rss = [r["rss_kb"] / 1024 for r in group]
        cpus = [r["cpu"] for r in group]
        print(f"  {label:9} {len(group):3} runs: wall {statistics.median(secs):.3f} s median, "
              f"{max(secs):.3f} s max; CPU {statistics.median(cpus):.3f} s median; memory {statistics.median(rss):.1f} MB median, "
              f"{max(rss):.1f} MB max")
    for r in runaways:
        print(f"  {r['name']}: status {r['status']} ({r['end']}), {r['seconds']:.2f} s, "
              f"{r['rss_kb'] / 1024:.1f} MB, {r['trace_lines']} trace lines")
    ends = {}
    for r in ordinary:
        ends[r["status"]] = ends.get(r["status"], 0) + 1
    print(f"  ordinary statuses: {dict(sorted(ends.items()))}")
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "grading.json"), "w") as f:
        json.dump({"wall": wall, "workers": workers, "runs": runs}, f, indent=1)


if __name__ == "__main__":
    main()
