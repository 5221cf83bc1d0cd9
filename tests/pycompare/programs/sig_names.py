"""Signal names, numbers and descriptions (Linux's)."""
import signal

for s in (signal.SIGHUP, signal.SIGINT, signal.SIGKILL, signal.SIGSEGV, signal.SIGPIPE,
          signal.SIGALRM, signal.SIGTERM, signal.SIGCHLD, signal.SIGSTOP, signal.SIGTSTP):
    print(int(s), s.name, repr(s), signal.strsignal(s))
print(signal.Signals(10), signal.Signals["SIGUSR2"].value)
print(len(signal.valid_signals()) > 30, signal.NSIG)
print(str(signal.SIGTERM), f"{signal.SIGTERM}")
