"""The job table's marks and layout, checked against bash's, and the prompt's
test of whether typed text is a whole command (here-documents included)."""
from __future__ import annotations

import pytest

from vshell import jobtable
from vshell.parser import Incomplete, UnfinishedHeredoc, check_complete
from vshell.state import State

STOPPED = 0x7F | 20 << 8              # wait statuses: stopped by SIGTSTP, by SIGTTIN
TTIN = 0x7F | 21 << 8


def marks(st: State) -> str:
    return "".join(jobtable.mark(st, j) for j in sorted(st.jobs, key=lambda j: j.id))


def stop(st: State, job) -> None:
    jobtable.stop(st, job, job.pgid, job.pids, job.command, {job.pids[0]: STOPPED})


def test_marks_follow_bash_as_jobs_start_stop_continue_and_end():
    # the session of bash 5.2 these marks were copied from: sleep 30 & sleep 31 &
    # sleep 32 ^Z, sleep 33 &, sleep 34 ^Z, bg %3, fg %1 ^Z, then jobs 1 and 3 end
    st = State()
    one = jobtable.add(st, 10, [10], "sleep 30")
    two = jobtable.add(st, 11, [11], "sleep 31")
    assert marks(st) == "-+"
    three = jobtable.stop(st, None, 12, [12], "sleep 32", {12: STOPPED})
    assert marks(st) == " -+"
    jobtable.add(st, 13, [13], "sleep 33")
    assert marks(st) == "  +-"
    five = jobtable.stop(st, None, 14, [14], "sleep 34", {14: STOPPED})
    assert marks(st) == "  - +"
    three.state = "Running"                       # bg %3
    jobtable.reset_current(st)
    assert marks(st) == "   -+"
    stop(st, one)                                 # fg %1, then Ctrl-Z
    assert marks(st) == "+   -"
    jobtable.remove(st, one)
    assert marks(st) == "  -+" and jobtable.by_id(st, st.current_job) is five
    jobtable.remove(st, five)
    assert marks(st) == " -+"                     # no stopped job: the newest ones
    assert two.id == 2 and jobtable.add(st, 15, [15], "x").id == 5    # numbered past the highest


def test_a_job_continued_by_kill_keeps_its_mark():
    st = State()
    a = jobtable.add(st, 10, [10], "a")
    jobtable.add(st, 11, [11], "b")
    stop(st, a)
    assert marks(st) == "+-"
    a.state = "Running"                           # what reap() does on WCONTINUED
    assert marks(st) == "+-"


@pytest.mark.parametrize("state, status, long, text", [
    ("Running", 0, False, "Running"),
    ("Stopped", STOPPED, False, "Stopped"),
    ("Stopped", TTIN, False, "Stopped"),
    ("Stopped", TTIN, True, "Stopped (tty input)"),
    ("Done", 0, False, "Done"),
    ("Done", 3 << 8, False, "Exit 3"),
    ("Done", 15, False, "Terminated"),
    ("Done", 9, False, "Killed"),
    ("Done", 3 | 0x80, False, "Quit (core dumped)"),
])
def test_states_read_as_bash_says_them(state, status, long, text):
    job = jobtable.Job(1, 10, [10], "cmd", state, status)
    assert jobtable.state_text(job, long) == text


def test_listings_have_bash_columns():
    st = State()
    job = jobtable.add(st, 42, [42, 43], "sleep 30 | cat")
    assert jobtable.listing(st, job) == "[1]+  Running                 sleep 30 | cat &"
    assert jobtable.listing(st, job, long=True) == ("[1]+    42 Running                 sleep 30\n"
                                                "        43                       | cat &")


@pytest.mark.parametrize("text", [
    "true\n", "cat <<EOF\nbody\nEOF\n", "cat <<-EOF\n\tbody\n\tEOF\n", "cat <<'E F'\nE F\n",
    "f() {\ncat <<EOF\n$1\nEOF\n}\n", "x=$(cat <<EOF\ninner\nEOF\n)\n",
])
def test_whole_commands_are_complete(text):
    check_complete(text)


@pytest.mark.parametrize("text, delimiter, line", [
    ("cat <<EOF\n", "EOF", 1),
    ("cat <<EOF\nbody\n", "EOF", 1),
    ("echo\n\ncat <<'END'\nbody\n", "END", 3),
    ("cat <<A; cat <<B\na\nA\n", "B", 1),              # the first is done: the second is being typed
    ("for i in 1\ndo cat <<EOF\nx\n", "EOF", 2),        # inside a loop too
])
def test_text_that_ends_inside_a_here_document_wants_more(text, delimiter, line):
    with pytest.raises(UnfinishedHeredoc) as e:
        check_complete(text)
    assert (e.value.delimiter, e.value.lineno) == (delimiter, line)
    assert str(e.value) == f"here-document at line {line} delimited by end-of-file (wanted `{delimiter}')"


def test_other_unfinished_text_is_incomplete_but_not_a_here_document():
    for text in ("if true\n", "echo 'open\n", "for i in 1\ndo cat <<EOF\nx\nEOF\n"):
        with pytest.raises(Incomplete) as e:
            check_complete(text)
        assert not isinstance(e.value, UnfinishedHeredoc)


def test_marks_are_right_again_after_wait_takes_jobs_out_of_the_table():
    from conftest import run_cmd
    r = run_cmd(["/bin/sh", "-c", "sleep 9 & sleep 8 & sleep 1 & wait %3; jobs; jobs -p %-"])
    assert r.out == ("[1]-  Running                 sleep 9 &\n"
                     "[2]+  Running                 sleep 8 &\n"
                     "3\n")                      # job 1 is process 3 (the shell is 2)
