"""less and more: page on a terminal (the terminal's non-canonical mode, keys one
at a time), copy when standard output is not a terminal, as the real ones do."""
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


def test_less_and_more_copy_when_output_is_not_a_terminal():
    r = vshell("seq 3 > f; less f; seq 4 6 | less; more f - < f; less -N f | cat")
    assert (r.stdout, r.stderr, r.returncode) == ("1\n2\n3\n4\n5\n6\n1\n2\n3\n1\n2\n3\n1\n2\n3\n",
                                                  "", 0)


def test_less_reports_a_missing_file_and_a_bad_option():
    r = vshell("less nosuch; echo $?; less -Z f; echo $?")
    assert r.stdout == "1\n1\n"
    assert r.stderr == ("nosuch: No such file or directory\n"
                        "less: option -Z not recognized\nTry 'less --help' for more information.\n")


@pytest.fixture
def session(tmp_path):
    env = dict(os.environ, TERM="dumb", XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    child = pexpect.spawn(sys.executable, ["-m", "vshell", "--seed", "1"], env=env,
                          encoding="utf-8", timeout=20, dimensions=(10, 60))
    child.delaybeforesend = 0.3
    child.expect_exact(PROMPT)
    yield child
    if child.isalive():
        child.terminate(force=True)


def screen_after(child, key: str, marker: str) -> str:
    child.send(key)
    child.expect_exact(marker)
    return child.before


def test_less_pages_a_long_file_searches_and_quits(session):
    session.sendline("seq 100 > n.txt; less n.txt")
    page = screen_after(session, "", "n.txt\x1b[27m")      # the first screen: the file's name
    page = page.split("\x1b[?1049h")[1]                     # the alternate screen
    assert page == "\x1b[H\x1b[2J" + "".join(f"{i}\r\n" for i in range(1, 10)) + "\x1b[7m"
    page = screen_after(session, " ", ":\x1b[27m")        # space: the next screen
    assert "10\r\n11\r\n" in page and "18\r\n" in page and "19" not in page
    page = screen_after(session, "b", "\x1b[27m")          # b: back to the top
    page = screen_after(session, "/7.\r", ":\x1b[27m")    # the first match at the top
    assert page.endswith("\x1b[7m70\x1b[27m\r\n\x1b[7m71\x1b[27m\r\n\x1b[7m72\x1b[27m\r\n"
                         "\x1b[7m73\x1b[27m\r\n\x1b[7m74\x1b[27m\r\n\x1b[7m75\x1b[27m\r\n"
                         "\x1b[7m76\x1b[27m\r\n\x1b[7m77\x1b[27m\r\n\x1b[7m78\x1b[27m\r\n\x1b[7m")
    page = screen_after(session, "G", "(END)")
    assert "92\r\n" in page and "100\r\n" in page
    session.send("q")
    session.expect_exact("\x1b[?1049l")                     # the screen as it was
    session.expect_exact(PROMPT)
    session.sendline("echo typed at a sane prompt")        # canonical mode and echo are back
    session.expect_exact("prompt\r\r\ntyped at a sane prompt\r\n" + PROMPT)


def test_less_reads_a_pipe_lazily_and_more_pages_forward(session):
    session.sendline("yes | less")                           # never ends: read as needed
    session.expect_exact(":\x1b[27m")
    session.send("q")
    session.expect_exact(PROMPT)
    session.sendline("seq 20 | more")
    session.expect_exact("--More--(45%)")
    session.send(" ")
    session.expect_exact("--More--(90%)")
    assert "18\r\n" in session.before
    session.send("q")
    session.expect_exact(PROMPT)
