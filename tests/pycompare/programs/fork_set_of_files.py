"""Files kept in a set are closed in the set's order (by object identity) before a fork."""
import os

names = [f"f{i}.txt" for i in range(8)]
for n in names:
    open(n, "w").close()
files = {open(n) for n in names}
for f in files:
    f.close()
junk = [object() for _ in range(50)]
for o in {object() for _ in range(20)}:
    os.getpid()
pid = os.fork()
if pid == 0:
    print("child runs", flush=True)
    os._exit(0)
os.waitpid(pid, 0)
print("parent done")
