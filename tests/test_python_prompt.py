"""`python` at a terminal: the interactive prompt, running as a virtual process
(kernel/libpy/repl.py).  Expected text is CPython 3.11's at a terminal, and
`env -u PYTHONUNBUFFERED python3 -i` with a pipe."""
from __future__ import annotations

import os
import sys
import time

import pexpect
import pytest

from test_python_fidelity import sh

PROMPT = "student@vshell:~$ "


@pytest.fixture
def session(tmp_path):
    env = dict(os.environ, TERM="dumb", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    child = pexpect.spawn(sys.executable, ["-m", "vshell", "--seed", "1"], env=env,
                          encoding="utf-8", timeout=20, dimensions=(30, 120))
    child.delaybeforesend = 0.3
    child.expect_exact(PROMPT)
    yield child
    if child.isalive():
        child.terminate(force=True)


def lines(child) -> str:
    return child.before.replace("\r\n", "\n").replace("\r", "")


def test_python_at_a_terminal_gives_the_prompt(session):
    session.sendline("python")
    session.expect_exact(">>> ")
    assert 'Type "help", "copyright", "credits" or "license" for more information.' in lines(session)
    session.sendline("6 * 7")
    session.expect_exact(">>> ")
    assert lines(session).endswith("6 * 7\n42\n")
    session.sendline("for i in range(2):")
    session.expect_exact("... ")
    session.sendline("    print(i)")
    session.expect_exact("... ")
    session.sendline("")
    session.expect_exact(">>> ")
    assert lines(session).endswith("\n0\n1\n")
    session.sendline("prin(1)")
    session.expect_exact(">>> ")
    assert lines(session).endswith("NameError: name 'prin' is not defined. Did you mean: 'print'?\n")
    session.sendline("exit()")
    session.expect_exact(PROMPT)


def test_a_fork_at_the_prompt_returns_twice(session):
    """Both processes go on from the fork: the child prints and exits (on the
    same line, so that which of the two reads the next line does not matter)."""
    session.sendline("python3 -q")
    session.expect_exact(">>> ")
    session.sendline("import os; pid = os.fork(); print('child' if pid == 0 else 'parent'); pid or os._exit(7)")
    session.expect_exact("\n")                              # the line typed, echoed
    session.expect_exact(">>> ")
    out = lines(session)
    while "child" not in out or "parent" not in out:
        session.expect_exact("\n")
        out += lines(session) + "\n"
    session.sendline("os.waitpid(pid, 0)[1] >> 8")
    session.expect(r"\n7\r\n>>> ")
    session.sendline("exit()")
    session.expect_exact(PROMPT)


def test_ctrl_c_at_the_prompt_prints_keyboard_interrupt_and_goes_on(session):
    session.sendline("python -q")
    session.expect_exact(">>> ")
    time.sleep(0.3)
    session.sendintr()
    session.expect_exact("KeyboardInterrupt")
    session.expect_exact(">>> ")
    session.sendline("while True: pass")
    session.expect_exact("... ")
    session.sendline("")
    time.sleep(1)
    session.sendintr()
    session.expect_exact("KeyboardInterrupt")
    session.expect_exact(">>> ")
    time.sleep(0.5)                  # (as a person: after the editor has the terminal)
    session.sendeof()
    session.expect_exact(PROMPT)


# ---- -i with a pipe: compared with `env -u PYTHONUNBUFFERED python3 -i` -------------------

STATEMENTS = "x=1\nx+1\nfor i in range(2): i\n\nprin(1)\n_\nif 1:\n  print(\"in\")\n\ndef f(:\n"


def test_python_i_reads_statements_from_a_pipe_as_cpython():
    r = sh(f"printf '{STATEMENTS}' | python3 -i")
    assert r.out == "2\n0\n1\n1\nin\n"
    assert r.err == ('Python ' + r.err.split("Python ", 1)[1].split("\n")[0] + "\n"
                     'Type "help", "copyright", "credits" or "license" for more information.\n'
                     ">>> >>> >>> ... >>> Traceback (most recent call last):\n"
                     '  File "<stdin>", line 1, in <module>\n'
                     "NameError: name 'prin' is not defined. Did you mean: 'print'?\n"
                     ">>> >>> ... ... >>>   File \"<stdin>\", line 1\n"
                     "    def f(:\n"
                     "          ^\n"
                     "SyntaxError: invalid syntax\n"
                     ">>> \n")
    assert r.code == 0


def test_python_i_after_a_script_keeps_its_variables_and_reports_its_exit():
    r = sh("echo 'print(x)' | python3 -q -i -c 'import sys; x = 5; sys.exit(3)'")
    assert r.out == "5\n"
    assert r.err == ("Traceback (most recent call last):\n"
                     '  File "<string>", line 1, in <module>\n'
                     "SystemExit: 3\n>>> >>> \n")
    assert r.code == 0


def test_sys_exit_at_the_prompt_is_the_exit_status():
    r = sh("printf 'raise SystemExit(\"bye\")\\n' | python3 -q -i; echo $?")
    assert (r.out, r.err) == ("1\n", ">>> bye\n")


def test_dash_i_sets_interactive_and_inspect_flags():
    r = sh("echo 'import sys; print(sys.flags.interactive, sys.flags.inspect, sys.argv)' | python3 -q -i")
    assert r.out == "1 1 ['']\n"


def test_python_without_a_terminal_still_runs_stdin_as_a_script():
    r = sh("echo 'print(6 * 7)' | python3")
    assert (r.out, r.err) == ("42\n", "")


def test_the_prompt_has_a_line_editor_with_its_own_history(session):
    session.sendline("python -q")
    session.expect_exact(">>> ")
    session.sendline("40 + 2")
    session.expect_exact("42")
    session.expect_exact(">>> ")
    time.sleep(0.3)
    session.send("\x1b[A")                    # the up arrow recalls the line
    time.sleep(0.3)
    session.send("\r")
    session.expect_exact("42")
    session.expect_exact(">>> ")
    session.sendline("exit()")
    session.expect_exact(PROMPT)
    session.sendline("echo back")
    session.expect_exact("back")


def test_exit_typed_alone_says_how_to_leave_as_cpythons_site_does():
    r = sh("printf 'exit\\nquit\\nexit(3)\\n' | python3 -q -i; echo $?")
    assert r.out == ("Use exit() or Ctrl-D (i.e. EOF) to exit\n"
                     "Use quit() or Ctrl-D (i.e. EOF) to exit\n3\n")


def test_after_the_parent_exits_the_next_line_is_the_shells_not_the_childs(session):
    """The child of a fork at the prompt, left reading the terminal when the
    shell takes it back, is in the background: the line typed next goes to the
    shell, and the child gets SIGTTIN (kernel/tty.py), as on Linux."""
    session.sendline("python -q")
    session.expect_exact(">>> ")
    session.sendline("import os, time; pid = os.fork(); pid and (time.sleep(1.5), os._exit(0))")
    session.expect_exact("0\r\n")                  # the child's value: it reads on, at >>>
    time.sleep(3)                                  # the parent has gone: the shell's turn
    session.sendline("echo back at the shell")
    session.expect_exact("back at the shell\r\n")
    assert "SyntaxError" not in lines(session)
    session.sendline("ps -o pid,stat,cmd")
    session.expect(r"\d+ +T\+? +python -q")        # stopped by SIGTTIN


def test_pythonstartup_runs_before_the_first_prompt_but_not_after_a_script():
    files = {"/home/student/s.py": "X = 7; print('startup')\n"}
    r = sh("echo 'print(X)' | PYTHONSTARTUP=s.py python3 -q -i", files=files)
    assert (r.out, r.err) == ("startup\n7\n", ">>> >>> \n")
    r = sh("echo 'print(X)' | PYTHONSTARTUP=s.py python3 -q -i -c pass", files=files)
    assert r.err.endswith("NameError: name 'X' is not defined\n>>> \n")


def test_input_ending_inside_a_statement_runs_it_and_output_waits_for_the_first_statement():
    """Recorded with env -u PYTHONUNBUFFERED python3 -i -c 'print(7)' 2>&1: the
    command's output is flushed after the first statement, not before the
    first prompt; a block cut off by the end of input still runs, and an
    unclosed bracket is reported."""
    r = sh("printf 'for i in range(2):\\n  print(i)\\n' | python3 -i -c 'print(7)' 2>&1")
    assert r.out == ">>> ... ... \n7\n0\n1\n>>> \n"
    r = sh("printf 'print(3, end=\"\")\\nx=(\\n' | python3 -i -c 'print(7)' 2>&1")
    assert r.out == (">>> 7\n3>>> ... \n  File \"<stdin>\", line 1\n    x=(\n      ^\n"
                     "SyntaxError: '(' was never closed\n>>> \n")
