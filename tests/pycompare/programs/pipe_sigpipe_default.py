"""With SIGPIPE set back to its default (by the program), the writer dies of it."""
import os
import signal

signal.signal(signal.SIGPIPE, signal.SIG_DFL)
pid = os.fork()
if pid == 0:
    r, w = os.pipe()
    os.close(r)
    os.write(w, b"x")
    os._exit(0)
_, status = os.waitpid(pid, 0)
print("child killed by signal", os.WTERMSIG(status), signal.Signals(os.WTERMSIG(status)).name)
r, w = os.pipe()
os.close(r)
print("now the program itself", flush=True)
os.write(w, b"x")
print("not reached")
