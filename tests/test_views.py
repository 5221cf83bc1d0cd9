"""Views a lecturer can trust (issue 11): traces that read like strace(1) and go
where the shell's redirections send them, step mode and ps in the program's own
terms, tables no name can style."""
from __future__ import annotations

from kernel import MemoryConsole
from vshell.system import Options, boot, make_machine


def session(script: str, user: str = "student", stdin: bytes = b"", **opts_args):
    opts = Options(seed=1, virtual_time=True, user=user, **opts_args)
    k = make_machine(opts, MemoryConsole(stdin))
    status = boot(k, opts, ["sh", "-c", script, "vshell"])
    return k.tty.console.stdout, k.tty.console.stderr, status


# ---- where the views write ---------------------------------------------------------------

def test_timeline_writes_to_stdout_so_a_pipe_gets_it():
    out, err, _ = session("timeline ./p1.py | wc -l")
    assert "Time" not in err and "Time" not in out
    assert int(out.split("\n")[-2]) > 10                 # wc counted the table


def test_timeline_into_dev_null_shows_nothing():
    out, err, _ = session("timeline ./p1.py > /dev/null; echo rc=$?")
    assert out == "rc=0\n" and "Time" not in err


def test_timeline_shows_every_row_of_a_long_run():
    out, err, _ = session("timeline python -c 'import os\nfor i in range(300): os.getpid()' > t.out; "
                          "grep -c RUN t.out; grep -c '^ *\\.\\.\\.' t.out")
    runs, cut = out.split()
    assert int(runs) > 300 and cut == "0"


def test_strace_writes_to_its_stderr_which_can_be_redirected():
    out, err, _ = session("strace ./p1.py 2>/tmp/f > /dev/null; echo; grep -c execve /tmp/f")
    assert "execve" not in err and out.split() == ["1"]


def test_strace_into_a_pipe():
    out, err, _ = session("strace ./p1.py 2>&1 >/dev/null | grep execve")
    assert out == 'execve("./p1.py", ["./p1.py"], ...) = 0\n' and err == ""


def test_the_live_trace_goes_where_the_trace_builtin_s_stderr_went():
    out, err, _ = session("trace proc 2>/tmp/t.log; /bin/true; trace off; grep -c execve /tmp/t.log")
    assert out == "1\n" and "execve" not in err


# ---- the trace reads like strace(1) ----------------------------------------------------------

def strace_of(code: str, *flags: str) -> str:
    with_quotes = code.replace("'", "'\\''")
    out, err, _ = session(f"strace {' '.join(flags)} python -c '{with_quotes}' > /dev/null")
    return err


def test_open_shows_flag_names_and_the_mode_in_octal():
    err = strace_of("import os; os.close(os.open('/tmp/f', os.O_WRONLY|os.O_CREAT|os.O_TRUNC, 0o644))")
    assert 'open("/tmp/f", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = 3\n' in err
    assert "close(3) = 0\n" in err


def test_signals_pipes_and_dup2_by_name():
    err = strace_of("import os, signal; signal.signal(signal.SIGINT, signal.SIG_IGN); "
                    "r, w = os.pipe(); os.dup2(w, 1)")
    assert "rt_sigaction(SIGINT, {sa_handler=SIG_IGN}, {sa_handler=SIG_DFL}, 8) = 0\n" in err
    assert "pipe2([3, 4], O_CLOEXEC) = 0\n" in err
    assert "dup2(4, 1) = 1\n" in err


def test_no_python_reprs_in_a_trace():
    out, err, _ = session("strace -f sh -c 'true | cat; test -t 1' > /dev/null")
    assert "<" not in err and "True" not in err and "False" not in err and "None" not in err
    assert "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD" in err


def test_exec_success_and_failure_have_one_form():
    out, err, _ = session("strace ./p1.py > /dev/null; strace -f sh -c 'exec ./nosuch' 2>&1")
    assert err.startswith('execve("./p1.py", ["./p1.py"], ...) = 0\n')
    assert ('execve("./nosuch", ["./nosuch"], ...) = -1 ENOENT (No such file or directory)\n'
            in out)


def test_strace_starts_at_the_command_s_exec_without_the_shell_s_work():
    out, err, _ = session("strace true")
    assert err == 'execve("/bin/true", ["true"], ...) = 0\nexit_group(0) = ?\n+++ exited with 0 +++\n'


