"""A child that has exited but is not waited for is a zombie: it still exists until reaped."""
import os

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os._exit(4)
os.close(w)
os.read(r, 1)                      # EOF: the child has exited
os.kill(pid, 0)
print("zombie can still be signalled (exists):", True)
print("getpgid of the zombie works:", os.getpgid(pid) == os.getpgrp())
_, st = os.waitpid(pid, 0)
print("reaped, code", os.WEXITSTATUS(st))
try:
    os.kill(pid, 0)
except ProcessLookupError as e:
    print("after reaping:", e)
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print("second waitpid:", e)
