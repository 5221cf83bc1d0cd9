#!/usr/bin/env python3
"""process-run.py: OSTEP's homework on processes (chapter 4), on real processes.

    process-run.py -l 5:100,5:100
    process-run.py -l 3:0,5:100 -L 5 -S SWITCH_ON_IO -I IO_RUN_IMMEDIATE -c -p

The same flags, workloads and tables as the book's process-run.py -- but with
-c nothing is simulated: each process is a real process of this machine.
Its `cpu` instruction is one tick on the CPU (a system call), its `io` a read
of /dev/slow, a device that keeps the reader BLOCKED one tick per byte (so a
read of -L bytes is an I/O of -L ticks), and its `io_done` one more tick.
Who runs when is the kernel's decision: SWITCH_ON_IO is its `scan` policy
(xv6's: the next READY process in the process table), SWITCH_ON_END its
`batch` policy (the CPU stays with a process until it exits, idle while it
waits), and IO_RUN_IMMEDIATE adds `io-first` (a process whose I/O is done
takes the CPU at once).  The table is read from the kernel's accounting
afterwards (/proc/PID/sched: when each process ran and when its I/O ended).
The processes all start at the same tick, as scheduler.py's jobs do.
"""
import os
import random
import re
import sys
import traceback
from collections import deque
from functools import partial
from operator import methodcaller
from optparse import OptionParser

SWITCH = {"SWITCH_ON_IO": "scan", "SWITCH_ON_END": "batch"}
IO_DONE = {"IO_RUN_LATER": "", "IO_RUN_IMMEDIATE": " io-first"}
SLICES_KEPT = 2048          # the turns on the CPU /proc/PID/sched lists (kernel/proc.py)


class Problem(Exception):
    """A workload the original refuses: its message, and the status."""


def options(argv):
    parser = OptionParser()
    parser.add_option('-s', '--seed', default=0, help='the random seed', action='store', type='int', dest='seed')
    parser.add_option('-P', '--program', default='', help='more specific controls over programs', action='store', type='string', dest='program')
    parser.add_option('-l', '--processlist', default='', help='a comma-separated list of processes to run, in the form X1:Y1,X2:Y2,... where X is the number of instructions that process should run, and Y the chances (from 0 to 100) that an instruction will use the CPU or issue an IO (i.e., if Y is 100, a process will ONLY use the CPU and issue no I/Os; if Y is 0, a process will only issue I/Os)', action='store', type='string', dest='process_list')
    parser.add_option('-L', '--iolength', default=5, help='how long an IO takes', action='store', type='int', dest='io_length')
    parser.add_option('-S', '--switch', default='SWITCH_ON_IO', help='when to switch between processes: SWITCH_ON_IO, SWITCH_ON_END', action='store', type='string', dest='process_switch_behavior')
    parser.add_option('-I', '--iodone', default='IO_RUN_LATER', help='type of behavior when IO ends: IO_RUN_LATER, IO_RUN_IMMEDIATE', action='store', type='string', dest='io_done_behavior')
    parser.add_option('-c', help='compute answers for me', action='store_true', default=False, dest='solve')
    parser.add_option('-p', '--printstats', help='print statistics at end; only useful with -c flag (otherwise stats are not printed)', action='store_true', default=False, dest='print_stats')
    return parser.parse_args(argv)[0]


# ---- the workload: each process's instructions ---------------------------------------------

def program(spec):
    """-P's form, c7,i,c1: compute 7 ticks, an I/O, compute 1."""
    code = []
    for part in spec.split(","):
        opcode = part[0]            # (an empty part: IndexError, as in the book's tool)
        if opcode == "c":
            code += ["cpu"] * int(part[1:])
        elif opcode == "i":
            code += ["io", "io_done"]       # a tick to handle the I/O's completion
        else:
            raise Problem("bad opcode %s (should be c or i)" % opcode)
    return code


def drawn(description):
    """-l's form, X:Y: X instructions, each the CPU with chance Y% (else an I/O)."""
    parts = description.split(":")
    if len(parts) != 2:
        raise Problem("Bad description (%s): Must be number <x:y>\n"
                      "  where X is the number of instructions\n"
                      "  and Y is the percent change that an instruction is CPU not IO" % description)
    count, chance = int(parts[0]), float(parts[1]) / 100.0
    code = []
    for _ in range(count):
        code += ["cpu"] if random.random() < chance else ["io", "io_done"]
    return code


