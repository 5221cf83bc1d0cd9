"""An interactive session in a real pseudo-terminal: prompt, history, completion,
job control keys, background notices, Ctrl-D."""
from __future__ import annotations

import os
import sys
import time

import pexpect
import pytest

PROMPT = "student@vshell:~$ "


def press(child, key: str) -> None:
    """Ctrl-C or Ctrl-D, a moment after the last output, as a person would."""
    time.sleep(0.3)
    if key == "C":
        child.sendintr()
    else:
        child.sendeof()


@pytest.fixture
def session(tmp_path):
    env = dict(os.environ, TERM="dumb", XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    child = pexpect.spawn(sys.executable, ["-m", "vshell", "--seed", "1"], env=env,
                          encoding="utf-8", timeout=20, dimensions=(30, 120))
    # keys typed in the instant between the prompt appearing and the editor taking
    # the terminal over would be read in the wrong mode, so type like a person
    child.delaybeforesend = 0.3
    child.expect_exact(PROMPT)
    yield child
    if child.isalive():
        child.terminate(force=True)


def test_a_pipeline_runs_at_the_prompt(session):
    session.sendline("echo hello world | wc -w")
    session.expect_exact("2")
    session.expect_exact(PROMPT)


def test_history_is_recalled_with_the_up_arrow(session, tmp_path):
    session.sendline("echo remembered")
    session.expect_exact("remembered")
    session.expect_exact(PROMPT)
    session.send("\x1b[A")                # up arrow
    session.send("\r")
    session.expect_exact("remembered")
    session.expect_exact(PROMPT)
    assert "echo remembered" in (tmp_path / "state" / "vshell" / "history").read_text()


def test_tab_completes_a_virtual_path(session):
    session.send("cat /etc/hostn")
    session.send("\t")
    session.send("\r")
    session.expect_exact("vshell")
    session.expect_exact(PROMPT)


def test_ctrl_c_stops_a_running_yes(session):
    session.sendline("yes > /dev/null")
    session.expect_exact("yes > /dev/null")
    session.expect(r"\r\n")
    press(session, "C")
    session.expect_exact(PROMPT)
    session.sendline("echo status $?")
    session.expect_exact("status 130")


def test_ctrl_z_stops_a_sleep_and_fg_continues_it(session):
    session.sendline("echo started; sleep 2")
    session.expect_exact("started")
    session.sendcontrol("z")
    session.expect(r"\[1\]\+\s+Stopped\s+sleep 2")
    session.expect_exact(PROMPT)
    session.sendline("jobs")
    session.expect(r"\[1\]\+\s+Stopped")
    session.expect_exact(PROMPT)
    session.sendline("fg")
    session.expect_exact("sleep 2")
    session.expect_exact(PROMPT)
    session.sendline("jobs; echo none")
    session.expect_exact("none")


def test_a_background_job_says_done(session):
    session.sendline("sleep 0.1 &")
    session.expect(r"\[1\] \d+")
    session.expect_exact(PROMPT)
    session.sendline("sleep 0.3")
    session.expect(r"\[1\]\+\s+Done\s+sleep 0.1")     # before the next prompt
    session.expect_exact(PROMPT)


def test_ctrl_d_exits_with_the_last_status(session):
    session.sendline("false")
    session.expect_exact(PROMPT)
    press(session, "D")
    session.expect(pexpect.EOF)
    session.close()
    assert session.exitstatus == 1


def test_ctrl_d_ends_a_cat_but_not_the_shell(session):
    session.sendline("cat")
    session.expect(r"\r\n")
    session.sendline("typed line")
    session.expect_exact("typed line")
    press(session, "D")
    session.expect_exact(PROMPT)
    session.sendline("echo still here")
    session.expect_exact("still here")


def test_step_mode_pauses_before_each_system_call_and_q_leaves_it(session):
    session.sendline("step on")
    session.expect_exact(PROMPT)
    session.sendline("/bin/true")
    session.expect(r">> \[pid \d+\] about to call ")
    session.expect_exact("STATE")
    session.expect_exact("step: Enter for the next event")
    session.sendline("")                      # next event
    session.expect(r">> \[pid \d+\] about to call ")
    session.sendline("q")                     # leave step mode; the command runs on
    session.expect_exact(PROMPT)
    session.sendline("echo after")
    session.expect_exact("after")


def test_a_password_is_typed_unseen_and_echo_comes_back(session):
    session.sendline("su -c 'echo I am $USER' alice")
    session.expect_exact("Password: ")
    session.sendline("alice")
    session.expect_exact("I am alice")
    assert "alice" not in session.before           # the password was not echoed
    session.expect_exact(PROMPT)
    session.sendline("cat")                        # a program reading the terminal
    session.sendline("seen")                       # is echoed again
    session.expect_exact("seen\r\nseen")
    press(session, "D")
    session.expect_exact(PROMPT)
