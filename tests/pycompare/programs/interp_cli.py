"""The python command line: -c, a script from stdin, and its errors and statuses.
(A message that names the interpreter by its absolute path shows it as PYTHON.)"""
import os
import re

commands = ["python -c 'import sys; print(sys.argv)' a b",
            "python -c 'import sys; sys.exit(3)'",
            "python -c 'raise SystemExit(\"bye\")'",
            "echo 'print(6 * 7)' | python",
            "echo 'import sys; print(sys.argv)' | python - x y",
            "python nofile.py",
            "python /tmp",
            "python -c",
            "python -m no_such_module_xyz",
            "python -c 'print(__name__, __file__ if \"__file__\" in dir() else None)'"]


def run(cmd):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.dup2(w, 1)
        os.dup2(w, 2)
        os.execvp("sh", ["sh", "-c", cmd])
    os.close(w)
    out = b""
    while chunk := os.read(r, 1000):
        out += chunk
    os.close(r)
    _, st = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(st), re.sub(r"(?m)^/\S*/python3?:", "PYTHON:", out.decode())


for cmd in commands:
    code, out = run(cmd)
    print(f"[{code}] {cmd}\n{out}", end="", flush=True)
