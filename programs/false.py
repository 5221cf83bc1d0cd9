#!/usr/bin/env python3
"""false: do nothing, unsuccessfully."""
import sys

sys.exit(1)
