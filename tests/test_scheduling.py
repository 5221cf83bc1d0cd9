"""Scheduling policies on a known workload, against tables computed by hand.

Three CPU-bound jobs of 10, 20 and 30 ticks (a tick is one system call) become
READY together, in the order A, B, C, when a start signal comes through a
pipe.  The table records each job's first tick and last tick, counted from the
start (a job that runs first has response time 0).
"""
from __future__ import annotations

from kernel import Kernel, MemoryConsole
from kernel import trace as ev
from vshell.timeline import Job, Timeline


def run_jobs(policy: str, quantum: int, lengths=(10, 20, 30), nice=(0, 0, 0)):
    k = Kernel(seed=1, virtual_time=True, console=MemoryConsole(), policy=policy,
               quantum=quantum, fork_first="parent")
    line = Timeline(root=0)
    line.jobs.clear()
    line.state.clear()
    jobs: list[int] = []
    started = []

    def init(rt) -> int:
        os = rt.os
        r, w = os.pipe()
        for n, niceness in zip(lengths, nice):
            def job(child, n=n, niceness=niceness) -> int:
                if niceness:
                    child.os.nice(niceness)
                child.os.read(r, 1)                  # wait for the start
                for _ in range(n):
                    child.os.getpid()
                return 0
            jobs.append(rt.clone(job))
        os.sched_yield()                             # let every job reach its read
        os.write(w, b"go!")
        for _ in jobs:
            os.wait()
        return 0

    def watch(e: ev.Event) -> None:
        if not started:
            if isinstance(e, ev.SyscallExit) and e.pid == 1 and e.name == "write":
                started.append(True)
                for pid in jobs:
                    line.jobs[pid] = Job(pid, arrival=0)
                    line.state[pid] = "READY"
            return
        line(e)
    k.trace.subscribe(watch)
    k.spawn(init)
    k.run()
    return [(j.first_run, j.last_run) for j in line.jobs.values()]     # (their last ticks)


def test_fifo_runs_each_job_to_completion_in_arrival_order():
    # A runs ticks 1-10, B 11-30, C 31-60
    assert run_jobs("fifo", 10) == [(0, 10), (10, 30), (30, 60)]


def test_round_robin_with_a_one_tick_quantum_interleaves():
    # A B C A B C ...: A's 10th tick is tick 28; then B and C alternate until
    # B's 20th at 49; C runs alone to 60.  Response times are 0, 1 and 2.
    assert run_jobs("rr", 1) == [(0, 28), (1, 49), (2, 60)]


def test_round_robin_with_a_five_tick_quantum():
    # A 1-5, B 6-10, C 11-15, A 16-20 (done), B 21-25, C 26-30, B 31-35,
    # C 36-40, B 41-45 (done), C 46-60 (done)
    assert run_jobs("rr", 5) == [(0, 20), (5, 45), (10, 60)]


def test_priority_runs_the_least_nice_job_first():
    # A and B are niced to 5 (ordinary users may only raise nice); C runs first,
    # then A and B in arrival order: C 1-30, A 31-40, B 41-60.
    assert run_jobs("priority", 100, nice=(5, 5, 0)) == [(30, 40), (40, 60), (0, 30)]


def test_mlfq_starts_everyone_at_the_top_and_lets_short_jobs_finish_first():
    # slices 2 at the top, 4 below, 8 at the bottom; no boost within 60 ticks
    result = run_jobs("mlfq", 2)
    assert [r for r, _ in result] == [0, 2, 4]
    finishes = [f for _, f in result]
    assert finishes == sorted(finishes) and finishes[-1] == 60


def test_lottery_is_reproducible_with_a_seed_and_every_job_finishes():
    first = run_jobs("lottery", 2)
    assert first == run_jobs("lottery", 2)
    assert max(f for _, f in first) == 60


def test_mlfq_a_reused_pid_starts_at_the_top():
    """The level belongs to the process, not to its pid: once a demoted process
    is gone, the next process given its pid starts with the top's short slice."""
    from kernel.proc import Proc
    from kernel.sched import MLFQ
    mlfq = MLFQ(quantum=2)
    old = Proc(7, 1, 7, 7)
    mlfq.expired(old)
    mlfq.expired(old)
    assert mlfq.quantum_for(old) == 8
    reused = Proc(7, 1, 7, 7)
    assert mlfq.quantum_for(reused) == 2
    mlfq.ready(reused)
    assert list(mlfq.levels[0]) == [reused]


def test_mlfq_boost_forgets_every_level():
    from kernel.proc import Proc
    from kernel.sched import MLFQ
    mlfq = MLFQ(quantum=1, boost=3)
    p = Proc(5, 1, 5, 5)
    mlfq.expired(p)
    for _ in range(3):
        mlfq.tick()
    assert mlfq.quantum_for(p) == 1 and not mlfq.level


def test_mlfq_describe_names_the_slice_of_every_level():
    from kernel.sched import MLFQ
    assert MLFQ(3, levels=4, boost=50).describe() == (
        "mlfq (4 levels, slices 3/6/12/24 ticks, boost every 50)")
    assert MLFQ(5, levels=2).describe() == "mlfq (2 levels, slices 5/10 ticks, boost every 100)"
    assert MLFQ(7).describe().startswith("mlfq (3 levels, slices 7/14/28 ticks")
