"""After fork, parent and child share the open file's offset (OSTEP homework 2)."""
import os

fd = os.open("shared.txt", os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
pid = os.fork()
if pid == 0:
    os.write(fd, b"child\n")
    os._exit(0)
os.waitpid(pid, 0)
os.write(fd, b"parent\n")
print("offset", os.lseek(fd, 0, os.SEEK_CUR))
os.lseek(fd, 0, os.SEEK_SET)
print(os.read(fd, 100))
fd2 = os.open("shared.txt", os.O_RDONLY)
print("a second open has its own offset:", os.read(fd2, 5))
print("first fd offset", os.lseek(fd, 0, os.SEEK_CUR))
