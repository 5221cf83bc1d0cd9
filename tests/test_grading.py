"""Scripted runs for graders: verdicts, the run's limits, the trace file, --explore."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

VSHELL = [sys.executable, "-m", "vshell"]


def vshell(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(VSHELL + list(args), input=stdin, capture_output=True, text=True,
                          timeout=120)


def py(src: str) -> str:
    """A shell command running Python source (one line) in the machine."""
    return f"python3 -c '{src}'"


# ---- verdicts ------------------------------------------------------------------------

def test_success_is_the_last_commands_status_and_says_nothing():
    r = vshell("--seed", "1", "--virtual-time", "-c", "echo hi; exit 7")
    assert (r.stdout, r.stderr, r.returncode) == ("hi\n", "", 7)


@pytest.mark.parametrize("sig", [9, 11, 15])
def test_death_by_signal_is_128_plus_n_from_c_and_from_stdin(sig):
    kill = py(f"import os; os.kill(os.getpid(), {sig})")
    assert vshell("--seed", "1", "-c", kill).returncode == 128 + sig
    assert vshell("--seed", "1", stdin=kill + "\n").returncode == 128 + sig


def test_deadlock_has_its_status_and_one_line_naming_it():
    # the reader holds the write end itself: nobody will ever write or close it
    r = vshell("--seed", "1", "--virtual-time", "-c", py("import os; r, w = os.pipe(); os.read(r, 1)"))
    assert r.returncode == 125
    assert r.stderr.startswith("vshell: deadlock: ")


def test_a_kernel_failure_is_an_internal_error_whatever_the_shell_said(capfd):
    from kernel import MemoryConsole
    from vshell.system import Options, boot, make_machine
    opts = Options(seed=1, virtual_time=True)
    k = make_machine(opts, MemoryConsole())

    def broken(k, p):
        raise KeyError("a kernel bug")
    k.syscalls = {**k.syscalls, "getppid": broken}
    status = boot(k, opts, ["sh", "-c", py("import os; os.getppid()") + "; exit 0", "vshell"])
    assert status == 119
    assert capfd.readouterr().err == (
        "vshell: internal error: 1 kernel failure(s), the first: KeyError: 'a kernel bug' "
        "(VSHELL_DEBUG=1 shows the traceback)\n")


def test_max_ticks_stops_a_busy_loop_and_lists_who_was_left():
    r = vshell("--seed", "1", "--virtual-time", "--max-ticks", "2000", "-c",
               py("while True: pass"))
    assert r.returncode == 123
    first, *rest = r.stderr.splitlines()
    assert first == ("vshell: limit: --max-ticks 2000: the processes used 2000 CPU ticks; "
                     "the machine was stopped")
    assert "  pid 2 (python3): RUNNING at <string>:1" in rest


def test_max_time_stops_a_sleeper_in_real_seconds_even_with_virtual_time():
    # processes that only sleep jump virtual time: without a limit this runs forever
    bomb = py("import os, time\nwhile True:\n    time.sleep(1)")
    r = vshell("--seed", "1", "--virtual-time", "--max-virtual-time", "1e9", "--max-time", "0.5",
               "-c", bomb)
    assert r.returncode == 124
    assert r.stderr.startswith("vshell: limit: --max-time 0.5: ")
    assert r.stderr.splitlines()[-1].endswith("at <string>:3")     # in its sleep


def test_a_sleeping_loop_under_virtual_time_stops_at_the_default_horizon():
    # every process asleep: the clock jumps from timer to timer, and without a bound
    # the host would spin for ever (vshell --help: scripted runs stop at 600 s)
    r = vshell("--seed", "1", "--virtual-time", "-c", "while :; do sleep 1; done")
    assert r.returncode == 118
    first, *rest = r.stderr.splitlines()
    assert first == ("vshell: limit: --max-virtual-time 600: the virtual clock reached "
                     "600 seconds with every process asleep; the machine was stopped")
    assert rest[0] == "  pid 1 (init): waiting for a child to exit (pid 2 (sh))"
    assert rest[1].startswith("  pid 2 (sh): waiting for a child to exit (pid ")
    assert rest[1].endswith(" -- sh: waiting for pid " + rest[2].split()[1])
    assert re.fullmatch(r"  pid \d+ \(sleep\): sleeping \(until 600\.\d+ s after boot\) "
                        r"at /bin/sleep:\d+", rest[2])


def test_a_sleeping_fork_bomb_stops_at_the_horizon_listing_every_process():
    bomb = py("import os, time\nwhile True:\n    try:\n        os.fork()\n"
              "    except OSError:\n        pass\n    time.sleep(1)")
    r = vshell("--seed", "1", "--virtual-time", "--max-virtual-time", "30", "-c", bomb)
    assert r.returncode == 118
    first, *rest = r.stderr.splitlines()
    assert first.startswith("vshell: limit: --max-virtual-time 30: the virtual clock reached 30 ")
    sleepers = [line for line in rest if re.fullmatch(
        r"  pid \d+ \(python3\): sleeping \(until 30\.\d+ s after boot\) at <string>:7", line)]
    assert len(sleepers) == 64 == len(rest) - 1          # RLIMIT_NPROC's 64, and init


def test_a_long_sleep_within_the_horizon_ends_as_usual():
    r = vshell("--seed", "1", "--virtual-time", "-c", "sleep 590; echo woke")
    assert (r.stdout, r.stderr, r.returncode) == ("woke\n", "", 0)
    r = vshell("--seed", "1", "--virtual-time", "--max-virtual-time", "1e6", "-c",
               "sleep 5000; echo woke")
    assert (r.stdout, r.returncode) == ("woke\n", 0)


def test_without_virtual_time_there_is_no_horizon():
    r = vshell("--seed", "1", "--max-virtual-time", "0.01", "-c", "sleep 0.05; echo woke")
    assert (r.stdout, r.returncode) == ("woke\n", 0)


def test_max_fs_bytes_stops_a_runaway_writer():
    r = vshell("--seed", "1", "--virtual-time", "--max-fs-bytes", "10K", "-c", "yes > /tmp/f")
    assert r.returncode == 117
    first, *rest = r.stderr.splitlines()
    assert first == ("vshell: limit: --max-fs-bytes 10240: the processes' files would take more "
                     "than 10240 bytes of the disk; the machine was stopped")
    assert rest[-1].startswith("  pid 2 (yes): RUNNING at /bin/yes:")


def test_max_fs_bytes_counts_names_too_and_not_what_the_disk_held_at_boot():
    r = vshell("--seed", "1", "--virtual-time", "--max-fs-bytes", "10K", "-c",
               "i=0; while :; do : > /tmp/f$i; i=$((i+1)); done")
    assert r.returncode == 117
    r = vshell("--seed", "1", "--virtual-time", "--max-fs-bytes", "10K", "-c",
               "head -c 9000 /dev/zero > /tmp/a; wc -c < /tmp/a")
    assert (r.stdout, r.stderr, r.returncode) == ("9000\n", "", 0)


def test_max_time_wakes_a_real_time_sleep():
    r = vshell("--max-time", "0.3", "-c", "sleep 1000")
    assert r.returncode == 124
    assert "pid 2 (sleep): " in r.stderr


def test_max_output_lets_exactly_that_many_bytes_out():
    r = vshell("--seed", "1", "--virtual-time", "--max-output", "100", "-c", "yes")
    assert r.returncode == 122
    assert r.stdout == "y\n" * 50
    assert r.stderr.startswith("vshell: limit: --max-output 100: ")


def test_max_output_counts_stderr_too():
    r = vshell("--seed", "1", "--virtual-time", "--max-output", "1K", "-c", "yes >&2")
    assert r.returncode == 122
    assert r.stderr.startswith("y\n" * 512 + "vshell: limit: --max-output 1024: ")


def test_max_events_bounds_the_kernels_events():
    r = vshell("--seed", "1", "--virtual-time", "--max-events", "500", "-c", "while :; do /bin/true; done")
    assert r.returncode == 121
    assert r.stderr.startswith("vshell: limit: --max-events 500: ")


def test_a_limit_not_reached_changes_nothing():
    r = vshell("--seed", "1", "--virtual-time", "--max-ticks", "100000", "--max-time", "60",
               "--max-output", "1M", "--max-events", "1000000", "-c", "echo ok")
    assert (r.stdout, r.stderr, r.returncode) == ("ok\n", "", 0)


@pytest.mark.parametrize("args, message", [
    (["--max-ticks", "x"], "vshell: --max-ticks: not a positive number: 'x'"),
    (["--max-ticks", "0"], "vshell: --max-ticks: not a positive number: '0'"),
    (["--max-time", "-1"], "vshell: --max-time: not a positive number of seconds: '-1'"),
    (["--max-output", "lots"], "vshell: --max-output: not a size: 'lots'"),
    (["--max-virtual-time", "0"], "vshell: --max-virtual-time: not a positive number of seconds"),
    (["--max-fs-bytes", "1X"], "vshell: --max-fs-bytes: not a size: '1X'"),
])
def test_bad_limits_are_one_line_and_status_2(args, message):
    r = vshell(*args, "-c", "true")
    assert r.returncode == 2
    assert r.stderr.startswith(message)


def test_help_shows_the_verdict_table():
    out = vshell("--help").stdout
    for status in ("117", "118", "119", "121", "122", "123", "124", "125"):
        assert f"\n  {status} " in out


# ---- seeds cover the orders a real machine could produce ---------------------------

HELLO_GOODBYE = """\
import os
if os.fork() == 0:
    print("hello")
