"""Programs on a big file: throughput of cat and wc pipelines, vshell vs GNU coreutils.

The file -- `big`, text lines of words (1 to 16 words from 256 pseudo-words of 1
to 12 letters, from a fixed seed), exactly MB x 10^6 bytes (100 MB in a full run, 10 MB with
--quick), generated once per run in the run's scratch directory, alone in its
own directory.  Before timing, each worker reads the file once, so it is in
the host's page cache for both sides.

The command lines (COMMANDS), the same text on both sides, run with the file's
directory as the working directory:
    cat big | wc -l
    wc big
    cat big | cat | cat | wc -c

vshell -- a machine as the vshell command boots it, as the tests make it (seed 1,
          virtual time: Options(seed=1, virtual_time=True, mounts=[...])), with the
          directory mounted read-only at /mnt; `/bin/sh -c LINE` as the student with cwd /mnt, by
          k.run_program.  The programs are vshell's own (programs/cat.py,
          programs/wc.py: Python, 64 KiB reads, through the kernel's pipes).  A
          warm-up line (`cat /dev/null | wc -l > /dev/null`) runs first, untimed,
          so cat and wc are compiled once; the timed part is run_program: the
          shell, the forks, the execs, the copying and counting.
vshell_rt -- information: the same in real-time mode (no seed, no virtual time; as
          `vshell --mount DIR:/mnt`), one sample.  Virtual time does not change
          what these lines do, nor (measured) their throughput; real-time mode adds
          the timer's preemptions.
gnu    -- the real thing, in the same run: `dash -c LINE` in the directory, with
          GNU coreutils from the host's PATH, under the host's locale, timed around
          the whole dash process; best of `runs` runs in one worker (a run takes
          well under a second, and with two CPUs a pipeline's time varies a lot).

Figure: MB/s = file size (10^6 bytes) / seconds.  Correctness: the vshell worker
also runs the line under dash (untimed) and compares the two outputs byte for
byte (same_as_gnu).  Goal: vshell at least 50% of GNU's throughput (ratio >= 0.5).
"""
from __future__ import annotations

import os
import random
import subprocess
import time

from common import DASH, MemoryConsole, new_machine, result, run_shell, scratch_dir

COMMANDS = {
    "cat_wc_l": "cat big | wc -l",
    "wc": "wc big",
    "cat3_wc_c": "cat big | cat | cat | wc -c",
}
WARMUP = "cat /dev/null | wc -l > /dev/null"
MB = 1_000_000


# ---- the file ---------------------------------------------------------------------------------

def _block(rnd: random.Random, vocab: list[str], approx_bytes: int) -> bytes:
    """About `approx_bytes` of text: lines of 1 to 16 words (random bytes pick them)."""
    k = approx_bytes // 7
    words = [vocab[b] for b in rnd.randbytes(k)]
    lengths = [1 + (b & 15) for b in rnd.randbytes(k)]
    lines, i, j = [], 0, 0
    while i < k:
        lines.append(" ".join(words[i:i + lengths[j]]))
        i += lengths[j]
        j += 1
    return ("\n".join(lines) + "\n").encode()


def big_file(mb: int) -> tuple[str, str]:
    """(directory, path) of the run's `mb` MB text file; generated on first use."""
    d = os.path.join(scratch_dir(), f"text-{mb}MB")
    path = os.path.join(d, "big")
    if os.path.exists(path):
        return d, path
    os.makedirs(d, exist_ok=True)
    rnd = random.Random(2026)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = ["".join(rnd.choices(letters, k=rnd.randint(1, 12))) for _ in range(256)]
    size, left = mb * MB, mb * MB
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        while left > 0:
            block = _block(rnd, vocab, 1 << 20)[:left]
            if len(block) == left:
                block = block[:-1] + b"\n"          # end on a whole line
            f.write(block)
            left -= len(block)
    if os.path.getsize(tmp) != size:
        raise RuntimeError(f"generated {os.path.getsize(tmp)} bytes, wanted {size}")
    os.rename(tmp, path)                            # complete, or not there at all
    return d, path


def prepare(mb: int, **_) -> None:
    """What run.py --profile does before profiling: generate the file."""
    big_file(mb)


def page_cache(path: str) -> None:
    """Read the file once, so that neither side is timed reading the disk."""
    with open(path, "rb", buffering=0) as f:
        while f.read(1 << 20):
            pass


# ---- the two sides ----------------------------------------------------------------------------

def _dash(line: str, cwd: str) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    p = subprocess.run([DASH, "-c", line], cwd=cwd, capture_output=True)
    return time.perf_counter() - t0, p


def vshell(command: str, mb: int, realtime: bool = False) -> dict:
    """vshell's sh, cat and wc on the mounted file; seeded virtual time, or real time."""
    d, path = big_file(mb)
    size = os.path.getsize(path)
    line = COMMANDS[command]
    page_cache(path)
    console = MemoryConsole()
    mode = {} if realtime else {"seed": 1, "virtual_time": True}
    k = new_machine(console, mounts=[f"{d}:/mnt"], **mode)
    status = run_shell(k, WARMUP, cwd="/mnt")
    if status != 0 or console.out or console.err:
        raise RuntimeError(f"warm-up {WARMUP!r}: status {status:#x}, {console.stderr[:500]!r}")
    t0 = time.perf_counter()
    status = run_shell(k, line, cwd="/mnt")
    seconds = time.perf_counter() - t0
    out = b"".join(console.out)
    if status != 0 or console.err:
        raise RuntimeError(f"vshell {line!r}: status {status:#x}, {console.stderr[:500]!r}")
    _, gnu_p = _dash(line, d)
    return result(command=line, realtime=realtime, bytes=size, seconds=seconds,
                  rate=size / MB / seconds, output=out.decode(errors="replace"),
                  gnu_output=gnu_p.stdout.decode(errors="replace"),
                  same_as_gnu=out == gnu_p.stdout)


def gnu(command: str, mb: int, runs: int = 1) -> dict:
    """dash and GNU coreutils on the same file; the best of `runs` runs."""
    d, path = big_file(mb)
    size = os.path.getsize(path)
    line = COMMANDS[command]
    page_cache(path)
    times = []
    for _ in range(runs):
        seconds, p = _dash(line, d)
        if p.returncode != 0 or p.stderr:
            raise RuntimeError(f"dash -c {line!r}: status {p.returncode}, {p.stderr[:500]!r}")
        times.append(seconds)
    seconds = min(times)
    version = subprocess.run(["wc", "--version"], capture_output=True, text=True).stdout
    return result(command=line, bytes=size, seconds=seconds, rate=size / MB / seconds,
                  runs=runs, all=[round(t, 4) for t in times],
                  output=p.stdout.decode(errors="replace"),
                  coreutils=(version.splitlines() or ["?"])[0],
                  locale=os.environ.get("LC_ALL") or os.environ.get("LC_CTYPE")
                  or os.environ.get("LANG") or "")
