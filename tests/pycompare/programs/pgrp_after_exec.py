"""A parent may not change the process group of a child that has already exec'd (EACCES)."""
import os

ready_r, ready_w = os.pipe()
hold_r, hold_w = os.pipe()
pid = os.fork()
if pid == 0:
    os.dup2(ready_w, 1)
    os.dup2(hold_r, 0)
    os.execvp("python", ["python", "-c", "import os; os.write(1, b'r'); os.read(0, 1)"])
os.read(ready_r, 1)                 # the child runs its new program
try:
    os.setpgid(pid, pid)
    print("setpgid succeeded")
except OSError as e:
    print(type(e).__name__, e)
os.write(hold_w, b"x")
os.waitpid(pid, 0)
