"""Line buffering switched on by hand: a printed line no longer waits at fork."""
import os
import sys

sys.stdout.reconfigure(line_buffering=True)
print("line-buffered now")
pid = os.fork()
if pid == 0:
    print("child")
    os._exit(0)
os.wait()
print("parent", sys.stdout.line_buffering)
