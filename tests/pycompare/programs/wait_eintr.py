"""A handler runs while wait is blocked; wait then goes on waiting (PEP 475)."""
import os
import signal
import time

got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
parent = os.getpid()
slow = os.fork()
if slow == 0:
    time.sleep(0.3)
    os._exit(4)
pinger = os.fork()
if pinger == 0:
    time.sleep(0.05)
    os.kill(parent, signal.SIGUSR1)
    os._exit(0)
pid, st = os.waitpid(slow, 0)
print("waited for the slow child:", pid == slow, os.WEXITSTATUS(st), "handler ran:", got)
os.waitpid(pinger, 0)
