"""A handler registered before fork runs in both processes; one raising is reported."""
import atexit
import os

atexit.register(lambda: print(f"atexit in the {who}"))
who = "parent"
pid = os.fork()
if pid == 0:
    who = "child"
    atexit.register(lambda: 1 / 0)
else:
    os.waitpid(pid, 0)
