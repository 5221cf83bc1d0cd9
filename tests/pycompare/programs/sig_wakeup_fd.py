"""signal.set_wakeup_fd: a caught signal's number written to a non-blocking pipe before its handler runs."""
import os, signal
r, w = os.pipe()
for fd in (w, 99, -5, "x"):
    try:
        print(signal.set_wakeup_fd(fd))
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
os.set_blocking(w, False)
os.set_blocking(r, False)
print(signal.set_wakeup_fd(w), signal.set_wakeup_fd(w, warn_on_full_buffer=False))
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR1)
try:
    print(os.read(r, 10))
except BlockingIOError as e:
    print("nothing for an ignored signal:", e)
signal.signal(signal.SIGALRM, lambda n, f: print("handler sees", os.read(r, 10)))
signal.setitimer(signal.ITIMER_REAL, 0.05)
signal.pause()
print(signal.set_wakeup_fd(-1))
