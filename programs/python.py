#!/usr/bin/env python3
"""python [option] ... [-c cmd | -m mod | file | -] [arg] ...: the Python interpreter.

  python prog.py a b     run prog.py as __main__; sys.argv is ['prog.py', 'a', 'b']
  python -c CMD [ARG]    run CMD (sys.argv[0] is '-c')
  python -m MOD [ARG]    run module MOD as __main__ (a standard one, or one beside you)
  python [-] [ARG]       read the program from standard input
  python                 at a terminal (or with -i): the interactive prompt, >>>
  python -i prog.py      run prog.py, then the prompt, in its variables
  python -u ...          unbuffered stdout and stderr
  python -V              print the version

This reads the command line as CPython's does (Python/getopt.c, initconfig.c)
and then hands the process over to the script (runpy._run_main): from there
the script *is* the program, so `python prog.py` and `./prog.py` behave
alike -- the same output, traceback, exit status, and death by a signal.  The
options that set flags (-B -d -E -I -O -P -q -s -S -v -W -X ...) show in
sys.flags, sys.warnoptions and sys._xoptions as in CPython.
"""
import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from kernel.libpy import runpy      # what `import runpy` is in vshell
else:
    import runpy

USAGE = "usage: {0} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
TRY = "Try `python -h' for more information.\n"
PROGRAM = sys.orig_argv[0]           # the interpreter's name as it was run, for messages
SHORT_OPTS = "bBc:dEhiIJm:OPqRsStuvVW:xX:?"
LONG_OPTS = {"check-hash-based-pycs": True, "help": False, "version": False,
             "help-env": False, "help-xoptions": False, "help-all": False}


class UsageError(Exception):
    """A command line CPython refuses: the message, then the usage, status 2."""


def getopt(args: list[str]):
    """CPython's _PyOS_GetOpt: yield (option, argument) until the first word that is
    no option; -c and -m end the options (what follows is the command's)."""
    while args:
        word = args[0]
        if not word.startswith("-") or word == "-":
            return
        del args[0]
        if word == "--":
            return
        if word.startswith("--"):
            name = word[2:]
            if name not in LONG_OPTS:
                raise UsageError(f"unknown option {word}")
            value = None
            if LONG_OPTS[name]:
                if not args:
                    raise UsageError(f"Argument expected for the {word} options")
                value = args.pop(0)
            yield "--" + name, value
            continue
        i = 1
        while i < len(word):
            opt = word[i]
            i += 1
            if opt == "J":
                raise UsageError("-J is reserved for Jython")
            where = SHORT_OPTS.find(opt)
            if where < 0 or opt == ":":
                raise UsageError(f"Unknown option: -{opt}")
            value = None
            if SHORT_OPTS[where + 1:where + 2] == ":":
                if i < len(word):
                    value, i = word[i:], len(word)
                elif args:
                    value = args.pop(0)
                else:
                    raise UsageError(f"Argument expected for the -{opt} option")
            yield opt, value


def parse(args: list[str]):
    """The options, and what to run: ('command', CMD), ('module', MOD) or None
    (a file or stdin, from what is left of args)."""
    options: list[tuple[str, str | None]] = []
    version, help_ = 0, False
    for opt, value in getopt(args):
        if opt in ("c", "m"):
            return options, version, help_, ("command" if opt == "c" else "module", value)
        if opt == "--check-hash-based-pycs":
            if value not in ("default", "always", "never"):
                raise UsageError("--check-hash-based-pycs must be one of 'default', "
                                 "'always', or 'never'")
        elif opt in ("V", "--version"):
            version += 1
        elif opt in ("h", "?", "--help", "--help-env", "--help-xoptions", "--help-all"):
            help_ = True
        else:
            options.append((opt, value))
    return options, version, help_, None


def main() -> int:
    args = sys.argv[1:]
    try:
        options, version, help_, what = parse(args)
    except UsageError as e:
        sys.stderr.write(f"{e}\n" + USAGE.format(PROGRAM) + TRY)
        return 2
    if version:
        print("Python " + (sys.version if version > 1 else sys.version.split()[0]))
        return 0
    if help_:
        sys.stdout.write(USAGE.format(PROGRAM) + __doc__.split("\n", 1)[1])
        return 0
    if what is not None and what[0] == "command":
        runpy._run_main("<string>", what[1] + "\n", ["-c"] + args, None, options, "command")
    if what is not None:
        runpy._run_main(what[1], None, ["-m"] + args, None, options, "module")
    if not args and (sys.stdin.isatty() or ("i", None) in options):
        # the interactive prompt (kernel/libpy/repl.py), in an empty __main__
        runpy._run_main("<stdin>", b"", [""], "<stdin>", options, "interactive")
    if not args or args[0] == "-":
        source = sys.stdin.buffer.read()
        runpy._run_main("<stdin>", source, args or [""], "<stdin>", options, "stdin")
    path = os.path.join(os.getcwd(), args[0])        # as CPython's __file__: not normalised
    try:
        with open(path, "rb") as f:
            source = f.read()
    except IsADirectoryError:
        runpy._run_main(path, None, args, None, options, "directory")
    except OSError as e:
        sys.stderr.write(f"{PROGRAM}: can't open file {path!r}: "
                         f"[Errno {e.errno}] {e.strerror}\n")
        return 2
    if ("x", None) in options:               # -x: skip the first line (a non-Unix #!)
        source = source.partition(b"\n")[2]
    runpy._run_main(path, source, args, path, options, "file")


sys.exit(main())
