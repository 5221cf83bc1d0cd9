"""Helpers for running programs on a fresh kernel, deterministically."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import textwrap
from dataclasses import dataclass, field

import pytest

from kernel import Kernel, MemoryConsole

# An interactive vshell keeps its disk in $XDG_DATA_HOME (vshell/disk.py), its
# history in $XDG_STATE_HOME and reads its rc file from $XDG_CONFIG_HOME: every
# vshell the tests start (they inherit this environment) uses a directory of the
# test run's own, so the suite never writes to, or reads from, the user's.
_XDG = tempfile.mkdtemp(prefix="vshell-tests-")
for _name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
    os.environ[_name] = os.path.join(_XDG, _name.lower())
atexit.register(shutil.rmtree, _XDG, True)


@dataclass
class Result:
    status: int
    out: str
    err: str
    kernel: Kernel
    events: list = field(default_factory=list)

    @property
    def code(self) -> int:
        """Exit code, or 128+N when killed by signal N (as a shell reports it)."""
        if self.status & 0x7F:
            return 128 + (self.status & 0x7F)
        return self.status >> 8


def make_kernel(seed: int = 1, stdin: bytes = b"", virtual_time: bool = True, **kw) -> Kernel:
    return Kernel(seed=seed, virtual_time=virtual_time, console=MemoryConsole(stdin), **kw)


def run(src: str, *, seed: int = 1, uid: int = 0, argv: list[str] | None = None,
        files: dict[str, str] | None = None, stdin: bytes = b"", trace: bool = False,
        **kernel_args) -> Result:
    """Run src as /tmp/prog.py (a Python program) under a fresh kernel."""
    k = make_kernel(seed, stdin, **kernel_args)
    k.fs.write_file("/tmp/prog.py", "#!/usr/bin/python3\n" + textwrap.dedent(src), mode=0o755)
    for path, text in (files or {}).items():
        k.fs.write_file(path, text, mode=0o755)
    events: list = []
    if trace:
        k.trace.subscribe(events.append)
    status = k.run_program(argv or ["/tmp/prog.py"], uid=uid, cwd="/tmp")
    c = k.tty.console
    return Result(status, c.stdout, c.stderr, k, events)


@pytest.fixture
def kernel() -> Kernel:
    return make_kernel()


# ---- a machine as vshell boots one: the way most tests build theirs -----------------------

def new_machine(*, seed: int | None = 1, stdin: bytes = b"", tty: bool = False,
                virtual_time: bool = True, console=None, **options) -> Kernel:
    """A machine booted as vshell boots one -- /bin, /etc, the users -- seeded and
    on virtual time, its console in memory (tty: a terminal, a line per read)."""
    from vshell.system import Options, make_machine
    console = console if console is not None else MemoryConsole(stdin, tty=tty)
    return make_machine(Options(seed=seed, virtual_time=virtual_time, **options), console)


def add_files(k: Kernel, files: dict[str, str] | None, *, uid: int = 1000, dedent: bool = False,
              **write) -> None:
    """Write each file's text, owned by uid (write: its mode=...)."""
    for path, text in (files or {}).items():
        k.fs.write_file(path, textwrap.dedent(text) if dedent else text, uid=uid, gid=uid, **write)


def run_on(k: Kernel, argv: list[str], *, uid: int = 1000, cwd: str = "/home/student",
           env: dict[str, str] | None = None) -> Result:
    """Run argv on k as uid, from cwd (by default with the student's PATH, HOME, USER)."""
    env = env if env is not None else {"PATH": "/bin", "HOME": cwd, "USER": "student"}
    status = k.run_program(argv, uid=uid, env=env, cwd=cwd)
    c = k.tty.console
    return Result(status, c.stdout, c.stderr, k)


def run_cmd(argv: list[str], *, stdin: bytes = b"", files: dict[str, str] | None = None,
            uid: int = 1000, cwd: str = "/home/student", seed: int = 1,
            env: dict[str, str] | None = None) -> Result:
    """Run an installed program (/bin/...) as a user on a fully booted machine."""
    k = new_machine(seed=seed, stdin=stdin)
    add_files(k, files, uid=uid)
    return run_on(k, argv, uid=uid, cwd=cwd, env=env)
