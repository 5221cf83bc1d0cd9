"""atexit handlers run on sys.exit and return, not on os._exit or death by a signal."""
import atexit
import os
import signal
import sys

ways = {"return": lambda: None, "sys.exit(2)": lambda: sys.exit(2),
        "exception": lambda: 1 / 0, "os._exit(3)": lambda: os._exit(3),
        "SIGTERM": lambda: os.kill(os.getpid(), signal.SIGTERM)}
for name, end in ways.items():
    pid = os.fork()
    if pid == 0:
        atexit.register(lambda: print(f"  atexit ran for {name}", flush=True))
        end()
        sys.exit(0)
    _, st = os.waitpid(pid, 0)
    print(name, "->", os.waitstatus_to_exitcode(st), flush=True)
