"""A handler installed before fork is the child's too."""
import os
import signal

signal.signal(signal.SIGUSR1, lambda s, f: print(f"handler in {who}", flush=True))
who = "parent"
pid = os.fork()
if pid == 0:
    who = "child"
    os.kill(os.getpid(), signal.SIGUSR1)
    os._exit(0)
os.waitpid(pid, 0)
os.kill(os.getpid(), signal.SIGUSR1)
