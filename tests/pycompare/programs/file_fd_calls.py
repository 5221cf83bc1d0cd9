"""Calls on open descriptors: fsync, fchmod, fchdir, fdatasync, ftruncate, fstat."""
import os
import stat

fd = os.open("f", os.O_RDWR | os.O_CREAT, 0o600)
os.write(fd, b"data to keep")
os.fsync(fd)
os.fdatasync(fd)
os.fchmod(fd, 0o640)
print(oct(stat.S_IMODE(os.fstat(fd).st_mode)))
os.ftruncate(fd, 4)
print(os.fstat(fd).st_size)
os.mkdir("d")
dfd = os.open("d", os.O_RDONLY)
here = os.getcwd()
os.fchdir(dfd)
print("fchdir:", os.getcwd() == os.path.join(here, "d"))
