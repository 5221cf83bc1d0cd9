#!/usr/bin/env python3
"""chown OWNER[:GROUP] FILE...: change the owner (and group) of files.

OWNER and GROUP are names from /etc/passwd and /etc/group, or numbers.
OWNER: leaves the group; OWNER: gives the owner's login group; :GROUP
changes only the group.  Only root may give files away.

  -R  change directories and everything in them     -v  say what was changed
"""
import getopt
import os
import stat
import sys

status = 0


def fail(msg: str, usage: bool = True) -> None:
    sys.stderr.write(f"chown: {msg}\n")
    if usage:
        sys.stderr.write("Try 'chown --help' for more information.\n")
    sys.exit(1)


def table(path: str) -> list[list[str]]:
    try:
        with open(path) as f:
            return [line.rstrip("\n").split(":") for line in f if line.count(":") >= 2]
    except OSError:
        return []


def parse_owner(spec: str) -> tuple[int, int]:
    """'user[:group]' as (uid, gid), -1 for 'unchanged'."""
    user, sep, group = spec.partition(":")
    uid = gid = -1
    if user:
        match = [e for e in table("/etc/passwd") if e[0] == user]
        if match:
            uid = int(match[0][2])
            if sep and not group:
                gid = int(match[0][3])
        elif user.isdigit():
            uid = int(user)
        else:
            fail(f"invalid user: ‘{spec}’", usage=False)
    if group:
        match = [e for e in table("/etc/group") if e[0] == group]
        if match:
            gid = int(match[0][2])
        elif group.isdigit():
            gid = int(group)
        else:
            fail(f"invalid group: ‘{spec}’", usage=False)
    return uid, gid


def change(path: str, uid: int, gid: int, recursive: bool, verbose: bool) -> None:
    global status
    try:
        st = os.lstat(path)
    except OSError as e:
        sys.stderr.write(f"chown: cannot access '{path}': {e.strerror}\n")
        status = 1
        return
    try:
        os.chown(path, uid, gid)
        if verbose:
            print(f"changed ownership of '{path}'")
    except OSError as e:
        sys.stderr.write(f"chown: changing ownership of '{path}': {e.strerror}\n")
        status = 1
    if recursive and stat.S_ISDIR(st.st_mode):
        for name in sorted(os.listdir(path)):
            change(os.path.join(path, name), uid, gid, recursive, verbose)


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "Rvcf", ["help", "recursive", "verbose"])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
             else f"invalid option -- '{e.opt}'")
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    if not args:
        fail("missing operand")
    if len(args) == 1:
        fail(f"missing operand after ‘{args[0]}’")
    uid, gid = parse_owner(args[0])
    for path in args[1:]:
        change(path, uid, gid, bool(flags & {"-R", "--recursive"}),
               bool(flags & {"-v", "--verbose"}))
    return status


sys.exit(main())
