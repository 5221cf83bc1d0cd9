"""alarm and pause: the classic way to sleep until a signal."""
import signal

signal.signal(signal.SIGALRM, lambda s, f: print("alarm handler", flush=True))
print("alarm returns", signal.alarm(1))
signal.pause()
print("pause returned after the handler")