else:
    print("goodbye")
"""


def shell_run(command: str, seed: int, files: dict[str, str] | None = None) -> str:
    """stdout of `sh -c command` on a booted machine (the way graders run programs)."""
    from kernel import MemoryConsole
    from vshell.system import Options, boot, make_machine
    opts = Options(seed=seed, virtual_time=True)
    k = make_machine(opts, MemoryConsole())
    for path, text in (files or {}).items():
        k.fs.write_file(path, text, mode=0o755)
    boot(k, opts, ["sh", "-c", command, "vshell"])
    return k.tty.console.stdout


def test_round_robin_seeds_give_both_orders_of_an_unsynchronised_pair():
    # before: the parent's slice ran out at fork in every seed, so hello came first in all
    outs = {shell_run("python3 /tmp/hg.py", s, {"/tmp/hg.py": HELLO_GOODBYE}) for s in range(1, 41)}
    assert outs == {"hello\ngoodbye\n", "goodbye\nhello\n"}


def test_round_robin_seeds_give_both_orders_of_p1():
    outs = {shell_run("./p1.py", s) for s in range(1, 21)}
    assert len(outs) == 2


THREE = """\
import os
if os.fork() == 0:
    print("a", flush=True)
    print("b", flush=True)
else:
    print("X", flush=True)
    os.wait()
