#!/usr/bin/env python3
"""scheduler.py: OSTEP's scheduling homework (chapter 7), on real processes.

    scheduler.py -l 10,20,30 -p FIFO -c
    scheduler.py -j 3 -s 5 -p RR -q 2 -c

The same flags, job lists and answers as the book's scheduler.py -- but with
-c the answers are not computed: each job is a real CPU-bound process of this
machine, run under the kernel's own FIFO, SJF or RR policy, and the times are
read from the kernel's accounting (/proc/PID/sched) afterwards.

How the jobs all arrive at time 0: each job forks, waits at a gate (a pipe)
and, when it passes, runs its length in ticks -- length-1 system calls, and
exit as the last -- and nothing else.  A starter process holds the only write
end of the gate; when it exits, every job reads end-of-file and becomes READY
at the same tick: that tick is time 0.  The tool itself sleeps meanwhile (on
a pipe the jobs hold open, which reports end-of-file when the last one exits),
so the CPU is the jobs' alone.  SJF knows each job's length as a batch system
did, from its job card: here the CPU time limit (RLIMIT_CPU) the job declares.
"""
import os
import random
import re
import resource
import sys
import traceback
from collections import deque
from itertools import repeat
from optparse import OptionParser

POLICIES = {"FIFO": "fifo", "SJF": "sjf", "RR": "rr"}
SLICES_KEPT = 2048          # the turns on the CPU /proc/PID/sched lists (kernel/proc.py)
JOBS_AT_MOST = 60           # a student may have 64 processes (RLIMIT_NPROC): the jobs, the tool, ...
TICKS_AT_MOST = 500_000


def options(argv):
    parser = OptionParser()
    parser.add_option("-s", "--seed", default=0, help="the random seed", action="store", type="int", dest="seed")
    parser.add_option("-j", "--jobs", default=3, help="number of jobs in the system", action="store", type="int", dest="jobs")
    parser.add_option("-l", "--jlist", default="", help="instead of random jobs, provide a comma-separated list of run times", action="store", type="string", dest="jlist")
    parser.add_option("-m", "--maxlen", default=10, help="max length of job", action="store", type="int", dest="maxlen")
    parser.add_option("-p", "--policy", default="FIFO", help="sched policy to use: SJF, FIFO, RR", action="store", type="string", dest="policy")
    parser.add_option("-q", "--quantum", help="length of time slice for RR policy", default=1, action="store", type="int", dest="quantum")
    parser.add_option("-c", help="compute answers for me", action="store_true", default=False, dest="solve")
    return parser.parse_args(argv)[0]


def job_list(opts):
    """[(job number, length)], drawn as the book's tool draws them."""
    if opts.jlist == "":
        return [(n, int(opts.maxlen * random.random()) + 1) for n in range(opts.jobs)]
    return [(n, float(length)) for n, length in enumerate(opts.jlist.split(","))]


def show_jobs(opts, jobs):
    print("ARG policy", opts.policy)
    if opts.jlist == "":
        print("ARG jobs", opts.jobs)
        print("ARG maxlen", opts.maxlen)
        print("ARG seed", opts.seed)
    else:
        print("ARG jlist", opts.jlist)
    print("")
    print("Here is the job list, with the run time of each job: ")


# ---- running the jobs for real ---------------------------------------------------------

def read_policy():
    """What `sched` would say now, as the words that set it again ('rr 10')."""
    with open("/proc/sched") as f:
        line = f.readline()
    name = line.split()[1]
    quantum = re.search(r"(?:quantum|slices) (\d+)", line)
    io_first = " io-first" if "io-first" in line else ""
    return name + (" " + quantum.group(1) if quantum else "") + io_first


def asleep(pid):
    """Give the CPU away until pid sleeps (BLOCKED, as /proc/PID/status says)."""
    while True:
        with open("/proc/%d/status" % pid) as f:
            state = [line.split("\t", 1)[1] for line in f if line.startswith("StateName:")][0]
        if state.startswith("BLOCKED"):
            return
        if state.startswith("ZOMBIE"):
            raise RuntimeError("process %d ended before its start" % pid)
        os.sched_yield()


def set_policy(words):
    fd = os.open("/proc/sched", os.O_WRONLY)
    try:
        os.write(fd, words.encode())
    finally:
        os.close(fd)


