#!/usr/bin/env python3
"""predict: guess first, then see -- in the spirit of OSTEP's simulators.

    predict PROGRAM [ARGS]     shows the program, asks what it will print,
                               then runs it and compares (pids count as '#')
    predict -t ACTIONS         shows fork actions such as a+b,b+c,c- (as
                               fork.py -A takes them), asks for the final process
                               tree, then runs fork.py and compares

Type the prediction line by line and end it with an empty line (or Ctrl-D).
"""
import os
import re
import sys


FORK = "/bin/fork.py"       # OSTEP's fork.py, on real processes


def ask(question):
    print(question)
    print("(type it line by line; an empty line ends it)")
    lines = []
    while True:
        try:
            line = input("> ")
        except EOFError:
            break
        if not line.strip():
            break
        lines.append(line.rstrip())
    return lines


def run(argv):
    """Run argv with its output into a pipe; return what it printed.  Python
    programs write at once (PYTHONUNBUFFERED), so that the lines come in the
    order a terminal would show them."""
    r, w = os.pipe()
    pid = os.posix_spawnp(argv[0], argv, dict(os.environ, PYTHONUNBUFFERED="1"),
                          file_actions=[(os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r)])
    os.close(w)
    chunks = []
    while True:
        data = os.read(r, 65536)
        if not data:
            break
        chunks.append(data)
    os.close(r)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode(errors="replace").splitlines()


def normal(line):
    return re.sub(r"\d+", "#", line.strip())


def compare(predicted, actual, in_order=True):
    print("\nWhat really happened:")
    for line in actual:
        print("  " + line)
    want = [normal(x) for x in actual]
    got = [normal(x) for x in predicted]
    if got == want:
        print("\nExactly right.")
        return 0
    if not in_order and sorted(got) == sorted(want):
        print("\nThe right lines, in another order: the scheduler chose differently "
              "(try it again, or with another seed).")
        return 0
    print("\nNot quite.  Line by line (numbers such as pids count as '#'):")
    for i in range(max(len(got), len(want))):
        g = predicted[i] if i < len(predicted) else "(nothing)"
        w = actual[i] if i < len(actual) else "(nothing)"
        mark = "ok " if i < len(got) and i < len(want) and got[i] == want[i] else "-> "
        print(f"  {mark}you: {g:<35} real: {w}")
    return 1


def tree_of(actions):
    """The final process tree the actions leave (a child of an exiting process
    goes to init, shown at the top level); ValueError, saying which action,
    if they cannot happen (as fork.py refuses them)."""
    parent = {"a": None}
    alive = ["a"]
    for action in filter(None, (s.strip() for s in actions.split(","))):
        if "+" in action:
            p, _, c = action.partition("+")
            if p not in alive:
                raise ValueError(f"{action}: there is no live process {p or repr('')}")
            if not c.isidentifier() or c in parent:
                raise ValueError(f"{action}: {c or repr('')} cannot be a new process's name")
            parent[c] = p
            alive.append(c)
        elif action.endswith("-"):
            p = action[:-1]
            if p not in alive:
                raise ValueError(f"{action}: there is no live process {p or repr('')}")
            alive.remove(p)
            for c in alive:
                if parent.get(c) == p:
                    parent[c] = None
        else:
            raise ValueError(f"{action}: an action is PARENT+CHILD or NAME-")
    lines = []

    def show(name, depth):
        lines.append("  " * depth + name)
        for c in alive:
            if parent.get(c) == name:
                show(c, depth + 1)
    for name in alive:
        if parent.get(name) is None:
            show(name, 0)
    return lines


def program(name):
    """The file predict shows and runs: a name without a slash is looked for
    here first (predict hw1_variable.py means ./hw1_variable.py), then on PATH."""
    if "/" in name or os.path.exists(name):
        return name if "/" in name else "./" + name
    for directory in os.get_exec_path():
        path = os.path.join(directory, name)
        if os.path.exists(path):
            return path
    return name


def main(args):
    if not args or args[0] in ("-h", "--help"):
        sys.stdout.write(__doc__)
        return 0 if args else 2
    if args[0] == "-t":
        if len(args) != 2:
            sys.stderr.write("usage: predict -t ACTIONS (e.g. a+b,b+c,c-)\n")
            return 2
        try:
            expected = tree_of(args[1])
        except ValueError as e:
            sys.stderr.write(f"predict: {e}\n")
            return 2
        print("The actions:", args[1])
        print("a+b: a forks a child named b;  b-: b exits (its children go to init)")
        predicted = ask("\nWhat process tree is left at the end?  One name per line, "
                        "two spaces of indent per level:")
        print("\nThe real run (fork.py):")
        for line in run([FORK, "-A", args[1], "-c", "-F"])[-12:]:
            print("  " + line)
        return compare(predicted, expected)
    path = program(args[0])
    try:
        with open(path) as f:
            source = f.read()
    except OSError as e:
        sys.stderr.write(f"predict: {path}: {e.strerror}\n")
        return 2
    print(f"--- {path}")
    sys.stdout.write(source if source.endswith("\n") else source + "\n")
    print("---")
    predicted = ask("What will it print?")
    sys.stdout.flush()
    try:
        actual = run([path] + args[1:])
    except OSError as e:
        sys.stderr.write(f"predict: cannot run {args[0]}: {e.strerror}\n")
        return 2
    return compare(predicted, actual, in_order=False)


sys.exit(main(sys.argv[1:]))