def test_wait_and_signals_as_strace_shows_them():
    out, err, _ = session("strace ./p2.py > /dev/null")
    assert "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=4, si_status=0} ---\n" in err
    assert "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 4\n" in err


def test_kill_by_signal_name_and_killed_by():
    out, err, _ = session("strace python -c 'import os, signal; os.kill(os.getpid(), signal.SIGTERM)'")
    assert err.endswith("kill(3, SIGTERM) = 0\n"
                        "--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=3, si_uid=1000} ---\n"
                        "+++ killed by SIGTERM +++\nTerminated\n")


def test_the_live_trace_has_no_switch_of_a_process_to_itself():
    out, err, _ = session("trace sched; ./p1.py > /dev/null; sleep 1; trace off")
    for line in err.splitlines():
        if line.startswith("switch "):
            a, b = line.split()[1], line.split()[3]
            assert a != b, line


# ---- trace KIND ----------------------------------------------------------------------------

def test_trace_rejects_an_unknown_kind_as_the_option_does():
    out, err, status = session("trace nonsense; echo rc=$?; cat /proc/trace")
    assert err == "vshell: 1: trace: unknown kind 'nonsense' (all, syscalls, sched, signals, proc)\n"
    assert out == "rc=2\noff\n"


def test_trace_takes_the_comma_list_of_the_option():
    out, err, status = session("trace syscalls,proc; cat /proc/trace; trace off")
    assert out == "on syscalls proc\n"


# ---- names are text, never markup or escapes --------------------------------------------

def on_a_terminal(script: str) -> str:
    opts = Options(seed=1, virtual_time=True)
    k = make_machine(opts, MemoryConsole(tty=True))
    boot(k, opts, ["sh", "-c", script, "vshell"])
    return k.tty.console.stdout


def plain(text: str) -> str:
    import re
    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)


def test_a_name_in_brackets_shows_literally_in_ps_fds_top_and_pstree():
    out = plain(on_a_terminal(
        "cp /bin/sleep '[red]x'; './[red]x' 1 & ps -o pid,comm,cmd; "
        "echo hi > '[red]notes.txt'; exec 5<'[red]notes.txt'; fds $$; top -n 1; pstree; wait"))
    assert out.count("[red]x") >= 4                       # ps (comm, cmd), top, pstree
    assert "/home/student/[red]notes.txt" in out          # fds


def test_pstree_branches_line_up_on_a_colour_terminal():
    out = on_a_terminal("sleep 1 & sleep 2 & ./io.py > /dev/null & pstree -p; wait")
    lines = plain(out).splitlines()
    first = next(line for line in lines if "┬" in line)
    rest = [line for line in lines if "├" in line or "└" in line]
    assert "\x1b[" in out and rest
    assert all(line.index("├" if "├" in line else "└") == first.index("┬") for line in rest)


# ---- predict -------------------------------------------------------------------------------

def test_predict_runs_a_program_of_this_directory_without_dot_slash():
    out, err, status = session("printf 'nothing\\n\\n' | predict hw1_variable.py")
    assert err == "" and "child: x = 100" in out


def test_predict_says_at_once_that_a_file_is_not_there():
    out, err, status = session("predict nosuch.py < /dev/null")
    assert (out, err, status) == ("", "predict: nosuch.py: No such file or directory\n", 2)


def test_predict_t_with_an_impossible_action_list_is_one_line():
    out, err, status = session("predict -t a+b,b-,b- < /dev/null")
    assert (out, err, status) == ("", "predict: b-: there is no live process b\n", 2)
    out, err, status = session("predict -t a+b,zz < /dev/null")
    assert err == "predict: zz: an action is PARENT+CHILD or NAME-\n"


# ---- small things a lecturer notices -----------------------------------------------------

def test_sched_says_one_tick_in_the_singular():
    out, err, _ = session("sched rr 1; sched rr 2")
    assert "policy: rr (quantum 1 tick)\n" in out and "policy: rr (quantum 2 ticks)\n" in out


def test_kill_minus_one_with_no_other_process_is_esrch():
    out, err, status = session("kill -9 -1; echo rc=$?")
    assert out == "rc=1\n" and err == "vshell: 1: kill: No such process\n\n"   # dash's blank line


