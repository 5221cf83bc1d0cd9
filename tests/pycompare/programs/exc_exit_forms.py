"""How each way of ending a program reads: sys.exit's argument, a failing excepthook,
with output pending on stdout and stderr -- in a script and under python -c."""
import os
import sys

CASES = [
    "import sys; print('pending', end=''); sys.exit('bye')",
    "import sys; sys.stderr.write('err '); print('out', end=''); sys.exit(3)",
    "raise SystemExit(True)",
    "import sys; sys.excepthook = lambda *a: sys.exit(5); raise ValueError",
    "import sys; sys.excepthook = lambda *a: 1 / 0; print('x', end=''); raise KeyError('k')",
    "import sys; sys.excepthook = None; raise KeyError('k')",
]

for i, case in enumerate(CASES):
    with open(f"case{i}.py", "w") as f:
        f.write(case + "\n")
    for argv in (["python", f"case{i}.py"], ["python", "-c", case]):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.dup2(w, 1)
            os.dup2(w, 2)
            os.execvp("python", argv)
        os.close(w)
        out = b""
        while chunk := os.read(r, 1000):
            out += chunk
        os.close(r)
        _, status = os.waitpid(pid, 0)
        print(argv[1], os.waitstatus_to_exitcode(status), out.decode(), sep="|", flush=True)
