"""OSTEP's homework tools on real processes (programs/homework): for the same
flags and seed they print what the originals print (recorded with the
originals themselves by tests/homework/record.py), while the work is done by
real processes of the kernel."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import new_machine, run_on
from kernel import MemoryConsole
from vshell.system import Options, make_machine

REFERENCE = json.loads((Path(__file__).parent / "homework" / "reference.json").read_text())


def run_tool(argv: list[str], seed: int | None = 1, virtual_time: bool = True,
             uid: int = 1000, cwd: str = "/home/student"):
    """Run argv on a freshly booted machine, as a student from their home."""
    k = new_machine(seed=seed, virtual_time=virtual_time)
    r = run_on(k, argv, uid=uid, cwd=cwd, env={"PATH": "/bin", "HOME": "/home/student", "USER": "student"})
    return r.code, r.out, r.err, k             # (a death by signal N: 128+N, not 0)


def cases(tool: str):
    return [pytest.param(tool, i, c, id=f"{tool} {' '.join(c['args'])}")
            for i, c in enumerate(REFERENCE[tool])]


def check_like_original(tool: str, index: int, case: dict) -> None:
    # Every third case on a machine without a seed: the answers must not depend on it.
    seed = None if index % 3 == 2 else index
    status, out, err, _ = run_tool([tool] + case["args"], seed=seed)
    assert out == case["stdout"]
    assert (status, err) == (case["status"], expected_stderr(case))


def expected_stderr(case: dict) -> str:
    """What the original wrote, but where it crashed: its traceback's last line,
    the exception, alone (no traceback reaches a user of vshell)."""
    if "Traceback" not in case["stderr"]:
        return case["stderr"]
    return case["stderr"].rstrip("\n").splitlines()[-1] + "\n"


@pytest.mark.parametrize("tool,index,case", cases("scheduler.py"))
def test_scheduler_prints_what_the_original_prints(tool, index, case):
    check_like_original(tool, index, case)


@pytest.mark.parametrize("tool,index,case", cases("process-run.py"))
def test_process_run_prints_what_the_original_prints(tool, index, case):
    check_like_original(tool, index, case)


@pytest.mark.parametrize("tool,index,case", cases("fork.py"))
def test_fork_prints_what_the_original_prints(tool, index, case):
    check_like_original(tool, index, case)


def test_scheduler_book_numbers_without_a_seed_in_real_time():
    status, out, err, _ = run_tool(["scheduler.py", "-l", "10,20,30", "-p", "RR", "-q", "1", "-c"],
                                   seed=None, virtual_time=False)
    assert status == 0, err
    assert "  Average -- Response: 1.00  Turnaround 45.67  Wait 25.67\n" in out
    assert "Job   1 -- Response: 1.00  Turnaround 49.00  Wait 29.00" in out


def test_scheduler_jobs_are_real_processes_that_fork_and_exit():
    _, out, _, k = run_tool(["scheduler.py", "-l", "3,2,1", "-p", "SJF", "-c"])
    from kernel import trace as ev
    events: list = []
    k2 = make_machine(Options(seed=3, virtual_time=True), MemoryConsole(b""))
    k2.trace.subscribe(events.append)
    k2.run_program(["scheduler.py", "-l", "3,2,1", "-p", "SJF", "-c"], uid=1000,
                   env={"PATH": "/bin"}, cwd="/home/student")
    forks = [e for e in events if isinstance(e, ev.Fork) and e.how == "replay"]
    exits = [e for e in events if isinstance(e, ev.Exit)]
    assert len(forks) == 4 and len(exits) == 6      # 3 jobs, the starter, the tool, init's
    assert "Run job 2 for 1.00 secs ( DONE at 1.00 )" in out


def test_scheduler_leaves_the_policy_as_it_found_it():
    status, out, err, _ = run_tool(["sh", "-c", "sched mlfq 7 >/dev/null; scheduler.py -c >/dev/null; sched"])
    assert "policy: mlfq (3 levels, slices 7/14/28 ticks" in out


def test_sjf_policy_runs_the_shortest_declared_job_first():
    from kernel.limits import RLIMIT_CPU
    from kernel.proc import READY
    from kernel.sched import make_policy

    class P:
        def __init__(self, pid, length):
            self.pid, self.state = pid, READY
            self.limits = type("L", (), {"soft": lambda self, r, n=length: n})()
    sjf = make_policy("sjf")
    for p in (P(1, 30), P(2, 10), P(3, 20), P(4, 10)):
        sjf.ready(p)
    assert [sjf.pick().pid for _ in range(4)] == [2, 4, 3, 1]
    assert not sjf.preemptive and RLIMIT_CPU == 0


def test_proc_sched_shows_arrival_and_turns_on_the_cpu():
    status, out, err, _ = run_tool(["sh", "-c", "sleep 1 & cat /proc/$!/sched"])
    lines = dict(line.split(":\t") for line in out.splitlines())
    assert lines["state"] in ("READY", "BLOCKED") and int(lines["arrivals"].split()[0]) > 0
    assert all("-" in s for s in lines["slices"].split())


def test_process_run_is_real_processes_blocking_on_a_device():
    from kernel import trace as ev
    events: list = []
    k = make_machine(Options(seed=5, virtual_time=True), MemoryConsole(b""))
    k.trace.subscribe(events.append)
    k.run_program(["process-run.py", "-l", "2:0,3:100", "-c"], uid=1000,
                  env={"PATH": "/bin"}, cwd="/home/student")
    blocked = [e for e in events if isinstance(e, ev.StateChange) and e.new == "BLOCKED"
               and e.reason == "I/O"]
    woken = [e for e in events if isinstance(e, ev.StateChange) and e.reason == "I/O done"]
    assert len(blocked) == 2 and len(woken) == 2
    assert {e.pid for e in blocked} == {e.pid for e in woken}


def test_process_run_without_a_seed_in_real_time():
    expected = next(c for c in REFERENCE["process-run.py"] if c["args"] == [
        "-l", "3:0,5:100,5:100,5:100", "-S", "SWITCH_ON_IO", "-I", "IO_RUN_IMMEDIATE", "-c", "-p"])
    status, out, err, _ = run_tool(["process-run.py", "-l", "3:0,5:100,5:100,5:100", "-S",
                                    "SWITCH_ON_IO", "-I", "IO_RUN_IMMEDIATE", "-c", "-p"],
                                   seed=None, virtual_time=False)
    assert (status, out) == (0, expected["stdout"]), err


def test_dev_slow_blocks_a_reader_one_tick_per_byte():
    status, out, err, _ = run_tool(["sh", "-c", "python3 -c 'import os; fd = os.open(\"/dev/slow\", 0); "
                                    "print(len(os.read(fd, 7)))'; cat /proc/$$/sched >/dev/null"])
    assert (status, out) == (0, "7\n"), err
    _, out, _, _ = run_tool(["python3", "-c", "import os\nfd = os.open('/dev/slow', 0)\n"
                             "os.read(fd, 7)\nprint(open('/proc/self/sched').read())"])
    fields = dict(line.split(":\t") for line in out.splitlines() if ":\t" in line)
    start_of_wait = int(fields["slices"].split()[-2].split("-")[1])
    assert int(fields["arrivals"].split()[-1]) == start_of_wait + 7


@pytest.mark.parametrize("words,shown", [
    ("scan", "policy: scan (the process table in order, no preemption)\n"),
    ("batch io-first", "policy: batch (one process until it exits, idle during its I/O); "
                       "io-first: I/O done preempts\n"),
    ("sjf", "policy: sjf (shortest RLIMIT_CPU first, no preemption)\n"),
    ("rr 3 io-first", "policy: rr (quantum 3 ticks); io-first: I/O done preempts\n")])
def test_sched_accepts_the_homework_policies(words, shown):
    _, out, _, _ = run_tool(["sh", "-c", f"sched {words} >/dev/null; head -1 /proc/sched"])
    assert out == shown


def test_a_shell_under_batch_still_runs_its_commands():
    status, out, err, _ = run_tool(["sh", "-c", "sched batch >/dev/null; echo a | cat; sched rr"])
    assert status == 0 and out.startswith("a\n"), err


def test_fork_forks_and_exits_for_real():
    from kernel import trace as ev
    events: list = []
    k = make_machine(Options(seed=2, virtual_time=True), MemoryConsole(b""))
    k.trace.subscribe(events.append)
    status = k.run_program(["fork.py", "-A", "a+b,b+c,a+d,b-", "-c"], uid=1000,
                           env={"PATH": "/bin"}, cwd="/home/student")
    forks = [e for e in events if isinstance(e, ev.Fork) and e.how == "replay"]
    exits = {e.pid for e in events if isinstance(e, ev.Exit)}
    assert status == 0 and len(forks) == 4               # a, then b, c, d
    a, b, c, d = (e.child for e in forks)
    assert [e.parent for e in forks[1:]] == [a, b, a]   # each forked by its named parent
    assert {a, b, c, d} <= exits and not [p for p in k.procs if p.pid > 2]


def test_fork_runs_under_the_hosts_python_too(tmp_path):
    import subprocess
    import sys
    tool = Path(__file__).resolve().parent.parent / "programs" / "homework" / "fork.py"
    out = subprocess.run([sys.executable, str(tool), "-s", "3", "-a", "6", "-c"],
                         capture_output=True, text=True, timeout=30, cwd=tmp_path)
    case = next(c for c in REFERENCE["fork.py"] if c["args"] == ["-s", "3", "-c", "-a", "12", "-R"])
    assert out.returncode == 0 and "Action: a forks b" in out.stdout
    assert case["status"] == 0


def test_predict_t_runs_fork_py():
    status, out, err, _ = run_tool(["predict", "-t", "a+b,b+c,b-"], cwd="/home/student")
    assert "The real run (fork.py):" in out and "Final Process Tree:" in out


def test_an_empty_write_to_a_pipe_is_not_end_of_file():
    # print("") under PYTHONUNBUFFERED writes nothing: the reader must go on waiting.
    status, out, err, _ = run_tool(["python3", "-c", "import os\nr, w = os.pipe()\n"
                                    "import time\nif os.fork() == 0:\n    os.write(w, b'')\n    time.sleep(1)\n"
                                    "    os.write(w, b'x')\n"
                                    "    os._exit(0)\nos.close(w)\nprint(os.read(r, 5))"])
    assert out == "b'x'\n", err


# ---- generator.py: the book's C, as Python ----------------------------------------------

C_TO_PYTHON = [("// process ", "# process "), ("if (fork_or_die() == 0) {", "if fork_or_die() == 0:"),
               ("wait_or_die();", "wait_or_die()"), ("exit(0);", "sys.exit(0)")]


def c_main_as_python(c_text: str) -> list[str]:
    """The body of the recorded C main(), line by line as the Python should read."""
    body = c_text.split("int main(int argc, char *argv[]) {\n", 1)[1].split("    return 0;\n")[0]
    out = []
    for line in body.splitlines():
        text = line.strip()
        if text == "}":
            continue
        for c, py in C_TO_PYTHON:
            text = text.replace(c, py)
        if text.startswith("sleep("):
            text = "time." + text.rstrip(";")
        out.append(" " * (len(line) - len(line.lstrip())) + text)
    return out


def python_main(py_text: str) -> list[str]:
    return py_text.split("def main():\n", 1)[1].split("    return 0\n")[0].splitlines()


@pytest.mark.parametrize("tool,index,case", cases("generator.py"))
def test_generator_makes_the_originals_program_in_python(tool, index, case):
    seed = None if index % 3 == 2 else index
    status, out, err, k = run_tool([tool] + case["args"], seed=seed, cwd="/tmp")
    if case["stdout"].startswith("ACTIONS "):      # -c: the forks really happen
        forks = [a.split()[1] for a in eval(case["stdout"].split("ACTIONS ")[1]) if a[:4] == "fork"]
        assert status == 0 and "The process tree (who forked whom):" in out
        assert sorted(re.findall(r"->(\w+)$", out, re.M)) == sorted(forks)
    elif "int main" in case["stdout"]:
        assert status == 0 and python_main(out) == c_main_as_python(case["stdout"])
        assert out.endswith('if __name__ == "__main__":\n    sys.exit(main())\n\n')
    else:
        assert (status, out, err) == (case["status"], case["stdout"], expected_stderr(case))


def test_generator_c_runs_the_program_for_real_and_draws_its_tree():
    status, out, err, k = run_tool(["generator.py", "-A", "fork b,2 { fork c,1 {} wait } wait", "-c"],
                                   cwd="/tmp")
    assert (status, err) == (0, "")
    assert out == ("  0 a+\n  0 a->b\n  2      b+\n  2      b->c\n  3           c+\n"
                   "  3           c-\n  3      b<-c\n  3      b-\n  3 a<-b\n"
                   "\nThe process tree (who forked whom):\na\n└── b\n    └── c\n")


def test_generators_programs_run_as_they_are():
    status, out, err, _ = run_tool(["sh", "-c", "generator.py -s 5 -R mine >/dev/null && ./mine.py "
                                    "&& python3 read.py && echo ok"], cwd="/tmp")
    assert status == 0 and out.endswith("ok\n") and " a+\n" in out, err


# ---- timeline ---------------------------------------------------------------------

WAITER = """\
import os, time
pid = os.fork()
if pid == 0:
    time.sleep(0.1)
    for _ in range(5):
        os.getpid()
    os._exit(0)
