"""sys.executable names a program that exists and runs Python."""
import os
import sys

print("absolute:", os.path.isabs(sys.executable))
print("exists:", os.path.exists(sys.executable))
print("executable:", os.access(sys.executable, os.X_OK))
status = os.system(sys.executable + " -c 'print(6 * 7)'")
print("status", status)
