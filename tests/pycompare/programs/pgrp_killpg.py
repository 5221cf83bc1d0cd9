"""killpg reaches every process of a group, and only them."""
import os
import signal

ready_r, ready_w = os.pipe()
block_r, block_w = os.pipe()
leader = os.fork()
if leader == 0:
    os.setpgid(0, 0)
    for i in range(2):
        if os.fork() == 0:
            os.write(ready_w, b"m")
            os.read(block_r, 1)
            os._exit(0)
    signal.signal(signal.SIGUSR1, signal.SIG_IGN)    # the leader survives its group's signal
    os.write(ready_w, b"l")
    codes = []
    for i in range(2):
        _, st = os.wait()
        codes.append(os.WTERMSIG(st))
    print("leader saw its children killed by", codes, flush=True)
    os._exit(0)
outsider = os.fork()
if outsider == 0:
    os.read(block_r, 1)
    os._exit(9)
n = 0
while n < 3:
    n += len(os.read(ready_r, 3))
signal.signal(signal.SIGUSR1, signal.SIG_IGN)   # the parent is not in the group anyway
os.killpg(leader, signal.SIGUSR1)
_, st = os.waitpid(leader, 0)
print("leader: exited", os.WIFEXITED(st), os.WEXITSTATUS(st))
os.write(block_w, b"x")
_, st = os.waitpid(outsider, 0)
print("outsider exited normally:", os.WEXITSTATUS(st))