"""


def test_seeds_also_cut_a_child_that_runs_first_halfway_through_its_output():
    # before: a child that ran first always had a whole slice, so "a X b" never came
    outs = {shell_run("python3 /tmp/t.py", s, {"/tmp/t.py": THREE}) for s in range(1, 61)}
    assert outs == {"X\na\nb\n", "a\nb\nX\n", "a\nX\nb\n"}


def test_a_seed_still_repeats_its_order():
    for s in range(1, 11):
        cmd = "python3 /tmp/hg.py"
        files = {"/tmp/hg.py": HELLO_GOODBYE}
        assert shell_run(cmd, s, files) == shell_run(cmd, s, files)


# ---- the trace file ----------------------------------------------------------------

import json  # noqa: E402
import os  # noqa: E402

TYPES = {"int": int, "num": (int, float), "str": str, "bool": bool, "list": list, "dict": dict}
BUSY = ("python3 -c 'import os, signal, time\n"
        "for i in range(5000): pass\n"
        "r, w = os.pipe()\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    os.write(w, bytes([104, 105, 255]))\n"
        "    time.sleep(5)\n"
        "os.read(r, 3)\n"
        "os.kill(pid, signal.SIGTERM)\n"
        "os.waitpid(pid, 0)\n"
        "os.stat(\"/nonexistent\")' 2>/dev/null; echo done | cat; ls /tmp; "
        "cat /etc/passwd > /dev/null")


def check(record: dict, fields: dict) -> None:
    """One record against its schema entry: every field known, typed, present unless optional."""
    from vshell.tracefile import data
    assert set(record) - {"kind"} <= set(fields), (record["kind"], set(record) - set(fields))
    for name, kind in fields.items():
        optional = kind.endswith("?")
        if name not in record:
            assert optional, (record["kind"], name)
            continue
        value = record[name]
        if value is None and optional:
            continue
        if kind == "value":
            assert data(value) == value                  # plain JSON data
            continue
        assert isinstance(value, TYPES[kind.rstrip("?")]), (record["kind"], name, value)


def traced(tmp_path, *args: str, name: str = "t.jsonl", env: dict | None = None) -> list[dict]:
    path = tmp_path / name
    subprocess.run(VSHELL + ["--seed", "3", "--virtual-time", "--trace-file", str(path), *args],
                   capture_output=True, timeout=120, env={**os.environ, **(env or {})})
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_every_record_of_a_run_follows_the_documented_schema(tmp_path):
    from vshell.tracefile import PROCESS, SCHEMA
    records = traced(tmp_path, "-c", BUSY)
    assert records[0]["kind"] == "header" and records[-1]["kind"] == "summary"
    seen = set()
    for record in records:
        check(record, SCHEMA[record["kind"]])
        seen.add(record["kind"])
    assert {"SyscallEnter", "SyscallExit", "Fork", "Exec", "Load", "Exit", "Reap", "SignalSent",
            "SignalDelivered", "StateChange", "Switch", "Tick"} <= seen
    fds = {r["fd"]["type"] for r in records if r.get("fd")}
    assert {"pipe", "file", "terminal"} <= fds             # reads and writes say what they touch
    for entry in records[-1]["processes"]:
        check(entry, PROCESS)


@pytest.mark.parametrize("command, end", [
    ("python3 -c 'import os; r, w = os.pipe(); os.read(r, 1)'", "deadlock"),
    ("--max-ticks 300 -c yes", "limit"),
    ("--max-output 10 -c yes", "limit"),
])
def test_runs_that_end_otherwise_follow_the_schema_too(tmp_path, command, end):
    from vshell.tracefile import PROCESS, SCHEMA
    import shlex
    args = shlex.split(command) if command.startswith("--") else ["-c", command]
    records = traced(tmp_path, *args)
    for record in records:
        check(record, SCHEMA[record["kind"]])
    for entry in records[-1]["processes"]:
        check(entry, PROCESS)
    assert records[-1]["end"] == end
    assert records[-2]["kind"] == ("Deadlock" if end == "deadlock" else "LimitHit")


def test_values_are_data_statuses_decoded_and_fds_described(tmp_path):
    records = traced(tmp_path, "-c", BUSY)
    writes = [r for r in records if r["kind"] == "SyscallEnter" and r["name"] == "write"]
    raw = next(r for r in writes if r["args"][1].get("encoding") == "base64")
    assert raw["args"][1] == {"bytes": "aGn/", "encoding": "base64"}      # b"hi\xff"
    assert raw["fd"]["type"] == "pipe"
    assert any(r["args"][1] == {"bytes": "done\n", "encoding": "utf-8"} for r in writes)
    killed = next(r for r in records if r["kind"] == "Exit" and r.get("signame") == "SIGTERM")
    assert (killed["status"], killed["signal"], killed["core"]) == (15, 15, False)
    waited = next(r for r in records if r["kind"] == "SyscallExit" and r["name"] == "wait4"
                  and r["pid"] != 1 and "wait" in r)
    assert waited["wait"]["signame"] == "SIGTERM" and waited["wait"]["status"] == 15
    failed = next(r for r in records if r["kind"] == "SyscallExit" and r["name"] == "stat"
                  and r["errno"])
    assert (failed["errno"], failed["error"]) == (2, "ENOENT")
    summary = records[-1]
    child = next(p for p in summary["processes"] if p.get("signame") == "SIGTERM")
    assert child["state"] == "reaped" and child["argv"][0] == "python3"
    assert summary["end"] == "exit" and summary["status"] == 0


def test_the_same_seed_gives_the_same_file_byte_for_byte(tmp_path):
    one = traced(tmp_path, "-c", "env; " + BUSY, name="a", env={"PYTHONHASHSEED": "1"})
    two = traced(tmp_path, "-c", "env; " + BUSY, name="b", env={"PYTHONHASHSEED": "2"})
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()
    assert one == two


def test_without_virtual_time_the_same_seed_differs_only_in_times(tmp_path):
    def masked(value):
        """Times out: the time fields, file times, the clocks and sleeps (floats)."""
        if isinstance(value, dict):
            return {k: "T" if "time" in k else masked(v) for k, v in value.items()}
        if isinstance(value, list):
            return [masked(v) for v in value]
        return "F" if isinstance(value, float) else value
    runs = []
    for name in ("a", "b"):
        path = tmp_path / name
        subprocess.run(VSHELL + ["--seed", "5", "--trace-file", str(path), "-c",
                                 "echo hi | cat; ./p1.py; sleep 0.01; ls -l /tmp"],
                       capture_output=True, timeout=120)
        runs.append([masked(json.loads(line)) for line in path.read_text().splitlines()])
    assert runs[0] == runs[1]
    assert len(runs[0]) > 200


def test_trace_kinds_filter_the_file(tmp_path):
    records = traced(tmp_path, "--trace=proc", "-c", "/bin/true 2>/dev/null")
    kinds = {r["kind"] for r in records}
    assert kinds <= {"header", "summary", "Fork", "Exec", "Load", "Exit", "Reap", "Message"}
    assert records[0]["kinds"] == ["proc"]


def test_trace_file_kinds_filter_the_file_without_showing_anything(tmp_path):
    path = tmp_path / "t.jsonl"
    r = vshell("--seed", "3", "--virtual-time", "--trace-file", str(path),
               "--trace-file-kinds", "proc,signals", "-c", "echo hi | cat")
    assert (r.stdout, r.stderr) == ("hi\n", "")
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert records[0]["kinds"] == ["proc", "signals"]
    kinds = {r["kind"] for r in records[1:-1]}
    assert {"Fork", "Exec", "Exit", "Reap", "SignalSent"} <= kinds
    assert kinds <= {"Fork", "Exec", "Load", "Exit", "Reap", "Message", "SignalSent",
                     "SignalDelivered"}


def test_the_screen_and_the_file_may_show_different_kinds(tmp_path):
    path = tmp_path / "t.jsonl"
    r = vshell("--seed", "3", "--virtual-time", "--trace=signals", "--trace-file", str(path),
               "--trace-file-kinds", "all", "-c", "/bin/true")
    assert r.stderr == "[pid 1] --- SIGCHLD sent by the kernel ---\n"
    kinds = {json.loads(line)["kind"] for line in path.read_text().splitlines()}
    assert {"SyscallEnter", "Switch", "Exec", "SignalSent"} <= kinds


@pytest.mark.parametrize("args, message", [
    (["--trace-file-kinds", "proc"], "vshell: --trace-file-kinds: there is no --trace-file to filter\n"),
    (["--trace-file", "/dev/null", "--trace-file-kinds", "proc,nope"],
     "vshell: --trace-file-kinds: unknown kind 'nope' (all, syscalls, sched, signals, proc)\n"),
])
def test_bad_trace_file_kinds_are_one_line(args, message):
    r = vshell(*args, "-c", "true")
    assert (r.stderr, r.returncode) == (message, 2)


def test_harness_processes_are_marked(tmp_path):
    records = traced(tmp_path, "-c", "/bin/true; /bin/true")

    def owner(r: dict) -> int:                              # Fork: the parent; Switch: the new
        return r.get("pid", r.get("parent", r.get("new")))
    events = records[1:-1]
    # the last command of -c runs in the shell's own process (as dash does): from its
    # exec on, pid 2 is the command, no longer the harness
    became = next(i for i, r in enumerate(events) if r["kind"] == "Exec" and owner(r) == 2
                  and r["path"] == "/bin/true")
    assert {owner(r) for r in events[:became] if r.get("harness")} == {1, 2}
    assert not any(r.get("harness") for r in events[:became] if owner(r) == 3)
    assert not any(r.get("harness") for r in events[became + 1:] if owner(r) == 2)
    summary = {p["pid"]: p["harness"] for p in records[-1]["processes"]}
    assert summary == {1: True, 2: False, 3: False}


@pytest.mark.parametrize("n", [10, 57, 150])
def test_max_events_lets_exactly_n_events_into_the_file_then_limithit(tmp_path, n):
    records = traced(tmp_path, "--max-events", str(n), "-c", "./p1.py | cat")
    events = records[1:-1]
    assert [r["seq"] for r in events] == list(range(1, n + 2))
    assert events[-1]["kind"] == "LimitHit" and records[-1]["status"] == 121


def test_a_limit_ends_the_file_with_a_summary_of_who_was_left(tmp_path):
    records = traced(tmp_path, "--max-ticks", "500", "-c", "python3 -c 'while True: pass'")
    assert records[-2]["kind"] == "LimitHit" and records[-2]["limit"] == "ticks"
    summary = records[-1]
    assert (summary["end"], summary["limit"], summary["status"]) == ("limit", "ticks", 123)
    looping = next(p for p in summary["processes"] if p["pid"] == 2)
    assert (looping["state"], looping["where"], looping["status"]) == ("RUNNING", "<string>:1", None)


def test_the_summary_says_what_a_shell_left_waiting_was_doing(tmp_path):
    records = traced(tmp_path, "--max-ticks", "500", "-c", "python3 -c 'while True: pass' | cat")
    shell = next(p for p in records[-1]["processes"] if p["argv"][:1] == ["sh"])
    assert shell["where"].startswith("sh: waiting for")


# ---- getting a submission in ---------------------------------------------------------

def test_mount_takes_a_single_file_read_only_and_stdin_reaches_the_program(tmp_path):
    sub = tmp_path / "sub.py"
    sub.write_text('print("got", input())\n')
    (tmp_path / "secret.txt").write_text("not handed in\n")
    r = vshell("--seed", "1", "--mount", f"{sub}:/home/student/prog.py", "-c",
               "python3 prog.py; echo x > prog.py; echo $?; ls /home/student | grep -c secret",
               stdin="answer\n")
    assert r.stdout == "got answer\n2\n0\n"
    assert r.stderr == "vshell: 1: cannot create prog.py: Read-only file system\n"
    assert sub.read_text() == 'print("got", input())\n'


def test_a_single_file_mounted_rw_is_changed_on_the_host(tmp_path):
    sub = tmp_path / "out.txt"
    sub.write_text("old\n")
    r = vshell("--seed", "1", "--mount", f"{sub}:/tmp/out.txt:rw", "-c", "echo new > /tmp/out.txt")
    assert r.returncode == 0 and sub.read_text() == "new\n"


@pytest.mark.parametrize("spec, message", [
    ("{dir}/none:/x", "vshell: cannot mount {dir}/none: no such file or directory\n"),
    ("{dir}/f:/home/student", "vshell: cannot mount on /home/student: Is a directory\n"),
])
def test_bad_file_mounts_are_one_line(tmp_path, spec, message):
    (tmp_path / "f").write_text("")
    r = vshell("--mount", spec.format(dir=tmp_path), "-c", "true")
    assert (r.returncode, r.stderr) == (2, message.format(dir=tmp_path))


# ---- the README's example grader --------------------------------------------------------

SUBMISSIONS = {
    "good.py": "import os\nif os.fork() == 0:\n    print('child')\nelse:\n    os.wait()\n"
               "    print('parent')\n",
    "nowait.py": "import os\nif os.fork() == 0:\n    print('child')\nelse:\n    print('parent')\n",
    "racy.py": "import os\npid = os.fork()\nif pid == 0:\n    print('child', flush=True)\nelse:\n"
               "    print('parent', flush=True)\n    os.waitpid(pid, 0)\n",
    "wrong.py": "import os\nif os.fork() == 0:\n    print('kid')\nelse:\n    os.wait()\n"
                "    print('parent')\n",
    "nofork.py": "print('child')\nprint('parent')\n",
    "loop.py": "while True:\n    pass\n",
    "stuck.py": "import os\nr, w = os.pipe()\nos.read(r, 1)\n",
    "sleepy.py": "import time\nwhile True:\n    time.sleep(1)\n",
    "hog.py": "with open('/tmp/log', 'w') as f:\n    while True:\n        f.write('x' * 4096)\n",
}


def test_the_readme_grader_grades_each_kind_of_submission(tmp_path):
    readme = open(os.path.join(os.path.dirname(__file__), "..", "README.md")).read()
    section = readme[readme.index("### An example grader"):]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    assert 25 <= len(code.splitlines()) <= 40                 # "about 30 lines"
    (tmp_path / "grade.py").write_text(code)
    for name, src in SUBMISSIONS.items():
        (tmp_path / name).write_text(src)
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]}
    r = subprocess.run([sys.executable, "grade.py", *SUBMISSIONS], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=600)
    assert r.stderr == ""
    lines = r.stdout.splitlines()
    assert lines[:5] == [
        "good.py: 3/3 ok",
        "nowait.py: 1/3 a child was not waited for",
        "racy.py: 1/3 the output depends on the schedule",
        "wrong.py: 2/3 wrong output 'kid\\nparent\\n'",
        "nofork.py: 0/3 no child was forked"]
    assert lines[5] == "loop.py: 0/3 too much CPU: pid 2 (python3): RUNNING at /home/student/prog.py:2"
    assert lines[6].startswith("stuck.py: 0/3 deadlock: pid 2 (python3): reading an empty pipe")
    assert re.fullmatch(r"sleepy\.py: 0/3 sleeps for ever: pid 2 \(python3\): sleeping \(until "
                        r"600\.\d+ s after boot\) at /home/student/prog\.py:3", lines[7])
    assert lines[8] == "hog.py: 0/3 too much disk: pid 2 (python3): RUNNING at /home/student/prog.py:3"


# ---- --explore -----------------------------------------------------------------------

def outcomes(stdout: str) -> list[tuple[str, list[str]]]:
    """--explore's report as (the command line that repeats it, stdout lines) per outcome."""
    found = []
    for block in stdout.split("\n\n")[1:]:
        lines = block.splitlines()
        again = lines[1].split("again: vshell ", 1)[1]
        found.append((again, [line.split("stdout| ", 1)[1] for line in lines if "stdout| " in line]))
    return found


