"""After fork each process has its own copy of every variable."""
import os

x = 100
items = ["a"]
pid = os.fork()
if pid == 0:
    x += 1
    items.append("child")
    print("child:", x, items, flush=True)
    os._exit(0)
os.wait()
x -= 1
print("parent:", x, items)
