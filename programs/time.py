#!/usr/bin/env python3
"""time: run a command, then report how long it took on standard error.

    time [-p] COMMAND [ARG]...

real is the time that passed on the clock; user and sys are the CPU time the
command (and the children it waited for) used in user and kernel mode, as
os.times() accounts them.  The layout is bash's `time`; -p gives POSIX's.
The exit status is the command's (128+N if a signal N killed it).
"""
import os
import sys
import time

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(0)


def minutes(seconds):
    return "%dm%.3fs" % (seconds // 60, seconds % 60)


def main(argv):
    args = argv[1:]
    posix = False
    if args and args[0] == "-p":
        posix, args = True, args[1:]
    if args and args[0] == "--":
        args = args[1:]
    if not args:
        sys.stderr.write("usage: time [-p] COMMAND [ARG]...\n")
        return 2
    before = os.times()
    start = time.monotonic()
    try:
        pid = os.posix_spawnp(args[0], args, os.environ)
    except OSError as e:
        sys.stderr.write("time: cannot run %s: %s\n" % (args[0], e.strerror))
        return 127 if isinstance(e, FileNotFoundError) else 126
    _, status = os.waitpid(pid, 0)
    real = time.monotonic() - start
    after = os.times()
    user = after.children_user - before.children_user
    system = after.children_system - before.children_system
    if os.WIFSIGNALED(status):
        code = 128 + os.WTERMSIG(status)
    else:
        code = os.WEXITSTATUS(status)
    if posix:
        sys.stderr.write("real %.2f\nuser %.2f\nsys %.2f\n" % (real, user, system))
    else:
        sys.stderr.write("\nreal\t%s\nuser\t%s\nsys\t%s\n" % (minutes(real), minutes(user),
                                                             minutes(system)))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
