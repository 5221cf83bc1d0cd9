"""The child execs another program; the parent waits for it. exec keeps the pid."""
import os
import sys

pid = os.fork()
if pid == 0:
    os.execvp("echo", ["echo", "hello", "from", "echo"])
_, status = os.waitpid(pid, 0)
print("echo exited with", os.WEXITSTATUS(status))
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.dup2(w, 1)
    code = "import os; print(os.getpid())"
    os.execvp("python", ["python", "-c", code])
os.close(w)
reported = int(os.read(r, 100))
os.waitpid(pid, 0)
print("the exec'd program has the child's pid:", reported == pid)
