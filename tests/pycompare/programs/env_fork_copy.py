"""The child gets a copy of the environment; its changes stay its own."""
import os

os.environ["SHARED"] = "parent's"
pid = os.fork()
if pid == 0:
    os.environ["SHARED"] = "child's"
    print("child sees", os.environ["SHARED"], flush=True)
    os._exit(0)
os.waitpid(pid, 0)
print("parent sees", os.environ["SHARED"])
