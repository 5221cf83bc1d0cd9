"""flock locks a file for an open file; lockf locks bytes of it for a process."""
import fcntl
import os
import time

a = os.open("data", os.O_RDWR | os.O_CREAT, 0o644)
os.ftruncate(a, 100)
b = os.open("data", os.O_RDWR)
fcntl.flock(a, fcntl.LOCK_EX)
try:
    fcntl.flock(b, fcntl.LOCK_SH | fcntl.LOCK_NB)
except BlockingIOError as e:
    print("second open:", e, flush=True)
pid = os.fork()
if pid == 0:
    os.close(a)
    fcntl.flock(b, fcntl.LOCK_SH)              # waits until the parent closes a
    print("child: shared lock", flush=True)
    os._exit(0)
time.sleep(0.1)
print("parent: closing the exclusive lock's file", flush=True)
os.close(a)
os.waitpid(pid, 0)
fcntl.lockf(b, fcntl.LOCK_EX, 10, 0)
pid = os.fork()
if pid == 0:
    f = os.open("data", os.O_RDWR)
    for start in (0, 20):
        try:
            fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB, 5, start)
            print("child: bytes", start, "locked", flush=True)
        except OSError as e:
            print("child: bytes", start, e, flush=True)
    os._exit(0)
os.waitpid(pid, 0)
