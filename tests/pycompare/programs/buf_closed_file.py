"""Printing to a closed sys.stdout raises ValueError; the exit is quiet about stdout after that."""
import sys

print("before close")
sys.stdout.close()
try:
    print("after close")
except ValueError as e:
    print("ValueError:", e, file=sys.stderr)
