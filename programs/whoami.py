#!/usr/bin/env python3
"""whoami: print the user name of the effective user id."""
import os
import pwd
import sys

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(0)

if len(sys.argv) > 1:
    sys.stderr.write("whoami: extra operand '%s'\n" % sys.argv[1])
    sys.exit(1)
euid = os.geteuid()
try:
    print(pwd.getpwuid(euid).pw_name)
except KeyError:
    sys.stderr.write("whoami: cannot find name for user ID %d\n" % euid)
    sys.exit(1)
