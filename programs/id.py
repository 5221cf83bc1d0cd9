#!/usr/bin/env python3
"""id: print the user and group ids of this process, or of USER.

    id [-u | -g | -G] [-n] [-r] [USER]

uid=1000(student) gid=1000(student) groups=1000(student); the effective ids
are shown too when they differ from the real ones (after a set-user-ID exec).
"""
import getopt
import os
import sys


def table(path):
    """The lines of /etc/passwd or /etc/group, split into fields."""
    try:
        with open(path) as f:
            return [line.rstrip("\n").split(":") for line in f if line.count(":") >= 2]
    except OSError:
        return []


def main():
    try:
        opts, args = getopt.getopt(sys.argv[1:], "ugGnr", ["user", "group", "groups", "name", "real"])
    except getopt.GetoptError as e:
        sys.stderr.write("id: %s\nusage: id [-u | -g | -G] [-n] [-r] [USER]\n" % e)
        return 1
    flags = {"G" if o == "--groups" else o.lstrip("-")[0] for o, _ in opts}
    users, groups = table("/etc/passwd"), table("/etc/group")
    user_name = {int(u[2]): u[0] for u in reversed(users) if u[2].isdigit()}
    group_name = {int(g[2]): g[0] for g in reversed(groups) if g[2].isdigit()}
    if len(args) > 1:
        sys.stderr.write("id: extra operand '%s'\n" % args[1])
        return 1
    if args:
        entry = [u for u in users if u[0] == args[0]] or \
                [u for u in users if args[0].isdigit() and u[2] == args[0]]
        if not entry or len(entry[0]) < 4:
            sys.stderr.write("id: '%s': no such user\n" % args[0])
            return 1
        uid = euid = int(entry[0][2])
        gid = egid = int(entry[0][3])
        name = entry[0][0]
    else:
        uid, euid, gid, egid = os.getuid(), os.geteuid(), os.getgid(), os.getegid()
        name = user_name.get(uid)
    # the groups: the primary group, then every group that lists the user as a member
    member_of = [gid] + [int(g[2]) for g in groups
                         if len(g) > 3 and name in g[3].split(",") and int(g[2]) != gid]
    if "u" in flags or "g" in flags or "G" in flags:
        real = "r" in flags
        if "u" in flags:
            ids, names = [uid if real else euid], user_name
        elif "g" in flags:
            ids, names = [gid if real else egid], group_name
        else:
            ids, names = member_of, group_name
        print(" ".join(names.get(i, str(i)) if "n" in flags else str(i) for i in ids))
        return 0

    def show(i, names):
        return "%d(%s)" % (i, names[i]) if i in names else str(i)
    out = "uid=%s gid=%s" % (show(uid, user_name), show(gid, group_name))
    if euid != uid:
        out += " euid=%s" % show(euid, user_name)
    if egid != gid:
        out += " egid=%s" % show(egid, group_name)
    out += " groups=" + ",".join(show(g, group_name) for g in member_of)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
