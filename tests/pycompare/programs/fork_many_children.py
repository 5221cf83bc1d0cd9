"""Five children exit with different codes; waitpid collects each, in order."""
import os

pids = []
for i in range(5):
    pid = os.fork()
    if pid == 0:
        os._exit(i * 10)
    pids.append(pid)
for i, pid in enumerate(pids):
    got, status = os.waitpid(pid, 0)
    print(i, got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status),
          os.waitstatus_to_exitcode(status))
try:
    os.wait()
except ChildProcessError as e:
    print("no more children:", e.errno, e.strerror, e)
