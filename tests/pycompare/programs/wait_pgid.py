"""waitpid(0) waits for children in the caller's group, waitpid(-pgid) for a given group."""
import os

go_r, go_w = os.pipe()
ready_r, ready_w = os.pipe()
mover = os.fork()
if mover == 0:
    os.setpgid(0, 0)
    os.write(ready_w, b"m")
    os.read(go_r, 1)
    os._exit(1)
stayer = os.fork()
if stayer == 0:
    os.read(go_r, 1)
    os._exit(2)
os.read(ready_r, 1)
os.write(go_w, b"xx")
pid, st = os.waitpid(0, 0)
print("waitpid(0) got the one in my group:", pid == stayer, os.WEXITSTATUS(st))
pid, st = os.waitpid(-mover, 0)
print("waitpid(-pgid) got the mover:", pid == mover, os.WEXITSTATUS(st))
