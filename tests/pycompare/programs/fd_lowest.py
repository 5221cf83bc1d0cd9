"""open returns the lowest free descriptor: closing 0 and opening puts a file on stdin."""
import os
import sys

with open("in.txt", "w") as f:
    f.write("line from the file\n")
fds = [os.open("in.txt", os.O_RDONLY) for _ in range(3)]
print("three opens:", fds)
os.close(fds[1])
print("after closing the middle one:", os.open("in.txt", os.O_RDONLY))
os.close(0)
print("new fd:", os.open("in.txt", os.O_RDONLY))
os.closerange(3, 64)
print("after closerange(3, 64):", os.open("in.txt", os.O_RDONLY))
print("input() now reads the file:", input())
