"""The exec family: execl, execlp, execle, execv, execvp, execvpe -- each replaces the child."""
import os

variants = [("execl", lambda: os.execl("/bin/echo", "echo", "via execl")),
            ("execlp", lambda: os.execlp("echo", "echo", "via execlp")),
            ("execle", lambda: os.execle("/bin/sh", "sh", "-c", "echo via execle $V", {"V": "env"})),
            ("execv", lambda: os.execv("/bin/echo", ["echo", "via execv"])),
            ("execvp", lambda: os.execvp("echo", ["echo", "via execvp"])),
            ("execvpe", lambda: os.execvpe("sh", ["sh", "-c", "echo via execvpe $V"],
                                           {"V": "env2", "PATH": os.environ["PATH"]}))]
for name, call in variants:
    pid = os.fork()
    if pid == 0:
        call()
    _, st = os.waitpid(pid, 0)
    print(name, "exit", os.WEXITSTATUS(st), flush=True)
