"""os._exit does not flush stdio: into a pipe or a file, the buffered text is lost."""
import os
import sys

print("kept: flushed", flush=True)
print("lost: still in the buffer")
sys.stderr.write("stderr is line-buffered: kept\n")
sys.stderr.write("stderr without newline: ")
os._exit(3)
