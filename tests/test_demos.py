"""The chapter's demos (programs/demos), run as a student runs them from their home.

Each test checks the rule the demo is there to show: fork returns twice with
consistent pids, wait orders parent after child, exec never returns, a
redirected child writes a file, the process limit stops a fork bomb.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Result, add_files, new_machine, run_on

DEMOS = Path(__file__).resolve().parent.parent / "programs" / "demos"


def run(argv: list[str], *, files: dict[str, str] | None = None, seed: int = 1,
        uid: int = 1000, stdin: bytes = b"", tty: bool = False, **opts) -> Result:
    """Run argv as student in /home/student on a booted machine; files are executable."""
    k = new_machine(seed=seed, stdin=stdin, tty=tty, **opts)
    add_files(k, files, uid=uid, dedent=True, mode=0o755)
    return run_on(k, argv, uid=uid)


def file_text(k, path: str) -> str:
    inode = k.fs.root
    for name in path.strip("/").split("/"):
        inode = inode.entries[name]
    return bytes(inode.data).decode()


def wc_of(name: str) -> str:
    """GNU wc's line for one named file: its columns as wide as the byte count."""
    data = (DEMOS / name).read_bytes()
    width = len(str(len(data)))
    counts = (data.count(b"\n"), len(data.split()), len(data))
    return " ".join(f"{n:{width}d}" for n in counts) + " " + name


# ---- p1 - p4 -------------------------------------------------------------------------

def test_p1_forks_one_child_and_pids_agree():
    r = run(["./p1.py"], tty=True)
    hello, *rest = r.out.splitlines()
    parent = int(re.fullmatch(r"hello \(pid:(\d+)\)", hello).group(1))
    child = int(re.search(r"child \(pid:(\d+)\)", r.out).group(1))
    assert sorted(rest) == sorted([f"child (pid:{child})", f"parent of {child} (pid:{parent})"])
    assert r.code == 0


def test_p1_order_depends_on_the_seed():
    orders = {run(["./p1.py"], seed=s, tty=True).out.splitlines()[1].split()[0] for s in range(1, 9)}
    assert orders == {"child", "parent"}


def test_p1_same_seed_same_output():
    assert run(["./p1.py"], seed=5, tty=True).out == run(["./p1.py"], seed=5, tty=True).out


def test_p1_old_wording():
    r = run(["./p1.py", "--old"], tty=True)
    assert re.fullmatch(r"hello world \(pid:2\)\n(hello, I am child \(pid:3\)\n"
                        r"hello, I am parent of 3 \(pid:2\)\n|hello, I am parent of 3 \(pid:2\)\n"
                        r"hello, I am child \(pid:3\)\n)", r.out)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_p2_child_always_prints_before_parent(seed):
    r = run(["./p2.py"], seed=seed, tty=True)
    assert r.out == "hello (pid:2)\nchild (pid:3)\nparent of 3 (rc_wait:3) (pid:2)\n"


def test_p2_old_wording():
    r = run(["./p2.py", "--old"], seed=4, tty=True)
    assert r.out == ("hello world (pid:2)\nhello, I am child (pid:3)\n"
                     "hello, I am parent of 3 (wc:3) (pid:2)\n")


@pytest.mark.parametrize("seed", [1, 4])
def test_p3_child_execs_wc_on_its_own_source_and_never_returns(seed):
    r = run(["./p3.py"], seed=seed, tty=True)
    assert r.out == ("hello (pid:2)\nchild (pid:3)\n" + wc_of("p3.py") + "\n"
                     "parent of 3 (rc_wait:3) (pid:2)\n")
    assert "shouldn't print" not in r.out + r.err


def test_p3_old_wording():
    r = run(["./p3.py", "--old"], tty=True)
    assert r.out.splitlines()[-1] == "hello, I am parent of 3 (wc:3) (pid:2)"


def test_p1_into_a_pipe_prints_hello_twice():
    """The classic lesson: fork copies the unflushed stdio buffer, so into a pipe
    (block-buffered) both processes print the line printed before the fork."""
    r = run(["./p1.py"])
    assert r.out.count("hello (pid:2)\n") == 2 and r.out.count("child (pid:3)\n") == 1


def test_p3_exec_failure_is_a_message_not_a_traceback():
    r = run(["./p3.py"], files={"/bin/wc": "no #! line: not executable\n"})
    assert "exec failed: Exec format error" in r.err
    assert "Traceback" not in r.err


