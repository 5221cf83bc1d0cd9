#!/usr/bin/env python3
"""clear: clear the terminal screen (ANSI: cursor home, erase screen and scrollback).

Writes nothing when standard output is not a terminal.
"""
import os
import sys

if sys.argv[1:] == ["--help"]:
    print(__doc__)
elif os.isatty(1):
    os.write(1, b"\x1b[H\x1b[2J\x1b[3J")
