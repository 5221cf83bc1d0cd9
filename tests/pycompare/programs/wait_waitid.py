"""os.waitid reports how a child ended in a siginfo-like record."""
import os
import signal

pid = os.fork()
if pid == 0:
    os._exit(9)
info = os.waitid(os.P_PID, pid, os.WEXITED)
print(info.si_pid == pid, info.si_status, info.si_code == os.CLD_EXITED, info.si_signo == signal.SIGCHLD)
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGTERM)
info = os.waitid(os.P_ALL, 0, os.WEXITED)
print(info.si_pid == pid, info.si_status, info.si_code == os.CLD_KILLED)
