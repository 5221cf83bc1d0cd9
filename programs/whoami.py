#!/usr/bin/env python3
"""whoami: print the user name of the effective user id."""
import os
import sys

if len(sys.argv) > 1:
    sys.stderr.write("whoami: extra operand '%s'\n" % sys.argv[1])
    sys.exit(1)
euid = os.geteuid()
try:
    with open("/etc/passwd") as f:
        for line in f:
            fields = line.split(":")
            if len(fields) > 2 and fields[2] == str(euid):
                print(fields[0])
                sys.exit(0)
except OSError:
    pass
sys.stderr.write("whoami: cannot find name for user ID %d\n" % euid)
sys.exit(1)
