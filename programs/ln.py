#!/usr/bin/env python3
"""ln -s TARGET [LINK_NAME], or ln -s TARGET... DIRECTORY: make symbolic links.

  -s  symbolic links (vshell's file system has no hard links: ln without -s fails)
  -f  remove an existing LINK_NAME first
  -v  say what was linked

A symbolic link holds TARGET as text; it is resolved each time it is used.
"""
import errno
import getopt
import os
import sys

status = 0


def fail(msg: str) -> None:
    sys.stderr.write(f"ln: {msg}\nTry 'ln --help' for more information.\n")
    sys.exit(1)


def link(target: str, name: str, flags: set) -> None:
    global status
    if "-s" not in flags:
        sys.stderr.write(f"ln: failed to create hard link '{name}' => '{target}': "
                         f"{os.strerror(errno.EPERM)} (vshell has symbolic links only: ln -s)\n")
        status = 1
        return
    try:
        if "-f" in flags and os.path.lexists(name) and not os.path.isdir(name):
            os.unlink(name)
        os.symlink(target, name)
        if "-v" in flags:
            print(f"'{name}' -> '{target}'")
    except OSError as e:
        sys.stderr.write(f"ln: failed to create symbolic link '{name}': {e.strerror}\n")
        status = 1


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "sfv", ["help", "symbolic", "force",
                                                             "verbose"])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
             else f"invalid option -- '{e.opt}'")
    names = {"--symbolic": "-s", "--force": "-f", "--verbose": "-v"}
    flags = {names.get(o, o) for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    if not args:
        fail("missing file operand")
    if len(args) == 1:
        link(args[0], os.path.basename(args[0].rstrip("/")) or args[0], flags)
    elif os.path.isdir(args[-1]):
        for target in args[:-1]:
            link(target, os.path.join(args[-1], os.path.basename(target.rstrip("/"))), flags)
    elif len(args) > 2:
        fail(f"target '{args[-1]}' is not a directory")
    else:
        link(args[0], args[1], flags)
    return status


sys.exit(main())
