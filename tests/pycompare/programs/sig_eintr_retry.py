"""PEP 475: a handler that returns normally does not end the call: sleep and read go on."""
import os
import signal
import time

calls = []
signal.signal(signal.SIGUSR1, lambda s, f: calls.append("usr1"))
parent = os.getpid()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    time.sleep(0.05)
    os.kill(parent, signal.SIGUSR1)      # while the parent sleeps
    time.sleep(0.3)
    os.kill(parent, signal.SIGUSR1)      # while the parent reads
    time.sleep(0.1)
    os.write(w, b"late data")
    os._exit(0)
os.close(w)
start = time.monotonic()
time.sleep(0.2)
print("slept the whole time:", time.monotonic() - start >= 0.2, calls)
print("read after the handler:", os.read(r, 100), calls)
os.waitpid(pid, 0)