os.waitpid(pid, 0)
"""


def timeline_of(command: str, files: dict[str, str] | None = None, seed: int = 1):
    """A session through vshell's own boot (its tracer answers /proc/trace)."""
    from vshell.system import boot
    opts = Options(seed=seed, virtual_time=True)
    k = make_machine(opts, MemoryConsole(b""))
    for path, text in (files or {}).items():
        k.fs.write_file(path, text, mode=0o755, uid=1000, gid=1000)
    status = boot(k, opts, ["sh", "-c", command, "vshell"])
    return status, k.tty.console.stdout, k.tty.console.stderr


def test_timeline_goes_to_standard_output_and_through_pipes():
    status, out, err = timeline_of("timeline ./p1.py > /tmp/t; echo $?; wc -l < /tmp/t; "
                                   "timeline ./p1.py | grep -c Average; timeline ./p1.py >/dev/null")
    lines = out.splitlines()
    assert status == 0 and "Time" not in err and "Time" not in "".join(lines[:1])
    assert lines[-1] == "1" and int(lines[-2]) > 10
    assert out.count("Average") == 0


def test_timeline_counts_wait_for_a_child_as_waiting_not_io():
    for seed in (1, 2, 3):
        status, out, err = timeline_of("timeline python3 /tmp/w.py", {"/tmp/w.py": WAITER}, seed)
        waits = [line for line in out.splitlines() if "WAIT " in line]
        assert waits and all(line.endswith("  0") for line in waits if "BLOCKED" not in line), out


