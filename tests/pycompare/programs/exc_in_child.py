"""An exception in a forked child: its traceback on stderr, exit status 1; the parent goes on."""
import os


def work(n):
    return 10 // n


pid = os.fork()
if pid == 0:
    print("child working", flush=True)
    work(0)
_, status = os.waitpid(pid, 0)
print("child's exit code:", os.WEXITSTATUS(status))
