#!/usr/bin/env python3
"""touch FILE...: set each file's times to now, creating it if missing.

  -c  do not create missing files
"""
import getopt
import os
import sys


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "cam", ["help", "no-create"])
    except getopt.GetoptError as e:
        msg = (f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
               else f"invalid option -- '{e.opt}'")
        sys.stderr.write(f"touch: {msg}\nTry 'touch --help' for more information.\n")
        return 1
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    if not args:
        sys.stderr.write("touch: missing file operand\nTry 'touch --help' for more information.\n")
        return 1
    status = 0
    for name in args:
        try:
            if not os.path.lexists(name):
                if flags & {"-c", "--no-create"}:
                    continue
                os.close(os.open(name, os.O_WRONLY | os.O_CREAT, 0o666))
            else:
                os.utime(name)
        except OSError as e:
            sys.stderr.write(f"touch: cannot touch '{name}': {e.strerror}\n")
            status = 1
    return status


sys.exit(main())
