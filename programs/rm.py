#!/usr/bin/env python3
"""rm FILE...: remove files.

  -r, -R  remove directories and everything in them
  -f      ignore missing files, never complain about them
  -v      say what was removed

As GNU rm, refuses to remove "/" recursively, and "." or "..".
"""
import getopt
import os
import stat
import sys

status = 0


def fail(msg: str) -> None:
    sys.stderr.write(f"rm: {msg}\nTry 'rm --help' for more information.\n")
    sys.exit(1)


def complain(msg: str) -> None:
    global status
    sys.stderr.write(f"rm: {msg}\n")
    status = 1


def remove(path: str, recursive: bool, verbose: bool) -> None:
    st = os.lstat(path)
    if stat.S_ISDIR(st.st_mode):
        if not recursive:
            complain(f"cannot remove '{path}': Is a directory")
            return
        try:
            names = sorted(os.listdir(path))
        except OSError as e:
            complain(f"cannot remove '{path}': {e.strerror}")
            return
        for name in names:
            try:
                remove(os.path.join(path, name), recursive, verbose)
            except OSError as e:
                complain(f"cannot remove '{os.path.join(path, name)}': {e.strerror}")
        os.rmdir(path)
        if verbose:
            print(f"removed directory '{path}'")
        return
    os.unlink(path)
    if verbose:
        print(f"removed '{path}'")


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "rRfvi", ["help", "recursive", "force",
                                                               "verbose"])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
             else f"invalid option -- '{e.opt}'")
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    recursive = bool(flags & {"-r", "-R", "--recursive"})
    force = bool(flags & {"-f", "--force"})
    verbose = bool(flags & {"-v", "--verbose"})
    if not args and not force:
        fail("missing operand")
    for name in args:
        if recursive and os.path.abspath(name) == "/":
            complain("it is dangerous to operate recursively on '/'")
            complain("use --no-preserve-root to override this failsafe")
            continue
        if os.path.basename(name.rstrip("/")) in (".", ".."):
            complain(f"refusing to remove '.' or '..' directory: skipping '{name}'")
            continue
        try:
            remove(name, recursive, verbose)
        except FileNotFoundError as e:
            if not force:
                complain(f"cannot remove '{name}': {e.strerror}")
        except OSError as e:
            complain(f"cannot remove '{name}': {e.strerror}")
    return status


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"rm: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
