#!/usr/bin/env python3
"""sudo: run a command as root (or -u USER), as Debian's sudo does.

    sudo COMMAND [ARG]...     run COMMAND as root
    sudo -u USER COMMAND      as USER
    sudo -i                   a login shell as root (in root's home)
    sudo -s                   a shell as root, here
    sudo -k                   forget that you typed your password
    sudo -l                   what you may run

Who may: root, and the members of group `sudo` in /etc/group (Debian's
`%sudo ALL=(ALL:ALL) ALL`).  On this machine `student` is one; `alice` and
`bob` are not.  Each asks for their *own* password -- not root's, as su does
-- and sudo remembers it for 15 minutes on that terminal session (the
timestamps are in /run/sudo/ts, which every boot makes afresh).

sudo is a set-user-ID root program: it runs with effective uid 0 whoever
starts it, which is what lets it read /etc/shadow and change uid.  The command
gets a clean environment (env_reset): HOME, USER, LOGNAME and SHELL of the
user it runs as, TERM, PATH=/bin:/usr/bin, and SUDO_USER, SUDO_UID, SUDO_GID
and SUDO_COMMAND saying who asked.
"""
import getpass
import grp
import os
import pwd
import sys
import time

from shadow import password_ok

USAGE = ("usage: sudo [-u user] command [arg ...]\n"
         "usage: sudo [-u user] -i | -s\n"
         "usage: sudo -k | -l\n")
ADMIN_GROUP = "sudo"
TIMEOUT = 15 * 60                       # seconds a password is remembered (Debian's default)
TRIES = 3
SECURE_PATH = "/bin:/usr/bin"
STAMPS = "/run/sudo/ts"


def may_sudo(user):
    """Is user root, or in group sudo (as a member, or by its own group id)?"""
    if user.pw_uid == 0:
        return True
    try:
        group = grp.getgrnam(ADMIN_GROUP)
    except KeyError:
        return False
    return user.pw_name in group.gr_mem or user.pw_gid == group.gr_gid


def stamp_path(user):
    return "%s/%s" % (STAMPS, user.pw_name)


def remembered(user):
    """Did user give the password on this terminal session in the last 15 minutes?"""
    try:
        with open(stamp_path(user)) as f:
            sid, when = f.read().split()
        return int(sid) == os.getsid(0) and 0 <= time.time() - float(when) < TIMEOUT
    except (OSError, ValueError):
        return False


def remember(user):
    try:
        os.makedirs(STAMPS, 0o700, exist_ok=True)
        with open(stamp_path(user), "w") as f:
            f.write("%d %f\n" % (os.getsid(0), time.time()))
    except OSError:
        pass


def forget(user):
    try:
        os.unlink(stamp_path(user))
    except OSError:
        pass


def authenticate(user):
    """Ask for user's own password, up to three times."""
    if user.pw_uid == 0 or remembered(user):
        return True
    for attempt in range(TRIES):
        try:
            password = getpass.getpass("[sudo] password for %s: " % user.pw_name, sys.stderr)
        except EOFError:
            sys.stderr.write("sudo: no password was provided\n")
            return False
        except KeyboardInterrupt:
            sys.stderr.write("\n")
            return False
        if password_ok(user.pw_name, password):
            remember(user)
            return True
        if attempt < TRIES - 1:
            sys.stderr.write("Sorry, try again.\n")
    sys.stderr.write("sudo: %d incorrect password attempts\n" % TRIES)
    return False


def find(command):
    """COMMAND along the secure path (or as written, if it has a /)."""
    if "/" in command:
        return command if os.path.isfile(command) else None
    for folder in SECURE_PATH.split(":"):
        path = folder + "/" + command
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def parse(args):
    """(target user name, mode, command): mode is run, login, shell, forget or list."""
    target, mode = "root", "run"
    while args and args[0].startswith("-") and args[0] != "-":
        word = args.pop(0)
        if word == "--":
            break
        letters = word[1:]
        for i, letter in enumerate(letters):
            if letter == "u":
                value = letters[i + 1:] or (args.pop(0) if args else None)
                if value is None:
                    raise ValueError("option requires an argument -- 'u'")
                target = value
                break
            if letter in "iskl":
                mode = {"i": "login", "s": "shell", "k": "forget", "l": "list"}[letter]
            else:
                raise ValueError("invalid option -- '%s'" % letter)
    return target, mode, args


def main():
    if sys.argv[1:] == ["--help"]:
        sys.stdout.write("sudo - execute a command as another user\n\n" + USAGE)
        return 0
    try:
        target_name, mode, command = parse(sys.argv[1:])
    except ValueError as e:
        sys.stderr.write("sudo: %s\n%s" % (e, USAGE))
        return 1
    me = pwd.getpwuid(os.getuid())
    if mode == "forget":
        forget(me)
        return 0
    if mode == "run" and not command:
        sys.stderr.write(USAGE)
        return 1
    try:
        target = pwd.getpwnam(target_name)
    except KeyError:
        sys.stderr.write("sudo: unknown user %s\n" % target_name)
        return 1
    if mode == "run" and find(command[0]) is None:      # said before any password is asked
        sys.stderr.write("sudo: %s: command not found\n" % command[0])
        return 1
    if not may_sudo(me):
        if authenticate(me):
            sys.stderr.write("%s is not in the sudoers file.\n" % me.pw_name)
        return 1
    if not authenticate(me):
        return 1
    if mode == "list":
        print("User %s may run the following commands on vshell:\n    (ALL : ALL) ALL" % me.pw_name)
        return 0
    shell = target.pw_shell or "/bin/sh"
    if mode == "login":
        argv = ["-" + os.path.basename(shell)] + (["-c", " ".join(command)] if command else [])
        path = shell
    elif mode == "shell":
        shell = os.environ.get("SHELL", shell)
        argv = [os.path.basename(shell)] + (["-c", " ".join(command)] if command else [])
        path = shell
    else:
        path = find(command[0])
        if path is None:
            sys.stderr.write("sudo: %s: command not found\n" % command[0])
            return 1
        argv = command
    env = {"HOME": target.pw_dir, "USER": target.pw_name, "LOGNAME": target.pw_name,
           "SHELL": target.pw_shell or "/bin/sh", "PATH": SECURE_PATH,
           "SUDO_USER": me.pw_name, "SUDO_UID": str(me.pw_uid), "SUDO_GID": str(me.pw_gid),
           "SUDO_COMMAND": " ".join([path] + argv[1:])}
    if "TERM" in os.environ:
        env["TERM"] = os.environ["TERM"]
    if mode == "login":
        try:
            os.chdir(target.pw_dir)
        except OSError:
            pass
    os.setgid(target.pw_gid)          # the group first: after setuid we could not
    os.setuid(target.pw_uid)
    sys.stdout.flush()
    try:
        os.execve(path, argv, env)
    except OSError as e:
        sys.stderr.write("sudo: unable to execute %s: %s\n" % (path, e.strerror))
        return 1


if __name__ == "__main__":
    sys.exit(main())