def test_explore_finds_both_orders_of_p1_with_seeds_that_repeat_them():
    import shlex
    r = vshell("--explore", "20", "./p1.py")
    assert r.returncode == 1                                   # the outcomes differ
    assert r.stdout.startswith("explore: 20 runs of ./p1.py: 2 distinct outcomes\n")
    found = outcomes(r.stdout)
    assert {shown[1] for _, shown in found} == {"parent of 3 (pid:2)", "child (pid:3)"}
    for again, shown in found:
        assert vshell(*shlex.split(again)).stdout.splitlines() == shown   # the seed repeats it


def test_explore_finds_both_orders_of_an_unsynchronised_pair(tmp_path):
    (tmp_path / "hg.py").write_text(HELLO_GOODBYE)
    r = vshell("--explore", "30", "--mount", f"{tmp_path}:/mnt", "python3", "/mnt/hg.py")
    assert "2 distinct outcomes" in r.stdout.splitlines()[0]
    assert sorted(shown for _, shown in outcomes(r.stdout)) == [["goodbye", "hello"],
                                                               ["hello", "goodbye"]]


def test_explore_of_a_deterministic_command_has_one_outcome_and_status_0():
    r = vshell("--explore", "4", "--seed", "7", "-c", "echo same; exit 3")
    assert r.returncode == 0
    assert r.stdout.splitlines()[:3] == [
        "explore: 4 runs of 'echo same; exit 3': 1 outcome", "",
        "outcome 1: 4 of 4 runs (100%), status 3, seeds 7 8 9 10"]


