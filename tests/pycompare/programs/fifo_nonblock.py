"""FIFO opens without blocking: a reader goes on at once, a writer without a reader fails."""
import os
import stat

os.mkfifo("p")
print(stat.filemode(os.stat("p").st_mode))
try:
    os.open("p", os.O_WRONLY | os.O_NONBLOCK)
except OSError as e:
    print("writer:", e)
r = os.open("p", os.O_RDONLY | os.O_NONBLOCK)
print("reader, no writer:", os.read(r, 10))
w = os.open("p", os.O_WRONLY | os.O_NONBLOCK)
os.write(w, b"abc")
print("reader:", os.read(r, 10))
try:
    os.read(r, 10)
except BlockingIOError as e:
    print("empty:", e)
os.close(w)
print("no writer left:", os.read(r, 10))
try:
    os.lseek(r, 0, os.SEEK_SET)
except OSError as e:
    print("lseek:", e)
