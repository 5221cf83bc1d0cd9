#!/usr/bin/env python3
"""ps: report a snapshot of the processes, read from /proc.

    ps                 your processes on this terminal: PID TTY TIME CMD
    ps -e  (-A)        every process
    ps -f              full format: UID PID PPID C STIME TTY TIME CMD
    ps -l              long format: F S UID PID PPID C PRI NI WCHAN TTY TIME CMD
    ps -o pid,state,pc,cmd
                       the columns you name; field=Title renames a column
    ps -p PID[,PID]    only these processes
    ps -u USER         only this user's processes
    ps aux             BSD style, as procps reads it: a (every user's, on a
                       terminal), x (also without a terminal), u (USER %CPU
                       %MEM ... START TIME), j (job control: PPID PGID SID
                       TPGID), r (only running processes)

Fields for -o: pid ppid pgid sid uid user state stat s pc ticks time nice ni
wchan tty stime c cmd args comm.  `state` is the kernel's own name for the
state (RUNNING, READY, BLOCKED, STOPPED, ZOMBIE) and `pc` is the program
counter: the line of the program the process is paused at.
"""
import functools
import getopt
import os
import pwd
import sys
import time


class Proc:
    """One process, as /proc/PID/status, stat and cmdline describe it."""

    def __init__(self, pid):
        base = "/proc/%d/" % pid
        with open(base + "status") as f:
            self.status = dict(line.rstrip("\n").split(":\t", 1) for line in f if ":\t" in line)
        with open(base + "stat") as f:
            self.stat = f.read().rsplit(")", 1)[1].split()
        with open(base + "cmdline", "rb") as f:
            self.argv = f.read().decode(errors="replace").split("\0")[:-1]
        s = self.status
        self.pid = pid
        self.ppid = int(s["PPid"])
        self.pgid = int(s["Pgid"])
        self.sid = int(s["Sid"])
        self.uid = int(s["Uid"].split()[1])            # the effective uid, as ps shows
        self.name = s["Name"]
        self.state, _, why = s["StateName"].partition(" ")
        self.wchan = why.strip("()") or "-"
        self.letter = self.stat[0]
        self.ticks = int(s["Ticks"])
        self.cpu = float(s.get("CpuTime", "0"))        # seconds on the CPU
        self.tty = s.get("Tty", "?")
        self.tpgid = int(s.get("Tpgid", "-1"))
        self.nice = int(s.get("Nice", "0"))
        self.started = float(s.get("Started", "0"))
        self.pc = s.get("PC", "-")


def all_procs():
    procs = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                procs.append(Proc(int(name)))
            except (OSError, ValueError, KeyError, IndexError):
                pass                       # it exited while we looked
    return sorted(procs, key=lambda p: p.pid)


