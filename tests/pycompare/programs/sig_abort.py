"""os.abort raises SIGABRT: the process dies without flushing or cleanup."""
import os

print("buffered: lost")
try:
    os.abort()
finally:
    print("finally: not reached")
