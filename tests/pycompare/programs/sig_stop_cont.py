"""Stopping and continuing a child: WUNTRACED and WCONTINUED report both."""
import os
import signal

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)
    os._exit(6)
os.kill(pid, signal.SIGSTOP)
got, st = os.waitpid(pid, os.WUNTRACED)
print("stopped:", os.WIFSTOPPED(st), os.WSTOPSIG(st), os.WIFEXITED(st))
os.kill(pid, signal.SIGCONT)
got, st = os.waitpid(pid, os.WCONTINUED)
print("continued:", os.WIFCONTINUED(st))
os.write(w, b"x")
got, st = os.waitpid(pid, 0)
print("exited:", os.WEXITSTATUS(st))
