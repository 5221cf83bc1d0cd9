"""A handler runs when the program signals itself; the handler gets the signal number and frame."""
import os
import signal

seen = []

def handler(signum, frame):
    seen.append(signum)
    print("handler:", signal.Signals(signum).name, "frame is a frame:", type(frame).__name__,
          "in", frame.f_code.co_name)

def main():
    old = signal.signal(signal.SIGUSR1, handler)
    print("old disposition:", old)
    os.kill(os.getpid(), signal.SIGUSR1)
    print("after kill:", seen)
    signal.raise_signal(signal.SIGUSR1)
    print("after raise_signal:", seen)
    print("getsignal is the handler:", signal.getsignal(signal.SIGUSR1) is handler)

main()
