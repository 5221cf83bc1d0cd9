#!/usr/bin/env python3
"""mem: a process's address space -- its program (text), its global names and
their values (data), argv and environment (what /proc/PID/maps shows).

    mem PID...        each address space in turn
    mem PARENT CHILD  the two side by side, each line of one beside the same
                      line of the other; the values that differ are marked
                      with * (and highlighted on a terminal): after a fork,
                      the two copies of x, and which of them changed
"""
import os
import sys

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(0)

HIGHLIGHT = "\x1b[1;33m", "\x1b[0m"


def read_maps(pid):
    with open(f"/proc/{pid}/maps") as f:
        return f.read()


def entries(text):
    """maps lines -> [(section, name, value)], in their order: `data x = 1`
    is ('data', 'x', '1'), `env HOME=/h` is ('env', 'HOME', '/h')."""
    out = []
    for line in text.splitlines():
        section, _, rest = line.partition(" ")
        rest = rest.strip()
        if section == "data":
            name, _, value = rest.partition(" = ")
        elif section == "env":
            name, _, value = rest.partition("=")
        else:
            name, value = "", rest
        out.append((section, name, value))
    return out


def merged(left, right):
    """The lines of both, each (section, name) once, in the left's order with
    the right's own lines after their section's."""
    order = []
    for section, name, _ in left + right:
        if (section, name) not in order:
            order.append((section, name))
    sections = list(dict.fromkeys(s for s, _ in order))
    order.sort(key=lambda key: sections.index(key[0]))
    return order


def cut(text, width):
    return text if len(text) <= width else text[:width - 3] + "..."


def side_by_side(a, b, text_a, text_b, colour, width):
    left = {(s, n): v for s, n, v in entries(text_a)}
    right = {(s, n): v for s, n, v in entries(text_b)}
    rows = merged(entries(text_a), entries(text_b))
    key_width = max([len(f"{s} {n}") for s, n in rows] + [4])
    column = max(12, (width - key_width - 6) // 2)
    lines = [f"  {'':<{key_width}}  {cut(f'process {a}', column):<{column}}  process {b}"]
    for section, name in rows:
        va, vb = left.get((section, name), "-"), right.get((section, name), "-")
        differs = va != vb
        ca, cb = cut(va, column), cut(vb, column)
        if differs and colour:
            ca = f"{HIGHLIGHT[0]}{ca}{HIGHLIGHT[1]}" + " " * (column - len(ca))
            cb = f"{HIGHLIGHT[0]}{cb}{HIGHLIGHT[1]}"
        else:
            ca = f"{ca:<{column}}"
        mark = "*" if differs else " "
        lines.append(f"{mark} {f'{section} {name}'.rstrip():<{key_width}}  {ca}  {cb}".rstrip())
    return "\n".join(lines) + "\n"


def main(pids):
    if not pids or not all(p.isdigit() for p in pids):
        sys.stderr.write("usage: mem PID...\n")
        return 2
    if len(pids) == 2:
        try:
            texts = [read_maps(pid) for pid in pids]
        except OSError as e:
            sys.stderr.write(f"mem: {e.filename.split('/')[2]}: {e.strerror}\n")
            return 1
        try:
            width = os.get_terminal_size(1).columns
        except OSError:
            width = 100
        sys.stdout.write(side_by_side(*pids, *texts, os.isatty(1), width))
        return 0
    status = 0
    for pid in pids:
        print(f"== process {pid}")
        try:
            sys.stdout.write(read_maps(pid))
        except OSError as e:
            sys.stderr.write(f"mem: {pid}: {e.strerror}\n")
            status = 1
    return status


sys.exit(main(sys.argv[1:]))