def workload(opts):
    if opts.program != "":
        return [program(spec) for spec in opts.program.split(":")]
    return [drawn(description) for description in opts.process_list.split(",")]


def listing(opts, codes):
    print("Produce a trace of what would happen when you run these processes:")
    for n, code in enumerate(codes):
        print("Process %d" % n)
        for op in code:
            print("  %s" % op)
        print("")
    print("Important behaviors:")
    if opts.process_switch_behavior == "SWITCH_ON_IO":
        print("  System will switch when the current process is FINISHED or ISSUES AN IO")
    else:
        print("  System will switch when the current process is FINISHED")
    if opts.io_done_behavior == "IO_RUN_IMMEDIATE":
        print("  After IOs, the process issuing the IO will run IMMEDIATELY")
    else:
        print("  After IOs, the process issuing the IO will run LATER (when it is its turn)")
    print("")


# ---- the book's own rules, replayed ----------------------------------------------------

class BookRun:
    """The book's scheduler replayed on the instruction lists alone, for the two
    things real processes cannot show.  A process of no instructions: the book
    can pick it and find it done in the same instant -- right after another
    issued an I/O, or as an I/O completes at the start of its tick -- which a
    real process cannot do (its exit takes a tick); such a process is never
    started, and its rows come from here (passed_over).  And a run longer than
    /proc/PID/sched keeps (SLICES_KEPT turns): its table comes from here."""

    def __init__(self, codes, opts):
        self.codes, self.n = codes, len(codes)
        self.switch_on_io = opts.process_switch_behavior == "SWITCH_ON_IO"
        self.immediate = opts.io_done_behavior == "IO_RUN_IMMEDIATE"
        self.io_length = opts.io_length
        self.ops = [list(code) for code in codes]
        self.state = ["READY"] * self.n
        self.due = [[] for _ in codes]      # per process: the ticks its I/Os end
        self.curr = 0
        self.ticked = set()                 # processes of no instructions shown RUNNING
        self.shown_done = {}                # ... and the first row they show DONE
        self.lines, self.cpu_busy, self.io_busy, self.tick = [], 0, 0, 0
        self.run()

    def run_next(self, pid=-1):
        if pid == -1:
            order = list(range(self.curr + 1, self.n)) + list(range(self.curr + 1))
            pid = next((q for q in order if self.state[q] == "READY"), -1)
            if pid == -1:
                return
        self.curr = pid
        self.state[pid] = "RUNNING"

    def check_if_done(self):
        if not self.ops[self.curr] and self.state[self.curr] == "RUNNING":
            self.state[self.curr] = "DONE"
            self.run_next()

    def runnable(self):
        return self.state.count("READY") + self.state.count("RUNNING")

    def io_ends(self, pid):
        self.state[pid] = "READY"
        if self.immediate:
            if self.curr != pid and self.state[self.curr] == "RUNNING":
                self.state[self.curr] = "READY"
            self.run_next(pid)
        else:
            if not self.switch_on_io and self.runnable() > 1:
                self.run_next(pid)
            if self.runnable() == 1:
                self.run_next(pid)
        self.check_if_done()

    def run(self):
        state, longest = self.state, sum(map(len, self.codes)) * (self.io_length + 2) + self.n + 1
        state[0] = "RUNNING"
        while ("READY" in state or "RUNNING" in state or "BLOCKED" in state) and self.tick <= longest:
            self.tick += 1
            ended = [pid for pid in range(self.n) if self.tick in self.due[pid]]
            for pid in ended:
                self.io_ends(pid)
            op = ""
            if state[self.curr] == "RUNNING":
                if self.ops[self.curr]:
                    op = self.ops[self.curr].pop(0)
                else:
                    self.ticked.add(self.curr)      # shown RUNNING: this tick is its
            self.row(op, bool(ended))
            if op == "io":
                state[self.curr] = "BLOCKED"
                self.due[self.curr].append(self.tick + self.io_length + 1)
                if self.switch_on_io:
                    self.run_next()
            self.check_if_done()

    def row(self, op, io_done):
        cells = ["RUN:" + op if pid == self.curr and op else self.state[pid] for pid in range(self.n)]
        ios = sum(1 for due in self.due for t in due if t > self.tick)
        self.cpu_busy += op != ""
        self.io_busy += ios > 0
        self.lines.append(("%3d*" if io_done else "%3d ") % self.tick + "".join("%14s" % c for c in cells)
                          + "%14s" % ("1" if op else " ") + ("%14s" % ios if ios else "%10s" % " "))
        for pid in range(self.n):
            if not self.codes[pid] and self.state[pid] == "DONE":
                self.shown_done.setdefault(pid, self.tick)

    def passed_over(self):
        """{process: the first row it shows DONE} for each process of no
        instructions the book finishes without giving it a tick."""
        return {pid: self.shown_done.get(pid, self.tick + 1) for pid in range(self.n)
                if not self.codes[pid] and pid not in self.ticked}


