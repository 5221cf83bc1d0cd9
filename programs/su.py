#!/usr/bin/env python3
"""su: become another user (root by default) and run their shell.

    su [-] [USER] [-c COMMAND]

Asks for USER's password (root is not asked), checks it against /etc/shadow
-- which only root may read: su is a set-user-ID root program, so it runs
with effective uid 0 whoever starts it -- then sets the real and effective
gid and uid to USER's and execs USER's shell with HOME, USER, LOGNAME and
SHELL set.  With -, the shell starts in USER's home with a fresh environment.
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
    args = argv[1:]
    login, command = False, None
    rest = []
    while args:
        a = args.pop(0)
        if a in ("-", "-l", "--login"):
            login = True
        elif a == "-c":
            if not args:
                sys.stderr.write("su: option requires an argument -- 'c'\n")
                return 2
            command = args.pop(0)
        elif a.startswith("-") and a != "-":
            sys.stderr.write("su: invalid option -- '%s'\nusage: su [-] [USER] [-c COMMAND]\n" % a[1:])
            return 2
        else:
            rest.append(a)
    if len(rest) > 1:
        sys.stderr.write("usage: su [-] [USER] [-c COMMAND]\n")
        return 2
    name = rest[0] if rest else "root"
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        sys.stderr.write("su: user %s does not exist or the user entry does not contain all "
                         "the required fields\n" % name)
        return 1
    if os.getuid() != 0:
        try:
            password = getpass.getpass("Password: ")
        except EOFError:
            password = None
        try:
            ok = password is not None and password_ok(name, password)
        except OSError as e:
            sys.stderr.write("su: cannot read /etc/shadow: %s (is su set-user-ID root?)\n"
                             % e.strerror)
            return 1
        if not ok:
            sys.stderr.write("su: Authentication failure\n")
            return 1
    home, shell = entry.pw_dir, entry.pw_shell or "/bin/sh"
    env = {} if login else dict(os.environ)
    env.update(HOME=home, USER=name, LOGNAME=name, SHELL=shell)
    if login:
        env["PATH"] = os.environ.get("PATH", "/bin:/usr/bin")
        try:
            os.chdir(home)
        except OSError:
            sys.stderr.write("su: warning: cannot change directory to %s\n" % home)
    os.setgid(entry.pw_gid)     # the group first: after setuid we could not
    os.setuid(entry.pw_uid)
    argv0 = "-" + os.path.basename(shell) if login else os.path.basename(shell)
    shell_argv = [argv0] + (["-c", command] if command is not None else [])
    sys.stdout.flush()
    try:
        os.execve(shell, shell_argv, env)
    except OSError as e:
        sys.stderr.write("su: failed to execute %s: %s\n" % (shell, e.strerror))
        return 126


if __name__ == "__main__":
    sys.exit(main(sys.argv))
