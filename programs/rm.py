#!/usr/bin/env python3
"""rm FILE...: remove files.

  -r, -R  remove directories and everything in them
  -f      ignore missing files, never complain about them
  -v      say what was removed

As GNU rm, refuses to remove "/" recursively, and "." or "..".
"""
import os
import stat
import sys

from proglib import Command

cmd = Command("rm")


def remove(path: str, recursive: bool, verbose: bool) -> None:
    st = os.lstat(path)
    if stat.S_ISDIR(st.st_mode):
        if not recursive:
            cmd.complain(f"cannot remove '{path}': Is a directory")
            return
        try:
            names = sorted(os.listdir(path))
        except OSError as e:
            cmd.complain(f"cannot remove '{path}': {e.strerror}")
            return
        for name in names:
            try:
                remove(os.path.join(path, name), recursive, verbose)
            except OSError as e:
                cmd.complain(f"cannot remove '{os.path.join(path, name)}': {e.strerror}")
        os.rmdir(path)
        if verbose:
            print(f"removed directory '{path}'")
        return
    os.unlink(path)
    if verbose:
        print(f"removed '{path}'")


def main() -> int:
    opts, args = cmd.options(sys.argv[1:], "rRfvi", ["help", "recursive", "force", "verbose"])
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    recursive = bool(flags & {"-r", "-R", "--recursive"})
    force = bool(flags & {"-f", "--force"})
    verbose = bool(flags & {"-v", "--verbose"})
    if not args and not force:
        cmd.fail("missing operand")
    for name in args:
        if recursive and os.path.abspath(name) == "/":
            cmd.complain("it is dangerous to operate recursively on '/'")
            cmd.complain("use --no-preserve-root to override this failsafe")
            continue
        if os.path.basename(name.rstrip("/")) in (".", ".."):
            cmd.complain(f"refusing to remove '.' or '..' directory: skipping '{name}'")
            continue
        try:
            remove(name, recursive, verbose)
        except FileNotFoundError as e:
            if not force:
                cmd.complain(f"cannot remove '{name}': {e.strerror}")
        except OSError as e:
            cmd.complain(f"cannot remove '{name}': {e.strerror}")
    return cmd.status


cmd.run(main)
