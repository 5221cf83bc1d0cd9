"""An fd 0, 1 or 2 closed when python3 starts gives sys.stdin (stdout, stderr) None: input() says so, print prints nothing, and a fork keeps it."""
import os, sys
sys.stdout.flush()
os.system("python -c 'import sys; print(sys.stdin is None, sys.__stdin__ is None)' <&-; echo \"[$?]\"")
os.system("python -c 'import sys; sys.stderr.write(str(sys.stdout is None) + \"\\n\"); print(\"lost\")' >&-; echo \"[$?]\"")
os.system("python -c 'import sys; print(sys.stderr is None); raise SystemExit(\"msg to closed stderr\")' 2>&-; echo \"[$?]\"")
os.system("python -c 'print(input())' <&-; echo \"[$?]\"")
os.system("python -c 'import os; print(os.read(0, 5))' < /dev/null; echo \"[$?]\"")
with open("s.py", "w") as f:
    f.write("#!/usr/bin/python3\nimport os, sys\nprint(sys.stdin is None, sys.__stdin__ is None, file=sys.stderr)\n"
            "pid = os.fork()\nif pid == 0:\n    print('child sees', sys.stdin, file=sys.stderr)\n    sys.exit(0)\n"
            "os.wait()\ntry:\n    input()\nexcept RuntimeError as e:\n    print(e, file=sys.stderr)\n")
os.chmod("s.py", 0o755)
sys.stdout.flush()
os.system("./s.py <&- 2>&1; echo \"[$?]\"")
