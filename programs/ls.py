#!/usr/bin/env python3
"""ls [FILE]...: list directory contents (default: the working directory).

  -l  long format: mode, links, owner, group, size, time, name
  -a  include names starting with "."  (and . and ..)   -A  the same, without . and ..
  -1  one name per line                -d  list directories themselves, not their contents
  -R  list subdirectories recursively  -F  append / to directories, * to executables, @ to links
  -i  each file's inode number first (hard links to one file share it)
  -g  like -l, without the owner       -o  like -l, without the group

On a terminal, names are in columns and coloured (directories blue, executables
green, links cyan); into a pipe or a file, one name per line and no colour.
"""
import functools
import getopt
import grp
import os
import pwd
import stat
import sys
import time

COLOURS = {"dir": "01;34", "link": "01;36", "exec": "01;32", "dev": "40;33;01", "fifo": "40;33"}
SIX_MONTHS = 182.5 * 86400
status = 0


def complain(msg: str) -> None:
    global status
    sys.stderr.write(f"ls: {msg}\n")
    status = 2


@functools.cache
def user_name(uid: int) -> str:
    """uid's name in /etc/passwd (the number if it has none), looked up once."""
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


@functools.cache
def group_name(gid: int) -> str:
    """gid's name in /etc/group (the number if it has none), looked up once."""
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


