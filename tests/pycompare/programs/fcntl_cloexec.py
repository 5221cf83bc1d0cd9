"""The close-on-exec flag through fcntl, as C programs see it."""
import fcntl
import os

r, w = os.pipe()
print("FD_CLOEXEC set:", bool(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC))
fcntl.fcntl(r, fcntl.F_SETFD, 0)
print("cleared:", os.get_inheritable(r))
flags = fcntl.fcntl(w, fcntl.F_GETFL)
fcntl.fcntl(w, fcntl.F_SETFL, flags | os.O_NONBLOCK)
print("non-blocking:", not os.get_blocking(w))
print("dupfd:", fcntl.fcntl(r, fcntl.F_DUPFD, 10))