def test_p3_child_line_survives_exec_into_a_pipe():
    """The child flushes before exec, so its line is not lost in a pipe's buffer."""
    driver = """\
        #!/usr/bin/env python3
        import os
        r, w = os.pipe()
        pid = os.posix_spawn("./p3.py", ["./p3.py"], os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, w, 1)])
        os.close(w)
        data = b""
        while True:
            chunk = os.read(r, 4096)
            if not chunk:
                break
            data += chunk
        os.waitpid(pid, 0)
        os.write(1, data.upper())
        """
    r = run(["/tmp/drive.py"], files={"/tmp/drive.py": driver})
    assert "CHILD (PID:4)" in r.out and "P3.PY" in r.out


def test_p4_child_writes_wc_output_to_the_file_not_the_screen():
    r = run(["./p4.py"])
    assert r.out == "" and r.err == "" and r.code == 0
    assert file_text(r.kernel, "/home/student/p4.output") == wc_of("p4.py") + "\n"
    inode = r.kernel.fs.root.entries["home"].entries["student"].entries["p4.output"]
    assert inode.mode & 0o777 == 0o700 and inode.uid == 1000


# ---- the demos under the host's python3 -----------------------------------------------------

@pytest.mark.parametrize("demo", ["p1.py", "p2.py"])
def test_demo_runs_the_same_under_host_python(demo, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    out = subprocess.run([sys.executable, str(DEMOS / demo)], capture_output=True, text=True,
                         cwd=tmp_path, timeout=20, env=env)
    lines = out.stdout.splitlines()
    # into a pipe, the line buffered before fork is printed by both processes
    assert lines[0].startswith("hello (pid:") and len(lines) == 4 and out.returncode == 0
    assert lines.count(lines[0]) == 2


# ---- the homework ------------------------------------------------------------------------------

def test_hw1_each_process_has_its_own_x():
    r = run(["./hw1_variable.py"])
    assert "child: x = 100\n" in r.out and "parent: x = 100\n" in r.out
    assert r.out.endswith("parent: after the child exited, x = 300 (each process has its own copy)\n")


def test_hw2_parent_and_child_share_one_offset():
    r = run(["./hw2_shared_fd.py"])
    lines = file_text(r.kernel, "/home/student/hw2.output").splitlines()
    assert sorted(lines) == sorted([f"child  {i} (pid:3)" for i in range(5)] +
                                   [f"parent {i} (pid:2)" for i in range(5)])
    assert r.out == "hw2.output now holds:\n" + "".join(line + "\n" for line in lines)


@pytest.mark.parametrize("seed", [1, 4])
def test_hw3_child_first_without_wait(seed):
    assert run(["./hw3_child_first.py"], seed=seed).out == "hello\ngoodbye\n"


def test_hw4_every_exec_variant_runs_ls():
    ls = "#!/usr/bin/env python3\nimport os, sys\nprint('ls', sys.argv[1:], os.environ.get('GREETING'))\n"
    r = run(["./hw4_exec.py", "-l"], files={"/bin/ls": ls})
    env = "from execle/execvpe"
    assert r.out == "".join(f"--- {name}:\nls ['-l'] {env if name in ('execle', 'execvpe') else None}\n"
                            for name in ("execl", "execle", "execlp", "execv", "execvp", "execvpe"))


def test_hw5_wait_in_the_child_fails_with_echild():
    r = run(["./hw5_wait.py"])
    assert r.out == ("child: wait() returned -1, errno ECHILD (No child processes)\n"
                     "parent: wait() returned pid 3 (my child was 3), exit status 3\n")


def test_hw6_waitpid_picks_a_child():
    assert run(["./hw6_waitpid.py"]).out == ("waitpid(4, WNOHANG) -> 0: still running\n"
                                             "waitpid(4, 0) -> pid 4, exit status 2\n"
                                             "waitpid(-1, 0) -> pid 3, exit status 1\n")


def test_hw7_print_after_closing_stdout_goes_nowhere():
    r = run(["./hw7_close_stdout.py"])
    assert r.out == "parent: the child's line never arrived\n"
    assert r.err == "child: print after close(1) failed: Bad file descriptor\n"


def test_hw8_two_children_joined_by_a_pipe():
    assert run(["./hw8_pipe.py"]).out == ("reader got line 1: one\nreader got line 2: two\n"
                                          "reader got line 3: three\nparent: both children are done\n")


# ---- the rest of the chapter -------------------------------------------------------------------

# Runs the demo named by argv[1] with posix_spawn, looks at it with ps after a
# second, sends the signals that follow (one a second), and reports its status.
WATCH = """\
    #!/usr/bin/env python3
    import os, signal, sys, time
    demo = sys.argv[1].split()
    pid = os.posix_spawn(demo[0], demo, os.environ)
    time.sleep(1)
    os.waitpid(os.posix_spawnp("ps", ["ps", "-o", "pid,state,wchan,comm"], os.environ), 0)
    for name in sys.argv[2:]:
        os.kill(pid, signal.Signals["SIG" + name])
        time.sleep(1)
    print("status", os.waitpid(pid, 0)[1], flush=True)
    """


def watch(*args: str, **kw) -> Result:
    return run(["/tmp/watch.py", *args], files={"/tmp/watch.py": WATCH}, **kw)


def test_cpu_bound_program_computes():
    assert run(["./cpu.py", "0.01"]).out == "cpu (pid:2): 10000 steps, sum of squares 333283335000\n"


def test_io_bound_program_is_blocked_on_a_timer():
    r = watch("./io.py 3 0.6")
    assert "    3 BLOCKED timer  io.py\n" in r.out and r.out.endswith("woke up 3/3\nstatus 0\n")


def test_io_r_reads_standard_input():
    r = run(["./io.py", "-r"], stdin=b"one\ntwo\n")
    assert r.out == ("io (pid:2): read line 1: one\nio (pid:2): read line 2: two\n"
                     "io (pid:2): end of input after 2 lines\n")


def test_zombie_stays_until_reaped():
    r = run(["./zombie.py", "5"])
    assert r.out == ("child (pid:3): exiting with status 7\nparent (pid:2): child 3 is now: Z (zombie)\n"
                     "parent: sleeping 5 s without wait() -- try ps\n"
                     "parent: reaped 3, exit status 7; the zombie is gone\n")


def test_orphan_is_adopted_by_init():
    r = run(["./orphan.py", "1"])
    assert "child (pid:3): my parent is 2\n" in r.out
    assert "child (pid:3): orphaned, adopted by pid 1\n" in r.out
    assert r.out.index("parent (pid:2): exiting") < r.out.index("orphaned")


def test_sigint_counts_then_exits():
    r = watch("./sigint.py 2", "INT", "INT")
    assert r.out.endswith("caught SIGINT 1 of 2\ncaught SIGINT 2 of 2\ndone after 2 SIGINTs\nstatus 0\n")
    assert "    3 BLOCKED signal sigint.py" in r.out


def test_sigint_exits_on_sigterm():
    r = watch("./sigint.py", "INT", "TERM")
    assert r.out.endswith("caught SIGINT 1 of 3\ncaught SIGTERM after 1 SIGINTs: exiting\nstatus 0\n")


def test_selfstop_stops_until_sigcont():
    r = watch("./selfstop.py", "CONT")
    assert "    3 STOPPED -      selfstop.py" in r.out
    assert r.out.startswith("selfstop (pid:3): stopping myself\n")
    assert r.out.endswith("selfstop (pid:3): continued!\nstatus 0\n")


def test_forkbomb_meets_the_process_limit_and_kill_9_minus_1_cleans_up():
    # The killer is forked before the bomb: at the limit no new process can start,
    # so it execs kill in its own process, as `exec kill -9 -1` would.
    driver = """\
        #!/usr/bin/env python3
        import os, time
        if os.fork() == 0:
            time.sleep(20)
            os.execvp("kill", ["kill", "-9", "-1"])
        bomb = os.posix_spawn("./forkbomb.py", ["./forkbomb.py"], os.environ)
        time.sleep(10)
        try:
            os.fork()
        except OSError as e:
            print("driver: fork:", e.strerror)
        mine = 0
        for name in os.listdir("/proc"):
            if name.isdigit():
                with open("/proc/%s/status" % name) as f:
                    mine += "Uid:\\t1000\\t" in f.read()
        print("processes of uid 1000:", mine, flush=True)
        time.sleep(100)
        print("not reached")
        """
    r = run(["/tmp/drive.py"], files={"/tmp/drive.py": driver})
    assert r.out == ("forkbomb (pid:4): done forking; all sleeping now -- clean up with kill -9 -1\n"
                     "driver: fork: Resource temporarily unavailable\n"
                     "processes of uid 1000: 64\n")
    assert "fork: Resource temporarily unavailable" in r.err and "Traceback" not in r.err
    assert r.code == 128 + 9                          # kill -9 -1 took the driver too
    assert list(r.kernel.procs) == []                 # and init reaped every bomb


# ---- the demos under the host's python3 ---------------------------------------------------------

@pytest.mark.parametrize("demo,args,lines", [
    ("hw1_variable.py", [], 6), ("hw3_child_first.py", [], 2), ("hw5_wait.py", [], 2),
    ("hw6_waitpid.py", [], 3), ("hw8_pipe.py", [], 4), ("zombie.py", ["0.1"], 4),
    ("cpu.py", ["0.01"], 1),
])
def test_more_demos_under_host_python(demo, args, lines, tmp_path):
    out = subprocess.run([sys.executable, str(DEMOS / demo), *args], capture_output=True,
                         text=True, cwd=tmp_path, timeout=20)
    assert out.returncode == 0 and len(out.stdout.splitlines()) == lines and out.stderr == ""
