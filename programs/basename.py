#!/usr/bin/env python3
"""basename NAME [SUFFIX]: print NAME without its directories (and SUFFIX).

  -a        every argument is a NAME
  -s SUF    remove the suffix SUF (implies -a)
"""
import getopt
import os
import sys


def fail(msg: str) -> None:
    sys.stderr.write(f"basename: {msg}\nTry 'basename --help' for more information.\n")
    sys.exit(1)


def base(name: str, suffix: str) -> str:
    stripped = name.rstrip("/")
    if not stripped:
        return "/" if name else ""
    result = stripped.rsplit("/", 1)[-1]
    if suffix and result != suffix and result.endswith(suffix):
        result = result[:-len(suffix)]
    return result


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "as:z", ["help", "multiple", "suffix="])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1 else
             f"option requires an argument -- '{e.opt}'" if "requires" in e.msg else
             f"invalid option -- '{e.opt}'")
    flags = dict(opts)
    if "--help" in flags:
        print(__doc__)
        return 0
    suffix = flags.get("-s", flags.get("--suffix", ""))
    many = bool(flags.keys() & {"-a", "--multiple", "-s", "--suffix"})
    if not args:
        fail("missing operand")
    if not many:
        if len(args) > 2:
            fail(f"extra operand ‘{args[2]}’")
        if len(args) == 2:
            suffix, args = args[1], args[:1]
    end = "\0" if "-z" in flags else "\n"
    sys.stdout.write("".join(base(a, suffix) + end for a in args))
    return 0


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"basename: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
