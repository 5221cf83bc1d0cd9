"""Predict, then reveal: the prediction is checked against the real run."""
from __future__ import annotations

from conftest import run_cmd


def test_a_right_prediction_of_p2_is_recognised_with_pids_as_placeholders():
    answer = b"hello (pid:1)\nchild (pid:2)\nparent of 2 (rc_wait:2) (pid:1)\n\n"
    r = run_cmd(["predict", "./p2.py"], stdin=answer)
    assert "What will it print?" in r.out and "import os" in r.out     # the program is shown
    assert "Exactly right." in r.out and r.code == 0


def test_a_wrong_prediction_is_shown_line_by_line():
    r = run_cmd(["predict", "./p3.py"], stdin=b"hello\nthis should not print\n\n")
    assert "Not quite." in r.out and r.code == 1


def test_a_process_tree_prediction_for_fork_actions():
    right = run_cmd(["predict", "-t", "a+b,b+c,b-"], stdin=b"a\nc\n\n")
    assert "Exactly right." in right.out
    wrong = run_cmd(["predict", "-t", "a+b,b+c,b-"], stdin=b"a\n  b\n    c\n\n")
    assert "Not quite." in wrong.out
