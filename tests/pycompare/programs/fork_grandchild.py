"""Only a process's own children can be waited for: a grandchild gives ECHILD."""
import os

pid_r, pid_w = os.pipe()
go_r, go_w = os.pipe()
pid = os.fork()
if pid == 0:
    grand = os.fork()
    if grand == 0:
        os.read(go_r, 1)
        os._exit(7)
    os.write(pid_w, str(grand).encode())
    _, st = os.waitpid(grand, 0)
    print("child reaped grandchild, code", os.WEXITSTATUS(st), flush=True)
    os._exit(0)
grand = int(os.read(pid_r, 20))
try:
    os.waitpid(grand, 0)
except ChildProcessError as e:
    print("parent waiting for the grandchild:", e, flush=True)
os.write(go_w, b"x")
_, st = os.waitpid(pid, 0)
print("child code", os.WEXITSTATUS(st))
