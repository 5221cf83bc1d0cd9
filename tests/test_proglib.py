"""programs/proglib.py: the module the programs in /bin share, installed beside them."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import run_cmd

PROGRAMS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "programs")


def test_proglib_is_installed_beside_the_programs_as_a_module_not_a_command():
    r = run_cmd(["sh", "-c", "ls -l /bin/proglib.py; command -v proglib || echo no command"])
    first, second = r.out.splitlines()
    assert first.startswith("-rw-r--r-- 1 root root ") and first.endswith(" /bin/proglib.py")
    assert second == "no command"


def test_the_set_user_id_programs_share_the_shadow_module_even_run_through_a_hard_link():
    r = run_cmd(["sh", "-c", "ls -l /bin/shadow.py; grep -l 'def password_ok' /bin/*"])
    first, second = r.out.splitlines()
    assert first.startswith("-rw-r--r-- 1 root root ") and first.endswith(" /bin/shadow.py")
    assert second == "/bin/shadow.py"                 # su, login, sudo have none of their own
    # a set-user-ID program imports from /bin wherever it is run from (root made the link)
    r = run_cmd(["/bin/sh", "-c", "ln /bin/su /home/student/su && su student -c 'cd; ./su -c id'"],
                stdin=b"root\n", uid=0, cwd="/root")
    assert (r.code, r.out, r.err) == (0, "Password: uid=0(root) gid=0(root) groups=0(root)\n", "")


def test_the_programs_that_share_it_run_in_vshell():
    r = run_cmd(["sh", "-c", "printf 'a\\nb\\nc\\n' > f; head -n 2 f; tail -n +3 f; cp f g; mv g h;"
                 " head -q -n 1 h nothere; echo status $?; rm h; rm -x"])
    assert r.out == "a\nb\nc\na\nstatus 1\n"
    assert r.err == ("head: cannot open 'nothere' for reading: No such file or directory\n"
                        "rm: invalid option -- 'x'\nTry 'rm --help' for more information.\n")


def host(program: str, *args: str, cwd: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, os.path.join(PROGRAMS, program + ".py"), *args],
                          capture_output=True, text=True, cwd=cwd, timeout=60)


def test_the_programs_that_share_it_run_under_the_hosts_python3(tmp_path):
    (tmp_path / "f").write_text("1\n2\n3\n")
    r = host("tail", "-n", "2", "f", cwd=str(tmp_path))
    assert (r.returncode, r.stdout, r.stderr) == (0, "2\n3\n", "")
    r = host("head", "-c", "-2", "f", "-v", cwd=str(tmp_path))
    assert (r.returncode, r.stdout) == (0, "==> f <==\n1\n2\n")
    r = host("cp", "f", cwd=str(tmp_path))
    assert (r.returncode, r.stderr) == (1, "cp: missing destination file operand after 'f'\n"
                                           "Try 'cp --help' for more information.\n")
    r = host("mv", "f", "a", "b", cwd=str(tmp_path))
    assert (r.returncode, r.stderr) == (1, "mv: target 'b': No such file or directory\n")
    assert (tmp_path / "f").exists()
