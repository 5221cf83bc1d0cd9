"""fork returns twice: 0 in the child, the child's pid in the parent."""
import os
import sys

parent = os.getpid()
pid = os.fork()
if pid == 0:
    print("child: fork returned 0")
    print("child's ppid == parent's pid:", os.getppid() == parent)
    print("child's pid != parent's pid:", os.getpid() != parent)
    sys.stdout.flush()
    os._exit(0)
waited, status = os.wait()
print("parent: fork returned the child's pid:", waited == pid)
print("status:", status, os.WIFEXITED(status), os.WEXITSTATUS(status))
