"""fork inside a signal handler: the child starts life inside the handler."""
import os
import signal


def handler(signum, frame):
    pid = os.fork()
    if pid == 0:
        print("child, forked in the handler", flush=True)
        os._exit(3)
    _, st = os.waitpid(pid, 0)
    print("handler reaped its child:", os.WEXITSTATUS(st), flush=True)


signal.signal(signal.SIGUSR1, handler)
os.kill(os.getpid(), signal.SIGUSR1)
print("main program continues")
