"""The stdout buffer is 8192 bytes into a pipe or file: what is pending at fork is doubled."""
import os

for i in range(1000):
    print(f"line {i:04d}")
pid = os.fork()
if pid == 0:
    os._exit(0)          # the child's copy of the buffer is lost
os.wait()
pid = os.fork()
if pid == 0:
    print("child exits normally: its copy is flushed")
    raise SystemExit
os.wait()
print("parent end")
