#!/usr/bin/env python3
"""logname: print the name the user logged in as."""
import os
import sys

from proglib import Command

cmd = Command("logname")


def main() -> int:
    opts, args = cmd.options(sys.argv[1:], "", ["help"])
    if opts:
        print(__doc__)
        return 0
    if args:
        cmd.fail(f"extra operand ‘{args[0]}’")
    try:
        print(os.getlogin())
    except OSError:
        cmd.complain("no login name")
    return cmd.status


cmd.run(main)
