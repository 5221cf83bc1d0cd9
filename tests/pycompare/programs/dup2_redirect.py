"""Redirecting stdout to a file with dup2, and back."""
import os
import sys

saved = os.dup(1)
fd = os.open("out.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
sys.stdout.flush()
os.dup2(fd, 1)
os.close(fd)
print("this line goes to out.txt")
os.system("echo so does the shell")
sys.stdout.flush()
os.dup2(saved, 1)
os.close(saved)
print("back on the original stdout")
print("out.txt holds:", repr(open("out.txt").read()))
