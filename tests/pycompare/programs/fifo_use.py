"""A named pipe (FIFO) in the file system joins two processes that open it by name."""
import os
import stat

os.mkfifo("fifo", 0o600)
print("is a FIFO:", stat.S_ISFIFO(os.stat("fifo").st_mode))
pid = os.fork()
if pid == 0:
    with open("fifo", "w") as f:
        f.write("through the named pipe\n")
    os._exit(0)
with open("fifo") as f:
    print(f.read(), end="")
os.waitpid(pid, 0)
os.unlink("fifo")
