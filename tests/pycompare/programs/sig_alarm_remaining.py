"""alarm returns the seconds left on the previous alarm."""
import signal

print(signal.alarm(100))
print(signal.alarm(50))
print(signal.alarm(0))
print(signal.alarm(0))
