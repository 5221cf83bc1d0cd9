"""SIGCHLD arrives when a child ends; the handler reaps it with WNOHANG."""
import os
import signal

reaped = []

def on_child(signum, frame):
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        reaped.append(os.WEXITSTATUS(status))

signal.signal(signal.SIGCHLD, on_child)
r, w = os.pipe()
for i in range(3):
    if os.fork() == 0:
        os.close(r)
        os._exit(i + 1)
os.close(w)
os.read(r, 1)             # EOF once all three children closed their ends
while len(reaped) < 3:
    try:
        pid, status = os.wait()
    except ChildProcessError:     # the handler reaped the last one while wait blocked
        break
    reaped.append(os.WEXITSTATUS(status))
print("reaped exit codes:", sorted(reaped))
