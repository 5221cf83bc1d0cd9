#!/usr/bin/env python3
"""echo: write the arguments, separated by spaces, then a newline (-n: none)."""
import sys

args = sys.argv[1:]
newline = True
if args and args[0] == "-n":
    newline = False
    args = args[1:]
sys.stdout.write(" ".join(args) + ("\n" if newline else ""))
