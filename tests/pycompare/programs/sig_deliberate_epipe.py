"""DELIBERATE difference: writing into a pipe whose reader is gone. CPython ignores SIGPIPE
(BrokenPipeError); a vshell program starts with SIGPIPE at its default action (death, 141)."""
import os

r, w = os.pipe()
os.close(r)
try:
    os.write(w, b"x")
    print("wrote")
except BrokenPipeError as e:
    print("BrokenPipeError:", e)
