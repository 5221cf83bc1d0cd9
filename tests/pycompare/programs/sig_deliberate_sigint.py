"""DELIBERATE difference: SIGINT. CPython raises KeyboardInterrupt; a vshell program
starts with SIGINT at its default action (death, 130)."""
import os
import signal

try:
    os.kill(os.getpid(), signal.SIGINT)
    print("after kill")
except KeyboardInterrupt:
    print("KeyboardInterrupt")