@pytest.mark.parametrize("option", ["--trace", "--trace-file=t", "--trace-file-kinds=proc"])
def test_explore_refuses_the_options_of_one_run(option):
    r = vshell("--explore", "3", option, "./p1.py")
    assert r.returncode == 2 and r.stderr.startswith("vshell: --explore runs the command many times")


def test_explore_needs_a_command():
    r = vshell("--explore", "3")
    assert (r.returncode, r.stderr) == (2, "vshell: --explore: no command to run "
                                           "(vshell --explore N CMD...)\n")


# ---- explore at the prompt ---------------------------------------------------------------

def seeds_of(report: str) -> list[str]:
    """Each outcome's line (count, status, seeds) of an explore report."""
    return [line for line in report.splitlines() if line.startswith("outcome ")]


def test_explore_at_the_prompt_finds_what_vshell_explore_finds_with_the_same_seeds():
    here = vshell("-c", "explore -n 20 ./p1.py")
    host = vshell("--explore", "20", "./p1.py")
    assert here.returncode == 1
    assert here.stdout.startswith("explore: 20 runs of ./p1.py: 2 distinct outcomes\n")
    assert seeds_of(here.stdout) == seeds_of(host.stdout)
    blocks = here.stdout.split("\n\n")[1:]
    assert [b.splitlines()[2:] for b in blocks] == [b.splitlines()[2:] for b in
                                                    host.stdout.split("\n\n")[1:]]
    again = blocks[1].splitlines()[1].split("again: ")[1]
    assert again.startswith("explore -n 1 -s ")
    one = vshell("-c", again)                                 # the seed repeats it
    assert one.returncode == 0 and one.stdout.split("\n\n")[1].splitlines()[2:] == \
        blocks[1].splitlines()[2:]


