"""A SIGTERM handler that calls sys.exit: finally blocks run and the status is the handler's."""
import os
import signal
import sys


def on_term(signum, frame):
    print("handler: cleaning up", flush=True)
    sys.exit(3)


signal.signal(signal.SIGTERM, on_term)
pid = os.fork()
if pid == 0:
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        print("not reached")
    finally:
        print("child's finally runs", flush=True)
_, st = os.waitpid(pid, 0)
print("child exit code", os.waitstatus_to_exitcode(st))
