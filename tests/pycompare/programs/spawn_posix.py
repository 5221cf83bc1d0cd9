"""posix_spawn and posix_spawnp start a program with file actions; the parent waits."""
import os

pid = os.posix_spawnp("echo", ["echo", "spawned by posix_spawnp"], os.environ)
print("waited", os.waitpid(pid, 0)[0] == pid, flush=True)
pid = os.posix_spawn("/bin/sh", ["sh", "-c", "echo to a file; echo $X"], {"X": "env given"},
                     file_actions=[(os.POSIX_SPAWN_OPEN, 1, "spawned.txt",
                                    os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)])
_, st = os.waitpid(pid, 0)
print("status", st, "file:", repr(open("spawned.txt").read()))
try:
    os.posix_spawn("/no/such", ["x"], {})
except OSError as e:
    print(type(e).__name__, e)
