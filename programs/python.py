#!/usr/bin/env python3
"""python SCRIPT [ARG]...: run a Python script file as __main__, in this process.

  python prog.py a b     sys.argv is ['prog.py', 'a', 'b']
  python -c CODE [ARG]   run CODE (sys.argv[0] is '-c')
  python                 read the script from standard input

The script runs exactly as under python3 (its os, sys, signal and time are this
process's virtual ones), so `python prog.py` and `./prog.py` with a #! line do
the same.  Errors as python3's: status 2 if the script cannot be opened,
a traceback and status 1 if it raises.
"""
import os
import sys
import traceback


def show_traceback(e: BaseException, sources: dict) -> None:
    """python3's traceback, without this file's frame and the kernel's: the frames
    whose files are in the virtual file system, with their lines."""
    frames = []
    for frame, lineno in traceback.walk_tb(e.__traceback__.tb_next):
        name = frame.f_code.co_filename
        if name not in sources:
            try:
                with open(name, encoding="utf-8", errors="replace") as f:
                    sources[name] = f.read().splitlines()
            except (OSError, ValueError):
                sources[name] = None
        lines = sources[name]
        if lines is None:
            continue
        line = lines[lineno - 1].strip() if 0 < lineno <= len(lines) else ""
        frames.append(traceback.FrameSummary(name, lineno, frame.f_code.co_name, line=line))
    text = "".join(traceback.format_exception_only(type(e), e))
    if frames:
        text = ("Traceback (most recent call last):\n" +
                "".join(traceback.StackSummary.from_list(frames).format()) + text)
    sys.stderr.write(text)


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
    sources = {path: (source.decode("utf-8", "replace") if isinstance(source, bytes)
                      else source).splitlines()}
    main = {"__name__": "__main__", "__builtins__": __builtins__}
    if path is not None:
        main["__file__"] = path
    try:
        code = compile(source, path or "<string>", "exec", dont_inherit=True)
        exec(code, main)
    except SystemExit:
        raise
    except BaseException as e:
        sys.stdout.flush()
        show_traceback(e, sources)
        return 1
    return 0


sys.exit(main())
