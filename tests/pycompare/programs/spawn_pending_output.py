"""posix_spawn does not flush the parent's buffer: the spawned program's line comes first."""
import os

print("buffered in the parent")
pid = os.posix_spawnp("echo", ["echo", "the spawned echo"], os.environ)
os.waitpid(pid, 0)
print("parent again")