def test_explore_at_the_prompt_runs_the_current_directorys_own_program():
    script = ("mkdir -p lab && cd lab && cat > hg.py <<'EOF'\n" + HELLO_GOODBYE + "EOF\n"
              "explore -n 30 python3 hg.py")
    r = vshell("--seed", "1", "-c", script)
    assert r.returncode == 1
    assert r.stdout.startswith("explore: 30 runs of 'python3 hg.py': 2 distinct outcomes\n")
    assert sorted(r.stdout.split("\n\n")[n].splitlines()[2:] for n in (1, 2)) == [
        ["  stdout| goodbye", "  stdout| hello"], ["  stdout| hello", "  stdout| goodbye"]]


def test_explore_at_the_prompt_of_a_deterministic_command_reads_its_stdin():
    r = vshell("-c", "echo some input | explore -n 3 -s 5 wc -c")
    assert r.returncode == 0
    assert r.stdout == ("explore: 3 runs of 'wc -c': 1 outcome\n\n"
                        "outcome 1: 3 of 3 runs (100%), status 0, seeds 5 6 7\n"
                        "  again: explore -n 1 -s 5 wc -c   (with the same standard input)\n"
                        "  stdout| 11\n")


def test_explore_at_the_prompt_stops_a_runaway_with_its_verdict():
    r = vshell("-c", "explore -n 1 python3 -c 'while True: pass'")
    lines = r.stdout.splitlines()
    assert lines[2] == "outcome 1: 1 of 1 runs (100%), status 123, seeds 1"
    assert lines[5].startswith("  stderr| vshell: limit: --max-ticks 20000: ")


