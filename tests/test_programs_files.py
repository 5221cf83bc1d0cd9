"""The file tools (ls, mkdir, rmdir, rm, touch, cp, mv, ln, chmod, chown, pwd, stat,
date, clear, python): what they do to the file system, their formats and errors.

Formats a student would compare with GNU's are GNU's own output, recorded by
tests/gnu/record_programs.py into tests/gnu/programs.json.
"""
from __future__ import annotations

import pytest

from conftest import run_cmd
from test_programs_text import GNU, run_gnu_case


@pytest.mark.parametrize("case", GNU["cases"]["files"], ids=lambda c: " ".join(c["argv"]))
def test_output_status_and_messages_match_gnu(case):
    r = run_gnu_case(case)
    assert (r.out, r.err, r.code) == (case["out"], case["err"], case["code"])