def job(length, gate, sjf):
    """One job's life: line up at the gate, then use the CPU for `length` ticks."""
    if sjf:
        resource.setrlimit(resource.RLIMIT_CPU, (length, resource.RLIM_INFINITY))
    os.read(gate, 1)                # end-of-file when the starter exits: time 0
    # length-1 system calls (one tick each) made from C by map -- so no loop
    # step of this program adds a tick of its own -- and exit, the last tick.
    deque(map(os.getpgid, repeat(0, length - 1)), maxlen=0)
    os._exit(0)


def run(lengths, policy, quantum):
    """Run one process per job; return each job's turns on the CPU as
    [start, end] ticks counted from the moment they all arrived."""
    before = read_policy()
    try:
        return run_jobs(lengths, policy, quantum)
    finally:
        set_policy(before)


def run_jobs(lengths, policy, quantum):
    gate_r, gate_w = os.pipe()
    done_r, done_w = os.pipe()
    pids = []
    for length in lengths:
        pid = os.fork()
        if pid == 0:
            os.close(gate_w)
            os.close(done_r)
            job(length, gate_r, policy == "sjf")
        pids.append(pid)
        asleep(pid)                 # at the gate, behind the jobs before it
    tool = os.getpid()
    starter = os.fork()
    if starter == 0:
        asleep(tool)                # the tool sleeps first: the CPU is the jobs' alone
        os._exit(0)                 # closes the gate's last write end
    for fd in (gate_r, gate_w, done_w):
        os.close(fd)
    set_policy(policy + (" %d" % quantum if policy == "rr" else ""))
    os.read(done_r, 1)              # end-of-file: every job has exited
    os.close(done_r)
    turns = [sched_turns(pid) for pid in pids]
    for pid in pids + [starter]:
        os.waitpid(pid, 0)
    arrivals = {arrived for arrived, _ in turns}
    if len(arrivals) != 1:
        raise RuntimeError("the jobs did not arrive together (was another process running?)")
    zero = arrivals.pop()
    return [[(start - zero, end - zero) for start, end in slices if start >= zero]
            for _, slices in turns]


def sched_turns(pid):
    """(the tick it last arrived, [(start, end), ...]) from /proc/PID/sched."""
    with open("/proc/%d/sched" % pid) as f:
        fields = dict(line.rstrip("\n").split(":\t", 1) for line in f)
    slices = [tuple(map(int, s.split("-"))) for s in fields["slices"].split()]
    return int(fields["arrivals"].split()[-1]), slices


# ---- the answers, in the book's words ---------------------------------------------------

def report(jobs, turns, policy):
    runs = sorted((start, end, n) for n, slices in enumerate(turns) for start, end in slices)
    finish = {n: max(end for _, end in slices) for n, slices in enumerate(turns)}
    print("Execution trace:")
    for start, end, n in runs:
        if policy == "rr":
            done = " ( DONE at %.2f )" % end if end == finish[n] else ""
            print("  [ time %3d ] Run job %3d for %.2f secs%s" % (start, n, end - start, done))
        else:
            print("  [ time %3d ] Run job %d for %.2f secs ( DONE at %.2f )" % (start, n, end - start, end))
    print("\nFinal statistics:")
    order = range(len(jobs)) if policy == "rr" else sorted(range(len(jobs)), key=lambda n: turns[n][0])
    sums = [0.0, 0.0, 0.0]
    for n in order:
        ran = sum(end - start for start, end in turns[n])
        response, turnaround = turns[n][0][0], finish[n]
        numbers = (response, turnaround, turnaround - ran)
        sums = [a + b for a, b in zip(sums, numbers)]
        print("  Job %3d -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f" % ((n,) + numbers))
    count = len(jobs)
    print("\n  Average -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f\n" % tuple(s / count for s in sums))


# ---- jobs no machine can run: the book's arithmetic -------------------------------------