def test_kill_minus_one_kills_nothing_of_other_users_and_succeeds_as_on_linux():
    # dash as nobody on Linux 6: `kill -9 -1` with only others' processes about: status 0
    out, err, status = session("sleep 5 & su alice -c 'kill -9 -1; echo rc=$?'; jobs",
                               user="root", stdin=b"alice\n")
    assert "rc=0" in out and "Running" in out and "sleep 5" in out


def test_record_refuses_a_format_it_cannot_write(tmp_path):
    import subprocess
    import sys
    path = tmp_path / "x.pdf"
    r = subprocess.run([sys.executable, "-m", "vshell", "--record", str(path), "-c", "echo hi"],
                       capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert r.returncode == 2 and r.stdout == "" and not path.exists()
    assert r.stderr.startswith(f"vshell: --record: cannot write {path}: ") and r.stderr.count("\n") == 1


# ---- the shell in its own terms; step mode -------------------------------------------------

def test_ps_regs_and_stack_show_the_shell_s_state_in_shell_terms():
    out, err, _ = session("sleep 1 & sh -c 'ps -o pid,pc,cmd; cat /proc/$PPID/stack; "
                          "grep PC /proc/$PPID/status; regs $PPID'; wait %1")
    assert "sh: waiting for pid 4" in out.splitlines()[1]          # ps: pid 2, the shell
    assert "pc  sh: waiting for pid 4\n" in out and "PC:\tsh: waiting for pid 4\n" in out
    assert ".py" not in out.replace("sleep.py", "") and "/vshell/" not in out
    assert "runner" not in out and "self =" not in out


def test_wait_names_the_job_it_waits_for():
    out, err, _ = session("sleep 1 & sh -c 'grep PC /proc/$PPID/status' & wait %1; wait")
    assert "PC:\tsh: waiting for job 1 (wait)\n" in out


def interactive(tmp_path):
    import os
    import sys

    import pexpect
    env = dict(os.environ, TERM="dumb", XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    child = pexpect.spawn(sys.executable, ["-m", "vshell", "--seed", "1"], env=env,
                          encoding="utf-8", timeout=20, dimensions=(30, 160))
    child.delaybeforesend = 0.3
    child.expect_exact("student@vshell:~$ ")
    return child


def steps_until(child, text: str) -> str:
    """Press Enter at each pause until one shows text; that pause's screen."""
    for _ in range(60):
        child.expect_exact("step: Enter for the next event")
        if text in child.before:
            return child.before
        child.sendline("")
    raise AssertionError(f"no pause showed {text!r}")


def test_step_shows_each_process_s_program_line_never_vshell_files(tmp_path):
    child = interactive(tmp_path)
    child.sendline("step on")
    child.expect_exact("student@vshell:~$ ")
    child.sendline("./p1.py")
    screen = steps_until(child, "about to call write")
    rows = {line.split()[0]: line for line in screen.splitlines() if line.strip()[:1].isdigit()}
    assert "p1.py:" in rows["3"] and "sh: waiting for pid 3" in rows["2"]
    assert ".py:" not in screen.replace("p1.py:", "")       # no tracer.py, runner.py ...
    child.sendline("q")
    child.expect_exact("student@vshell:~$ ")
    child.terminate(force=True)


def test_c_after_a_fork_runs_everything_to_the_end(tmp_path):
    child = interactive(tmp_path)
    child.sendline("step on")
    child.expect_exact("student@vshell:~$ ")
    import io
    child.logfile_read = seen = io.StringIO()
    child.sendline("./p1.py")
    steps_until(child, "[pid 4] about to call")             # the child of the fork
    child.sendline("c")
    child.expect_exact("student@vshell:~$ ", timeout=5)     # nobody waits for another key
    assert "parent of 4 (pid:3)" in seen.getvalue() and "child (pid:4)" in child.before
    child.terminate(force=True)


def test_ctrl_c_at_the_step_prompt_leaves_step_mode(tmp_path):
    import time
    child = interactive(tmp_path)
    child.sendline("step on")
    child.expect_exact("student@vshell:~$ ")
    child.sendline("./p1.py")
    child.expect_exact("step: Enter for the next event")
    time.sleep(0.3)
    child.sendintr()
    child.expect_exact("parent of 4 (pid:3)", timeout=5)
    child.expect_exact("student@vshell:~$ ", timeout=5)
    child.sendline("./p1.py > /dev/null; echo done")
    child.expect_exact("done")                              # no pause: step mode is off
    assert "step: Enter" not in child.before
    child.terminate(force=True)


# ---- mem PARENT CHILD --------------------------------------------------------------------

FORK_X = """#!/usr/bin/env python3
import os, time
x = 100
if os.fork() == 0:
    x = 200
    open("child", "w").write(str(os.getpid()))      # (who runs first after fork is the seed's)
    time.sleep(2)
else:
    time.sleep(2)
    os.wait()
"""


def test_mem_of_two_processes_is_side_by_side_with_the_differences_marked():
    script = f"cat > fk.py <<'EOF'\n{FORK_X}EOF\nchmod +x fk.py; ./fk.py & sleep 1; mem $! $(cat child); wait"
    out, err, _ = session(script)
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["process", "5", "process"]
    assert lines[1].split() == ["text"] + ["./fk.py", "(Python", "program)"] * 2
    assert lines[2].split() == ["*", "data", "x", "100", "200"]
    assert not any(line.startswith("*") for line in lines[3:])   # the rest is the same


def test_mem_side_by_side_highlights_on_a_terminal():
    out = on_a_terminal(f"cat > fk.py <<'EOF'\n{FORK_X}EOF\nchmod +x fk.py; ./fk.py & sleep 1; "
                        "mem $! $(cat child); wait")
    assert "\x1b[1;33m100\x1b[0m" in out and "\x1b[1;33m200\x1b[0m" in out


# ---- top -----------------------------------------------------------------------------------

def test_top_quits_on_q_and_leaves_the_terminal_line_by_line(tmp_path):
    child = interactive(tmp_path)
    child.sendline("top")
    child.expect_exact("COMMAND")
    child.expect_exact("COMMAND")                           # a second refresh: it is waiting
    child.send("q")                                         # no Enter: the key is enough
    child.expect_exact("student@vshell:~$ ", timeout=5)
    child.sendline("cat")
    child.sendline("a line")
    child.expect_exact("a line\r\na line")                  # echoed, then read as a line
    child.sendeof()
    child.expect_exact("student@vshell:~$ ")
    child.terminate(force=True)


def test_a_program_can_read_keys_as_they_are_typed_with_tty_setcbreak(tmp_path):
    child = interactive(tmp_path)
    child.sendline("python -c 'import os, sys, tty; tty.setcbreak(0); print(\"ready\"); "
                   "print(\"got\", os.read(0, 10))'")
    child.expect_exact("ready")
    child.send("x")
    child.expect_exact("got b'x'", timeout=5)
    child.expect_exact("student@vshell:~$ ")
    child.terminate(force=True)


def test_calls_as_strace_writes_them():
    import os
    import signal

    from vshell.strace import call
    assert call("sigprocmask", (signal.SIG_BLOCK, frozenset({2, 17})), frozenset()) == \
        "rt_sigprocmask(SIG_BLOCK, [INT CHLD], [], 8) = 0"
    assert call("wait4", (-1, os.WNOHANG, False), (5, 9)) == \
        "wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], WNOHANG, NULL) = 5"
    assert call("wait4", (-1, os.WNOHANG, False), (0, 0)) == "wait4(-1, ..., WNOHANG, NULL) = 0"
    assert call("lseek", (3, -2, os.SEEK_END), 10) == "lseek(3, -2, SEEK_END) = 10"
    assert call("read", (0, 4096), b"ab\x00\n") == 'read(0, "ab\\0\\n", 4096) = 4'
    assert call("access", ("/bin/x", os.X_OK, False, True, None), False) == \
        'access("/bin/x", X_OK) = -1 EACCES (Permission denied)'
    assert call("execve", ("./x", ["./x"], {}), None, 2) == \
        'execve("./x", ["./x"], ...) = -1 ENOENT (No such file or directory)'
    assert call("open", ("f", os.O_RDONLY, 0o777, None)) == 'open("f", O_RDONLY)'
    assert call("getuid", (), 1000) == "getuid() = 1000"


def test_a_child_of_fork_not_yet_run_is_at_the_fork_s_line():
    program = ("import os\npid = os.fork()\nif pid:\n"
               "    print(open(f'/proc/{pid}/status').read().split('PC:')[1].split()[0])\n"
               "    os.wait()\n")
    out, err, _ = session(f"sched fifo > /dev/null; sched first parent > /dev/null; "
                          f"python -c \"{program}\"")
    assert out == "<string>:2\n"                 # not yet run: at the fork, as its parent was
