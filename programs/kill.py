#!/usr/bin/env python3
"""kill: send a signal to processes (SIGTERM unless told otherwise).

    kill PID...              SIGTERM to each PID
    kill -9 PID...           a signal by number ...
    kill -KILL PID, kill -SIGKILL PID, kill -s KILL PID, kill -n 9 PID
    kill -- -PGID            a negative pid names a process group
    kill -9 -1               every process you may signal, except init and kill itself
    kill -l [SIG]            list the signals, or translate a name to a number and back

The kernel checks permission: an ordinary user may signal only their own
processes.  Exit status 1 if any signal could not be sent.
"""
import os
import signal
import sys

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(0)


def number_of(spec):
    """'9', 'KILL', 'SIGKILL', 'kill' -> 9; None if it is no signal."""
    if spec.isdigit():
        n = int(spec)
        return n if 0 <= n < signal.NSIG else None
    name = spec.upper()
    if not name.startswith("SIG"):
        name = "SIG" + name
    try:
        return int(signal.Signals[name])
    except KeyError:
        return None


def name_of(n):
    try:
        return signal.Signals(n).name[3:]
    except ValueError:
        return str(n)


def list_signals(args):
    if not args:
        names = [(n, signal.Signals(n).name) for n in range(1, 32) if n in SIGNUMS]
        for i in range(0, len(names), 5):
            row = ["%2d) %s" % pair for pair in names[i:i + 5]]
            print("\t".join(row).rstrip())
        return 0
    status = 0
    for arg in args:
        if arg.isdigit():
            n = int(arg)
            n = n - 128 if n > 128 else n            # an exit status such as 137 -> KILL
            if n in SIGNUMS:
                print(name_of(n))
                continue
        else:
            n = number_of(arg)
            if n:
                print(n)
                continue
        sys.stderr.write("kill: %s: invalid signal specification\n" % arg)
        status = 1
    return status


SIGNUMS = {int(s) for s in signal.Signals}


def usage():
    sys.stderr.write("usage: kill [-s SIG | -SIG | -N] PID... | kill -l [SIG]\n")
    return 2


def bad_signal(spec):
    sys.stderr.write("kill: %s: invalid signal specification\n" % spec)
    return 1


def main(argv):
    sig = signal.SIGTERM
    args = argv[1:]
    if args and args[0] in ("-l", "-L", "--list"):
        return list_signals(args[1:])
    if args and args[0] in ("-s", "-n", "--signal"):
        if len(args) < 2:
            return usage()
        sig = number_of(args[1])
        if sig is None:
            return bad_signal(args[1])
        args = args[2:]
    elif args and args[0].startswith("-") and args[0] != "--" and len(args[0]) > 1:
        sig = number_of(args[0][1:])
        if sig is None:
            return bad_signal(args[0][1:])
        args = args[1:]
    if args and args[0] == "--":
        args = args[1:]
    if not args:
        return usage()
    status = 0
    for arg in args:
        try:
            pid = int(arg)
        except ValueError:
            sys.stderr.write("kill: failed to parse argument: '%s'\n" % arg)
            status = 1
            continue
        try:
            os.kill(pid, sig)
        except OSError as e:
            sys.stderr.write("kill: (%d) - %s\n" % (pid, e.strerror))
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
