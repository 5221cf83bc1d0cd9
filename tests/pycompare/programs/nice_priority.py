"""nice raises a process's niceness and returns the new value; lowering it needs root."""
import os

print(os.nice(0), os.nice(5), os.nice(0), flush=True)
pid = os.fork()
if pid == 0:
    print("child inherits", os.nice(0), flush=True)
    os._exit(0)
os.waitpid(pid, 0)
try:
    os.nice(-1)
except PermissionError as e:
    print(e)
