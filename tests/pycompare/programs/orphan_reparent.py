"""An orphan is adopted: its parent changes when the parent exits; it still prints."""
import os
import time

r, w = os.pipe()
parent = os.getpid()
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)          # EOF when the parent is exiting: it closed its files
    for _ in range(1000):  # Linux reparents the orphan a moment after that
        if os.getppid() != parent:
            break
        time.sleep(0.001)
    print("orphan: my parent changed:", os.getppid() != parent, flush=True)
    os._exit(0)
os.close(r)
print("parent exits first", flush=True)
