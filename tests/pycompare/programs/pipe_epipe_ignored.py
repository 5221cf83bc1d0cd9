"""With SIGPIPE ignored (by the program), writing to a pipe without readers fails with EPIPE."""
import os
import signal

signal.signal(signal.SIGPIPE, signal.SIG_IGN)
r, w = os.pipe()
os.close(r)
try:
    os.write(w, b"nobody reads this")
except BrokenPipeError as e:
    print(type(e).__name__, e.errno, e.strerror, e)
f = os.fdopen(w, "w")
f.write("buffered")
try:
    f.flush()
except BrokenPipeError as e:
    print("flush:", e)
