"""pread/pwrite leave the offset alone; readv/writev move many buffers; sendfile copies."""
import os

fd = os.open("f", os.O_RDWR | os.O_CREAT, 0o644)
print(os.write(fd, b"hello world"), os.pread(fd, 5, 6), os.lseek(fd, 0, os.SEEK_CUR))
print(os.pwrite(fd, b"HELLO", 0), os.pread(fd, 11, 0))
first, rest = bytearray(4), bytearray(16)
os.lseek(fd, 0, os.SEEK_SET)
print(os.readv(fd, [first, rest]), first, bytes(rest).rstrip(b"\0"))
print(os.writev(fd, [b"!", b"?"]), os.pread(fd, 20, 0))
r, w = os.pipe()
print(os.sendfile(w, fd, 0, 5), os.read(r, 10))
for call in (lambda: os.pread(r, 1, 0), lambda: os.lseek(fd, 0, 9), lambda: os.fsync(r),
             lambda: os.pread(fd, 1, -1)):
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e)
