#!/usr/bin/env python3
"""env [-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...]: run COMMAND in a changed
environment; without COMMAND, print the resulting environment.

  -i  start with an empty environment     -u NAME  remove NAME from it

COMMAND replaces env itself (exec): its exit status is env's.  126 if it cannot
be run, 127 if it is not found, 125 if env itself fails.
"""
import getopt
import os
import sys


def fail(msg: str) -> None:
    sys.stderr.write(f"env: {msg}\nTry 'env --help' for more information.\n")
    sys.exit(125)


def main() -> int:
    try:
        # options end at the first NAME=VALUE or COMMAND (getopt, not gnu_getopt)
        opts, args = getopt.getopt(sys.argv[1:], "iu:0", ["help", "ignore-environment",
                                                          "unset=", "null"])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1 else
             f"option requires an argument -- '{e.opt}'" if "requires" in e.msg else
             f"invalid option -- '{e.opt}'")
    env = dict(os.environ)
    end = "\n"
    for o, v in opts:
        if o == "--help":
            print(__doc__)
            return 0
        if o in ("-i", "--ignore-environment"):
            env = {}
        elif o in ("-u", "--unset"):
            env.pop(v, None)
        elif o in ("-0", "--null"):
            end = "\0"
    if args[:1] == ["-"]:
        env, args = {}, args[1:]
    while args and "=" in args[0]:
        name, _, value = args.pop(0).partition("=")
        env[name] = value
    if not args:
        sys.stdout.write("".join(f"{k}={v}{end}" for k, v in env.items()))
        return 0
    try:
        os.execvpe(args[0], args, env)
    except OSError as e:
        sys.stderr.write(f"env: ‘{args[0]}’: {e.strerror}\n")
        return 127 if isinstance(e, FileNotFoundError) else 126
    return 126


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"env: write error: {e.strerror}\n")
    os._exit(125)
sys.exit(status)
