"""Text printed without a newline is still in stdout's buffer at fork: both print it."""
import os

print("before fork", end=" ")
pid = os.fork()
if pid == 0:
    print("child")
else:
    os.waitpid(pid, 0)
    print("parent")
