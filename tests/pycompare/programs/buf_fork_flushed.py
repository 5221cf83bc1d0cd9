"""Flushing before fork prints the line once; flush=True does the same."""
import os
import sys

print("flushed by hand")
sys.stdout.flush()
print("flushed by print", flush=True)
pid = os.fork()
if pid == 0:
    print("child")
    sys.exit(0)
os.wait()
print("parent")
