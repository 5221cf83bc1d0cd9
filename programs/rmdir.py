#!/usr/bin/env python3
"""rmdir DIRECTORY...: remove empty directories.

  -p  also remove each parent that becomes empty (rmdir -p a/b/c removes c, b, a)
  -v  say what was removed
"""
import getopt
import os
import sys


def fail(msg: str) -> None:
    sys.stderr.write(f"rmdir: {msg}\nTry 'rmdir --help' for more information.\n")
    sys.exit(1)


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "pv", ["help", "parents", "verbose"])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
             else f"invalid option -- '{e.opt}'")
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    if not args:
        fail("missing operand")
    status = 0
    for name in args:
        path = name.rstrip("/") or name
        while True:
            try:
                os.rmdir(path)
                if flags & {"-v", "--verbose"}:
                    print(f"rmdir: removing directory, '{path}'")
            except OSError as e:
                sys.stderr.write(f"rmdir: failed to remove '{path}': {e.strerror}\n")
                status = 1
                break
            path = os.path.dirname(path)
            if not (flags & {"-p", "--parents"}) or path in ("", "/", "."):
                break
    return status


sys.exit(main())
