#!/usr/bin/env python3
"""mv SOURCE DEST, or mv SOURCE... DIRECTORY: move (rename) files.

  -v  say what was moved

Moving is the rename system call: the inode stays, only its name changes.
"""
import getopt
import os
import sys

status = 0


def fail(msg: str) -> None:
    sys.stderr.write(f"mv: {msg}\nTry 'mv --help' for more information.\n")
    sys.exit(1)


def complain(msg: str) -> None:
    global status
    sys.stderr.write(f"mv: {msg}\n")
    status = 1


def move(src: str, dst: str, verbose: bool) -> None:
    if not os.path.lexists(src):
        try:
            os.lstat(src)
        except OSError as e:
            return complain(f"cannot stat '{src}': {e.strerror}")
    if os.path.isdir(src) and not os.path.islink(src):
        inside = os.path.abspath(dst) + "/"
        if inside.startswith(os.path.abspath(src).rstrip("/") + "/"):
            return complain(f"cannot move '{src}' to a subdirectory of itself, '{dst}'")
    try:
        os.rename(src, dst)
    except OSError as e:
        return complain(f"cannot move '{src}' to '{dst}': {e.strerror}")
    if verbose:
        print(f"renamed '{src}' -> '{dst}'")


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "vf", ["help", "verbose", "force"])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
             else f"invalid option -- '{e.opt}'")
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    verbose = bool(flags & {"-v", "--verbose"})
    if not args:
        fail("missing file operand")
    if len(args) == 1:
        fail(f"missing destination file operand after '{args[0]}'")
    *sources, target = args
    if os.path.isdir(target):
        for src in sources:
            move(src, os.path.join(target, os.path.basename(src.rstrip("/"))), verbose)
    elif len(sources) > 1:
        if os.path.exists(target):
            complain(f"target '{target}' is not a directory")
        else:
            complain(f"target '{target}': No such file or directory")
    else:
        move(sources[0], target, verbose)
    return status


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"mv: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
