#!/usr/bin/env python3
"""python [OPTION]... [-c CMD | SCRIPT | -] [ARG]...: the Python interpreter.

  python prog.py a b     run prog.py as __main__; sys.argv is ['prog.py', 'a', 'b']
  python -c CMD [ARG]    run CMD (sys.argv[0] is '-c')
  python [-] [ARG]       read the program from standard input
  python -u ...          unbuffered stdout and stderr
  python -V              print the version

This reads the command line as CPython's does and then hands the process over
to the script (runpy._run_main): from there the script *is* the program, so
`python prog.py` and `./prog.py` behave alike -- the same output, traceback,
exit status, and death by a signal.  Options CPython has that do not matter
here (-B -E -I -O -q -s -S -X ...) are accepted and ignored.
"""
import os
import runpy
import sys

USAGE = ("usage: {0} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
         "Try `python -h' for more information.\n")
NAME = sys.orig_argv[0]              # the interpreter's name as it was run, for messages
IGNORED = set("bBdEIOqsSvW")         # flags without a value that change nothing here
WITH_VALUE = set("WX")               # flags that take a value, also ignored


def usage_error(message: str) -> int:
    sys.stderr.write(message + "\n" + USAGE.format(NAME))
    return 2


def main() -> int:
    args = sys.argv[1:]
    unbuffered = False
    while args and args[0].startswith("-") and args[0] != "-":
        word = args.pop(0)
        if word == "--":
            break
        if word in ("--version", "-V"):
            print("Python %d.%d.%d" % sys.version_info[:3])
            return 0
        if word in ("--help", "-h", "-?"):
            sys.stdout.write(__doc__.lstrip())
            return 0
        for i, flag in enumerate(word[1:], 1):
            if flag == "c":
                code = word[i + 1:] or (args.pop(0) if args else None)
                if code is None:
                    return usage_error("Argument expected for the -c option")
                runpy._run_main("<string>", code, ["-c"] + args, None, unbuffered)
            if flag == "m":
                return usage_error("vshell's python cannot run modules with -m")
            if flag == "u":
                unbuffered = True
            elif flag in WITH_VALUE:
                if not word[i + 1:] and args:
                    args.pop(0)
                break
            elif flag not in IGNORED:
                return usage_error(f"Unknown option: -{flag}")
    if not args or args[0] == "-":
        source = sys.stdin.buffer.read()
        runpy._run_main("<stdin>", source, args or [""], "<stdin>", unbuffered)
    path = os.path.join(os.getcwd(), args[0])        # as CPython's __file__: not normalised
    try:
        with open(path, "rb") as f:
            source = f.read()
    except IsADirectoryError:
        sys.stderr.write(f"{NAME}: can't find '__main__' module in {path!r}\n")
        return 1
    except OSError as e:
        sys.stderr.write(f"{NAME}: can't open file {path!r}: "
                         f"[Errno {e.errno}] {e.strerror}\n")
        return 2
    runpy._run_main(path, source, args, path, unbuffered)


sys.exit(main())
