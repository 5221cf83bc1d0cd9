"""SIGCHLD set to SIG_IGN: children are reaped by the kernel; wait gets ECHILD."""
import os
import signal
import time

signal.signal(signal.SIGCHLD, signal.SIG_IGN)
pid = os.fork()
if pid == 0:
    os._exit(3)
try:
    print(os.waitpid(pid, 0))
except ChildProcessError as e:
    print("waitpid:", e)
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)
    os._exit(4)
os.close(r)
os.close(w)
try:
    os.wait()
except ChildProcessError as e:
    print("wait, woken when the last child went:", e)
for _ in range(1000):          # Linux frees the pid a moment after wait returns
    try:
        os.kill(pid, 0)
    except ProcessLookupError as e:
        print("no zombie left:", e)
        break
    time.sleep(0.001)
