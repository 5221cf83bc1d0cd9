"""sigwait takes a blocked signal without running a handler."""
import os
import signal

signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1, signal.SIGUSR2})
os.kill(os.getpid(), signal.SIGUSR2)
print("sigwait:", signal.sigwait({signal.SIGUSR1, signal.SIGUSR2}))
os.kill(os.getpid(), signal.SIGUSR1)
info = signal.sigwaitinfo({signal.SIGUSR1})
print("sigwaitinfo:", info.si_signo, info.si_pid == os.getpid())
print("timed out:", signal.sigtimedwait({signal.SIGUSR1}, 0.01))
