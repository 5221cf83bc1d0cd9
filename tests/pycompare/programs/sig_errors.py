"""The signal module's errors for bad arguments."""
import signal

calls = [("signal(SIGUSR1, 'x')", lambda: signal.signal(signal.SIGUSR1, "x")),
         ("signal(0, SIG_IGN)", lambda: signal.signal(0, signal.SIG_IGN)),
         ("signal(SIGKILL, handler)", lambda: signal.signal(signal.SIGKILL, lambda s, f: None)),
         ("getsignal(99)", lambda: signal.getsignal(99)),
         ("Signals(99)", lambda: signal.Signals(99)),
         ("pthread_sigmask(99, [])", lambda: signal.pthread_sigmask(99, [])),
         ("pthread_sigmask(SIG_BLOCK, [99])", lambda: signal.pthread_sigmask(signal.SIG_BLOCK, [99])),
         ("alarm('1')", lambda: signal.alarm("1")),
         ("strsignal(99)", lambda: signal.strsignal(99))]
for name, call in calls:
    try:
        print(name, "->", call())
    except Exception as e:
        print(f"{name}: {type(e).__name__}: {e}")
