"""pipe2 takes the flags at creation: O_NONBLOCK and O_CLOEXEC."""
import os

r, w = os.pipe2(os.O_NONBLOCK)
print("blocking:", os.get_blocking(r), os.get_blocking(w), "inheritable:", os.get_inheritable(r))
try:
    os.read(r, 1)
except BlockingIOError as e:
    print(e)
r, w = os.pipe2(0)
print("pipe2(0) inheritable:", os.get_inheritable(r), "blocking:", os.get_blocking(r))
