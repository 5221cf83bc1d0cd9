#!/usr/bin/env python3
"""Record what OSTEP's own homework tools print, for the tests of vshell's.

    python3 tests/homework/record.py [OSTEP_DIR]    # rewrites tests/homework/reference.json

OSTEP_DIR (default /work/ostep) holds copies of the originals from GitHub's
remzi-arpacidusseau/ostep-homework: process-run.py (cpu-intro), fork.py and
generator.py (cpu-api), scheduler.py (cpu-sched).  They are not part of this
repository.  generator.py is a trimmed copy: its -c, which compiles and runs
C with gcc and real sleeps, prints the action list instead.  Each case runs under the host's python3 in a fresh empty
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
             ["-l", "1,2,a", "-c"], ["-j", "0", "-c"], ["-j", "-2", "-c", "-p", "RR"], ["-j", "0"],
             # jobs no machine runs (none, zero, negative, fractional, NaN, endless): the book's arithmetic
             ["-l", "10,16,0,95,3", "-q", "4", "-c"], ["-l", "3.0,0,7,72", "-p", "SJF", "-c"],
             ["-m", "-3", "-c"], ["-m", "-3", "-p", "RR", "-c"], ["-l", "4,1,10.25", "-p", "SJF", "-c"],
             ["-l", "2.5,1.5", "-p", "RR", "-q", "2", "-c"], ["-j", "0", "-c", "-p", "RR"],
             ["-l", "inf,2", "-c"], ["-l", "nan,2", "-p", "RR", "-c"], ["-l", "-2,-3", "-p", "RR", "-c"],
             ["-l", "0,0", "-p", "RR", "-q", "0", "-c"], ["-j", "70", "-m", "3", "-c", "-p", "SJF"],
             # more turns than /proc/PID/sched keeps
             ["-l", "2100,3,2100", "-p", "RR", "-c"]]
    for seed in range(12):
        for policy in ("FIFO", "SJF", "RR"):
            cases.append(["-s", str(seed), "-p", policy, "-c"])
        cases.append(["-s", str(seed), "-j", "5", "-m", "20", "-p", "RR", "-q", str(seed % 4 + 1), "-c"])
        cases.append(["-s", str(seed), "-j", str(seed % 6 + 1), "-p", "SJF", "-c"])
        cases.append(["-s", str(seed), "-j", "4"])
    return cases


def process_run_cases() -> list[list[str]]:
    cases = [[], ["-l", "5:100"], ["-l", "5:100,5:100"], ["-l", "5:100,5:100", "-c", "-p"],
             ["-l", "4:100,1:0"], ["-l", "4:100,1:0", "-c", "-p"], ["-l", "1:0,4:100", "-c", "-p"],
             ["-l", "1:0,4:100", "-c", "-S", "SWITCH_ON_END", "-p"],
             ["-l", "3:0,5:100,5:100,5:100", "-S", "SWITCH_ON_IO", "-I", "IO_RUN_LATER", "-c", "-p"],
             ["-l", "3:0,5:100,5:100,5:100", "-S", "SWITCH_ON_IO", "-I", "IO_RUN_IMMEDIATE", "-c", "-p"],
             ["-l", "3:0,5:100,5:100,5:100", "-S", "SWITCH_ON_END", "-I", "IO_RUN_IMMEDIATE", "-c", "-p"],
             ["-s", "1", "-l", "3:50,3:50", "-c"], ["-s", "2", "-l", "3:50,3:50", "-c", "-p"],
             ["-s", "3", "-l", "3:50,3:50", "-c", "-p"],
             ["-P", "c3,i,c1:i,c2", "-c", "-p"], ["-P", "c3,i,c1:i,c2"],
             ["-P", "i,i,i:c5", "-c", "-p", "-L", "2"], ["-P", "i:i:i", "-c", "-p", "-L", "0"],
             ["-l", "3:0,2:100", "-L", "0", "-c", "-p"], ["-l", "0:50,2:100", "-c"],
             ["-l", "2:100,0:50", "-c", "-p"], ["-l", "4:0", "-L", "1", "-c", "-p"],
             ["-l", "3:0,3:0,3:0", "-L", "7", "-c", "-p"],
             ["-P", "x3"], ["-P", "c3,,i"], ["-l", "3"], ["-l", "a:b"], ["-l", "5:100", "-S", "X"],
             ["-l", "5:100", "-I", "X", "-c"], ["-l", "5:100", "-L", "-1"], ["-L", "x"], ["-y"],
             # a process with nothing to do, picked right after an I/O or as one completes: no tick
             ["-l", "2:0,0:50", "-c", "-p", "-L", "2"], ["-l", "3:0,0:50,2:100", "-c", "-p"],
             ["-P", "c1,i,c4:i,i,i:c0:c1,c2", "-L", "0", "-c", "-p"],
             ["-s", "153", "-l", "2:100,3:80.0,0:15,7:0", "-c", "-p"],
             ["-l", "1:0,0:0,1:100,0:0", "-L", "1", "-c", "-p", "-I", "IO_RUN_IMMEDIATE"],
             ["-l", "0:0,2:0,0:0", "-c", "-p", "-S", "SWITCH_ON_END"],
             # the book's asserts and its failures, in its order
             ["-S", "x", "-l", "a"], ["-l", "a", "-L", "-1"], ["-l", "x:1"], ["-l", "1:x"], ["-P", "cx"],
             # more turns on the CPU than /proc/PID/sched keeps
             ["-l", "1030:0", "-L", "0", "-c", "-p"]]
    switches = ("SWITCH_ON_IO", "SWITCH_ON_END")
    dones = ("IO_RUN_LATER", "IO_RUN_IMMEDIATE")
    for seed in range(16):
        sw, done = switches[seed % 2], dones[seed // 2 % 2]
        n = seed % 3 + 2
        spec = ",".join("%d:%d" % (seed % 5 + 2 + i, (seed * 37 + i * 29) % 101) for i in range(n))
        cases.append(["-s", str(seed), "-l", spec, "-S", sw, "-I", done, "-L", str(seed % 6), "-c", "-p"])
        cases.append(["-s", str(seed), "-l", spec])
        cases.append(["-s", str(seed), "-l", "6:50,6:50,6:50", "-c", "-p", "-I", done, "-S", sw])
    return cases


def fork_cases() -> list[list[str]]:
    cases = [["-A", "a+b,b+c,c+d,b-,a+e,e+f,d-", "-c"], ["-A", "a+b,b+c,c+d,b-,a+e,e+f,d-", "-c", "-R"],
             ["-A", "a+b,b+c,c+d,b-", "-c", "-L"], ["-A", "a+b,b+c,c+d,c-,b-", "-c", "-L", "-R"],
             ["-A", "a+b,b+c,a-", "-c"], ["-A", "a+b,x+c", "-c"], ["-A", "a+b,b-c", "-c"],
             ["-A", "a+b+c"], ["-A", "a+b,,a+c"], ["-A", "ab", "-c"], ["-A", "a+b,b-,a+b,b+c", "-c"],
             ["-A", "a+b,b+c", "-t"], ["-A", "a+b,b+c", "-t", "-F"], ["-A", "a+b,b+c", "-F"],
             ["-P", "bogus", "-c"], ["-f", "0"], ["-f", "x"], ["-a", "x"], ["-Q"],
             ["-s", "7", "-a", "4", "-P", "basic", "-c", "-t"],
             # names the book's model takes as they come: empty, twice, after an exit
             ["-A", "a+,a+b", "-c"], ["-A", "a+b,a+b", "-c"], ["-A", "a+b,b+c,a+b,c-", "-c"],
             ["-A", "a+b,b+c,a+b,b-", "-c", "-P", "line1"], ["-A", "a+b,b+c,c+d,a+c,c-", "-c", "-P", "basic"],
             ["-A", "a+b,b-,a+b", "-c", "-L"], ["-A", "a+b,b-,b+c", "-c"],
             # more processes than a student may have (64): the rest is the model's
             ["-s", "1", "-a", "100", "-f", "0.9", "-c", "-F"]]
    styles = ("fancy", "basic", "line1", "line2")
    for seed in range(24):
        flags = ["-s", str(seed), "-a", str(seed % 9 + 3), "-P", styles[seed % 4]]
        if seed % 3 == 0:
            flags.append("-c")
        if seed % 4 == 1:
            flags.append("-t")
        if seed % 5 == 2:
            flags.append("-F")
        if seed % 6 in (1, 4):
            flags.append("-L")
        if seed % 7 in (2, 3, 5):
            flags.append("-R")
        if seed % 8 == 6:
            flags += ["-f", "0.4"]
        cases.append(flags)
        cases.append(["-s", str(seed), "-c", "-a", "12"] + (["-R"] if seed % 2 else ["-L"]))
    return cases


def generator_cases() -> list[list[str]]:
    cases = [["-A", "fork b,10 {} wait"], ["-A", "fork b,1 { fork c,2 {} wait } wait"],
             ["-A", "fork b , 3 {} fork c,4{}wait wait"], ["-A", "fork b,1 {} "],
             ["-A", "fork b,1 {} wait wait"], ["-A", "fork b {} wait"], ["-A", "fork b,1 wait"],
             ["-A", "wait }"], ["-A", "fork b,1 { wait"], ["-A", "spoon"], ["-A", "fork"],
             ["-A", "fork b,1 {} wait", "-c"], ["-s", "2", "-n", "4", "-c"],
             ["-S", "0"], ["-f", "0"], ["-w", "100"], ["-e", "0"], ["-f", "50", "-w", "40", "-e", "30"],
             ["-n", "x"], ["-Z"], ["-s", "1", "-n", "200", "-f", "60", "-w", "20", "-e", "20"],
             # the book's runnable program stops at a wait with no child left; -A cut short; help
             ["-A", "fork b,1 {} wait wait fork c,1 {}"], ["-A", "fork b,1 { wait fork c,1 {} }"],
             ["-A", "fork b,1"], ["-h"]]
    for seed in range(20):
        cases.append(["-s", str(seed)])
        cases.append(["-s", str(seed), "-n", str(seed % 7 + 3), "-S", str(seed % 4 + 1),
                      "-f", str(20 + seed % 5 * 10), "-w", "40", "-e", str(40 - seed % 5 * 10)])
    return cases


TOOLS = {"scheduler.py": scheduler_cases, "process-run.py": process_run_cases, "fork.py": fork_cases,
         "generator.py": generator_cases}


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
