"""DELIBERATE difference: CPython starts with a SIGINT handler and SIGPIPE ignored."""
import signal

print("SIGINT", signal.getsignal(signal.SIGINT))
print("SIGPIPE", signal.getsignal(signal.SIGPIPE))
