"""Reading a closed stdin: OSError EBADF from input(); /dev/null gives EOF."""
import os
import sys

print(repr(os.read(0, 10)), repr(sys.stdin.read()))
os.close(0)
try:
    os.read(0, 1)
except OSError as e:
    print("os.read:", e)
try:
    input()
except (OSError, EOFError, ValueError) as e:
    print("input:", type(e).__name__, e)
