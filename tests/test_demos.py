"""The chapter's demos (programs/demos), run as a student runs them from their home.

Each test checks the rule the demo is there to show: fork returns twice with
consistent pids, wait orders parent after child, exec never returns, a
redirected child writes a file, the process limit stops a fork bomb.
"""
from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import Result
from kernel import MemoryConsole
from vshell.system import Options, make_machine

DEMOS = Path(__file__).resolve().parent.parent / "programs" / "demos"

# A stand-in for /bin/wc (another part of the project provides the real one):
# GNU wc's default output for named files.
WC = """\
#!/usr/bin/env python3
import sys
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        data = f.read()
    print("%7d %7d %7d %s" % (data.count(b"\\n"), len(data.split()), len(data), name))
"""


def run(argv: list[str], *, files: dict[str, str] | None = None, seed: int = 1,
        uid: int = 1000, stdin: bytes = b"", **opts) -> Result:
    """Run argv as student in /home/student on a booted machine; files are executable."""
    k = make_machine(Options(seed=seed, virtual_time=True, **opts), MemoryConsole(stdin))
    for path, text in {"/bin/wc": WC, **(files or {})}.items():
        k.fs.write_file(path, textwrap.dedent(text), mode=0o755, uid=uid, gid=uid)
    env = {"PATH": "/bin", "HOME": "/home/student", "USER": "student"}
    status = k.run_program(argv, uid=uid, env=env, cwd="/home/student")
    c = k.tty.console
    return Result(status, c.stdout, c.stderr, k)


def file_text(k, path: str) -> str:
    inode = k.fs.root
    for name in path.strip("/").split("/"):
        inode = inode.entries[name]
    return bytes(inode.data).decode()


def wc_of(name: str) -> str:
    data = (DEMOS / name).read_bytes()
    return "%7d %7d %7d %s" % (data.count(b"\n"), len(data.split()), len(data), name)


# ---- p1 - p4 -------------------------------------------------------------------------

def test_p1_forks_one_child_and_pids_agree():
    r = run(["./p1.py"])
    hello, *rest = r.out.splitlines()
    parent = int(re.fullmatch(r"hello \(pid:(\d+)\)", hello).group(1))
    child = int(re.search(r"child \(pid:(\d+)\)", r.out).group(1))
    assert sorted(rest) == sorted([f"child (pid:{child})", f"parent of {child} (pid:{parent})"])
    assert r.code == 0


def test_p1_order_depends_on_the_seed():
    orders = {run(["./p1.py"], seed=s).out.splitlines()[1].split()[0] for s in range(1, 9)}
    assert orders == {"child", "parent"}


def test_p1_same_seed_same_output():
    assert run(["./p1.py"], seed=5).out == run(["./p1.py"], seed=5).out


def test_p1_old_wording():
    r = run(["./p1.py", "--old"])
    assert re.fullmatch(r"hello world \(pid:2\)\n(hello, I am child \(pid:3\)\n"
                        r"hello, I am parent of 3 \(pid:2\)\n|hello, I am parent of 3 \(pid:2\)\n"
                        r"hello, I am child \(pid:3\)\n)", r.out)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_p2_child_always_prints_before_parent(seed):
    r = run(["./p2.py"], seed=seed)
    assert r.out == "hello (pid:2)\nchild (pid:3)\nparent of 3 (rc_wait:3) (pid:2)\n"


def test_p2_old_wording():
    r = run(["./p2.py", "--old"], seed=4)
    assert r.out == ("hello world (pid:2)\nhello, I am child (pid:3)\n"
                     "hello, I am parent of 3 (wc:3) (pid:2)\n")


@pytest.mark.parametrize("seed", [1, 4])
def test_p3_child_execs_wc_on_its_own_source_and_never_returns(seed):
    r = run(["./p3.py"], seed=seed)
    assert r.out == ("hello (pid:2)\nchild (pid:3)\n" + wc_of("p3.py") + "\n"
                     "parent of 3 (rc_wait:3) (pid:2)\n")
    assert "shouldn't print" not in r.out + r.err


def test_p3_old_wording():
    r = run(["./p3.py", "--old"])
    assert r.out.splitlines()[-1] == "hello, I am parent of 3 (wc:3) (pid:2)"


def test_p3_exec_failure_is_a_message_not_a_traceback():
    r = run(["./p3.py"], files={"/bin/wc": "no #! line: not executable\n"})
    assert "exec failed: Exec format error" in r.err
    assert "Traceback" not in r.err


def test_p3_child_line_survives_exec_into_a_pipe():
    """The child flushes before exec, so its line is not lost in a pipe's buffer."""
    driver = """\
        #!/usr/bin/env python3
        import os
        r, w = os.pipe()
        pid = os.posix_spawn("./p3.py", ["./p3.py"], os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, w, 1)])
        os.close(w)
        data = b""
        while True:
            chunk = os.read(r, 4096)
            if not chunk:
                break
            data += chunk
        os.waitpid(pid, 0)
        os.write(1, data.upper())
        """
    r = run(["/tmp/drive.py"], files={"/tmp/drive.py": driver})
    assert "CHILD (PID:4)" in r.out and "P3.PY" in r.out


def test_p4_child_writes_wc_output_to_the_file_not_the_screen():
    r = run(["./p4.py"])
    assert r.out == "" and r.err == "" and r.code == 0
    assert file_text(r.kernel, "/home/student/p4.output") == wc_of("p4.py") + "\n"
    inode = r.kernel.fs.root.entries["home"].entries["student"].entries["p4.output"]
    assert inode.mode & 0o777 == 0o700 and inode.uid == 1000


# ---- the demos under the host's python3 -----------------------------------------------------

@pytest.mark.parametrize("demo", ["p1.py", "p2.py"])
def test_demo_runs_the_same_under_host_python(demo, tmp_path):
    out = subprocess.run([sys.executable, str(DEMOS / demo)], capture_output=True, text=True,
                         cwd=tmp_path, timeout=20)
    lines = out.stdout.splitlines()
    assert lines[0].startswith("hello (pid:") and len(lines) == 3 and out.returncode == 0
