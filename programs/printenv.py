#!/usr/bin/env python3
"""printenv [NAME]...: print the environment, or the values of the NAMEs.

Exit status 1 if some NAME is not set.
"""
import getopt
import os
import sys


def main() -> int:
    try:
        opts, names = getopt.gnu_getopt(sys.argv[1:], "0", ["help", "null"])
    except getopt.GetoptError as e:
        msg = (f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
               else f"invalid option -- '{e.opt}'")
        sys.stderr.write(f"printenv: {msg}\nTry 'printenv --help' for more information.\n")
        return 2
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    end = "\0" if flags & {"-0", "--null"} else "\n"
    if not names:
        sys.stdout.write("".join(f"{k}={v}{end}" for k, v in os.environ.items()))
        return 0
    found = [os.environ[n] for n in names if n in os.environ]
    sys.stdout.write("".join(v + end for v in found))
    return 0 if len(found) == len(names) else 1


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"printenv: write error: {e.strerror}\n")
    os._exit(2)
sys.exit(status)
