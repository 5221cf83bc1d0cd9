"""PEP 446: fds from os.open and os.pipe are closed across exec; dup2's and set_inheritable's survive."""
import os
import sys

probe = "import os, sys\nfor fd in map(int, sys.argv[1:]):\n    try:\n        os.fstat(fd); print(fd, 'open')\n    except OSError as e:\n        print(fd, e)\n"
r, w = os.pipe()
a = os.open("a.txt", os.O_WRONLY | os.O_CREAT, 0o644)
b = os.open("b.txt", os.O_WRONLY | os.O_CREAT, 0o644)
os.set_inheritable(b, True)
os.dup2(a, 20)
c = os.open("c.txt", os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o644)
print("c inheritable:", os.get_inheritable(c))
print("std fds inheritable:", [os.get_inheritable(fd) for fd in (0, 1, 2)])
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.execvp("python", ["python", "-c", probe] + [str(x) for x in (r, w, a, b, 20, c)])
os.waitpid(pid, 0)