class Lister:
    def __init__(self, flags: set) -> None:
        self.flags = flags
        self.tty = os.isatty(1)
        self.long = "-l" in flags
        self.ino_width = 0           # with -i: the widest inode number being shown
        self.now = time.time()
        self.first = True            # no blank line before the first block

    def kind(self, st) -> str:
        m = st.st_mode
        if stat.S_ISLNK(m):
            return "link"
        if stat.S_ISDIR(m):
            return "dir"
        if stat.S_ISCHR(m) or stat.S_ISBLK(m):
            return "dev"
        if stat.S_ISFIFO(m):
            return "fifo"
        return "exec" if m & 0o111 else "file"

    def decorate(self, name: str, st) -> tuple[str, str]:
        """The name as shown: plain (for widths) and as printed (coloured on a terminal)."""
        kind = self.kind(st)
        suffix = {"dir": "/", "exec": "*", "link": "@", "fifo": "|"}.get(kind, "") \
            if "-F" in self.flags else ""
        if self.tty and kind in COLOURS:
            return name + suffix, f"\x1b[{COLOURS[kind]}m{name}\x1b[0m{suffix}"
        return name + suffix, name + suffix

    def named(self, name: str, st) -> tuple[str, str]:
        """decorate, and with -i the inode number in front."""
        plain, shown = self.decorate(name, st)
        if self.ino_width:
            ino = f"{st.st_ino:>{self.ino_width}} "
            return ino + plain, ino + shown
        return plain, shown

    def long_lines(self, entries: list) -> list[str]:
        """ls -l: one line per entry, each column as wide as its widest value."""
        rows = []
        for name, path, st in entries:
            when = st.st_mtime
            fmt = "%b %e %H:%M" if abs(self.now - when) < SIX_MONTHS else "%b %e  %Y"
            shown = self.decorate(name, st)[1]
            if stat.S_ISLNK(st.st_mode):
                try:
                    shown += " -> " + os.readlink(path)
                except OSError:
                    pass
            rows.append((stat.filemode(st.st_mode), str(st.st_nlink),
                         user_name(st.st_uid), group_name(st.st_gid),
                         str(st.st_size), time.strftime(fmt, time.localtime(when)), shown))
        w = [max((len(r[i]) for r in rows), default=0) for i in range(5)]
        inos = [f"{st.st_ino:>{self.ino_width}} " if self.ino_width else "" for _, _, st in entries]
        owner, group = "-g" not in self.flags, "-o" not in self.flags
        return [f"{ino}{m} {n:>{w[1]}} " + (f"{u:<{w[2]}} " if owner else "")
                + (f"{g:<{w[3]}} " if group else "") + f"{s:>{w[4]}} {t} {name}"
                for ino, (m, n, u, g, s, t, name) in zip(inos, rows)]

    def columns(self, entries: list, width: int = 80) -> list[str]:
        """Names in columns filled top to bottom, two spaces apart, as GNU ls on a terminal."""
        names = [self.named(name, st) for name, _, st in entries]
        if not names:
            return []
        for ncols in range(len(names), 0, -1):
            nrows = -(-len(names) // ncols)
            cols = [names[i:i + nrows] for i in range(0, len(names), nrows)]
            widths = [max(len(plain) for plain, _ in col) + 2 for col in cols]
            if sum(widths) - 2 <= width:
                break
        lines = []
        for r in range(nrows):
            cells = [(col[r], widths[c]) for c, col in enumerate(cols) if r < len(col)]
            line = "".join(shown + " " * (w - len(plain)) for (plain, shown), w in cells)
            lines.append(line.rstrip(" "))
        return lines

    def show(self, entries: list, total: bool = False) -> None:
        if "-i" in self.flags:
            self.ino_width = max((len(str(st.st_ino)) for _, _, st in entries), default=0)
        if self.long:
            if total:
                blocks = sum(e[2].st_blocks for e in entries) // 2     # in 1K blocks, as GNU
                print(f"total {blocks}")
            lines = self.long_lines(entries)
        elif self.tty and "-1" not in self.flags:
            lines = self.columns(entries)
        else:
            lines = [self.named(name, st)[1] for name, _, st in entries]
        for line in lines:
            print(line)

    def directory(self, path: str, header: bool) -> None:
        try:
            names = os.listdir(path)
        except OSError as e:
            complain(f"cannot open directory '{path}': {e.strerror}")
            return
        if "-a" in self.flags:
            names += [".", ".."]
        elif "-A" not in self.flags:
            names = [n for n in names if not n.startswith(".")]
        entries = []
        for name in sorted(names):
            full = os.path.join(path, name)
            try:
                entries.append((name, full, os.lstat(full)))
            except OSError as e:
                complain(f"cannot access '{full}': {e.strerror}")
        if header:
            print(("" if self.first else "\n") + f"{path}:")
        self.first = False
        self.show(entries, total=True)
        if "-R" in self.flags:
            for name, full, st in entries:
                if stat.S_ISDIR(st.st_mode) and name not in (".", ".."):
                    self.directory(full, True)


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "laA1dRFigo", ["help", "all", "almost-all",
                                                                  "directory", "recursive", "inode"])
    except getopt.GetoptError as e:
        msg = (f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
               else f"invalid option -- '{e.opt}'")
        sys.stderr.write(f"ls: {msg}\nTry 'ls --help' for more information.\n")
        return 2
    long_names = {"--all": "-a", "--almost-all": "-A", "--directory": "-d", "--recursive": "-R",
                  "--inode": "-i"}
    flags = {long_names.get(o, o) for o, _ in opts}
    if flags & {"-g", "-o"}:
        flags.add("-l")                        # (both are -l with a column left out)
    if "--help" in flags:
        print(__doc__)
        return 0
    ls = Lister(flags)
    files, dirs = [], []
    for name in args or ["."]:
        try:
            st = os.stat(name)
            if not stat.S_ISDIR(st.st_mode) or "-l" in flags:
                st = os.lstat(name)            # ls -l shows a link itself
        except OSError as e:
            complain(f"cannot access '{name}': {e.strerror}")
            continue
        if stat.S_ISDIR(st.st_mode) and "-d" not in flags:
            dirs.append(name)
        else:
            files.append((name, name, st))
    files.sort()
    if files:
        ls.show(files)
        ls.first = False
    header = len(args) > 1 or "-R" in flags or bool(files)
    for d in sorted(dirs):
        ls.directory(d, header)
    return status


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"ls: write error: {e.strerror}\n")
    os._exit(2)
sys.exit(status)
