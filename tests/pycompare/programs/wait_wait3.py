"""os.wait3 and os.wait4 return a resource usage record besides the status."""
import os

pid = os.fork()
if pid == 0:
    os._exit(2)
got, status, usage = os.wait4(pid, 0)
print(got == pid, os.WEXITSTATUS(status), type(usage).__name__, usage.ru_utime >= 0)
pid = os.fork()
if pid == 0:
    os._exit(3)
got, status, usage = os.wait3(0)
print(got == pid, os.WEXITSTATUS(status), usage.ru_maxrss >= 0)
