"""vshell against dash: every case of tests/shell/cases.sh gives dash's stdout,
stderr and exit status (recorded by tests/shell/record.py; CI needs no dash)."""
from __future__ import annotations

import json
import os

import pytest

from kernel import MemoryConsole
from vshell.system import Options, make_machine

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = json.load(open(os.path.join(HERE, "shell", "cases.json")))
ENV = {"PATH": "/bin:/usr/bin", "HOME": "/home/student", "USER": "student"}


def run_shell(script: str) -> tuple[str, str, int]:
    k = make_machine(Options(seed=1, virtual_time=True), MemoryConsole())
    k.fs.mkdirs("/tmp/case", 0o755, 1000, 1000)
    status = k.run_program(["/bin/sh", "-c", script, "vshell"], uid=1000, env=ENV, cwd="/tmp/case")
    c = k.tty.console
    assert not k.panics, k.panics
    code = 128 + (status & 0x7F) if status & 0x7F else status >> 8
    return c.stdout, c.stderr, code


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_as_dash(name):
    case = CASES[name]
    out, err, status = run_shell(case["script"])
    assert (out, status) == (case["stdout"], case["status"])
    assert err == case["stderr"]
