#!/usr/bin/env python3
"""mv SOURCE DEST, or mv SOURCE... DIRECTORY: move (rename) files.

  -v  say what was moved

Moving is the rename system call: the inode stays, only its name changes.
"""
import os
import sys

from proglib import Command, sources_and_target

cmd = Command("mv")


def move(src: str, dst: str, verbose: bool) -> None:
    if not os.path.lexists(src):
        try:
            os.lstat(src)
        except OSError as e:
            return cmd.complain(f"cannot stat '{src}': {e.strerror}")
    if os.path.isdir(src) and not os.path.islink(src):
        inside = os.path.abspath(dst) + "/"
        if inside.startswith(os.path.abspath(src).rstrip("/") + "/"):
            return cmd.complain(f"cannot move '{src}' to a subdirectory of itself, '{dst}'")
    try:
        os.rename(src, dst)
    except OSError as e:
        return cmd.complain(f"cannot move '{src}' to '{dst}': {e.strerror}")
    if verbose:
        print(f"renamed '{src}' -> '{dst}'")


def main() -> int:
    opts, args = cmd.options(sys.argv[1:], "vf", ["help", "verbose", "force"])
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    verbose = bool(flags & {"-v", "--verbose"})
    for src, dst in sources_and_target(cmd, args):
        move(src, dst, verbose)
    return cmd.status


cmd.run(main)
