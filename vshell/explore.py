"""vshell --explore N CMD: run a command under N schedules and show every outcome.

"fork is nondeterministic" made visible, and a grader's race detector.  Each
run is a fresh machine with its own seed, and a seed decides every choice a
real machine leaves to chance: who runs first after each fork, and where in
its slice the parent is cut off (kernel.after_fork), the lottery's draws.  So
N seeds are N schedules, each one reproducible: the report gives, for every
distinct outcome (stdout, stderr, exit status), how often it came and the
command line that shows it again.

From the command line (`vshell --explore N`) runs are separate vshell
processes (a runaway in one cannot touch another, and they use every core),
with virtual time so that sleeps cost nothing and a seed fixes the timing too.
At the prompt (the `explore` builtin, b_explore) the shell cannot start host
processes, so each run is a fresh machine made inside this one, as a
hypervisor makes a guest: booted with the seed and virtual time, given a copy
of the current directory's files, run, and thrown away.  The same seed gives
the same outcome both ways.
"""
from __future__ import annotations

from functools import partial
import os
import shlex
import sys
from types import SimpleNamespace

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell

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
    argv += a.options
    return argv + ["-c", command]


def explore(a: SimpleNamespace, command: str, stdin: bytes) -> int:
    """Run command under a.explore seeds (from a.seed, or 1); print the outcomes.
    Exit status 0 if every run gave the same outcome, 1 if they differ."""
    import subprocess                          # (the host's: only vshell --explore needs it)
    from concurrent.futures import ThreadPoolExecutor
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


def report(a: SimpleNamespace | None, command: str, outcomes: dict[Outcome, list[int]], runs: int,
           stdin: bool = False) -> str:
    """Each distinct outcome, the commonest first, with the line that repeats it:
    a vshell command line, or (a None, at the prompt) an explore of one seed."""
    ranked = sorted(outcomes.items(), key=lambda item: (-len(item[1]), item[1][0]))
    plural = "outcome" if len(ranked) == 1 else "distinct outcomes"
    lines = [f"explore: {runs} run{'s' if runs != 1 else ''} of {shlex.quote(command)}: "
             f"{len(ranked)} {plural}"]
    for n, ((out, err, status), seeds) in enumerate(ranked, 1):
        again = shlex.join(["vshell"] + run_argv(a, command, seeds[0])) if a is not None else \
            f"explore -n 1 -s {seeds[0]} {command}"
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


# ---- at the prompt: the explore builtin ------------------------------------------------

RUNS = 20                   # explore's runs unless -n says
TICKS = 20_000              # a guest's CPU ticks (~2 s of computing): a runaway gives the
                            # prompt back
HORIZON = 600.0             # a guest's virtual seconds, as a scripted --virtual-time run's
COPIED = 16 << 20           # bytes of the current directory a guest gets, at most
USAGE = "explore: usage: explore [-n RUNS] [-s SEED] COMMAND [ARG]..."


def b_explore(sh: Shell, args: list[str]) -> int:
    """explore [-n RUNS] [-s SEED] COMMAND [ARG]...: COMMAND in RUNS fresh machines,
    seeds SEED (default 1) on; each distinct outcome with its count and seeds.
    Status 0 if every run agreed, 1 if they differ, 2 for a bad command line."""
    from .common import CommandError
    runs, first, words = options(args[1:])
    if words is None:
        raise CommandError(USAGE, 2)
    command = shlex.join(words)
    files = current_files(sh)
    stdin = read_stdin(sh)
    uid, cwd = sh.os.getuid(), sh.os.getcwd()
    outcomes: dict[Outcome, list[int]] = {}
    for seed in range(first, first + runs):
        outcome = guest(command, seed, uid, cwd, files, stdin)
        outcomes.setdefault(outcome, []).append(seed)
        sh.os.sched_yield()             # a Ctrl-C typed meanwhile reaches the shell here
    sh.say(1, report(None, command, outcomes, runs, bool(stdin)))
    return 0 if len(outcomes) == 1 else 1


def options(words: list[str]) -> tuple[int, int, list[str] | None]:
    """-n RUNS and -s SEED (also -nRUNS), up to the command's first word."""
    runs, first = RUNS, 1
    while words and words[0].startswith("-") and words[0] != "-":
        flag, words = words[0], words[1:]
        if flag == "--":
            break
        if flag[:2] not in ("-n", "-s"):
            return runs, first, None
        value = flag[2:]
        if not value:
            if not words:
                return runs, first, None
            value, words = words[0], words[1:]
        if not value.isdigit() or (flag[:2] == "-n" and int(value) < 1):
            return runs, first, None
        if flag[:2] == "-n":
            runs = int(value)
        else:
            first = int(value)
    return runs, first, words or None


def current_files(sh: Shell) -> dict[str, tuple[bytes, int]]:
    """The regular files of the current directory that the user may read: name ->
    (contents, mode) -- a guest's copy of the program and its neighbours."""
    import stat
    os_ = sh.os
    files: dict[str, tuple[bytes, int]] = {}
    left = COPIED
    try:
        names = sorted(os_.listdir("."))
    except OSError:
        return files
    for name in names:
        try:
            st = os_.stat(name)
            if not stat.S_ISREG(st.st_mode) or st.st_size > left:
                continue
            fd = os_.open(name, os_.O_RDONLY)
        except OSError:
            continue
        try:
            data = b"".join(iter(partial(os_.read, fd, 65536), b""))
        except OSError:
            continue
        finally:
            os_.close(fd)
        files[name] = (data, stat.S_IMODE(st.st_mode))
        left -= len(data)
    return files


def read_stdin(sh: Shell) -> bytes:
    """What every run reads on its standard input: the builtin's, unless a terminal."""
    os_ = sh.os
    if os_.isatty(0):
        return b""
    try:
        return b"".join(iter(lambda: os_.read(0, 65536), b""))
    except OSError:
        return b""


def guest(command: str, seed: int, uid: int, cwd: str, files: dict[str, tuple[bytes, int]],
          stdin: bytes) -> Outcome:
    """One run of command in a fresh machine: (stdout, stderr, status), as
    `vshell --seed SEED --virtual-time -c COMMAND` gives them."""
    import contextlib
    import io
    from kernel import MemoryConsole
    from kernel.users import ACCOUNTS
    from .system import Options, boot, make_machine
    user = next((a for a in ACCOUNTS if a.uid == uid), ACCOUNTS[0])
    opts = Options(seed=seed, virtual_time=True, user=user.name,
                   limits={"ticks": TICKS, "virtual_seconds": HORIZON})
    console = MemoryConsole(stdin)
    k = make_machine(opts, console)
    try:
        k.fs.mkdirs(cwd)
        for name, (data, mode) in files.items():
            k.fs.write_file(cwd.rstrip("/") + "/" + name, data, mode, user.uid, user.gid)
        line = command if cwd == user.home else f"cd {shlex.quote(cwd)} && {command}"
    except OSError:
        line = command                  # (a directory the guest cannot have: run from home)
    verdict = io.StringIO()             # boot says a limit or a deadlock on the host's stderr
    with contextlib.redirect_stderr(verdict):
        status = boot(k, opts, ["sh", "-c", line, "vshell"])
    return console.stdout, console.stderr + verdict.getvalue(), status
