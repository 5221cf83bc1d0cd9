"""SIGALRM at its default action terminates the program: status 142."""
import signal
import time

print("waiting for the alarm", flush=True)
signal.alarm(1)
time.sleep(5)
print("not reached")
