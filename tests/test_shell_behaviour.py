"""The shell as the chapter describes it, and its robustness against bad input."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import new_machine, run_on
from kernel import trace as ev
from vshell.parser import Parser, ShellSyntaxError

ENV = {"PATH": "/bin", "HOME": "/home/student", "USER": "student"}


def sh(script: str, stdin: bytes = b"", trace: list | None = None):
    k = new_machine(stdin=stdin)
    if trace is not None:
        k.trace.subscribe(trace.append)
    r = run_on(k, ["/bin/sh", "-c", script, "vshell"], env=ENV)
    # the exit code, or -N for a shell killed by signal N (as subprocess gives)
    return r.out, r.err, os.waitstatus_to_exitcode(r.status), k


def test_redirection_happens_in_the_child_between_fork_and_exec():
    events: list = []
    sh("echo hello > f; /bin/true f > out; echo done", trace=events)
    calls = [(e.pid, e.name, e.args) for e in events if isinstance(e, ev.SyscallEnter)]
    execs = [e for e in events if isinstance(e, ev.Exec) and e.path == "/bin/true"]
    assert len(execs) == 1
    child = execs[0].pid
    shell = next(e.parent for e in events if isinstance(e, ev.Fork) and e.child == child)
    seq = [(pid, name) for pid, name, args in calls if pid in (child, shell)]
    fork_at = seq.index((shell, "clone"))
    child_calls = [name for pid, name in seq[fork_at:] if pid == child]
    assert child_calls[:4] == ["open", "dup2", "close", "execve"]
    opened = next(args for pid, name, args in calls if pid == child and name == "open")
    assert opened[0] == "out"
    assert (shell, "wait4") in seq[fork_at:]


def test_the_shell_is_a_process_in_the_table():
    # (not ps last: sh -c execs its last command in its own process, as dash does)
    out, err, status, k = sh("echo $$; ps -o pid=,ppid=,comm= -p $$; true")
    pid, row = out.splitlines()
    assert row.split() == [pid, "1", "sh"]          # a child of init, named sh


def test_a_cat_in_a_script_reads_the_terminal_not_the_script():
    out, err, status, k = sh("cat\necho after", stdin=b"typed\n")
    assert out == "typed\nafter\n"


def test_exit_300_gives_44_and_a_killed_child_gives_128_plus_n():
    assert sh("exit 300")[2] == 44
    assert sh("sh -c 'kill -9 $$'; echo $?")[0] == "137\n"


def test_a_shell_killed_by_a_signal_is_not_an_exit():
    assert sh("kill -9 $$")[2] == -9
    assert sh("kill -15 $$")[2] == -15
    assert sh("exit 9")[2] == 9


def test_background_jobs_and_wait():
    out, err, status, k = sh("(echo one; exit 3) & wait $!; echo status $?")
    assert out == "one\nstatus 3\n"


# shell-like text: the fuzz tests here, and longer runs of them in test_soak.py
PARSER_TEXT = st.lists(st.sampled_from(list("ab $'\"\\|&;<>(){}`#=*?[]~\n\t0-9") +
                                       ["if ", "then ", "fi", "do ", "done", "case ", "esac",
                                        "while ", "for ", " in ", "$(", "${", "<<", "\x00", "é"]),
                       max_size=40).map("".join)
SESSION_TEXT = st.lists(st.sampled_from(list("ab $'\"\\|&;<>(){}`#=*?\n") +
                                        ["echo ", "true", "false", "${x:-", "$((1+", "if ", "fi",
                                         "exit ", "cd /", "x=1", "\x00", "\udcff"]),
                        max_size=30).map("".join)


def parses_or_says_why(text: str) -> None:
    try:
        Parser(text).parse_all()
    except ShellSyntaxError:
        pass


def runs_without_a_traceback(text: str) -> None:
    out, err, status, k = sh(text)
    assert k.panics == []
    assert "Traceback" not in err


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARSER_TEXT)
def test_the_parser_never_crashes(text):
    parses_or_says_why(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SESSION_TEXT)
def test_no_script_gives_a_traceback_or_a_kernel_error(text):
    runs_without_a_traceback(text)


def test_very_long_lines_and_invalid_utf8_are_handled():
    out, err, status, k = sh("echo " + "x" * 100_000 + " | wc -c")
    assert k.panics == []
    out, err, status, k = sh("echo \udcff\udcfe ok")
    assert out.endswith("ok\n") and k.panics == []


def test_scripted_mode_imports_neither_prompt_toolkit_nor_rich():
    import subprocess
    import sys
    code = ("import sys; from vshell.__main__ import main; main(['-c', 'echo hi'])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('prompt_toolkit', 'rich')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL, timeout=60).stdout
    assert out == "hi\n[]\n"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_the_highlighting_lexer_ends_on_any_input(text):
    from vshell.frontend import ShellLexer
    tokens = list(ShellLexer(lambda w: False).get_tokens_unprocessed(text))
    assert "".join(t for _, _, t in tokens) == text


def test_ulimit_u_limits_the_processes_of_the_user_and_fork_failure_is_one_line():
    # init, the shell and one sleep are the user's three processes
    out, err, status, k = sh("ulimit -u 3; ulimit -u; sleep 1 & sleep 1 & wait; echo survived")
    assert out == "3\nsurvived\n"
    assert err == "vshell: 1: Cannot fork\n"
    assert k.panics == []


def test_a_script_under_a_file_cannot_be_opened_in_dashs_words():
    # (dash's errmsg says `No such file` for ENOTDIR too, as a redirection does)
    out, err, status, k = sh("sh /etc/passwd/x; echo $?; cat < /etc/passwd/x")
    assert out == "2\n"
    assert err == ("sh: 0: cannot open /etc/passwd/x: No such file\n"
                   "vshell: 1: cannot open /etc/passwd/x: No such file\n")


def test_a_background_pipelines_stages_are_the_shells_children_and_bang_is_the_last():
    # As dash: `a | b &` forks both stages from the shell.  Before, a job shell
    # forked them, so $! was that shell: `kill $!` left both stages running and
    # `wait` did not wait for them (dash's output, recorded, is the same).
    out, err, status, k = sh("sleep 5 | cat & sleep 1; ps -o pid=,ppid=,comm=; echo \"bang $!\";"
                             " kill $!; wait $!; echo \"killed $?\"; wait;"
                             " ps -o comm= | grep -c sleep")
    assert out == ("    1     0 init\n    2     1 sh\n    3     2 sleep\n    4     2 cat\n    6     2 ps\n"
                   "bang 4\nkilled 143\n0\n")
    assert (err, status) == ("Terminated\n", 1)       # (dash's words; grep -c counted none)
    assert k.clock.monotonic() >= 5                    # wait waited for the sleep
