"""ITIMER_VIRTUAL counts the process's CPU time: sleeping does not advance it."""
import signal
import time

got = []
signal.signal(signal.SIGVTALRM, lambda signum, frame: got.append(signum))
signal.setitimer(signal.ITIMER_VIRTUAL, 0.01, 0.01)
time.sleep(0.05)
print("after sleeping:", got)
while len(got) < 3:
    pass
print("after computing:", got, "interval:", signal.setitimer(signal.ITIMER_VIRTUAL, 0)[1])
print(signal.getitimer(signal.ITIMER_VIRTUAL))
