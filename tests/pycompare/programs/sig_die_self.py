"""A program killed by a signal: the shell reports 128+N."""
import os
import signal

print("about to die", flush=True)
print("buffered text is lost when a signal kills")
os.kill(os.getpid(), signal.SIGTERM)
print("not reached")
