"""A pipe holds 64 KiB: a non-blocking writer gets EAGAIN when it is full (page-sized writes)."""
import os

r, w = os.pipe()
print("blocking:", os.get_blocking(w))
os.set_blocking(w, False)
total = 0
try:
    while True:
        total += os.write(w, b"x" * 4096)
except BlockingIOError as e:
    print("full after", total, "bytes:", e.errno, e.strerror)
os.set_blocking(r, False)
try:
    os.write(w, b"x")
except BlockingIOError as e:
    print("not even one byte:", e)
print("read", len(os.read(r, 100000)))
try:
    os.read(r, 10)
except BlockingIOError as e:
    print("empty:", e)
os.close(w)
print("after close:", os.read(r, 10))
