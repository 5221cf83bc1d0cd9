"""os.write bypasses sys.stdout's buffer: its bytes come out first."""
import os
import sys

print("print 1")
os.write(1, b"os.write 1\n")
sys.stdout.write("sys.stdout.write\n")
os.write(1, b"os.write 2\n")
sys.stdout.flush()
os.write(1, b"os.write 3\n")
print("print 2")
os.write(2, b"os.write to fd 2\n")
