"""The parent terminates a child blocked on a pipe: SIGTERM, then SIGKILL through a handler."""
import os
import signal

def child(ignore_term):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        if ignore_term:
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        os.close(r)
        os.write(w, b"ready")
        os.read(os.pipe()[0], 1)      # blocks for ever
        os._exit(0)
    os.close(w)
    os.read(r, 5)
    return pid

pid = child(False)
os.kill(pid, signal.SIGTERM)
_, st = os.waitpid(pid, 0)
print("SIGTERM:", os.WIFSIGNALED(st), os.WTERMSIG(st))
pid = child(True)
os.kill(pid, signal.SIGTERM)
print("ignored SIGTERM, still there:", os.waitpid(pid, os.WNOHANG) == (0, 0))
os.kill(pid, signal.SIGKILL)
_, st = os.waitpid(pid, 0)
print("SIGKILL:", os.WTERMSIG(st))
