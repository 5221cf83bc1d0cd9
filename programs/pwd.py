#!/usr/bin/env python3
"""pwd: print the name of the working directory (the process's cwd, via getcwd).

  -L / -P  accepted for compatibility; vshell always prints the physical path
"""
import getopt
import os
import sys

try:
    opts, args = getopt.gnu_getopt(sys.argv[1:], "LP", ["help"])
except getopt.GetoptError as e:
    msg = (f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
           else f"invalid option -- '{e.opt}'")
    sys.stderr.write(f"pwd: {msg}\nTry 'pwd --help' for more information.\n")
    sys.exit(1)
if ("--help", "") in opts:
    print(__doc__)
    sys.exit(0)
try:
    cwd = os.getcwd()
except OSError as e:
    sys.stderr.write(f"pwd: {e.strerror}\n")
    sys.exit(1)
try:
    print(cwd)
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"pwd: write error: {e.strerror}\n")
    os._exit(1)
