"""A pipe is a FIFO: fstat says so, lseek fails with ESPIPE."""
import os
import stat

r, w = os.pipe()
st = os.fstat(r)
print("S_ISFIFO", stat.S_ISFIFO(st.st_mode), "S_ISREG", stat.S_ISREG(st.st_mode))
print("size", os.fstat(w).st_size)
try:
    os.lseek(r, 0, os.SEEK_SET)
except OSError as e:
    print("lseek:", e)
try:
    os.write(r, b"x")
except OSError as e:
    print("write to the read end:", e)
try:
    os.read(w, 1)
except OSError as e:
    print("read from the write end:", e)