def too_long_to_keep(codes):
    """Could a process have more turns on the CPU than /proc/PID/sched keeps?
    (A turn per instruction at most, and one more per I/O that ends.)"""
    ios = sum(code.count("io") for code in codes)
    return max(map(len, codes)) + ios + 2 >= SLICES_KEPT


# ---- running the processes for real ----------------------------------------------------

def read_policy():
    """What `sched` would say now, as the words that set it again ('rr 10')."""
    with open("/proc/sched") as f:
        line = f.readline()
    quantum = re.search(r"(?:quantum|slices) (\d+)", line)
    return (line.split()[1] + (" " + quantum.group(1) if quantum else "")
            + (" io-first" if "io-first" in line else ""))


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


def process(code, io_length, slow, gate):
    """One process's life: line up at the gate, then run its instructions, one
    tick each: a system call for cpu and io_done, a read of /dev/slow for io,
    and exit for the last one."""
    steps = [partial(os.read, slow, io_length) if op == "io" else partial(os.getpgid, 0)
             for op in code[:-1]]
    os.read(gate, 1)                # end-of-file when the starter exits: time 0
    # (called from C by map: no loop step of this program adds a tick of its own)
    deque(map(methodcaller("__call__"), steps), maxlen=0)
    os._exit(0)


def run(codes, opts):
    """Run the processes; return each one's (arrivals, turns on the CPU) in ticks
    from the moment they all arrived."""
    before = read_policy()
    try:
        return run_processes(codes, opts)
    finally:
        set_policy(before)


def run_processes(codes, opts):
    slow = os.open("/dev/slow", os.O_RDONLY)
    gate_r, gate_w = os.pipe()
    done_r, done_w = os.pipe()
    pids = []
    for code in codes:
        pid = os.fork()
        if pid == 0:
            os.close(gate_w)
            os.close(done_r)
            process(code, opts.io_length, slow, gate_r)
        pids.append(pid)
        asleep(pid)                 # at the gate, behind the ones before it
    tool = os.getpid()
    starter = os.fork()
    if starter == 0:
        asleep(tool)                # the tool sleeps first: the CPU is the processes' alone
        os._exit(0)                 # closes the gate's last write end
    for fd in (slow, gate_r, gate_w, done_w):
        os.close(fd)
    set_policy(SWITCH[opts.process_switch_behavior] + IO_DONE[opts.io_done_behavior])
    os.read(done_r, 1)              # end-of-file: every process has exited
    os.close(done_r)
    lives = [life(pid) for pid in pids]
    for pid in pids + [starter]:
        os.waitpid(pid, 0)
    starts = {arrivals[0] for arrivals, _ in lives}
    if len(starts) != 1:
        raise RuntimeError("the processes did not start together (was another process running?)")
    zero = starts.pop()
    return [([a - zero for a in arrivals], [(s - zero, e - zero) for s, e in slices])
            for arrivals, slices in lives]


