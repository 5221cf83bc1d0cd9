"""A handler that raises: the exception comes out of the blocked call, with a traceback."""
import os
import signal
import time


class Timeout(Exception):
    pass


def on_usr1(signum, frame):
    raise Timeout("too slow")


def signal_me_soon():
    parent = os.getpid()
    if os.fork() == 0:
        time.sleep(0.05)
        os.kill(parent, signal.SIGUSR1)
        os._exit(0)


signal.signal(signal.SIGUSR1, on_usr1)
r, w = os.pipe()
signal_me_soon()
try:
    os.read(r, 1)
except Timeout as e:
    print("read interrupted:", repr(e), flush=True)
signal_me_soon()
os.read(r, 1)
