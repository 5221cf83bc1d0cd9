"""A full line printed before fork is still buffered into a pipe or file: printed twice."""
import os

print("hello from before the fork")
pid = os.fork()
if pid == 0:
    print("child done")
else:
    os.wait()
    print("parent done")