def life(pid):
    """(arrivals, turns) since the gate opened, from /proc/PID/sched."""
    with open("/proc/%d/sched" % pid) as f:
        fields = dict(line.rstrip("\n").split(":\t", 1) for line in f)
    arrivals = [int(a) for a in fields["arrivals"].split()]
    slices = [tuple(map(int, s.split("-"))) for s in fields["slices"].split()]
    # It arrived when it was made, and next when the gate opened (setting up,
    # it may have been preempted, which is no arrival, but it waited nowhere else).
    if len(arrivals) < 2 or SLICES_KEPT in (len(slices), len(arrivals)):
        raise RuntimeError("the kernel kept too little of process %d's life to show" % pid)
    opened = arrivals[1]
    return ([a for a in arrivals if a >= opened],
            [(s, e) for s, e in slices if s >= opened])


# ---- the table, in the book's form -----------------------------------------------------

def table(codes, lives, skipped):
    """Rows of the book's table from what the kernel recorded (lives: by
    process number; skipped: when each process never started shows DONE)."""
    states = []                     # per process: {row: state}
    completions = set()
    end = 0
    for n, code in enumerate(codes):
        if n in skipped:            # READY until then: no rows of its own
            states.append(({}, skipped[n] - 1))
            continue
        arrivals, slices = lives[n]
        ran = [t for s, e in slices for t in range(s + 1, e + 1)]
        if len(ran) != max(len(code), 1):
            raise RuntimeError("a process ran %d ticks for %d instructions" % (len(ran), len(code)))
        rows = {}
        for t, op in zip(ran, code or ["RUNNING"]):
            rows[t] = "RUN:" + op if code else op
            if op == "io":          # BLOCKED until the device's transfer ended
                done = min(a for a in arrivals if a >= t)
                completions.add(done)
                for blocked in range(t + 1, done + 1):
                    rows[blocked] = "BLOCKED"
        exit_tick = ran[-1]
        end = max(end, exit_tick)
        states.append((rows, exit_tick))
    lines, cpu_busy, io_busy = [], 0, 0
    for t in range(1, end + 1):
        cells = [rows.get(t, "DONE" if t > exit_tick else "READY") for rows, exit_tick in states]
        busy = any(c.startswith("RUN:") for c in cells)
        ios = cells.count("BLOCKED")
        cpu_busy += busy
        io_busy += ios > 0
        lines.append(("%3d*" if t - 1 in completions else "%3d ") % t
                     + "".join("%14s" % c for c in cells)
                     + "%14s" % ("1" if busy else " ")
                     + ("%14s" % ios if ios else "%10s" % " "))
    return lines, end, cpu_busy, io_busy


def solve(opts, codes):
    sys.stdout.flush()              # (not copied into the processes)
    if too_long_to_keep(codes):
        book = BookRun(codes, opts)
        lines, end, cpu_busy, io_busy = book.lines, book.tick, book.cpu_busy, book.io_busy
    else:
        skipped = BookRun(codes, opts).passed_over() if not all(codes) else {}
        started = [n for n in range(len(codes)) if n not in skipped]
        lives = dict(zip(started, run([codes[n] for n in started], opts)))
        lines, end, cpu_busy, io_busy = table(codes, lives, skipped)
    print("Time" + "".join("%14s" % ("PID:%2d" % n) for n in range(len(codes)))
          + "%14s" % "CPU" + "%14s" % "IOs")
    for line in lines:
        print(line)
    if opts.print_stats:
        print("")
        print("Stats: Total Time %d" % end)
        print("Stats: CPU Busy %d (%.2f%%)" % (cpu_busy, 100.0 * cpu_busy / end))
        print("Stats: IO Busy  %d (%.2f%%)" % (io_busy, 100.0 * io_busy / end))
        print("")


def main(argv):
    opts = options(argv)
    random.seed(opts.seed, version=1)
    try:
        return homework(opts)
    except Problem as e:
        print(e)
        return 1
    except Exception as e:      # where the book's tool stops with a traceback: its last line
        sys.stdout.flush()
        print(traceback.format_exception_only(type(e), e)[-1], end="", file=sys.stderr)
        return 1


def homework(opts):
    """The book's order of checks: -S and -I (its asserts), the workload, -L."""
    if opts.process_switch_behavior not in SWITCH or opts.io_done_behavior not in IO_DONE:
        raise AssertionError
    codes = workload(opts)
    if opts.io_length < 0:
        raise AssertionError
    if not opts.solve:
        listing(opts, codes)
    else:
        solve(opts, codes)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
