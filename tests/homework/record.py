#!/usr/bin/env python3
"""Record what OSTEP's own homework tools print, for the tests of vshell's.

    python3 tests/homework/record.py [OSTEP_DIR]    # rewrites tests/homework/reference.json

OSTEP_DIR (default /work/ostep) holds copies of the originals from GitHub's
remzi-arpacidusseau/ostep-homework: process-run.py (cpu-intro), fork.py and
generator.py (cpu-api), scheduler.py (cpu-sched).  They are not part of this
repository.  Each case runs under the host's python3 in a fresh empty
directory; stdout, stderr and the exit status are recorded.  CI never runs
this: tests/test_homework.py compares vshell's tools against the JSON.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def scheduler_cases() -> list[list[str]]:
    cases = [[], ["-c"], ["-l", "10,20,30", "-c"], ["-l", "10,20,30", "-p", "RR", "-q", "1", "-c"],
             ["-l", "10,20,30", "-p", "SJF", "-c"], ["-l", "30,20,10", "-p", "SJF", "-c"],
             ["-l", "30,20,10", "-p", "FIFO", "-c"], ["-l", "5,5,5", "-p", "RR", "-q", "2", "-c"],
             ["-l", "200,100", "-p", "RR", "-q", "30", "-c"], ["-l", "7", "-c"],
             ["-l", "3,1,2", "-p", "RR", "-q", "5", "-c"], ["-p", "LOTTERY", "-c"],
             ["-p", "LOTTERY"], ["-l", "10,20"], ["-j", "x"], ["-q"], ["-z"],
             ["-l", "1,2,a", "-c"]]
    for seed in range(12):
        for policy in ("FIFO", "SJF", "RR"):
            cases.append(["-s", str(seed), "-p", policy, "-c"])
        cases.append(["-s", str(seed), "-j", "5", "-m", "20", "-p", "RR", "-q", str(seed % 4 + 1), "-c"])
        cases.append(["-s", str(seed), "-j", str(seed % 6 + 1), "-p", "SJF", "-c"])
        cases.append(["-s", str(seed), "-j", "4"])
    return cases


TOOLS = {"scheduler.py": scheduler_cases}


def record(ostep: str) -> dict:
    out: dict[str, list[dict]] = {}
    for tool, cases in TOOLS.items():
        out[tool] = []
        for args in cases():
            with tempfile.TemporaryDirectory() as tmp:
                r = subprocess.run([sys.executable, os.path.join(ostep, tool)] + args, cwd=tmp,
                                   capture_output=True, text=True,
                                   env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"})
            out[tool].append({"args": args, "stdout": r.stdout, "stderr": r.stderr,
                              "status": r.returncode})
    return out


def main() -> None:
    ostep = sys.argv[1] if len(sys.argv) > 1 else "/work/ostep"
    with open(os.path.join(HERE, "reference.json"), "w") as f:
        json.dump(record(ostep), f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
