"""Programs behave exactly as under the host's python3 (PYTHONUNBUFFERED unset).

Each expected output here was taken from `env -u PYTHONUNBUFFERED python3 prog.py`
(CPython 3.11) on Linux, with stdout into a pipe unless the test says otherwise.
"""
from __future__ import annotations

import textwrap

from conftest import Result, run
from kernel import MemoryConsole
from vshell.system import Options, make_machine


def sh(commands: str, *, files: dict[str, str] | None = None, tty: bool = False,
       seed: int = 1, uid: int = 1000) -> Result:
    """Run `sh -c commands` as student in /home/student on a booted machine."""
    k = make_machine(Options(seed=seed, virtual_time=True), MemoryConsole(b"", tty=tty))
    for path, text in (files or {}).items():
        k.fs.write_file(path, textwrap.dedent(text), mode=0o755, uid=uid, gid=uid)
    env = {"PATH": "/bin:/usr/bin", "HOME": "/home/student", "USER": "student"}
    status = k.run_program(["/bin/sh", "-c", commands], uid=uid, env=env, cwd="/home/student")
    c = k.tty.console
    return Result(status, c.stdout, c.stderr, k)


# ---- stdio is not flushed at fork, system or posix_spawn ---------------------------------

FORK_PENDING = """\
    import os, sys
    print("x", end="")
    if os.fork() == 0:
        print("child")
        sys.exit(0)
    os.wait()
    print("parent")
"""


def test_text_buffered_before_fork_is_printed_by_both_into_a_pipe():
    r = run(FORK_PENDING)
    assert (r.code, r.out, r.err) == (0, "xchild\nxparent\n", "")


def test_text_buffered_before_fork_is_printed_by_both_on_a_terminal():
    """Line-buffered: an 'x' without a newline is still in the buffer at fork."""
    r = sh("./p.py", files={"/home/student/p.py": "#!/usr/bin/python3\n" + textwrap.dedent(FORK_PENDING)}, tty=True)
    assert r.out == "xchild\nxparent\n"


def test_a_line_printed_before_fork_is_copied_into_a_file_but_not_on_a_terminal():
    prog = "#!/usr/bin/python3\nimport os\nprint('once')\nif os.fork():\n    os.wait()\n"
    files = {"/home/student/p.py": prog}
    assert sh("./p.py > f; cat f", files=files).out == "once\nonce\n"
    assert sh("./p.py", files=files, tty=True).out == "once\n"


def test_os_system_and_posix_spawn_do_not_flush_stdout():
    r = sh("./p.py | cat", files={"/home/student/p.py": """\
        #!/usr/bin/python3
        import os
        print("before")
        os.system("echo from-system")
        pid = os.posix_spawn("/bin/echo", ["echo", "spawned"], os.environ)
        os.waitpid(pid, 0)
        print("after")
        """})
    assert r.out == "from-system\nspawned\nbefore\nafter\n"
