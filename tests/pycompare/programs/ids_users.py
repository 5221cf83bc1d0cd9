"""User and group ids: relations between them, and what an ordinary user may not do."""
import os

print("uid == euid:", os.getuid() == os.geteuid(), "gid == egid:", os.getgid() == os.getegid())
print("not root:", os.getuid() != 0)
for name, call in [("setuid(0)", lambda: os.setuid(0)), ("setgid(0)", lambda: os.setgid(0)),
                   ("seteuid(0)", lambda: os.seteuid(0))]:
    try:
        call()
    except PermissionError as e:
        print(name, e)
print("setuid(own uid) works:", os.setuid(os.getuid()))
