"""edit: a full-screen editor that is a process of the machine, reading and
writing its file through the kernel and its keys through the terminal."""
from __future__ import annotations

import os
import subprocess
import sys

import pexpect
import pytest

PROMPT = "student@vshell:~$ "


def vshell(cmds: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vshell", "--seed", "1", "--virtual-time",
                           "-c", cmds], capture_output=True, text=True, timeout=60)


@pytest.fixture
def session(tmp_path):
    env = dict(os.environ, TERM="dumb", XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    child = pexpect.spawn(sys.executable, ["-m", "vshell", "--seed", "1"], env=env,
                          encoding="utf-8", timeout=20, dimensions=(20, 100))
    child.delaybeforesend = 0.3
    child.expect_exact(PROMPT)
    yield child
    if child.isalive():
        child.terminate(force=True)


def test_edit_opens_changes_and_saves_a_file(session):
    session.sendline("printf 'print(1)\\n' > t.py; edit t.py")
    session.expect_exact("^Q")                      # the keys, shown at the bottom
    session.expect_exact("Quit")
    session.send("x = 2\r")
    session.expect_exact("(modified)")
    session.send("\x13")                            # Ctrl-S
    session.expect_exact("Saved 2 lines")
    session.send("\x11")                            # Ctrl-Q
    session.expect_exact("\x1b[?1049l")             # the screen as it was
    session.expect_exact(PROMPT)
    session.sendline("cat t.py; echo typed at a sane prompt")
    session.expect_exact("x = 2\r\nprint(1)\r\ntyped at a sane prompt\r\n" + PROMPT)


def test_edit_asks_before_quitting_with_unsaved_changes_and_finds_text(session):
    session.sendline("seq 30 > n.txt; edit n.txt")
    session.expect_exact("Quit")
    session.send("\x06")                            # Ctrl-F: the search line
    session.send("25\r")
    session.expect_exact("25/31")
    session.send("new\r")
    session.send("\x11")
    session.expect_exact("Save changes before quitting?")
    session.send("n\r")
    session.expect_exact(PROMPT)
    session.sendline("wc -l < n.txt")
    session.expect_exact("30\r\n")


def test_edit_is_a_process_and_the_files_permissions_hold(session):
    session.sendline("edit /etc/passwd")            # readable, not writable by student
    session.expect_exact("[read-only")
    session.send("\x13")
    session.expect_exact("Cannot save /etc/passwd:")
    session.send("\x1a")                            # Ctrl-Z is undo here, not a stop
    session.send("\x11")
    session.expect_exact(PROMPT)
    session.sendline("edit /etc/shadow")
    session.expect_exact("edit: /etc/shadow: Permission denied\r\n" + PROMPT)
    session.sendline("edit notes.txt & sleep 0.5; ps -o pid,stat,cmd; kill %1")
    session.expect_exact("edit notes.txt")           # in ps, stopped: it wants the terminal
    session.expect_exact(PROMPT)


def test_edit_needs_a_file_and_a_terminal_and_vi_names_it():
    r = vshell("edit; echo $?; edit f < /dev/null; echo $?; vi f; echo $?; edit --help | head -1;"
               " nano --help | head -1")
    assert r.stdout == "2\n1\n127\nusage: edit FILE   (also: nano FILE)\nusage: edit FILE   (also: nano FILE)\n"
    assert r.stderr == ("edit: give one file to edit\nusage: edit FILE\n"
                        "Try 'edit --help' for more information.\n"
                        "edit: the editor needs a terminal (standard input and output)\n"
                        "vi: vshell has no vi; its editor is edit (or nano):  edit FILE\n"
                        "    Ctrl-S saves, Ctrl-Q quits, Ctrl-F finds; the keys are shown at the bottom.\n")


def test_edit_makes_a_new_file_that_ends_with_a_newline_and_runs(session):
    session.sendline("edit new.py")
    session.expect_exact("New file")
    session.send("print(6 * 7)")
    session.send("\x13")
    session.expect_exact("Saved")
    session.send("\x11")
    session.expect_exact(PROMPT)
    session.sendline("cat new.py; python new.py")
    session.expect_exact("print(6 * 7)\r\n42\r\n" + PROMPT)


def test_edit_started_in_the_background_stops_until_fg_and_the_prompt_still_works(session):
    """It may not set the terminal's modes from the background (SIGTTOU, as on
    Linux), and it never takes the shell's line editor over."""
    session.sendline("edit bg.txt &")
    session.expect_exact("[1] ")
    session.expect_exact(PROMPT)
    session.sendline("jobs")
    session.expect_exact("[1]+  Stopped                 edit bg.txt\r\n" + PROMPT)
    session.sendline("fg")
    session.expect_exact("Quit")
    session.send("from the background")
    session.send("\x13")
    session.expect_exact("Saved")
    session.send("\x11")
    session.expect_exact(PROMPT)
    session.sendline("cat bg.txt")
    session.expect_exact("from the background\r\n" + PROMPT)
