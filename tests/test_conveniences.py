"""The small conveniences every shell has: history and ! events, which, sudo,
ps aux, the hint after `p1.py: not found`, aliases at the prompt."""
from __future__ import annotations

import os
import subprocess
import sys

import pexpect

PROMPT = "student@vshell:~$ "


def vshell(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vshell", "--seed", "1", *args], input=stdin,
                          text=True, capture_output=True, timeout=60)


def at_prompt(commands: str) -> subprocess.CompletedProcess:
    """Commands typed at an interactive shell (-i), one a line."""
    return vshell("-i", stdin=commands)


# ---- history ------------------------------------------------------------------------------

def test_bang_bang_runs_the_last_command_again_and_shows_it():
    r = at_prompt("echo hi\n!!\n")
    assert r.stdout == "hi\nhi\n"
    assert "$ echo hi\n" in r.stderr                # the expanded command, as bash shows it


def test_bang_n_minus_n_prefix_and_last_word():
    r = at_prompt("echo one\necho two three\n!1\n!-2\n!echo\necho !$\n")
    assert r.stdout == "one\ntwo three\none\ntwo three\ntwo three\nthree\n"


def test_an_event_that_is_not_there_is_an_error_and_nothing_runs():
    r = at_prompt("echo hi\n!99\necho $?\n")
    assert "vshell: !99: event not found\n" in r.stderr
    assert r.stdout == "hi\n1\n"


def test_a_bang_is_literal_in_single_quotes_after_a_backslash_and_before_a_blank():
    r = at_prompt("echo x\necho '!!' \\!! a != b\n")
    assert r.stdout == "x\n!! !! a != b\n"


def test_history_lists_the_commands_typed_numbered_as_bash():
    r = at_prompt("echo a\nfor i in 1 2\ndo echo $i\ndone\nhistory\nhistory 1\n")
    assert r.stdout.endswith("    1  echo a\n    2  for i in 1 2\ndo echo $i\ndone\n"
                             "    3  history\n    4  history 1\n")


def test_scripts_have_no_history_expansion():
    assert vshell("-c", "echo hi; echo !!").stdout == "hi\n!!\n"


# ---- which --------------------------------------------------------------------------------

def test_which_prints_where_a_program_is_and_says_nothing_for_one_that_is_not():
    r = vshell("-c", "which ls python3 nothere; echo $?; which -a env; which; echo $?")
    assert r.stdout == "/bin/ls\n/bin/python3\n1\n/bin/env\n/usr/bin/env\n1\n"


def test_which_with_a_bad_option_prints_debians_usage():
    r = vshell("-c", "which -x ls; echo $?")
    assert (r.stdout, r.stderr) == ("Usage: /bin/which [-a] args\n2\n", "Illegal option -x\n")


def test_which_checks_a_path_as_written():
    assert vshell("-c", "which ./p1.py ./poem.txt /bin/sh").stdout == "./p1.py\n/bin/sh\n"


# ---- ps aux -------------------------------------------------------------------------------

def test_ps_aux_has_procps_columns_and_every_process():
    r = vshell("-c", "ps aux")
    head, *rows = r.stdout.splitlines()
    assert head == "USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND"
    assert rows[0].startswith("root         1 ") and rows[0].endswith(" init")
    assert any(row.startswith("student ") and row.endswith(" ps aux") and row.split()[7][0] == "R"
               for row in rows)


def test_ps_dash_aux_is_aux_as_procps_takes_it():
    # (virtual time: in real time a busy host can show ps itself at 100.0 %CPU,
    # a column wider -- procps's columns move the same way)
    assert vshell("--virtual-time", "-c", "ps -aux | head -1; ps -ax | head -1").stdout == (
        "USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n"
        "  PID TTY      STAT   TIME COMMAND\n")


