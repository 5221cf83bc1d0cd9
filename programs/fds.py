#!/usr/bin/env python3
"""fds: a process's file descriptors -- which fd points to which open file, pipe
end or terminal, with the shared offset and how many fds refer to it
(what /proc/PID/fdinfo shows).

    fds PID...      fds     (this process itself)
"""
import os
import sys

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(0)


def main(pids: list[str]) -> int:
    if not all(p.isdigit() for p in pids):
        sys.stderr.write("usage: fds [PID...]\n")
        return 2
    status = 0
    for pid in pids or [str(os.getpid())]:
        try:
            with open(f"/proc/{pid}/fdinfo") as f:
                text = f.read()
        except OSError as e:
            sys.stderr.write(f"fds: {pid}: {e.strerror}\n")
            status = 1
            continue
        if not (sys.stdout.isatty() and rich_table(pid, text)):
            print(f"== process {pid}")
            sys.stdout.write(text)
    return status


def rich_table(pid, text):
    """On a terminal: the fd table as a rich table."""
    try:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text          # plain text: a file named [red]x is no markup
    except ImportError:
        return False
    t = Table(title=f"file descriptors of process {pid}", header_style="bold")
    for title in ("fd", "mode", "offset", "refs", "points to"):
        t.add_column(title, justify="right" if title in ("fd", "offset", "refs") else "left")
    for line in text.splitlines():
        parts = line.split(None, 6)       # fd mode "offset" N "refs" N what...
        if len(parts) == 7:
            fd, mode, _, offset, _, refs, what = parts
            t.add_row(fd, mode, offset, refs, Text(what))
    Console(file=sys.stdout, force_terminal=True, highlight=False).print(t)
    return True


sys.exit(main(sys.argv[1:]))
