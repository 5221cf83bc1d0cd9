#!/usr/bin/env python3
"""passwd: change a user's password.

    passwd [USER]

An ordinary user changes their own password and must give the current one
first; root may change anyone's without it.  The new entry,
$vs1$SALT$sha256(SALT + password), replaces the old one in /etc/shadow --
a file only root may write: passwd is a set-user-ID root program.
"""
import getpass
import os
import pwd
import sys

from shadow import SHADOW, hashed, matches

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(0)


def shadow_lines():
    with open(SHADOW) as f:
        return f.read().splitlines()


def fail(message, code):
    sys.stderr.write(message)
    sys.stderr.write("passwd: password unchanged\n")
    return code


def main(argv):
    if len(argv) > 2 or argv[1:2] and argv[1].startswith("-"):
        sys.stderr.write("usage: passwd [USER]\n")
        return 2
    try:
        me = pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        me = None
    name = argv[1] if len(argv) > 1 else me
    try:
        lines = shadow_lines()
    except OSError as e:
        sys.stderr.write("passwd: cannot read the user database: %s\n" % e.strerror)
        return 1
    entries = [line.split(":") for line in lines]
    index = [i for i, f in enumerate(entries) if f[0] == name]
    if name is None or not index:
        sys.stderr.write("passwd: user '%s' does not exist\n" % name)
        return 1
    if os.getuid() != 0 and name != me:
        sys.stderr.write("passwd: You may not view or modify password information for %s.\n" % name)
        return 1
    fields = entries[index[0]]
    print("Changing password for %s." % name, flush=True)
    try:
        if os.getuid() != 0:
            if not matches(fields[1], getpass.getpass("Current password: ")):
                return fail("passwd: Authentication token manipulation error\n", 10)
        new = getpass.getpass("New password: ")
        again = getpass.getpass("Retype new password: ")
    except EOFError:
        return fail("passwd: Authentication token manipulation error\n", 10)
    if new != again:
        return fail("Sorry, passwords do not match.\n", 10)
    if not new:
        return fail("No password has been supplied.\n", 10)
    salt = os.urandom(6).hex()
    fields[1] = hashed(new, salt)
    lines[index[0]] = ":".join(fields)
    try:
        with open(SHADOW, "w") as f:
            f.write("".join(line + "\n" for line in lines))
    except OSError as e:
        sys.stderr.write("passwd: cannot write /etc/shadow: %s\n" % e.strerror)
        return 1
    print("passwd: password updated successfully")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
