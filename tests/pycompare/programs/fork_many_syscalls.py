"""fork after thousands of system calls, and forks from a forked child."""
import os

for _ in range(20000):
    os.getppid()
pid = os.fork()
if pid == 0:
    grand = os.fork()
    if grand == 0:
        print("grandchild", flush=True)
        os._exit(0)
    os.waitpid(grand, 0)
    print("child", flush=True)
    os._exit(0)
os.waitpid(pid, 0)
print("parent")
