"""The shell's pipeline by hand: echo | tr, with pipe, fork, dup2 and exec."""
import os

r, w = os.pipe()
left = os.fork()
if left == 0:
    os.dup2(w, 1)
    os.close(r)
    os.close(w)
    os.execvp("echo", ["echo", "a pipeline built by hand"])
right = os.fork()
if right == 0:
    os.dup2(r, 0)
    os.close(r)
    os.close(w)
    os.execvp("tr", ["tr", "a-z", "A-Z"])
os.close(r)
os.close(w)
for pid in (left, right):
    _, status = os.waitpid(pid, 0)
    print("exit", os.WEXITSTATUS(status))