@functools.cache
def user_name(uid):
    """uid's name in /etc/passwd (the number if it has none), looked up once."""
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def cputime(p):
    secs = int(p.cpu)
    return "%02d:%02d:%02d" % (secs // 3600, secs // 60 % 60, secs % 60)


def stat_letters(p):
    """STAT: the state letter, s for a session leader, + in the terminal's foreground."""
    flags = p.letter
    if p.nice < 0:
        flags += "<"
    elif p.nice > 0:
        flags += "N"
    if p.pid == p.sid:
        flags += "s"
    if p.pgid == p.tpgid:
        flags += "+"
    return flags


def program_line(p):
    """The program counter, shortened: file:line, and the function if not the top level."""
    if p.pc == "-":
        return "-"
    where, _, func = p.pc.partition(" in ")
    where = where.rsplit("/", 1)[-1]
    return where if func in ("", "<module>") else "%s %s" % (where, func)


def command(p):
    if p.state == "ZOMBIE":
        return "[%s] <defunct>" % p.name
    return printable(" ".join(p.argv)) or "[%s]" % p.name


def printable(text):
    """Control characters (the newlines of an `sh -c` script) shown as ?, as procps does."""
    return "".join("?" if ord(c) < 32 or ord(c) == 127 else c for c in text)


# name -> (title, right-aligned?, value)
FIELDS = {
    "pid": ("PID", True, lambda p: p.pid),
    "ppid": ("PPID", True, lambda p: p.ppid),
    "pgid": ("PGID", True, lambda p: p.pgid),
    "sid": ("SID", True, lambda p: p.sid),
    "uid": ("UID", True, lambda p: p.uid),
    "user": ("USER", False, lambda p: user_name(p.uid)),
    "state": ("STATE", False, lambda p: p.state),
    "stat": ("STAT", False, stat_letters),
    "s": ("S", False, lambda p: p.letter),
    "pc": ("PC", False, program_line),
    "ticks": ("TICKS", True, lambda p: p.ticks),
    "time": ("TIME", True, cputime),
    "nice": ("NI", True, lambda p: p.nice),
    "ni": ("NI", True, lambda p: p.nice),
    "pri": ("PRI", True, lambda p: 80 + p.nice),
    "wchan": ("WCHAN", False, lambda p: p.wchan),
    "tty": ("TTY", False, lambda p: p.tty),
    "tt": ("TT", False, lambda p: p.tty),
    "stime": ("STIME", False, lambda p: time.strftime("%H:%M", time.gmtime(p.started))),
    "c": ("C", True, lambda p: 0),
    "f": ("F", True, lambda p: 0),
    "cmd": ("CMD", False, command),
    "args": ("COMMAND", False, command),
    "command": ("COMMAND", False, command),
    "comm": ("COMMAND", False, lambda p: p.name),
    "tpgid": ("TPGID", True, lambda p: p.tpgid),
    "bsdtime": ("TIME", True, lambda p: "%d:%02d" % (int(p.cpu) // 60, int(p.cpu) % 60)),
    "%cpu": ("%CPU", True, lambda p: "%.1f" % percent_cpu(p)),
    "%mem": ("%MEM", True, lambda p: "0.0"),        # the machine keeps no memory sizes
    "vsz": ("VSZ", True, lambda p: 0),
    "rss": ("RSS", True, lambda p: 0),
    "start": ("START", True, lambda p: time.strftime("%H:%M", time.gmtime(p.started))),
}
DEFAULT = "pid,tty,time,cmd"
FULL = "user=UID,pid,ppid,c,stime,tty,time,cmd"
LONG = "f,s,uid,pid,ppid,c,pri,ni,wchan,tty,time,cmd"
LONG_FULL = "f,s,user=UID,pid,ppid,c,pri,ni,wchan,stime,tty,time,cmd"


def parse_fields(spec):
    """'pid,user=OWNER,cmd' -> [(name, title)]; ValueError names a bad field."""
    columns = []
    for item in spec.replace(" ", ",").split(","):
        if not item:
            continue
        name, eq, title = item.partition("=")
        name = name.lower()
        if name not in FIELDS:
            raise ValueError(name)
        columns.append((name, title if eq else FIELDS[name][0]))
    return columns


MIN_WIDTH = {"pid": 5, "ppid": 5, "pgid": 5, "sid": 5, "uid": 5, "tty": 8, "tt": 8, "time": 8,
             "user": 8, "wchan": 6, "state": 7, "tpgid": 5, "stat": 4, "bsdtime": 6, "%cpu": 4,
             "%mem": 4, "vsz": 6, "rss": 5, "start": 5}
# procps's BSD formats: ps x (a, ...), ps u, ps j
BSD = "pid,tty,stat,bsdtime,command"
BSD_USER = "user,pid,%cpu,%mem,vsz,rss,tty,stat,start,bsdtime,command"
BSD_JOBS = "ppid,pid,pgid,sid,tty,tpgid,stat,uid,bsdtime,command"
BSD_LETTERS = set("auxjrw")


def percent_cpu(p):
    """%CPU as procps has it: the CPU time over the time since the process started."""
    elapsed = time.time() - p.started
    return 100.0 * p.cpu / elapsed if elapsed > 0 else 0.0


def bsd_options(args):
    """`ps aux`: words without a dash are BSD options (None: these are not).
    `ps -aux` and `ps -ax` too, as procps takes them (there is no user x)."""
    args = [a[1:] if len(a) > 2 and a.startswith("-") and set(a[1:]) <= set("aux") else a
            for a in args]
    if not args or any(a.startswith("-") or not set(a) <= BSD_LETTERS for a in args):
        if args and not args[0].startswith("-"):
            bad = next((c for a in args for c in a if c not in BSD_LETTERS), args[0])
            usage("unsupported option (BSD syntax): %s" % bad)
        return None
    return set("".join(args))


def table(procs, columns):
    rows = [[str(FIELDS[name][2](p)) for name, _ in columns] for p in procs]
    titles = [title for _, title in columns]
    widths = [max([len(t), MIN_WIDTH.get(columns[i][0], 0)] + [len(r[i]) for r in rows])
              for i, t in enumerate(titles)]
    lines = []
    show_titles = any(titles)
    for cells in ([titles] if show_titles else []) + rows:
        out = []
        for i, (cell, (name, _)) in enumerate(zip(cells, columns)):
            last = i == len(columns) - 1
            if FIELDS[name][1]:
                out.append(cell.rjust(widths[i]))
            else:
                out.append(cell if last else cell.ljust(widths[i]))
        lines.append(" ".join(out).rstrip())
    return "".join(line + "\n" for line in lines)


def usage(message):
    sys.stderr.write("ps: %s\n" % message)
    sys.stderr.write("usage: ps [-e] [-f] [-l] [-o FIELD,...] [-p PID,...] [-u USER]\n")
    sys.exit(1)


def bsd_main(letters):
    """ps in BSD style: a lifts "only yours", x lifts "only with a terminal"."""
    spec = BSD_USER if "u" in letters else BSD_JOBS if "j" in letters else BSD
    procs = all_procs()
    me = [p for p in procs if p.pid == os.getpid()]
    tty = me[0].tty if me else "?"
    euid = os.geteuid()
    if "a" not in letters:
        procs = [p for p in procs if p.uid == euid]
    if "x" not in letters:
        procs = [p for p in procs if p.tty != "?" and ("a" in letters or p.tty == tty)]
    if "r" in letters:
        procs = [p for p in procs if p.letter == "R"]
    columns = parse_fields(spec)
    sys.stdout.write(table(procs, columns))
    return 0 if procs else 1


def main():
    letters = bsd_options(sys.argv[1:])
    if letters is not None:
        return bsd_main(letters)
    try:
        opts, args = getopt.getopt(sys.argv[1:], "eAflo:p:u:", ["help"])
    except getopt.GetoptError as e:
        usage(str(e))
    if args:
        usage("garbage option: %s" % args[0])
    every = full = long_ = False
    spec = None
    pids = users = None
    for opt, value in opts:
        if opt in ("-e", "-A"):
            every = True
        elif opt == "-f":
            full = True
        elif opt == "-l":
            long_ = True
        elif opt == "-o":
            spec = value if spec is None else spec + "," + value
        elif opt == "-p":
            try:
                pids = (pids or set()) | {int(x) for x in value.replace(",", " ").split()}
            except ValueError:
                usage("process ID list syntax error")
        elif opt == "-u":
            wanted = set()
            for name in value.split(","):
                try:
                    wanted.add(int(name) if name.isdigit() else pwd.getpwnam(name).pw_uid)
                except KeyError:
                    usage("user name does not exist: %s" % name)
            users = (users or set()) | wanted
        elif opt == "--help":
            sys.stdout.write(__doc__.split("\n\n", 1)[1])
            return 0
    if spec is None:
        spec = (LONG_FULL if full else LONG) if long_ else (FULL if full else DEFAULT)
    try:
        columns = parse_fields(spec)
    except ValueError as e:
        usage("unknown user-defined format specifier \"%s\"" % e)
    if not columns:
        usage("no fields to show")
    procs = all_procs()
    if pids is not None or users is not None:
        procs = [p for p in procs if (pids is not None and p.pid in pids)
                 or (users is not None and p.uid in users)]
    elif not every:
        # like procps: the processes of your effective uid on your terminal
        me = os.getpid()
        mine = [p for p in procs if p.pid == me]
        tty = mine[0].tty if mine else "?"
        euid = os.geteuid()
        procs = [p for p in procs if p.uid == euid and p.tty == tty]
    if sys.stdout.isatty() and rich_table(procs, columns):
        return 0 if procs else 1
    sys.stdout.write(table(procs, columns))
    return 0 if procs else 1


STATE_STYLE = {"RUNNING": "bold green", "READY": "yellow", "BLOCKED": "cyan",
               "STOPPED": "magenta", "ZOMBIE": "bold red"}


def rich_table(procs, columns):
    """On a terminal: a rich table, each process coloured by its state."""
    try:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text          # plain text: a name like [red]x[/red] is no markup
    except ImportError:
        return False
    t = Table(box=None, header_style="bold", pad_edge=False)
    for name, title in columns:
        t.add_column(title or name.upper(), justify="right" if FIELDS[name][1] else "left")
    for p in procs:
        t.add_row(*[Text(str(FIELDS[name][2](p))) for name, _ in columns],
                  style=STATE_STYLE.get(p.state, ""))
    Console(file=sys.stdout, force_terminal=True, highlight=False).print(t)
    return True


if __name__ == "__main__":
    sys.exit(main())
