"""Signals whose default action is to ignore them do nothing; SIGCONT wakes nobody."""
import os
import signal

for s in (signal.SIGCHLD, signal.SIGURG, signal.SIGWINCH, signal.SIGCONT):
    os.kill(os.getpid(), s)
    print("still here after", s.name)
