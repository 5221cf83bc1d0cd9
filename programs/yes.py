#!/usr/bin/env python3
"""yes [STRING]...: print STRING (default "y") on every line, until killed.

Writes many lines per system call; ends when the reader goes away (SIGPIPE).
"""
import os
import sys

if sys.argv[1:] == ["--help"]:
    print(__doc__)
    sys.exit(0)
line = (" ".join(sys.argv[1:]) or "y").encode("utf-8", "surrogateescape") + b"\n"
block = line * max(1, 8192 // len(line))
try:
    while True:
        os.write(1, block)
except OSError as e:
    sys.stderr.write(f"yes: standard output: {e.strerror}\n")
    sys.exit(1)
