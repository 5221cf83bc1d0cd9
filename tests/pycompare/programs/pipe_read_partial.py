"""A read returns what is there, not what was asked; writes from two processes."""
import os

r, w = os.pipe()
os.write(w, b"abc")
print(os.read(r, 100))
pid = os.fork()
if pid == 0:
    os.write(w, b"from child;")
    os._exit(0)
os.waitpid(pid, 0)
os.write(w, b"from parent;")
os.close(w)
print(os.read(r, 100))
print(os.read(r, 100))
