"""WNOHANG returns (0, 0) while the child runs, then its status once it is a zombie."""
import os

r, w = os.pipe()
done_r, done_w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)
    os._exit(5)
os.close(r)
print("before the child exits:", os.waitpid(pid, os.WNOHANG))
os.write(w, b"go")
os.close(w)
while True:
    got, status = os.waitpid(pid, os.WNOHANG)
    if got:
        break
    os.sched_yield()
print("after:", got == pid, os.WEXITSTATUS(status))
try:
    print(os.waitpid(-1, os.WNOHANG))
except ChildProcessError as e:
    print("WNOHANG with no children:", e)
