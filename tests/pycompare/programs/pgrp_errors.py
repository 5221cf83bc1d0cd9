"""setpgid, getpgid and getsid errors."""
import os

for name, call in [("getpgid(no such pid)", lambda: os.getpgid(99999999)),
                   ("getsid(no such pid)", lambda: os.getsid(99999999)),
                   ("setpgid(no such pid)", lambda: os.setpgid(99999999, 0)),
                   ("setpgid(init)", lambda: os.setpgid(1, 1)),
                   ("setpgid(0, -1)", lambda: os.setpgid(0, -1))]:
    try:
        print(name, call())
    except OSError as e:
        print(name, type(e).__name__, e)
