"""Executable scripts: #! lines a student writes, no #! line, and os.system('./script')."""
import os

scripts = {"env.py": "#!/usr/bin/env python3\nprint('ran via /usr/bin/env python3')\n",
           "usr.py": "#!/usr/bin/python3\nprint('ran via /usr/bin/python3')\n",
           "sh.sh": "#!/bin/sh\necho ran via /bin/sh \"$@\"\n",
           "none.py": "print('no #! line')\n"}
for name, text in scripts.items():
    with open(name, "w") as f:
        f.write(text)
    os.chmod(name, 0o755)
for name in scripts:
    pid = os.fork()
    if pid == 0:
        try:
            os.execv("./" + name, ["./" + name, "arg"])
        except OSError as e:
            print(name, type(e).__name__, e, flush=True)
            os._exit(99)
    _, st = os.waitpid(pid, 0)
    print(name, "exit", os.WEXITSTATUS(st), flush=True)
print("system:", os.system("./none.py"), flush=True)