@pytest.mark.parametrize("args", ["", "-n 0 ./p1.py", "-n x ./p1.py", "-q ./p1.py", "-n 3"])
def test_explore_at_the_prompt_refuses_a_bad_command_line(args):
    r = vshell("-c", f"explore {args}")
    assert (r.returncode, r.stderr) == (
        2, "vshell: 1: explore: usage: explore [-n RUNS] [-s SEED] COMMAND [ARG]...\n")


def test_a_stopped_and_continued_child_is_decoded_in_wait4s_exit(tmp_path):
    records = traced(tmp_path, "-c", "python3 -c 'import os, signal\n"
                     "pid = os.fork()\n"
                     "if pid == 0:\n    signal.pause()\n"
                     "os.kill(pid, signal.SIGSTOP)\n"
                     "os.waitpid(pid, os.WUNTRACED)\n"
                     "os.kill(pid, signal.SIGCONT)\n"
                     "os.waitpid(pid, os.WCONTINUED)\n"
                     "os.kill(pid, signal.SIGKILL)\n"
                     "os.waitpid(pid, 0)'")
    waits = [r["wait"] for r in records if r["kind"] == "SyscallExit" and "wait" in r
             and r["pid"] == 2]
    assert waits == [{"pid": 3, "status": 0x137f, "stopped": 19, "signame": "SIGSTOP"},
                     {"pid": 3, "status": 0xffff, "continued": True},
                     {"pid": 3, "status": 9, "signal": 9, "signame": "SIGKILL", "core": False}]
