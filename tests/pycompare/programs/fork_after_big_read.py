"""A program that read a lot before forking forks like any other."""
import os

with open("big.bin", "wb") as f:
    f.write(b"x" * (10 * 1024 * 1024))
with open("big.bin", "rb") as f:
    data = f.read()
pid = os.fork()
if pid == 0:
    print("child has the data:", len(data), flush=True)
    os._exit(0)
os.waitpid(pid, 0)
os.unlink("big.bin")
print("parent done")
