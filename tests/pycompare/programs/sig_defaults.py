"""The dispositions a program starts with (SIGINT and SIGPIPE aside: see sig_deliberate)."""
import signal

for name in ("SIGHUP", "SIGQUIT", "SIGTERM", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD",
             "SIGCONT", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGWINCH", "SIGURG"):
    print(name, signal.getsignal(getattr(signal, name)))
print(int(signal.SIGKILL), int(signal.SIGSTOP), int(signal.SIGCHLD), int(signal.SIGUSR1))
print(signal.SIG_DFL, signal.SIG_IGN, int(signal.SIG_DFL), int(signal.SIG_IGN))
for bad in (signal.SIGKILL, signal.SIGSTOP):
    try:
        signal.signal(bad, signal.SIG_IGN)
    except OSError as e:
        print(signal.Signals(bad).name, e)
try:
    signal.signal(99, signal.SIG_IGN)
except ValueError as e:
    print("99:", e)
