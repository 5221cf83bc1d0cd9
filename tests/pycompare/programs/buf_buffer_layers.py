"""sys.stdout.buffer.write skips the text layer's pending chunk: it may come out first."""
import sys

print("text 1")
sys.stdout.buffer.write(b"bytes 1\n")
sys.stdout.write("text 2\n")
sys.stdout.buffer.write(b"bytes 2\n")
sys.stdout.flush()
sys.stdout.buffer.write(b"bytes 3\n")
print("text 3")
print("types:", type(sys.stdout).__name__, type(sys.stdout.buffer).__name__,
      type(sys.stdout.buffer.raw).__name__)
