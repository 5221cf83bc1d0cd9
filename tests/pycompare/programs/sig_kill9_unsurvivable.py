"""SIGKILL ends a process however it catches exceptions; its finally blocks do not run."""
import os
import signal

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b"r")
    for _ in range(200):
        try:
            try:
                os.read(os.pipe()[0], 1)
            finally:
                print("finally ran in the child", flush=True)
        except BaseException as e:
            print("child caught", type(e).__name__, flush=True)
    print("child survived", flush=True)
    os._exit(0)
os.close(w)
os.read(r, 1)
os.kill(pid, signal.SIGKILL)
_, st = os.waitpid(pid, 0)
print("killed by", os.WTERMSIG(st))
