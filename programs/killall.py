#!/usr/bin/env python3
"""killall: send a signal to every process running a command of that name.

    killall [-s SIG | -SIG] [-v] NAME...

NAME is the command name ps shows (COMMAND of ps -o comm); for a script,
`killall cpu` finds cpu.py too.  Exit status 1 if some NAME matched no
process this user may signal.
"""
import os
import signal
import sys

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(0)


def number_of(spec):
    if spec.isdigit():
        n = int(spec)
        return n if 0 < n < signal.NSIG else None
    name = spec.upper()
    name = name if name.startswith("SIG") else "SIG" + name
    try:
        return int(signal.Signals[name])
    except KeyError:
        return None


def processes():
    """(pid, name) of every process but this one."""
    me = os.getpid()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == me:
            continue
        try:
            with open("/proc/%s/status" % entry) as f:
                fields = dict(line.rstrip("\n").split(":\t", 1) for line in f if ":\t" in line)
        except OSError:
            continue
        if not fields.get("State", "").startswith("Z"):
            found.append((int(entry), fields["Name"]))
    return sorted(found)


def main(argv):
    args = argv[1:]
    sig = signal.SIGTERM
    verbose = False
    while args and args[0].startswith("-") and len(args[0]) > 1:
        opt = args.pop(0)
        if opt == "--":
            break
        if opt == "-v":
            verbose = True
        elif opt in ("-s", "--signal"):
            if not args:
                sys.stderr.write("killall: option requires an argument -- 's'\n")
                return 1
            spec = args.pop(0)
            sig = number_of(spec)
            if sig is None:
                sys.stderr.write("killall: %s: unknown signal\n" % spec)
                return 1
        elif opt == "-l":
            print(" ".join(signal.Signals(n).name[3:] for n in range(1, 32)))
            return 0
        else:
            sig = number_of(opt[1:])
            if sig is None:
                sys.stderr.write("killall: %s: unknown signal\n" % opt[1:])
                return 1
    if not args:
        sys.stderr.write("usage: killall [-s SIG | -SIG] [-v] NAME...\n")
        return 1
    status = 0
    table = processes()
    for name in args:
        hit = False
        for pid, comm in table:
            if comm != name and comm != name + ".py":
                continue
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                continue                     # gone already
            except OSError as e:
                sys.stderr.write("killall: %s(%d): %s\n" % (comm, pid, e.strerror))
                continue
            hit = True
            if verbose:
                print("Killed %s(%d) with signal %d" % (comm, pid, sig))
        if not hit:
            sys.stderr.write("%s: no process found\n" % name)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
