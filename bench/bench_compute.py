"""Computation: what the preemption points cost a program that only computes.

compute.vshell_seed -- `loop.py STEPS` (`total += i * i` STEPS times, as the cpu.py
                       demo does) on a seeded machine, real time: the loader has
                       compiled a tick into the loop (kernel/ticks.py), which is
                       what makes its preemption reproducible.  Timed around
                       k.run_program, after an untimed run that compiles it.
compute.vshell      -- the same on an unseeded machine: no ticks in loops, the
                       host timer preempts (every 10 ms).
compute.host        -- the same loop under the host's python3 (`python3 loop.py
                       STEPS`, timed around the subprocess, minus `python3 -c pass`).

Reported: each as seconds and as a ratio to the host.  Information, no goal: the
README states the cost.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from kernel import Kernel, MemoryConsole

LOOP = """#!/usr/bin/env python3
import sys
total = 0
for i in range(int(sys.argv[1])):
    total += i * i
print(total)
"""


def vshell(steps: int, seed: int | None = None) -> dict:
    k = Kernel(seed=seed, console=MemoryConsole())
    k.fs.write_file("/bin/loop.py", LOOP, mode=0o755)
    k.run_program(["/bin/loop.py", "10"])
    t = time.perf_counter()
    status = k.run_program(["/bin/loop.py", str(steps)])
    seconds = time.perf_counter() - t
    if status != 0:
        raise RuntimeError(f"loop.py ended with wait status {status:#x}")
    return {"seconds": seconds, "rate": steps / seconds, "steps": steps}


def host(steps: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "loop.py")
        with open(path, "w") as f:
            f.write(LOOP)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}

        def timed(*args: str) -> float:
            t = time.perf_counter()
            subprocess.run([sys.executable, *args], check=True, env=env, stdout=subprocess.DEVNULL)
            return time.perf_counter() - t
        seconds = timed(path, str(steps)) - min(timed("-c", "pass") for _ in range(3))
    return {"seconds": seconds, "rate": steps / seconds, "steps": steps}
