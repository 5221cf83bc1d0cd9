#!/usr/bin/env python3
"""id: print the user and group ids of this process, or of USER.

    id [-u | -g | -G] [-n] [-r] [USER]

uid=1000(student) gid=1000(student) groups=1000(student); the effective ids
are shown too when they differ from the real ones (after a set-user-ID exec).
"""
import getopt
import grp
import os
import pwd
import sys

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(0)


def user_name(uid):
    """uid's name in /etc/passwd, or None."""
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return None


def group_name(gid):
    """gid's name in /etc/group, or None."""
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return None


def account(user):
    """USER's entry in /etc/passwd, by name or else by uid; None if it has none."""
    try:
        return pwd.getpwnam(user)
    except KeyError:
        if not user.isdigit():
            return None
    try:
        return pwd.getpwuid(int(user))
    except KeyError:
        return None


def main():
    try:
        opts, args = getopt.getopt(sys.argv[1:], "ugGnr", ["user", "group", "groups", "name", "real"])
    except getopt.GetoptError as e:
        sys.stderr.write("id: %s\nusage: id [-u | -g | -G] [-n] [-r] [USER]\n" % e)
        return 1
    flags = {"G" if o == "--groups" else o.lstrip("-")[0] for o, _ in opts}
    if len(args) > 1:
        sys.stderr.write("id: extra operand '%s'\n" % args[1])
        return 1
    if args:
        entry = account(args[0])
        if entry is None:
            sys.stderr.write("id: '%s': no such user\n" % args[0])
            return 1
        uid = euid = entry.pw_uid
        gid = egid = entry.pw_gid
        name = entry.pw_name
    else:
        uid, euid, gid, egid = os.getuid(), os.geteuid(), os.getgid(), os.getegid()
        name = user_name(uid)
    # the groups: the primary group, then every group that lists the user as a member
    member_of = [gid] + [g.gr_gid for g in grp.getgrall()
                         if name in g.gr_mem and g.gr_gid != gid]
    if "u" in flags or "g" in flags or "G" in flags:
        real = "r" in flags
        if "u" in flags:
            ids, name_of = [uid if real else euid], user_name
        elif "g" in flags:
            ids, name_of = [gid if real else egid], group_name
        else:
            ids, name_of = member_of, group_name
        print(" ".join((name_of(i) or str(i)) if "n" in flags else str(i) for i in ids))
        return 0

    def show(i, name_of):
        name = name_of(i)
        return str(i) if name is None else "%d(%s)" % (i, name)
    out = "uid=%s gid=%s" % (show(uid, user_name), show(gid, group_name))
    if euid != uid:
        out += " euid=%s" % show(euid, user_name)
    if egid != gid:
        out += " egid=%s" % show(egid, group_name)
    out += " groups=" + ",".join(show(g, group_name) for g in member_of)
    print(out)
    return 0


if __name__ == "__main__":
    try:
        status = main()
        sys.stdout.flush()
    except OSError as e:          # standard output could not be written (a full disk)
        sys.stderr.write(f"id: write error: {e.strerror}\n")
        os._exit(1)
    sys.exit(status)
