#!/usr/bin/env python3
"""tty [-s]: print the name of the terminal on standard input, or "not a tty".

  -s  print nothing: only the status tells

Status 0 on a terminal, 1 when standard input is not one, 2 on bad usage.
"""
import getopt
import os
import sys


def usage(msg: str) -> None:
    sys.stderr.write(f"tty: {msg}\nTry 'tty --help' for more information.\n")
    sys.exit(2)


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "s", ["help", "silent", "quiet"])
    except getopt.GetoptError as e:
        usage(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
              else f"invalid option -- '{e.opt}'")
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    if args:
        usage(f"extra operand ‘{args[0]}’")
    try:
        name = os.ttyname(0)
    except OSError:
        name = None
    if not flags & {"-s", "--silent", "--quiet"}:
        print(name or "not a tty")
    return 0 if name else 1


try:
    status = main()
    sys.stdout.flush()
except OSError as e:            # standard output could not be written (a full disk)
    sys.stderr.write(f"tty: write error: {e.strerror}\n")
    os._exit(3)
sys.exit(status)