def test_timeline_shows_blocked_time_done_totals_and_averages():
    status, out, err = timeline_of("timeline python3 /tmp/s.py", {"/tmp/s.py": (
        "import os, time\nfd = os.open('/dev/slow', 0)\nos.read(fd, 3)\n"
        "if os.fork() == 0:\n    time.sleep(1)\n    os._exit(0)\nos.wait()\nos.getpid()\n")})
    table = out.split("\n\n")[0].splitlines()
    assert sum(1 for line in table if "BLOCKED" in line and line.split()[-2] == "0") >= 3
    assert any("DONE" in line for line in table)
    assert "_" in out.split("\n\n")[1]
    assert re.search(r"^Total time (\d+) ticks: CPU busy \d+ \([\d.]+%\), I/O busy \d+ \([\d.]+%\)$",
                     out, re.M)
    assert re.search(r"^  Average -- Response: [\d.]+  Turnaround [\d.]+  Wait [\d.]+$", out, re.M)


def test_timeline_turnaround_runs_to_the_exit_and_no_row_is_cut():
    status, out, err = timeline_of("timeline python3 /tmp/long.py", {"/tmp/long.py": (
        "import os\nfor _ in range(300):\n    os.getpid()\n")})
    rows = [line for line in out.split("\n\n")[0].splitlines()[1:]]
    assert "..." not in out and len(rows) == int(rows[-1].split()[0])
    turnaround = re.search(r"Turnaround ([\d.]+)", out).group(1)
    assert float(turnaround) == len(rows)


