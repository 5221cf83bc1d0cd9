"""Reading about things: man (sections 1, 2 and 7, paged with less), help NAME,
and --help for every program and builtin."""
from __future__ import annotations

import os
import subprocess
import sys

import pexpect
import pytest

import programs
import man_refs
from vshell.builtins import BUILTINS, NO_HELP, SPECIAL

PROMPT = "student@vshell:~$ "
NATIVE = ["sh", "edit", "nano", "vi", "vim"]          # /bin's native programs
PAGE_NAMES = {"[": "test", ".": "source", ":": "colon"}


def vshell(cmds: str, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vshell", "--seed", "1", "--virtual-time",
                           *options, "-c", cmds], capture_output=True, text=True, timeout=120)


def commands() -> list[str]:
    return sorted(set(programs.installable()) | set(NATIVE) | set(BUILTINS) | set(SPECIAL))


def test_every_program_and_builtin_has_a_manual_page():
    pages = set(programs.manpages("man1"))
    missing = [name for name in commands() if f"{PAGE_NAMES.get(name, name)}.1" not in pages]
    assert missing == []


def test_every_section_2_page_points_at_the_kernel_function_that_implements_it():
    """`python tests/man_refs.py --fix` updates the lines after the kernel changes."""
    assert man_refs.check() == []
    assert len(man_refs.pages()) >= 14


def test_a_stale_kernel_reference_is_found(tmp_path, monkeypatch):
    page = tmp_path / "fork.2"
    page.write_text("IN VSHELL'S KERNEL\n       kernel/sysproc.py:1        sys_fork\n")
    monkeypatch.setattr(man_refs, "PAGES", str(tmp_path))
    assert man_refs.check() == [
        f"fork.2: kernel/sysproc.py:1 sys_fork: sys_fork is at line "
        f"{man_refs.definition('kernel/sysproc.py', 'sys_fork')}"]


def test_help_option_works_for_every_program_and_builtin():
    """One session runs `NAME --help` for each (help NAME for the builtins that,
    as in bash, take --help as an operand) and reports the status and what came
    out, so a command whose --help fails is named."""
    script = []
    for name in commands():
        quoted = "'" + name + "'"
        asked = f"help {quoted}" if name in NO_HELP else f"command {quoted} --help"
        if name in BUILTINS or name in SPECIAL:
            asked = f"help {quoted}" if name in NO_HELP else f"{quoted} --help"
        script.append(f"{asked} > /tmp/out 2> /tmp/err < /dev/null; s=$?; "
                      f"printf '%s %s %s %s\\n' {quoted} $s $(wc -c < /tmp/out) $(wc -c < /tmp/err)")
    r = vshell("\n".join(script))
    results = {}
    for line in r.stdout.splitlines():
        name, status, out, err = line.rsplit(" ", 3)
        results[name] = (int(status), int(out) > 40, int(err))
    expected = {name: (0, True, 0) for name in commands()}
    assert results == expected


def test_man_copies_a_page_into_a_pipe_and_follows_links():
    r = vshell('man 2 fork | head -4; [ "$(man 2 waitpid)" = "$(man 2 wait)" ] && echo same;'
               " man -f fork; man -w 7 signal")
    assert r.stdout.startswith("FORK(2)                      vshell System Calls"
                               "                       FORK(2)\n\nNAME\n"
                               "       fork - create a child process\n")
    assert "same\n" in r.stdout
    assert "fork (1)" not in r.stdout and "fork (2)             - create a child process\n" in r.stdout
    assert "fork (7)             - how processes are made: fork, exec, wait\n" in r.stdout
    assert r.stdout.endswith("/usr/share/man/man7/signal.7\n")
    assert r.stderr == ""


def test_man_says_when_there_is_no_page():
    r = vshell("man nosuch; echo $?; man 2 ls; echo $?; man; echo $?; man -k zzzz; echo $?")
    assert r.stdout == "16\n16\n1\nzzzz: nothing appropriate.\n16\n"
    assert r.stderr == ("No manual entry for nosuch\nNo manual entry for ls in section 2\n"
                        "What manual page do you want?\nFor example, try 'man man'.\n")


def test_apropos_finds_pages_by_their_summary():
    r = vshell("man -k pipe")
    lines = r.stdout.splitlines()
    assert "pipe (2)             - make a pipe" in lines
    assert "pipe (7)             - pipes and pipelines" in lines
    assert "mkfifo (1)           - create named pipes (FIFOs)" in lines


def test_help_name_shows_the_page_and_unknown_names_fail():
    r = vshell("help cd | head -4; help nosuch; echo $?; cd --help | wc -l; help [ | head -1")
    assert r.stdout.startswith("CD(1)")
    assert "       cd - change the shell's working directory\n" in r.stdout
    assert r.stdout.endswith("1\n" + "TEST(1)                      vshell User Commands"
                             "                      TEST(1)\n") or "TEST(1)" in r.stdout
    assert r.stderr == "vshell: 1: help: no help topics match `nosuch'.  Try `man -k nosuch'.\n"


def test_the_manual_is_installed_lazily_and_read_only():
    r = vshell("ls /usr/share/man; ls /usr/share/man/man7; touch /usr/share/man/man1/x")
    assert r.stdout == "man1\nman2\nman7\nfork.7\npipe.7\nprocess-states.7\nsignal.7\n"
    assert "Permission denied" in r.stderr


@pytest.fixture
def session(tmp_path):
    env = dict(os.environ, TERM="dumb", XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("PAGER", None)
    env.pop("MANPAGER", None)
    child = pexpect.spawn(sys.executable, ["-m", "vshell", "--seed", "1"], env=env,
                          encoding="utf-8", timeout=20, dimensions=(24, 80))
    child.delaybeforesend = 0.3
    child.expect_exact(PROMPT)
    yield child
    if child.isalive():
        child.terminate(force=True)


def test_man_2_fork_shows_its_page_in_less_and_q_quits(session):
    session.sendline("man 2 fork")
    session.expect_exact("/usr/share/man/man2/fork.2\x1b[27m")    # less's first prompt
    assert "fork - create a child process" in session.before
    session.send(" ")
    session.expect_exact(":\x1b[27m")
    session.send("/KERNEL\r")
    session.expect_exact("sysproc.py")
    session.send("q")
    session.expect_exact(PROMPT)
    session.sendline("echo $?")
    session.expect_exact("0\r\n" + PROMPT)


def test_every_page_has_its_header_and_name_and_every_link_a_target():
    for section in ("man1", "man2", "man7"):
        for file, path in programs.manpages(section).items():
            with open(path) as f:
                text = f.read()
            if text.startswith(".so "):
                target = text[4:].strip()
                assert os.path.exists(os.path.join(os.path.dirname(os.path.dirname(path)), target)), file
                continue
            name, _, number = file.rpartition(".")
            title = f"{PAGE_NAMES_BACK.get(name, name).upper()}({number})"
            assert text.startswith(title) and text.split("\n", 1)[0].endswith(title), file
            assert "\nNAME\n       " in text and text.endswith("\n") and "\t" not in text, file
            assert max(len(line) for line in text.split("\n")) <= 80, file      # a terminal's width


PAGE_NAMES_BACK = {"colon": ":"}
