"""A blocking write larger than the pipe completes in full while the reader drains it."""
import os

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    total = 0
    while chunk := os.read(r, 7000):
        total += len(chunk)
    print("child read", total, "bytes", flush=True)
    os._exit(0)
os.close(r)
print("write returned", os.write(w, b"z" * 300_000), flush=True)
os.close(w)
os.waitpid(pid, 0)
