#!/usr/bin/env python3
"""nice: run a command with a changed scheduling priority (niceness).

    nice                    print the current niceness
    nice [-n N] COMMAND...  run COMMAND with niceness raised by N (default 10)
    nice -N COMMAND...      the same, older syntax

Niceness goes from -20 (most favoured) to 19 (least); only root may lower it.
The command is exec'd, so it keeps this process's pid.
"""
import os
import sys

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(0)


def usage(message):
    sys.stderr.write("nice: %s\nusage: nice [-n N] COMMAND [ARG]...\n" % message)
    return 125


def main(argv):
    args = argv[1:]
    increment = 10
    if args and args[0] == "-n":
        if len(args) < 2:
            return usage("option requires an argument -- 'n'")
        value, args = args[1], args[2:]
    elif args and args[0].startswith("-n") and len(args[0]) > 2:
        value, args = args[0][2:], args[1:]
    elif args and args[0].startswith("-") and args[0][1:].lstrip("-").isdigit():
        value, args = args[0][1:], args[1:]
    else:
        value = None
    if value is not None:
        try:
            increment = int(value)
        except ValueError:
            return usage("invalid adjustment '%s'" % value)
    if args and args[0] == "--":
        args = args[1:]
    if not args:
        if value is not None:
            return usage("a command must be given with an adjustment")
        print(os.nice(0))
        return 0
    try:
        os.nice(increment)
    except OSError as e:
        # GNU nice warns and runs the command anyway
        sys.stderr.write("nice: cannot set niceness: %s\n" % e.strerror)
    try:
        os.execvp(args[0], args)
    except OSError as e:
        sys.stderr.write("nice: '%s': %s\n" % (args[0], e.strerror))
        return 127 if isinstance(e, FileNotFoundError) else 126


if __name__ == "__main__":
    sys.exit(main(sys.argv))
