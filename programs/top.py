#!/usr/bin/env python3
"""top: the process table, refreshed -- who uses the CPU, and in which state.

    top             refresh every second until q (or Ctrl-C), on a terminal
    top -n N        N refreshes, then exit
    top -d SECS     seconds between refreshes
    top -b          plain output, no screen clearing (the default into a pipe)

%CPU is the share of the time since the last refresh that a process spent on
the CPU, from CpuTime in /proc/PID/status.
"""
import functools
import getopt
import os
import pwd
import select
import sys
import termios
import time
import tty

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(0)


def snapshot():
    procs = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/status") as f:
                fields = dict(line.rstrip("\n").split(":\t", 1) for line in f if ":\t" in line)
        except OSError:
            continue                      # it went away while we looked
        procs[int(name)] = fields
    return procs


def render(procs, before, elapsed):
    states = {}
    for fields in procs.values():
        state = fields.get("StateName", "?").split()[0]
        states[state] = states.get(state, 0) + 1
    summary = ", ".join(f"{n} {s.lower()}" for s, n in sorted(states.items()))
    lines = [f"top - {len(procs)} processes: {summary}",
             "",
             f"{'PID':>5} {'PPID':>5} {'USER':<8} {'STATE':<16} {'%CPU':>5} {'TIME':>8}  {'PC':<24} COMMAND"]
    rows = []
    for pid, f in procs.items():
        cpu = float(f.get("CpuTime", "0"))
        prev = float(before.get(pid, {}).get("CpuTime", "0")) if pid in before else 0.0
        share = 100.0 * (cpu - prev) / elapsed if elapsed > 0 else 0.0
        rows.append((share, pid, f, cpu))
    rows.sort(key=lambda r: (-r[0], r[1]))
    for share, pid, f, cpu in rows:
        uid = f.get("Uid", "0").split()[0]
        state = f.get("StateName", "?")
        pc = f.get("PC", "-").split(" in ")[0].rsplit("/", 1)[-1]
        minutes, seconds = divmod(cpu, 60)
        lines.append(f"{pid:>5} {f.get('PPid', '?'):>5} {user_name(uid):<8} {state:<16} "
                     f"{share:>5.1f} {int(minutes):>4}:{seconds:05.2f}  {pc:<24} {f.get('Name', '?')}")
    return "\n".join(lines) + "\n"


STATE_STYLE = {"RUNNING": "bold green", "READY": "yellow", "BLOCKED": "cyan",
               "STOPPED": "magenta", "ZOMBIE": "bold red"}


def rich_screen(text):
    """On a terminal: the same table, as a rich table coloured by state."""
    try:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text          # plain text: a name like [red]x[/red] is no markup
    except ImportError:
        return False
    lines = text.splitlines()
    t = Table(title=Text(lines[0]), header_style="bold", box=None)
    for title in ("PID", "PPID", "USER", "STATE", "%CPU", "TIME", "PC", "COMMAND"):
        t.add_column(title, justify="right" if title in ("PID", "PPID", "%CPU", "TIME") else "left")
    for line in lines[3:]:
        pid, ppid, user, rest = line.split(None, 3)
        state = rest[:16].strip()
        cpu, time_, pc, command = rest[16:].split(None, 3) if len(rest[16:].split(None, 3)) == 4 \
            else (rest[16:], "", "", "")
        t.add_row(*map(Text, (pid, ppid, user, state, cpu, time_, pc, command)),
                  style=STATE_STYLE.get(state.split()[0] if state else "", ""))
    Console(file=sys.stdout, force_terminal=True, highlight=False).print(t)
    return True


@functools.cache
def user_name(uid):
    """uid (as /proc shows it) -> its name in /etc/passwd, or uid itself; looked up once."""
    try:
        return pwd.getpwuid(int(uid)).pw_name
    except (KeyError, ValueError):
        return uid


def main(argv):
    try:
        opts, _ = getopt.getopt(argv, "n:d:bh")
    except getopt.GetoptError as e:
        sys.stderr.write(f"top: {e.msg}\nusage: top [-b] [-n N] [-d SECS]\n")
        return 2
    opts = dict(opts)
    if "-h" in opts:
        sys.stdout.write(__doc__)
        return 0
    batch = "-b" in opts or not os.isatty(1)
    try:
        count = int(opts.get("-n", "1" if batch else "0"))
        delay = float(opts.get("-d", "1"))
    except ValueError:
        sys.stderr.write("top: -n and -d take numbers\n")
        return 2
    keys = not batch and os.isatty(0)
    saved = termios.tcgetattr(0) if keys else None
    if keys:
        tty.setcbreak(0)                  # each key as it is typed: q quits at once
    try:
        return refresh(batch, count, delay, keys)
    finally:
        if saved is not None:
            termios.tcsetattr(0, termios.TCSADRAIN, saved)


def quit_pressed(delay):
    """Wait up to delay seconds for a key; True if it was q."""
    ready, _, _ = select.select([0], [], [], delay)
    return bool(ready) and os.read(0, 64)[:1] in (b"q", b"Q")


def refresh(batch, count, delay, keys):
    before, last = {}, time.monotonic()
    shown = 0
    while True:
        now_procs = snapshot()
        now = time.monotonic()
        text = render(now_procs, before, now - last if before else 0.0)
        if batch:
            sys.stdout.write(text)
        else:
            sys.stdout.write("\x1b[H\x1b[2J")
            if not rich_screen(text):
                sys.stdout.write(text)
        sys.stdout.flush()
        shown += 1
        if count and shown >= count:
            return 0
        before, last = now_procs, now
        if keys:
            if quit_pressed(delay):
                return 0
        else:
            time.sleep(delay)


sys.exit(main(sys.argv[1:]))
