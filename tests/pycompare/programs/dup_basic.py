"""dup returns the lowest free fd; dup2 replaces a target; inheritability of each."""
import os

fd = os.open("f.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print("open ->", fd, os.get_inheritable(fd))
d = os.dup(fd)
print("dup ->", d, os.get_inheritable(d))
print("dup2 ->", os.dup2(fd, 9), os.get_inheritable(9))
print("dup2 non-inheritable ->", os.dup2(fd, 10, inheritable=False), os.get_inheritable(10))
os.write(fd, b"one ")
os.write(d, b"two ")
os.write(9, b"three\n")
for x in (fd, d, 9, 10):
    os.close(x)
print(open("f.txt").read(), end="")
os.close(0)
print("lowest free after closing 0:", os.open("f.txt", os.O_RDONLY))
print("dup2 same fd:", os.dup2(1, 1))
try:
    os.dup(42)
except OSError as e:
    print("dup(42):", e)
try:
    os.dup2(42, 3)
except OSError as e:
    print("dup2(42, 3):", e)
