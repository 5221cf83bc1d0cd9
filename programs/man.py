#!/usr/bin/env python3
"""man: show the manual pages, written for vshell.

usage: man [SECTION] NAME...
       man -k WORD      (apropos: the pages whose name or summary mentions WORD)
       man -f NAME...   (whatis: each NAME's one-line summary)
       man -w [SECTION] NAME...   (where the page's file is)

Sections: 1 commands and shell builtins, 2 system calls, 7 concepts.  Without
SECTION, the first of 1, 2, 7 that has NAME.  On a terminal the page is shown
with less (or $MANPAGER, or $PAGER); into a pipe it is copied as it is.  Exit
status 16 when a page is not found, as man-db's.
"""
import os
import re
import shlex
import subprocess
import sys

MANPATH = "/usr/share/man"
SECTIONS = ["1", "2", "7"]
ALIASES = {"[": "test", ".": "source", ":": "colon"}     # names no file can have
NOT_FOUND = 16


def page_path(name: str, section: str) -> str | None:
    """The page's file, after any `.so` link (one page for several names)."""
    path = f"{MANPATH}/man{section}/{ALIASES.get(name, name)}.{section}"
    for _ in range(5):
        try:
            with open(path, encoding="utf-8") as f:
                first = f.readline()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return None
        if not first.startswith(".so "):
            return path
        path = f"{MANPATH}/{first[4:].strip()}"
    return None


def find(name: str, section: str | None) -> str | None:
    if "/" in name or not name:
        return None
    for s in [section] if section else SECTIONS:
        path = page_path(name, s)
        if path is not None:
            return path
    return None


def summary(path: str) -> str:
    """The NAME section's text: 'fork - create a child process'."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^NAME\n((?:[ \t]+\S.*\n)+)", text, re.M)
    return " ".join(m.group(1).split()) if m else ""


def every_page():
    for section in SECTIONS:
        folder = f"{MANPATH}/man{section}"
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for file in names:
            path = f"{folder}/{file}"
            with open(path, encoding="utf-8") as f:
                if f.read(4) == ".so ":
                    continue
            yield file.rsplit(".", 1)[0], section, path


def whatis_line(name: str, section: str, text: str) -> str:
    _, _, what = text.partition(" - ")
    return f"{name + ' (' + section + ')':<20} - {what}"


def apropos(word: str) -> int:
    found = False
    for name, section, path in every_page():
        text = summary(path)
        if word.lower() in text.lower():
            print(whatis_line(name, section, text))
            found = True
    if not found:
        print(f"{word}: nothing appropriate.")
        return NOT_FOUND
    return 0


def whatis(names: list[str]) -> int:
    status = 0
    for name in names:
        hits = [(s, find(name, s)) for s in SECTIONS]
        found = [(s, p) for s, p in hits if p]
        if not found:
            print(f"{name}: nothing appropriate.")
            status = NOT_FOUND
        for section, path in found:
            print(whatis_line(name, section, summary(path)))
    return status


def show(path: str) -> None:
    """On a terminal, through the pager; otherwise copied."""
    if os.isatty(1):
        pager = os.environ.get("MANPAGER") or os.environ.get("PAGER") or "less"
        try:
            subprocess.run(shlex.split(pager) + [path])
        except OSError as e:
            sys.stderr.write(f"man: cannot run the pager {pager!r}: {e.strerror}\n")
        return
    with open(path, "rb") as f:
        data = f.read()
    sys.stdout.flush()
    while data:
        data = data[os.write(1, data):]


def main(argv: list[str]) -> int:
    args = argv[1:]
    if not args:
        sys.stderr.write("What manual page do you want?\nFor example, try 'man man'.\n")
        return 1
    if args[0] in ("--help", "-h"):
        print(__doc__, end="")
        return 0
    if args[0] == "-k":
        if len(args) != 2:
            sys.stderr.write("usage: man -k WORD\n")
            return 1
        return apropos(args[1])
    if args[0] == "-f":
        return whatis(args[1:])
    where = args[0] == "-w"
    if where:
        args = args[1:]
    if args and args[0].startswith("-") and args[0] != "-":
        sys.stderr.write(f"man: invalid option -- '{args[0].lstrip('-')[:1]}'\n"
                         "Try 'man --help' for more information.\n")
        return 1
    section = None
    if len(args) > 1 and re.fullmatch(r"\d\w*", args[0]):
        section, args = args[0][0], args[1:]
    status = 0
    for name in args:
        path = find(name, section)
        if path is None:
            where_ = f" in section {section}" if section else ""
            sys.stderr.write(f"No manual entry for {name}{where_}\n")
            status = NOT_FOUND
        elif where:
            print(path)
        else:
            show(path)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
