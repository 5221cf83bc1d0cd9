"""The signal mask and ignored signals survive fork and exec; caught ones reset to SIG_DFL at exec."""
import os
import signal
import sys

signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR2})
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.signal(signal.SIGHUP, lambda s, f: None)
probe = ("import signal; print('mask', signal.pthread_sigmask(signal.SIG_BLOCK, []));"
         "print('USR1', signal.getsignal(signal.SIGUSR1)); print('HUP', signal.getsignal(signal.SIGHUP))")
pid = os.fork()
if pid == 0:
    print("child mask", signal.pthread_sigmask(signal.SIG_BLOCK, []))
    print("child HUP is a function:", callable(signal.getsignal(signal.SIGHUP)))
    sys.stdout.flush()
    os.execvp("python", ["python", "-c", probe])
os.waitpid(pid, 0)
