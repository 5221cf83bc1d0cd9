"""An unlinked file lives on while a descriptor is open; its link count is 0."""
import os

fd = os.open("temp", os.O_RDWR | os.O_CREAT, 0o644)
os.write(fd, b"still here")
os.unlink("temp")
print("exists:", os.path.exists("temp"), "nlink:", os.fstat(fd).st_nlink)
os.lseek(fd, 0, os.SEEK_SET)
print(os.read(fd, 100), flush=True)
pid = os.fork()
if pid == 0:
    os.lseek(fd, 0, os.SEEK_SET)
    print("child reads it too:", os.read(fd, 5), flush=True)
    os._exit(0)
os.waitpid(pid, 0)
