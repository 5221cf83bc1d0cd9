"""select() sleeps until one of several pipes has data, or the time is up; a
signal's handler runs and the wait goes on (PEP 475); EOF counts as readable."""
import os
import select
import signal
import time

pipes = {}
for name, delay in (("slow", 0.6), ("fast", 0.2)):
    r, w = os.pipe()
    if os.fork() == 0:
        os.close(r)
        time.sleep(delay)
        os.write(w, f"{name} child says hi".encode())
        os._exit(0)
    os.close(w)
    pipes[r] = name

while pipes:
    ready, _, _ = select.select(list(pipes), [], [], 5)
    for fd in ready:
        data = os.read(fd, 100)
        if data:
            print(pipes[fd], "->", data.decode())
        else:
            print(pipes[fd], "-> EOF")
            os.close(fd)
            del pipes[fd]
for _ in range(2):
    os.wait()

r, w = os.pipe()
start = time.monotonic()
print(select.select([r], [], [], 0.3), time.monotonic() - start >= 0.3)
print(select.select([r], [w], [], 0) == ([], [w], []))
signal.signal(signal.SIGALRM, lambda signum, frame: print("alarm handler ran"))
signal.setitimer(signal.ITIMER_REAL, 0.1)
start = time.monotonic()
print(select.select([r], [], [], 0.4), time.monotonic() - start >= 0.4)
print(select.select([], [], [], 0.05))
with open("file.txt", "w") as f:
    f.write("a file is always ready\n")
with open("file.txt") as f, open("/dev/null", "rb") as null:
    print(select.select([f, null], [null], [], None) == ([f, null], [null], []))
os.close(r)
try:
    select.select([r], [], [], 0)
except OSError as e:
    print(type(e).__name__, e)
for bad in ([-1], [object()], "nope"):
    try:
        select.select(bad, [], [], 0)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print(e)
