#!/usr/bin/env python3
"""grep: print the lines of the files that match a pattern ("-" or none: stdin).

  -E  extended regular expressions (ERE)   -F  fixed strings   (default: basic, BRE)
  -e PAT  a pattern (repeatable)   -i  ignore case   -v  select non-matching lines
  -w  match whole words   -x  match whole lines   -c  count matching lines
  -n  line numbers   -o  only the matching parts   -l  only the names of files
  -q  quiet: exit 0 at the first match   -s  no messages about unreadable files
  -r  search directories recursively   -H / -h  with / without file names

Exit status: 0 if a line was selected, 1 if none, 2 on an error.
"""
import getopt
import os
import re
import sys

from proglib import posix_regex, regex_message


def usage() -> None:
    sys.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\n"
                     "Try 'grep --help' for more information.\n")
    sys.exit(2)


def compile_patterns(patterns: list[str], opts: set) -> re.Pattern:
    try:
        if "-F" in opts:
            parts = [re.escape(p) for p in patterns]
        else:
            parts = [posix_regex(p, "-E" in opts) for p in patterns]
        regex = "|".join(f"(?:{p})" for p in parts)
        if "-w" in opts:
            regex = rf"(?<!\w)(?:{regex})(?!\w)"
        if "-x" in opts:
            regex = rf"^(?:{regex})$"
        return re.compile(regex, re.I if "-i" in opts else 0)
    except re.error as e:
        sys.stderr.write(f"grep: {regex_message(e)}\n")
        sys.exit(2)


class Grep:
    def __init__(self, regex: re.Pattern, opts: set, show_names: bool) -> None:
        self.regex = regex
        self.opts = opts
        self.show_names = show_names
        self.out = sys.stdout.buffer
        self.selected = False
        self.error = False

    def complain(self, name: str, e: OSError) -> None:
        self.error = True
        if "-s" not in self.opts:
            sys.stderr.write(f"grep: {name}: {e.strerror}\n")

    def file(self, name: str, shown: str) -> None:
        try:
            f = sys.stdin.buffer if name == "-" else open(name, "rb")
        except OSError as e:
            return self.complain(name, e)
        try:
            self.search(f, shown)
        except OSError as e:
            self.complain(name, e)
        finally:
            if f is not sys.stdin.buffer:
                f.close()

    def search(self, f, name: str) -> None:
        opts, prefix = self.opts, (name.encode() + b":" if self.show_names else b"")
        invert, count = "-v" in opts, 0
        for number, raw in enumerate(f, 1):
            line = raw.rstrip(b"\n").decode("utf-8", "surrogateescape")
            if (self.regex.search(line) is None) != invert:
                continue
            self.selected = True
            count += 1
            if "-q" in opts:
                sys.exit(0)
            if "-l" in opts:
                self.out.write(name.encode() + b"\n")
                return
            if "-c" in opts:
                continue
            if b"\0" in raw:
                sys.stdout.flush()
                sys.stderr.write(f"grep: {name}: binary file matches\n")
                return
            head = prefix + (b"%d:" % number if "-n" in opts else b"")
            if "-o" in opts:
                for m in self.regex.finditer(line):
                    if m.group() and not invert:
                        self.out.write(head + m.group().encode("utf-8", "surrogateescape") + b"\n")
            else:
                self.out.write(head + line.encode("utf-8", "surrogateescape") + b"\n")
        if "-c" in opts:
            self.out.write(prefix + b"%d\n" % count)

    def tree(self, top: str, shown: str) -> None:
        """-r: every file under a directory, in name order."""
        try:
            names = sorted(os.listdir(top))
        except OSError as e:
            return self.complain(top, e)
        for n in names:
            path = os.path.join(top, n)
            label = os.path.join(shown, n) if shown else n
            if os.path.isdir(path) and not os.path.islink(path):
                self.tree(path, label)
            elif not os.path.islink(path):
                self.file(path, label)


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "EFGe:ivwxcnolqsrRHhy",
                                       ["help", "recursive", "ignore-case", "count",
                                        "invert-match", "quiet", "silent"])
    except getopt.GetoptError as e:
        what = (f"unrecognized option '--{e.opt}'" if len(e.opt) > 1 else
                f"option requires an argument -- '{e.opt}'" if "requires" in e.msg else
                f"invalid option -- '{e.opt}'")
        sys.stderr.write(f"grep: {what}\n")
        usage()
    long_names = {"--recursive": "-r", "--ignore-case": "-i", "--count": "-c",
                  "--invert-match": "-v", "--quiet": "-q", "--silent": "-q", "-R": "-r",
                  "-y": "-i"}
    flags = {long_names.get(o, o) for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    patterns = [v for o, v in opts if o == "-e"]
    if not patterns:
        if not args:
            usage()
        patterns = [args.pop(0)]
    patterns = [p for pat in patterns for p in pat.split("\n")]
    files = args or (["."] if "-r" in flags else ["-"])
    show = ("-H" in flags or len(files) > 1 or "-r" in flags) and "-h" not in flags
    grep = Grep(compile_patterns(patterns, flags), flags, show)
    for name in files:
        if name != "-" and os.path.isdir(name):
            if "-r" in flags:
                grep.tree(name, "" if not args else name)
            else:
                grep.complain(name, IsADirectoryError(21, "Is a directory"))
            continue
        grep.file(name, "(standard input)" if name == "-" else name)
    if grep.error and not ("-q" in flags and grep.selected):
        return 2
    return 0 if grep.selected else 1


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"grep: write error: {e.strerror}\n")
    os._exit(2)
sys.exit(status)
