#!/usr/bin/env python3
"""false: do nothing, unsuccessfully."""
import sys

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(1)

sys.exit(1)
