#!/usr/bin/env python3
"""pstree: show the processes as a tree of parents and children, with their states.

    pstree [-p] [-s] [-a] [-A] [PID]

Each process is shown with its state (RUNNING, READY, BLOCKED, STOPPED,
ZOMBIE) in brackets; -p adds pids, -a the command-line arguments, -s hides
the states, -A draws with ASCII instead of line-drawing characters.  Without
-p, identical siblings are merged: 3*[sleep[BLOCKED]].  PID starts the tree
there instead of at init.
"""
import getopt
import os
import re
import sys


STATE_COLOUR = {"RUNNING": "1;32", "READY": "33", "BLOCKED": "36", "STOPPED": "35", "ZOMBIE": "1;31"}


def read_procs():
    """pid -> (ppid, name, state, argv), from /proc."""
    procs = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/status" % name) as f:
                fields = dict(line.rstrip("\n").split(":\t", 1) for line in f if ":\t" in line)
            with open("/proc/%s/cmdline" % name, "rb") as f:
                argv = f.read().decode(errors="replace").split("\0")[:-1]
        except OSError:
            continue                               # it exited while we looked
        procs[int(name)] = (int(fields["PPid"]), fields["Name"],
                            fields["StateName"].split()[0], argv)
    return procs


UNICODE = {"one": "───", "first": "─┬─", "mid": " ├─", "last": " └─", "bar": " │ "}
ASCII = {"one": "---", "first": "-+-", "mid": " |-", "last": " `-", "bar": " | "}


def printable(text):
    """Control characters as ps shows them, '?': a name cannot move the cursor."""
    return "".join("?" if ord(c) < 32 or ord(c) == 127 else c for c in text)


def width(label):
    """The columns a label takes on the screen: its colour codes take none."""
    return len(re.sub(r"\x1b\[[0-9;]*m", "", label))


def label_of(pid, procs, opts):
    ppid, name, state, argv = procs[pid]
    label = printable(name)
    if opts["pids"]:
        label += "(%d)" % pid
    if opts["states"]:
        colour = STATE_COLOUR.get(state) if opts.get("colour") else None
        label += ("\x1b[%sm[%s]\x1b[0m" % (colour, state)) if colour else "[%s]" % state
    if opts["args"] and argv[1:]:
        label += " " + printable(" ".join(argv[1:]))
    return label


def render_long(pid, procs, kids, opts, prefix=""):
    """-a: one process a line, children indented under their parent."""
    g = opts["glyphs"]
    lines = [label_of(pid, procs, opts)]
    children = kids.get(pid, [])
    for i, kid in enumerate(children):
        last = i == len(children) - 1
        sub = render_long(kid, procs, kids, opts)
        lines.append("  " + g["last" if last else "mid"][1:] + sub[0])
        lines += ["  " + ("  " if last else g["bar"][1:]) + line for line in sub[1:]]
    return lines


def render(pid, procs, kids, opts):
    """The lines of the subtree rooted at pid, its own label first."""
    if opts["args"]:
        return render_long(pid, procs, kids, opts)
    label = label_of(pid, procs, opts)
    subtrees = [render(k, procs, kids, opts) for k in kids.get(pid, [])]
    if not opts["pids"]:
        subtrees = merge(subtrees)
    if not subtrees:
        return [label]
    g = opts["glyphs"]
    pad = " " * width(label)
    if len(subtrees) == 1:
        sub = subtrees[0]
        return [label + g["one"] + sub[0]] + [pad + "   " + line for line in sub[1:]]
    lines = []
    for i, sub in enumerate(subtrees):
        last = i == len(subtrees) - 1
        head = label + g["first"] if i == 0 else pad + (g["last"] if last else g["mid"])
        lines.append(head + sub[0])
        lines += [pad + ("   " if last else g["bar"]) + line for line in sub[1:]]
    return lines


def merge(subtrees):
    """Identical one-line siblings become N*[label], as pstree shows them."""
    out, counts = [], {}
    for sub in subtrees:
        key = tuple(sub)
        if len(sub) == 1 and key in counts:
            counts[key] += 1
        else:
            counts.setdefault(key, 1)
            out.append(sub)
    return [["%d*[%s]" % (counts[tuple(s)], s[0])] if len(s) == 1 and counts[tuple(s)] > 1
             else s for s in out]


def main():
    try:
        options, args = getopt.getopt(sys.argv[1:], "psaA", ["help"])
    except getopt.GetoptError as e:
        sys.stderr.write("pstree: %s\nusage: pstree [-p] [-s] [-a] [-A] [PID]\n" % e)
        return 2
    flags = {o for o, _ in options}
    if "--help" in flags:
        sys.stdout.write(__doc__)
        return 0
    opts = {"colour": sys.stdout.isatty(), "pids": "-p" in flags, "states": "-s" not in flags,
            "args": "-a" in flags,
            "glyphs": ASCII if "-A" in flags else UNICODE}
    procs = read_procs()
    kids = {}
    for pid in sorted(procs):
        kids.setdefault(procs[pid][0], []).append(pid)
    if args:
        if len(args) > 1 or not args[0].isdigit():
            sys.stderr.write("usage: pstree [-p] [-s] [-a] [-A] [PID]\n")
            return 2
        roots = [int(args[0])] if int(args[0]) in procs else []
        if not roots:
            return 1
    else:
        # the top of the tree: init, or every process whose parent is not there
        roots = [pid for pid in sorted(procs) if procs[pid][0] not in procs]
    for root in roots:
        for line in render(root, procs, kids, opts):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
