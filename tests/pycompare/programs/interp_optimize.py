"""python -O (and -OO, PYTHONOPTIMIZE, a #! line's -O): asserts left out, __debug__ False, in the script and its modules."""
import os, sys
sys.stdout.flush()
with open("mod_o.py", "w") as f:
    f.write("def check():\n    assert False, 'module assert'\n    return __debug__\n")
with open("opt.py", "w") as f:
    f.write("#!/usr/bin/python3 -O\nimport sys\nsys.path.insert(0, '.')\nimport mod_o\nassert False, 'script assert'\nprint('optimize', sys.flags.optimize, __debug__, mod_o.check())\n")
os.chmod("opt.py", 0o755)
for cmd in ("python -O -c 'assert False; print(\"-c skipped the assert\", __debug__)'",
            "python -O opt.py", "python -OO opt.py", "PYTHONOPTIMIZE=1 python opt.py",
            "./opt.py", "python opt.py 2>&1 | tail -1",
            "python -O -m mod_o; echo $?"):
    os.system(cmd)
