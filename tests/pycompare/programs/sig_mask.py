"""A blocked signal stays pending until it is unblocked, then its handler runs."""
import os
import signal

signal.signal(signal.SIGUSR1, lambda s, f: print("handler ran"))
old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
print("old mask:", old)
os.kill(os.getpid(), signal.SIGUSR1)
print("pending:", signal.sigpending())
print("mask:", signal.pthread_sigmask(signal.SIG_BLOCK, set()))
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR1})
print("pending after unblock:", signal.sigpending())
signal.pthread_sigmask(signal.SIG_SETMASK, {signal.SIGUSR2, signal.SIGTERM})
print("setmask:", sorted(signal.pthread_sigmask(signal.SIG_SETMASK, [])))
