#!/usr/bin/env python3
"""python SCRIPT [ARG]...: run a Python script file as __main__, in this process.

  python prog.py a b     sys.argv is ['prog.py', 'a', 'b']
  python -c CODE [ARG]   run CODE (sys.argv[0] is '-c')
  python                 read the script from standard input

The script runs exactly as under python3 (its os, sys, signal and time are this
process's virtual ones), so `python prog.py` and `./prog.py` with a #! line do
the same.  Errors as python3's: status 2 if the script cannot be opened,
a traceback and status 1 if it raises, death by SIGINT after Ctrl-C.
"""
import os
import sys


def main() -> int:
    args = sys.argv[1:]
    if args[:1] == ["--help"]:
        print(__doc__)
        return 0
    if args[:1] == ["-c"]:
        if len(args) < 2:
            sys.stderr.write("Argument expected for the -c option\n")
            return 2
        path, source, argv = None, args[1], ["-c"] + args[2:]
    elif args and args[0].startswith("-") and args[0] != "-":
        sys.stderr.write(f"unknown option {args[0]}\n")
        return 2
    elif args and args[0] != "-":
        path, argv = os.path.join(os.getcwd(), args[0]), args     # as CPython: not normalised
        try:
            with open(path, "rb") as f:
                source = f.read()
        except OSError as e:
            sys.stderr.write(f"python3: can't open file '{path}': [Errno {e.errno}] {e.strerror}\n")
            return 2
    else:
        path, source, argv = "<stdin>", sys.stdin.read(), args or [""]
    sys.argv[:] = argv
    sys.path[0] = os.path.dirname(os.path.realpath(path)) if path and path.startswith("/") else ""
    main = {"__name__": "__main__", "__builtins__": __builtins__}
    if path is not None:
        main["__file__"] = path
    # Whatever the script raises ends this process as it ends python3 (in vshell
    # this file's frames stand for CPython's C and are not shown in tracebacks).
    exec(compile(source, path or "<string>", "exec", dont_inherit=True), main)
    return 0


sys.exit(main())
