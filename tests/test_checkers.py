"""The type checker and the linter pass over the code, as configured in
pyproject.toml ([tool.mypy], [tool.ruff]): the annotations are checked, not
just written, and pyflakes-class mistakes (an unused import, a name used
before it is bound) do not land."""
from __future__ import annotations

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CODE = ["kernel", "vshell", "programs"]


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def test_mypy_finds_no_errors():
    result = run("mypy", *CODE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing():
    result = run("ruff", "check", "--no-cache", *CODE)
    assert result.returncode == 0, result.stdout + result.stderr
