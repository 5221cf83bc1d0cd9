"""A zombie seen in /proc: the child's state is Z until the parent waits for it."""
import os

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os._exit(0)
os.close(w)
os.read(r, 1)
for _ in range(1000):            # the exit finishes a moment after the fds close
    state = open(f"/proc/{pid}/stat").read().split()[2]
    if state == "Z":
        break
    os.sched_yield()
print("child state before wait:", state)
os.waitpid(pid, 0)
print("after wait, /proc entry exists:", os.path.exists(f"/proc/{pid}"))
