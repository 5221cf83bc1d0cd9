"""The comparison corpus: every program in tests/pycompare/programs gives, in
vshell, the same stdout, stderr and exit status as under the host's python3,
byte for byte, with stdout into a file, into a pipe, and together with stderr
(2>&1), run as `python NAME.py` and as ./NAME.py.  tests/pycompare/record.py recorded the host's side (CI needs no
host python3 run); here the same shell script runs on a booted machine (seed,
virtual time) and the results are read back from its file system.

A program that differs today is marked xfail(strict=True) with the reason: when
a fix makes it pass, the strict mark turns it into a failure that says to
remove the mark.  DELIBERATE lists the differences that stay by design."""
from __future__ import annotations

import difflib
import importlib.util
import json
import os

import pytest

from kernel import MemoryConsole
from vshell.system import Options, boot, make_machine

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("pycompare_record",
                                               os.path.join(HERE, "pycompare", "record.py"))
record = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(record)
EXPECTED = json.load(open(record.EXPECTED))["programs"]
STUDENT = 1000

# A program starts with SIGINT and SIGPIPE at their default actions in vshell,
# like a C program of the chapter; CPython installs a KeyboardInterrupt handler
# and ignores SIGPIPE.  These programs show it, and must keep differing.
DELIBERATE = {
    # the shell reports a command killed by a signal ("Terminated") on its own stderr,
    # as bash does; dash applies a command's redirections in the shell itself before
    # forking, so its message lands in the command's 2> file.  vshell redirects in
    # the child, between fork and exec, as the chapter teaches.
    "sig_die_self": "the shell's 'Terminated' goes to its own stderr (bash's; dash's goes to 2>)",
    "sig_abort": "the shell's 'Aborted' goes to its own stderr (bash's; dash's goes to 2>)",
    "sig_alarm_default": "the shell's 'Alarm clock' goes to its own stderr (bash's; dash's: 2>)",
    # fork by replay rebuilds the child's memory by running the program again:
    # addresses differ (id(), default reprs, and so the order of a set of objects
    # hashed by identity), and the record of what a process read is bounded
    "object_ids_fork": "fork by replay: id() of an object differs in the child",
    "fork_set_of_files": "fork by replay: a set of objects hashed by id iterates in another "
                         "order in the child, whose replay then diverges",
    "fork_after_big_read": "fork by replay: fork fails with ENOMEM after 8 MiB read since exec",
    # vshell's executable format is Python behind a #! line, as Linux's is ELF: no
    # interpreter in a script's own command line
    "proc_self": "#! script's /proc/self/cmdline lacks the interpreter",
    "sig_deliberate": "deliberate: SIGINT and SIGPIPE start at SIG_DFL in vshell",
    "sig_deliberate_epipe": "deliberate: SIGPIPE starts at SIG_DFL (death, not BrokenPipeError)",
    "sig_deliberate_sigint": "deliberate: SIGINT starts at SIG_DFL (death, not KeyboardInterrupt)",
}

# Differences today, one reason each: remove a line when its fix lands.
XFAIL: dict[str, str] = {}


# Differences that come and go from run to run (a race with the host's timer):
# not strict, so remove the line by hand once the cause is fixed.
FLAKY: dict[str, str] = {}

# Programs whose warnings reach the host's warnings machinery today (see XFAIL).
HOST_WARNINGS = {"exc_warnings"}


def read_file(k, path: str) -> bytes | None:
    node = k.fs.root
    for part in path.strip("/").split("/"):
        node = node.lookup(part) if node.is_dir else None
        if node is None:
            return None
    return bytes(node.data)


def run_in_vshell(name: str) -> dict:
    source = open(os.path.join(record.PROGRAMS, name + ".py")).read()
    console = MemoryConsole()
    opts = Options(seed=1, virtual_time=True)
    k = make_machine(opts, console)
    fs = k.fs
    fs.mkdirs(record.ROOT + "/out", 0o755, STUDENT, STUDENT)
    fs.write_file(f"{record.ROOT}/{name}.py", record.SHEBANG + source, 0o755, STUDENT, STUDENT)
    for f in record.support_files():
        fs.write_file(f"{record.ROOT}/{f}", open(os.path.join(record.PROGRAMS, f)).read(),
                      0o644, STUDENT, STUDENT)
    stdin = record.stdin_of(source)
    if stdin is not None:
        fs.write_file(f"{record.ROOT}/{name}.in", stdin, 0o644, STUDENT, STUDENT)
    # the host's dash starts in ROOT (the recorder's cwd); vshell's login shell at home
    script = f"cd {record.ROOT}; " + record.script_for(name, source)
    status = boot(k, opts, ["sh", "-c", script, "sh"],
                  env_extra={"LANG": record.ENV["LANG"]})
    results = record.read_results(lambda path: read_file(k, path))
    results["shell"] = {"out": console.stdout, "err": console.stderr, "status": str(status)}
    if k.panics:
        results["panics"] = k.panics
    return results


def cases() -> list:
    params = []
    for name in sorted(EXPECTED):
        marks = []
        reason = DELIBERATE.get(name) or XFAIL.get(name)
        if reason:
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        if name in FLAKY:
            marks.append(pytest.mark.xfail(strict=False, reason=FLAKY[name]))
        if name in HOST_WARNINGS:
            marks.append(pytest.mark.filterwarnings("ignore"))
        params.append(pytest.param(name, marks=marks, id=name))
    return params


def test_corpus_is_recorded():
    """Every program has a recording of its current text (re-run record.py after an edit)."""
    for name in record.program_names():
        source = open(os.path.join(record.PROGRAMS, name + ".py")).read()
        assert EXPECTED.get(name, {}).get("sha") == record.digest(source), \
            f"{name}: run tests/pycompare/record.py {name}"
    assert not (set(DELIBERATE) | set(XFAIL) | set(FLAKY)) - set(EXPECTED)


def differences(got: dict, want: dict) -> str:
    """A unified diff of every stream that differs, host (-) against vshell (+)."""
    lines = []
    for mode in (*record.MODES, "shell"):
        for stream, expected in want[mode].items():
            actual = got[mode].get(stream)
            if actual == expected:
                continue
            lines.append(f"{mode} {stream}:")
            if actual is None or expected is None:
                lines.append(f"  python3: {expected!r}\n  vshell:  {actual!r}")
                continue
            diff = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        "python3", "vshell", n=1)
            lines.extend("  " + repr(d)[1:-1] for d in list(diff)[2:])
    for panic in got.get("panics", []):
        lines.append("kernel panic:\n" + panic)
    return "\n".join(lines)


@pytest.mark.parametrize("name", cases())
def test_same_as_python3(name):
    want = {k: v for k, v in EXPECTED[name].items() if k != "sha"}
    diff = differences(run_in_vshell(name), want)
    assert not diff, f"{name} differs from python3:\n{diff}"
