"""The wait status macros for exits, signals and waitstatus_to_exitcode."""
import os
import signal

def child(action):
    pid = os.fork()
    if pid == 0:
        action()
    return os.waitpid(pid, 0)[1]

for name, action in [("exit 0", lambda: os._exit(0)),
                     ("exit 255", lambda: os._exit(255)),
                     ("exit 256", lambda: os._exit(256)),
                     ("SIGTERM", lambda: os.kill(os.getpid(), signal.SIGTERM)),
                     ("SIGKILL", lambda: os.kill(os.getpid(), signal.SIGKILL)),
                     ("SIGUSR1", lambda: os.kill(os.getpid(), signal.SIGUSR1))]:
    st = child(action)
    print(f"{name:8} status={st:5} exited={os.WIFEXITED(st)} code={os.WEXITSTATUS(st)} "
          f"signaled={os.WIFSIGNALED(st)} sig={os.WTERMSIG(st)} stopped={os.WIFSTOPPED(st)} "
          f"exitcode={os.waitstatus_to_exitcode(st)}")
