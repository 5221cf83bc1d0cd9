"""SIGTERM to a stopped process waits until it is continued; SIGKILL does not wait."""
import os
import signal

def stopped_child():
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.read(r, 1)
        os._exit(0)
    os.kill(pid, signal.SIGSTOP)
    os.waitpid(pid, os.WUNTRACED)
    return pid

pid = stopped_child()
os.kill(pid, signal.SIGTERM)
print("after SIGTERM, still there:", os.waitpid(pid, os.WNOHANG) == (0, 0))
os.kill(pid, signal.SIGCONT)
_, st = os.waitpid(pid, 0)
print("after SIGCONT: killed by", os.WTERMSIG(st))
pid = stopped_child()
os.kill(pid, signal.SIGKILL)
_, st = os.waitpid(pid, 0)
print("SIGKILL to a stopped child: killed by", os.WTERMSIG(st))
