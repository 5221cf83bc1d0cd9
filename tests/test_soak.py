"""Soak and long fuzz runs: opt-in, `pytest -m soak`.

The same properties as the quick fuzz tests, with many more examples, and
long runs of process churn that must leave the kernel's tables empty.  The
shell's fuzz campaign runs VSHELL_SOAK_INPUTS inputs (a million unless told:
about an hour), VSHELL_SOAK_SEED picks them; see tests/shell/fuzz.py.
VSHELL_SOAK_SHARD=I/N runs only every Nth input from the I-th (0-based), so
that N processes on N cores share one campaign; VSHELL_SOAK_FROM=K resumes a
campaign after its first K inputs.
"""
from __future__ import annotations

import os
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings

from test_kernel_robust import CALL_LISTS, UIDS, survives
from test_shell_behaviour import (PARSER_TEXT, SESSION_TEXT, parses_or_says_why,
                                  runs_without_a_traceback, sh)

pytestmark = pytest.mark.soak
LONG = settings(max_examples=30_000, deadline=None, suppress_health_check=list(HealthCheck))


@LONG
@given(PARSER_TEXT)
def test_soak_the_parser_never_crashes(text):
    parses_or_says_why(text)


@settings(max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck))
@given(SESSION_TEXT)
def test_soak_no_script_gives_a_traceback_or_a_kernel_error(text):
    runs_without_a_traceback(text)


@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(calls=CALL_LISTS, uid=UIDS)
def test_soak_no_arguments_crash_the_kernel(calls, uid):
    survives(calls, uid)


def test_soak_process_churn_leaves_no_process_and_no_open_file():
    script = ("i=0\nwhile [ $i -lt 10000 ]; do\n"
              "  /bin/true; (exit 3) & echo x | cat > /dev/null; wait\n"
              "  i=$((i + 1))\ndone\necho done $i\n")
    out, err, status, k = sh(script)
    assert (out, err, status) == ("done 10000\n", "", 0)
    assert k.panics == [] and len(k.procs) == 0 and len(k.files) == 0


def test_soak_a_million_shell_inputs_give_no_internal_error_and_no_hang():
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "shell"))
    from fuzz import Generator, Runner
    count = int(os.environ.get("VSHELL_SOAK_INPUTS", 1_000_000))
    seed = int(os.environ.get("VSHELL_SOAK_SEED", 1))
    shard, shards = map(int, os.environ.get("VSHELL_SOAK_SHARD", "0/1").split("/"))
    after = int(os.environ.get("VSHELL_SOAK_FROM", 0))     # resume: skip the first inputs
    runner = Runner()
    failures = []
    ran = 0
    start = time.monotonic()
    for n, (kind, script, on_stdin) in enumerate(Generator(seed).inputs(count), 1):
        if n % shards != shard or n <= after:
            continue
        ran += 1
        if ran % 10_000 == 0:                       # (a long campaign shows how far it got)
            print(f"shell fuzz: {ran} inputs run, {len(failures)} failures", flush=True)
        problem = runner.run(script, on_stdin)
        if problem:
            failures.append(f"input {n} ({kind}, seed {seed}): {script[:300]!r}\n{problem[-800:]}")
            if len(failures) >= 5:
                break
    print(f"\nshell fuzz: {ran} of {n} inputs (shard {shard}/{shards}), seed {seed}, "
          f"{time.monotonic() - start:.0f} s, {len(failures)} failures")
    assert not failures, "\n\n".join(failures)
