#!/usr/bin/env python3
"""chown OWNER[:GROUP] FILE...: change the owner (and group) of files.

OWNER and GROUP are names from /etc/passwd and /etc/group, or numbers.
OWNER: leaves the group; OWNER: gives the owner's login group; :GROUP
changes only the group.  Only root may give files away.

  -R  change directories and everything in them     -v  say what was changed
"""
import getopt
import grp
import os
import pwd
import stat
import sys

status = 0


def fail(msg: str, usage: bool = True) -> None:
    sys.stderr.write(f"chown: {msg}\n")
    if usage:
        sys.stderr.write("Try 'chown --help' for more information.\n")
    sys.exit(1)


def parse_owner(spec: str) -> tuple[int, int]:
    """'user[:group]' as (uid, gid), -1 for 'unchanged'."""
    user, sep, group = spec.partition(":")
    uid = gid = -1
    if user:
        try:
            entry = pwd.getpwnam(user)
            uid = entry.pw_uid
            if sep and not group:
                gid = entry.pw_gid
        except KeyError:
            if not user.isdigit():
                fail(f"invalid user: ‘{spec}’", usage=False)
            uid = int(user)
    if group:
        try:
            gid = grp.getgrnam(group).gr_gid
        except KeyError:
            if not group.isdigit():
                fail(f"invalid group: ‘{spec}’", usage=False)
            gid = int(group)
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
