"""stdin replaced by a pipe before first use: input() reads what a child writes."""
import os
import sys

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b"first\nsecond\n")
    os._exit(0)
os.close(w)
os.dup2(r, 0)
os.close(r)
print(input(), input())
print(repr(sys.stdin.read()))
os.waitpid(pid, 0)