def test_ps_bsd_formats_and_selections():
    r = vshell("-c", "ps x; ps j; ps ax | head -2")
    lines = r.stdout.splitlines()
    assert lines[0] == "  PID TTY      STAT   TIME COMMAND"
    assert " PPID   PID  PGID   SID TTY      TPGID STAT   UID   TIME COMMAND" in lines
    assert "    1 ?        Ss     0:00 init" in lines       # ax: with no terminal too
    assert not any(line.endswith(" init") for line in lines[:lines.index(
        " PPID   PID  PGID   SID TTY      TPGID STAT   UID   TIME COMMAND")])   # x: only yours


# ---- sudo ---------------------------------------------------------------------------------

def test_student_is_in_group_sudo():
    r = vshell("-c", "grep ^sudo: /etc/group; id")
    assert r.stdout == ("sudo:x:27:student\n"
                        "uid=1000(student) gid=1000(student) groups=1000(student),27(sudo)\n")


def test_sudo_asks_for_your_own_password_and_remembers_it():
    r = vshell("-c", "sudo whoami; sudo id -u; sudo -k; sudo whoami", stdin="student\n")
    assert r.stdout == "root\n0\n"                  # asked once, then remembered
    assert r.stderr == ("[sudo] password for student: "      # after -k: asked again
                        "[sudo] password for student: sudo: no password was provided\n")


def test_sudo_three_wrong_passwords():
    r = vshell("-c", "sudo true; echo $?", stdin="root\nx\ny\n")
    assert r.stdout == "1\n"
    assert r.stderr.endswith("Sorry, try again.\n[sudo] password for student: "
                             "sudo: 3 incorrect password attempts\n")


def test_sudo_refuses_who_is_not_in_the_sudoers_file():
    r = vshell("--user", "alice", "-c", "sudo ls; echo $?", stdin="alice\n")
    assert r.stdout == "1\n"
    assert r.stderr == "[sudo] password for alice: alice is not in the sudoers file.\n"


def test_sudo_runs_the_command_with_a_clean_environment():
    r = vshell("-c", "FOO=1 sudo -u alice env | sort", stdin="student\n")
    assert r.stdout == ("HOME=/home/alice\nLOGNAME=alice\nPATH=/bin:/usr/bin\nSHELL=/bin/sh\n"
                        "SUDO_COMMAND=/bin/env\nSUDO_GID=1000\nSUDO_UID=1000\nSUDO_USER=student\n"
                        "TERM=dumb\nUSER=alice\n")


def test_sudo_says_command_not_found_before_asking():
    r = vshell("-c", "sudo nope")
    assert r.stderr == "sudo: nope: command not found\n"


# ---- not found, but here ------------------------------------------------------------------

def test_a_program_in_the_current_directory_gets_a_hint_at_the_prompt():
    r = at_prompt("p1.py\n")
    assert "vshell: 1: p1.py: not found\nvshell: did you mean ./p1.py?" in r.stderr


def test_no_hint_in_scripts_nor_for_a_name_that_is_nowhere():
    assert vshell("-c", "p1.py").stderr == "vshell: 1: p1.py: not found\n"
    assert "did you mean" not in at_prompt("nothere\n").stderr


# ---- at a real terminal -------------------------------------------------------------------

def test_an_alias_and_bang_bang_at_the_prompt(tmp_path):
    env = dict(os.environ, TERM="dumb", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    child = pexpect.spawn(sys.executable, ["-m", "vshell", "--seed", "1", "--fresh"], env=env,
                          encoding="utf-8", timeout=20, dimensions=(30, 120))
    child.delaybeforesend = 0.3
    child.expect_exact(PROMPT)
    child.sendline("alias ll='ls -l'")
    child.expect_exact(PROMPT)
    child.sendline("ll poem.txt")
    child.expect(r"-rw-r--r-- 1 student student +\d+ .* poem.txt")
    child.expect_exact(PROMPT)
    child.sendline("!!")
    child.expect_exact("ll poem.txt")
    child.expect(r"-rw-r--r-- 1 student student +\d+ .* poem.txt")
    child.expect_exact(PROMPT)
    child.sendline("exit")
    child.expect(pexpect.EOF)
