"""An interval timer's SIGALRM interrupts pause(); the handler counts the ticks."""
import signal

ticks = []
signal.signal(signal.SIGALRM, lambda s, f: ticks.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
while len(ticks) < 3:
    signal.pause()
left = signal.setitimer(signal.ITIMER_REAL, 0)
print("ticks:", ticks, "timer was repeating:", left[1] == 0.02)
print("alarm(0) with none pending:", signal.alarm(0))
print("getitimer after cancel:", signal.getitimer(signal.ITIMER_REAL))
