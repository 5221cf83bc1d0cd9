"""The trap: what a system call that does no work costs, against the host's.

trap.vshell -- `getpids.py N` (N x os.getpid() in a loop) run by k.run_program
               on a seeded machine with virtual time, as the tests run it (so
               the loop has its compiled-in ticks, and every call is recorded
               for fork by replay).  The same program with N = 0 is timed too,
               and the difference divided by N is the cost of one call and one
               loop step: start-up, exec and exit are taken off.  Each is the
               best of `runs`, after an untimed run that compiles the program.
trap.host   -- the same file under the host's python3, timed the same way
               (N and 0, best of `runs`, interpreter start-up taken off).

Goal (issue 16): vshell's cost per call at most 3x the host's.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from common import check_status, new_kernel, result

GETPIDS = '''#!/usr/bin/python3
"""getpids N: N calls of os.getpid(), the cheapest system call."""
import os
import sys

getpid = os.getpid
for _ in range(int(sys.argv[1])):
    getpid()
'''


def _per_call(timed, calls: int, runs: int) -> tuple[float, float, float]:
    """(seconds per call, best seconds with calls, best seconds with 0 calls)."""
    timed(10)                                       # compile, warm the caches
    full = min(timed(calls) for _ in range(runs))
    empty = min(timed(0) for _ in range(runs))
    return (full - empty) / calls, full, empty


def vshell(calls: int, runs: int = 3) -> dict:
    k = new_kernel()
    k.fs.write_file("/bin/getpids", GETPIDS, mode=0o755)

    def timed(n: int) -> float:
        t = time.perf_counter()
        status = k.run_program(["/bin/getpids", str(n)])
        seconds = time.perf_counter() - t
        check_status(status, "getpids")
        return seconds

    per_call, full, empty = _per_call(timed, calls, runs)
    return result(calls=calls, seconds=full, empty_seconds=empty, us_per_call=per_call * 1e6,
                  rate=1 / per_call)


def host(calls: int, runs: int = 3) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "getpids.py")
        with open(path, "w") as f:
            f.write(GETPIDS)

        def timed(n: int) -> float:
            t = time.perf_counter()
            subprocess.run([sys.executable, path, str(n)], check=True, env=env)
            return time.perf_counter() - t

        per_call, full, empty = _per_call(timed, calls, runs)
    return result(calls=calls, seconds=full, empty_seconds=empty, us_per_call=per_call * 1e6,
                  rate=1 / per_call)
