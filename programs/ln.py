#!/usr/bin/env python3
"""ln TARGET [LINK_NAME], or ln TARGET... DIRECTORY: make links to files.

  -s  symbolic links instead of hard links
  -f  remove an existing LINK_NAME first
  -v  say what was linked

A hard link is a second name for the same file (the same inode: `ls -i` shows
the number, `ls -l` the count of names); the file lives until its last name
is removed.  A symbolic link holds TARGET as text, resolved each time it is
used; it may point at a directory, or at nothing.
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
    symbolic = "-s" in flags
    kind = "symbolic link" if symbolic else "hard link"
    if not symbolic:
        if not os.path.lexists(target):
            sys.stderr.write(f"ln: failed to access '{target}': No such file or directory\n")
            status = 1
            return
        if os.path.isdir(target):
            sys.stderr.write(f"ln: {target}: hard link not allowed for directory\n")
            status = 1
            return
    try:
        if "-f" in flags and os.path.lexists(name) and not os.path.isdir(name):
            os.unlink(name)
        if symbolic:
            os.symlink(target, name)
        else:
            os.link(target, name, follow_symlinks=False)
        if "-v" in flags:
            print(f"'{name}' -> '{target}'" if symbolic else f"'{name}' => '{target}'")
    except OSError as e:
        # GNU names the target too, unless the error is about the new name alone
        alone = symbolic or e.errno in (errno.EEXIST, errno.EROFS, errno.ENOSPC, errno.EDQUOT)
        to = "" if alone else f" => '{target}'"
        sys.stderr.write(f"ln: failed to create {kind} '{name}'{to}: {e.strerror}\n")
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


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"ln: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
