"""stdout is block-buffered into a pipe or a file, stderr line-buffered: 2>&1 shows it."""
import sys

for i in range(3):
    print("out", i)
    print("err", i, file=sys.stderr)
sys.stdout.flush()
print("out after flush")
print("err after flush", file=sys.stderr)
