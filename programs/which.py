#!/usr/bin/env python3
"""which [-a] NAME...: where the programs NAME would be run from, as Debian's which.

For each NAME, the first file along $PATH that is a regular file you may
execute (-a: every one); a NAME with a / in it is checked as it is.  Nothing is
printed for a NAME not found.  Exit status: 0 if every NAME was found, 1 if
one was not (or none was given), 2 for a bad option.  Builtins, functions and
aliases are the shell's, not files: `type NAME` and `command -v NAME` say
what the shell itself would run.
"""
import os
import sys


def executable(path):
    return os.path.isfile(path) and os.access(path, os.X_OK)


def main():
    args = sys.argv[1:]
    if args == ["--help"]:
        sys.stdout.write(__doc__)
        return 0
    every = False
    while args and args[0].startswith("-") and args[0] != "-":
        word = args.pop(0)
        if word == "--":
            break
        for letter in word[1:]:
            if letter != "a":
                sys.stderr.write("Illegal option -%s\n" % letter)       # (getopts' words)
                sys.stdout.write("Usage: /bin/which [-a] args\n")
                return 2
            every = True
    path = os.environ.get("PATH", "")
    status = 0 if args else 1
    for name in args:
        found = False
        if "/" in name:
            if executable(name):
                print(name)
                found = True
        else:
            for folder in path.split(":"):
                candidate = (folder or ".") + "/" + name
                if executable(candidate):
                    print(candidate)
                    found = True
                    if not every:
                        break
        if not found:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
