"""sys.executable is the interpreter as it was started (found in $PATH, links not
resolved): `python` or `python3`, or a #! line's path; sys.prefix is base_prefix."""
import os
import sys

show = "import os, sys; print(os.path.basename(sys.executable), os.path.isabs(sys.executable), sys.prefix == sys.base_prefix)"
with open("shebang.py", "w") as f:
    f.write("#!/usr/bin/python3\n" + show + "\n")
with open("env.py", "w") as f:
    f.write("#!/usr/bin/env python3\n" + show + "\n")
os.chmod("shebang.py", 0o755)
os.chmod("env.py", 0o755)
sys.stdout.flush()
for command in (f'python -c "{show}"', f'python3 -c "{show}"', "./shebang.py", "./env.py",
                "python shebang.py", "python -m nosuchmodule 2>err.txt"):
    os.system(command)
with open("err.txt") as f:
    print(os.path.basename(f.read()), end="")        # python: No module named ...
