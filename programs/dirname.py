#!/usr/bin/env python3
"""dirname NAME...: print each NAME without its last component ("." if none)."""
import getopt
import os
import sys


def parent(name: str) -> str:
    stripped = name.rstrip("/")
    if not stripped:
        return "/" if name.startswith("/") else "."
    if "/" not in stripped:
        return "."
    head = stripped.rsplit("/", 1)[0].rstrip("/")
    return head or "/"


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "z", ["help"])
    except getopt.GetoptError as e:
        msg = (f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
               else f"invalid option -- '{e.opt}'")
        sys.stderr.write(f"dirname: {msg}\nTry 'dirname --help' for more information.\n")
        return 1
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    if not args:
        sys.stderr.write("dirname: missing operand\nTry 'dirname --help' for more information.\n")
        return 1
    end = "\0" if "-z" in flags else "\n"
    sys.stdout.write("".join(parent(a) + end for a in args))
    return 0


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"dirname: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
