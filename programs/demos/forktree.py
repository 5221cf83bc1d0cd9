#!/usr/bin/env python3
"""forktree: build a process tree with real fork() and exit(), in the manner of
OSTEP's fork.py.

    ./forktree.py a+b,b+c,a+d,b-        (or: ./forktree.py -A a+b,b+c,a+d,b-)

Process a is the first process.  a+b: process a forks a child named b.
b-: process b exits.  After each action the tree is printed as it really is
in /proc: every name is a live process with its own pid, and when a parent
exits first its children are orphans, adopted by init (pid 1) -- not by a,
as fork.py's default pretends.  (-c, fork.py's "show the answers", is
accepted; the answers are always shown.)

How: each named process waits on its own command pipe; this program (the
controller) writes "fork b" or "exit" into it and reads the new pid back
from a shared answer pipe.  The named processes ignore SIGCHLD, so the
kernel reaps their children as soon as they exit: no zombies.
"""
import os
import signal
import sys
import time


def parse(spec):
    """'a+b,b-' -> [('fork', 'a', 'b'), ('exit', 'b', None)]; ValueError if impossible."""
    actions, alive, used = [], {"a"}, {"a"}
    for item in filter(None, (s.strip() for s in spec.split(","))):
        if "+" in item:
            parent, _, child = item.partition("+")
            if parent not in alive:
                raise ValueError("%s: there is no live process %s" % (item, parent or "''"))
            if not child.isidentifier() or child in used:
                raise ValueError("%s: %s cannot be a new process's name" % (item, child or "''"))
            alive.add(child)
            used.add(child)
            actions.append(("fork", parent, child))
        elif item.endswith("-"):
            name = item[:-1]
            if name not in alive:
                raise ValueError("%s: there is no live process %s" % (item, name or "''"))
            alive.discard(name)
            actions.append(("exit", name, None))
        else:
            raise ValueError("%s: an action is PARENT+CHILD or NAME-" % item)
    return actions, sorted(used)


def read_line(fd):
    line = b""
    while not line.endswith(b"\n"):
        chunk = os.read(fd, 1)
        if not chunk:
            break
        line += chunk
    return line.decode().strip()


def live(name, commands, answers):
    """The life of one named process: tell the controller our pid, then obey."""
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    os.write(answers, b"%d\n" % os.getpid())
    while True:
        command = read_line(commands[name])
        if command.startswith("fork "):
            if os.fork() == 0:
                live(command[5:], commands, answers)
        else:                   # "exit", or the controller is gone
            os._exit(0)


def parent_of(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("PPid:"):
                return int(line.split()[1])
    return 0


def show(pids, order):
    """Print the real tree: each live name under its real parent."""
    name_of = {pid: name for name, pid in pids.items()}
    parent = {name: name_of.get(parent_of(pid)) for name, pid in pids.items()}

    def branch(name, prefix, last, top):
        label = "%s (pid %d)" % (name, pids[name])
        if top:
            if name != "a":
                label += "  [orphan: adopted by pid %d]" % parent_of(pids[name])
            print("    " + label)
        else:
            print("    " + prefix + ("└── " if last else "├── ") + label)
            prefix += "    " if last else "│   "
        kids = [n for n in order if n in parent and parent[n] == name]
        for i, kid in enumerate(kids):
            branch(kid, prefix, i == len(kids) - 1, False)

    for name in order:
        if name in parent and parent[name] is None:
            branch(name, "", True, True)


def gone(pid):
    try:
        os.kill(pid, 0)
        return False
    except ProcessLookupError:
        return True


def main(argv):
    args = [a for a in argv[1:] if a != "-c"]
    if args[:1] == ["-A"]:
        args = args[1:]
    if len(args) != 1:
        print("usage: forktree.py [-c] [-A] ACTIONS   (e.g. a+b,b+c,a+d,b-)", file=sys.stderr)
        return 2
    try:
        actions, names = parse(args[0])
    except ValueError as e:
        print("forktree: %s" % e, file=sys.stderr)
        return 2
    pipes = {name: os.pipe() for name in names}
    commands = {name: r for name, (r, w) in pipes.items()}
    answers_r, answers_w = os.pipe()
    order = ["a"] + [child for kind, _, child in actions if kind == "fork"]
    first = os.fork()
    if first == 0:
        live("a", commands, answers_w)
    pids = {"a": int(read_line(answers_r))}
    print("Process Tree:")
    show(pids, order)
    for kind, name, child in actions:
        if kind == "fork":
            print("\nAction: %s forks %s" % (name, child))
            os.write(pipes[name][1], b"fork %s\n" % child.encode())
            pids[child] = int(read_line(answers_r))
        else:
            print("\nAction: %s EXITS" % name)
            os.write(pipes[name][1], b"exit\n")
            pid = pids.pop(name)
            if pid == first:
                os.waitpid(first, 0)
            while not gone(pid):        # its parent (or init) reaps it
                time.sleep(0.001)
        show(pids, order)
    for name in reversed(order):         # the end: everyone exits
        if name in pids:
            os.write(pipes[name][1], b"exit\n")
    if "a" in pids:
        os.waitpid(first, 0)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
