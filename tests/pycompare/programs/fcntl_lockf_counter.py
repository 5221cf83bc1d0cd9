"""Four children count to 20 under lockf (POSIX record locks), opening and closing the file each time."""
import os, fcntl
with open("counter", "w") as f:
    f.write("0")
kids = []
for i in range(4):
    pid = os.fork()
    if pid == 0:
        for _ in range(5):
            fd = os.open("counter", os.O_RDWR)
            fcntl.lockf(fd, fcntl.LOCK_EX)
            n = int(os.read(fd, 10))
            os.lseek(fd, 0, 0); os.write(fd, str(n + 1).encode()); os.ftruncate(fd, len(str(n + 1)))
            fcntl.lockf(fd, fcntl.LOCK_UN)
            os.close(fd)
        os._exit(0)
    kids.append(pid)
for pid in kids:
    os.waitpid(pid, 0)
print(open("counter").read())