@pytest.mark.parametrize("flags,adopter", [([], "init"), (["-R"], "a")])
def test_fork_orphans_really_go_to_init_or_with_r_to_the_grandparent(flags, adopter):
    from kernel import trace as ev
    events: list = []
    k = make_machine(Options(seed=4, virtual_time=True), MemoryConsole(b""))
    k.trace.subscribe(events.append)
    status = k.run_program(["fork.py", "-A", "a+b,b+c,b-", "-c"] + flags, uid=1000,
                           env={"PATH": "/bin"}, cwd="/home/student")
    a, b, c = (e.child for e in events if isinstance(e, ev.Fork) and e.how == "replay")
    reaper = next(e.parent for e in events if isinstance(e, ev.Reap) and e.child == c)
    assert status == 0 and reaper == {"init": 1, "a": a}[adopter]


def test_proc_subreaper_is_the_processs_own_to_set():
    status, out, err, _ = run_tool(["python3", "-c", "import os\n"
                                    "print(open('/proc/self/subreaper').read().strip())\n"
                                    "with open('/proc/self/subreaper', 'w') as f:\n    f.write('1')\n"
                                    "print(open('/proc/self/subreaper').read().strip())\n"
                                    "fd = os.open('/proc/%d/subreaper' % os.getppid(), os.O_WRONLY)\n"
                                    "try:\n    os.write(fd, b'1')\n"
                                    "except OSError as e:\n    print(e.errno)\n"])
    assert out == "0\n1\n1\n", (out, err)      # EPERM: a process sets only its own


@pytest.mark.parametrize("policy", ["rr 1", "lottery 2", "mlfq 1", "fifo"])
def test_the_tools_answer_alike_whatever_policy_the_machine_had(policy):
    status, out, err, _ = run_tool(["sh", "-c", f"sched {policy} >/dev/null; "
                                    "scheduler.py -l 10,20,30 -p RR -q 1 -c; "
                                    "process-run.py -l 3:0,5:100,5:100,5:100 -I IO_RUN_IMMEDIATE -c -p"])
    assert "  Average -- Response: 1.00  Turnaround 45.67  Wait 25.67\n" in out, err
    expected = next(c for c in REFERENCE["process-run.py"] if c["args"] == [
        "-l", "3:0,5:100,5:100,5:100", "-S", "SWITCH_ON_IO", "-I", "IO_RUN_IMMEDIATE", "-c", "-p"])
    assert out.endswith(expected["stdout"])
