"""The vshell command: scripted runs, and an interactive session in a real pty."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pexpect

VSHELL = [sys.executable, "-m", "vshell"]


def vshell(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(VSHELL + list(args), input=stdin, capture_output=True, text=True,
                          timeout=60)


def test_dash_c_runs_commands_and_exits_with_the_last_status():
    r = vshell("--seed", "1", "-c", "echo hello\npwd\nfalse")
    assert (r.stdout, r.stderr, r.returncode) == ("hello\n/home/student\n", "", 1)


def test_commands_from_a_pipe_print_no_prompt_and_report_not_found():
    r = vshell("--seed", "1", stdin="cd /tmp\npwd\nnosuch\n")
    assert r.stdout == "/tmp\n"
    assert r.stderr == "vshell: 3: nosuch: not found\n"
    assert r.returncode == 127


def test_redirection_writes_a_virtual_file_and_never_the_host(tmp_path):
    r = vshell("-c", f"echo hi > {tmp_path}/x\ncd /tmp\necho inside > x", stdin="")
    assert not (tmp_path / "x").exists()
    assert r.returncode == 2 or r.returncode == 0


def test_a_bad_mount_is_one_clear_line():
    r = vshell("--mount", "/no/such/dir:/mnt", "-c", "true")
    assert (r.stderr, r.returncode) == ("vshell: cannot mount /no/such/dir: not a directory\n", 2)


def test_ctrl_c_reaches_a_cpu_bound_program_at_the_prompt(tmp_path):
    loop = tmp_path / "spin.py"
    loop.write_text("#!/usr/bin/env python3\nprint('spinning', flush=True)\nwhile True:\n    pass\n")
    loop.chmod(0o755)
    env = {**os.environ, "TERM": "dumb", "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    child = pexpect.spawn(VSHELL[0], VSHELL[1:] + ["--mount", f"{tmp_path}:/mnt"],
                          env=env, encoding="utf-8", timeout=20)
    child.delaybeforesend = 0.3          # type as a person would (see test_interactive.py)
    child.expect_exact("student@vshell:~$ ")
    child.sendline("/mnt/spin.py")
    child.expect_exact("spinning")
    time.sleep(0.3)
    child.sendintr()
    child.expect_exact("student@vshell:~$ ")
    child.sendline("echo still here")
    child.expect_exact("still here")
    child.expect_exact("student@vshell:~$ ")
    time.sleep(0.3)
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0         # the status of the last command, echo
