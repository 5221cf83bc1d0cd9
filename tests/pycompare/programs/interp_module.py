"""python -m: a module beside the program, a standard one, and the errors."""
import os
import re

with open("greet.py", "w") as f:
    f.write("import sys\nprint('greet', __name__, __spec__.name, sys.argv[1:], "
            "__file__ == sys.argv[0])\nif sys.argv[1:] == ['fail']:\n    raise ValueError('no')\n")
with open("data.json", "w") as f:
    f.write('{"b": [1, 2], "a": null}')
commands = ["python -m greet x y", "python -m greet fail", "python -m json.tool --sort-keys data.json",
            "python -m nosuchmod", "python -m json", "python -m .rel", "python -m", "python -m this | head -3"]
for cmd in commands:
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
    text = re.sub(r"(?m)^/\S*/python3?:", "PYTHON:", out.decode())
    print(f"[{os.waitstatus_to_exitcode(st)}] {cmd}\n{text}", end="", flush=True)
