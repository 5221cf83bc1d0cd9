"""sched's default clock and sleep are the process's time.monotonic and time.sleep."""
import sched
import time

s = sched.scheduler()
s.enter(0.02, 1, print, ("second",))
s.enter(0.01, 1, print, ("first",))
start = time.monotonic()
s.run()
print("slept at least 0.02 s:", time.monotonic() - start >= 0.02)