def arithmetic(jobs, policy, quantum):
    """The book's answers computed as the book's tool computes them, for jobs
    that cannot be real processes (see runnable): in its order of float
    operations, so that every figure -- and every failure -- is the same."""
    print("Execution trace:")
    if policy == "rr":
        stats = round_robin_arithmetic(jobs, float(quantum))
    else:
        thetime = 0
        for n, length in jobs:
            print("  [ time %3d ] Run job %d for %.2f secs ( DONE at %.2f )" % (thetime, n, length, thetime + length))
            thetime += length
        stats, t = [], 0.0
        for n, length in jobs:
            stats.append((n, t, t + length, t))
            t += length
    print("\nFinal statistics:")
    sums = [0.0, 0.0, 0.0]
    for n, response, turnaround, wait in stats:
        print("  Job %3d -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f" % (n, response, turnaround, wait))
        sums = [sums[0] + response, sums[1] + turnaround, sums[2] + wait]
    count = len(jobs)
    print("\n  Average -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f\n"
          % (sums[0] / count, sums[1] / count, sums[2] / count))


def round_robin_arithmetic(jobs, quantum):
    response = {n: -1 for n, _ in jobs}     # (-1: not yet run, as the book marks it)
    wait = {n: 0.0 for n, _ in jobs}
    lastran = dict(wait)
    turnaround = dict(wait)
    queue, thetime, left = [[n, length] for n, length in jobs], 0.0, len(jobs)
    while left > 0:
        n, remaining = queue.pop(0)
        remaining = float(remaining)
        if response[n] == -1:
            response[n] = thetime
        wait[n] += thetime - lastran[n]
        if remaining > quantum:
            ranfor = quantum
            print("  [ time %3d ] Run job %3d for %.2f secs" % (thetime, n, ranfor))
            queue.append([n, remaining - quantum])
        else:
            ranfor = remaining
            print("  [ time %3d ] Run job %3d for %.2f secs ( DONE at %.2f )" % (thetime, n, ranfor, thetime + ranfor))
            turnaround[n] = thetime + ranfor
            left -= 1
        thetime += ranfor
        lastran[n] = thetime
    return [(n, response[n], turnaround[n], wait[n]) for n in range(len(jobs))]


def runnable(jobs, policy, quantum):
    """Can each job be a real process, and its turns be read back?  A job runs
    whole ticks, at least one; /proc/PID/sched keeps SLICES_KEPT turns; and a
    machine that runs some 50,000 ticks a second should be done in seconds."""
    lengths = [length for _, length in jobs]
    if not lengths or not all(length >= 1 and float(length).is_integer() for length in lengths):
        return False
    turns = max(lengths) / quantum if policy == "rr" else 1
    return len(lengths) <= JOBS_AT_MOST and turns < SLICES_KEPT and sum(lengths) <= TICKS_AT_MOST


def never_ends(jobs, policy, quantum):
    """The book's RR gives a job nothing when the quantum is not positive, or
    forever when a job is endless: it loops for ever."""
    return policy == "rr" and any(length > quantum and (quantum <= 0 or length == float("inf"))
                                  for _, length in jobs)


def main(argv):
    opts = options(argv)
    random.seed(opts.seed, version=1)
    try:
        return homework(opts)
    except Exception as e:      # where the book's tool stops with a traceback: its last line
        sys.stdout.flush()
        print(traceback.format_exception_only(type(e), e)[-1], end="", file=sys.stderr)
        return 1


def homework(opts):
    show_jobs(opts, None)
    jobs = job_list(opts)
    for n, length in jobs:
        print("  Job", n, "( length = " + str(length) + " )")
    print("\n")
    if not opts.solve:
        print("Compute the turnaround time, response time, and wait time for each job.")
        print("When you are done, run this program again, with the same arguments,")
        print("but with -c, which will thus provide you with the answers. You can use")
        print("-s <somenumber> or your own job list (-l 10,15,20 for example)")
        print("to generate different problems for yourself.")
        print("")
        return 0
    print("** Solutions **\n")
    policy = POLICIES.get(opts.policy)
    if policy is None:
        print("Error: Policy", opts.policy, "is not available.")
        return 0
    if never_ends(jobs, policy, opts.quantum):
        sys.stdout.flush()
        print("scheduler.py: with a quantum of %d, round robin never ends" % opts.quantum, file=sys.stderr)
        return 1
    if not runnable(jobs, policy, opts.quantum):
        arithmetic(sorted(jobs, key=lambda job: job[1]) if policy == "sjf" else jobs, policy, opts.quantum)
        return 0
    sys.stdout.flush()              # (not copied into the jobs)
    turns = run([int(length) for _, length in jobs], policy, opts.quantum)
    report(jobs, turns, policy)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
