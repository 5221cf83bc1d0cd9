"""Four children count to 20 in one file under flock: each waiter wakes to the lock a released file has afresh."""
import os, fcntl
with open("counter", "w") as f:
    f.write("0")
kids = []
for i in range(4):
    pid = os.fork()
    if pid == 0:
        for _ in range(5):
            with open("counter", "r+") as f:
                fcntl.flock(f, fcntl.LOCK_EX)
                n = int(f.read())
                f.seek(0); f.write(str(n + 1)); f.truncate()
                fcntl.flock(f, fcntl.LOCK_UN)
        os._exit(0)
    kids.append(pid)
for pid in kids:
    os.waitpid(pid, 0)
print(open("counter").read())
