"""setsid makes a new session (and returns None); a group leader may not."""
import os

pid = os.fork()
if pid == 0:
    before = os.getsid(0)
    result = os.setsid()
    print("setsid returned", result)
    print("leads session and group:", os.getsid(0) == os.getpid(), os.getpgrp() == os.getpid())
    print("session changed:", before != os.getsid(0))
    try:
        os.setsid()
    except OSError as e:
        print("again:", type(e).__name__, e)
    try:
        os.tcgetpgrp(0)
    except OSError as e:
        print("tcgetpgrp:", e)
    os._exit(0)
os.waitpid(pid, 0)
print("parent's session is the child's parent's:", os.getsid(0) == os.getsid(os.getppid()))
