#!/usr/bin/env python3
"""login: begin a session as a user: ask for the name and password, then run
the user's shell in their home directory.

    login [USER]

Like su -, but it always asks for the password (root too) and gives up after
three failures.  The password is checked against /etc/shadow, which only
root may read: login is a set-user-ID root program.
"""
import getpass
import os
import pwd
import sys

from shadow import password_ok

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(0)


def main(argv):
    if len(argv) > 2:
        sys.stderr.write("usage: login [USER]\n")
        return 2
    name = argv[1] if len(argv) > 1 else None
    for _ in range(3):
        try:
            if name is None:
                name = input("login: ").strip()
            password = getpass.getpass("Password: ")
        except EOFError:
            print()
            return 1
        try:
            entry = pwd.getpwnam(name)
            ok = password_ok(name, password)
        except KeyError:
            ok = False
        except OSError as e:
            sys.stderr.write("login: cannot read the user database: %s\n" % e.strerror)
            return 1
        if ok:
            break
        print("Login incorrect")
        name = None
    else:
        sys.stderr.write("login: too many failures\n")
        return 1
    home, shell = entry.pw_dir, entry.pw_shell or "/bin/sh"
    env = {"HOME": home, "USER": name, "LOGNAME": name, "SHELL": shell,
           "PATH": os.environ.get("PATH", "/bin:/usr/bin"), "TERM": os.environ.get("TERM", "dumb")}
    try:
        os.chdir(home)
    except OSError:
        print("No directory %s; logging in with HOME=/" % home)
        os.chdir("/")
        env["HOME"] = "/"
    os.setgid(entry.pw_gid)     # the group first: after setuid we could not
    os.setuid(entry.pw_uid)
    sys.stdout.flush()
    try:
        os.execve(shell, ["-" + os.path.basename(shell)], env)
    except OSError as e:
        sys.stderr.write("login: failed to execute %s: %s\n" % (shell, e.strerror))
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
