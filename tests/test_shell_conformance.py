"""vshell against dash: every case of tests/shell/cases.sh gives dash's stdout,
stderr and exit status (recorded by tests/shell/record.py; CI needs no dash)."""
from __future__ import annotations

import json
import os

import pytest

from conftest import new_machine, run_on

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = json.load(open(os.path.join(HERE, "shell", "cases.json")))
ENV = {"PATH": "/bin:/usr/bin", "HOME": "/home/student", "USER": "student"}


def run_shell(script: str) -> tuple[str, str, int]:
    k = new_machine()
    k.fs.mkdirs("/tmp/case", 0o755, 1000, 1000)
    r = run_on(k, ["/bin/sh", "-c", script, "vshell"], env=ENV, cwd="/tmp/case")
    assert not k.panics, k.panics
    return r.out, r.err, r.code


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_as_dash(name):
    case = CASES[name]
    out, err, status = run_shell(case["script"])
    assert (out, status) == (case["stdout"], case["status"])
    assert err == case["stderr"]
