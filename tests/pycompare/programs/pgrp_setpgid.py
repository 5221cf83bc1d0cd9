"""A child moves into a process group of its own; the parent sees it there."""
import os

me = os.getpid()
print("parent leads its group:", os.getpgrp() == me, "same as getpgid(0):", os.getpgid(0) == os.getpgrp(), flush=True)
r, w = os.pipe()
r2, w2 = os.pipe()
pid = os.fork()
if pid == 0:
    print("child starts in the parent's group:", os.getpgrp() == os.getpgid(me), flush=True)
    os.setpgid(0, 0)
    print("child now leads its group:", os.getpgrp() == os.getpid(), flush=True)
    os.write(w, b"x")
    os.read(r2, 1)
    os._exit(0)
os.read(r, 1)
print("parent sees the child's group:", os.getpgid(pid) == pid)
os.write(w2, b"x")
os.waitpid(pid, 0)
try:
    os.setpgid(pid, pid)
except OSError as e:
    print("setpgid of a reaped child:", e)
