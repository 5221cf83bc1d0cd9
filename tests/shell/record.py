#!/usr/bin/env python3
"""Record what dash does for every case in cases.sh: stdout, stderr and status.

    python3 tests/shell/record.py          # rewrites tests/shell/cases.json

Each case runs as `dash -c CASE vshell` (so $0 and the error prefix are
"vshell") in a fresh empty directory, /tmp/case as in the test's machine (so
`pwd` agrees), with a fixed environment.  CI never runs this: the tests
compare vshell against the recorded JSON.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ENV = {"PATH": "/usr/bin:/bin", "HOME": "/home/student", "USER": "student", "LC_ALL": "C"}
CWD = "/tmp/case"


def load_cases(path: str = os.path.join(HERE, "cases.sh")) -> list[tuple[str, str]]:
    cases, name, lines = [], None, []
    with open(path) as f:
        for line in f:
            if line.startswith("### "):
                if name is not None:
                    cases.append((name, "".join(lines)))
                name, lines = line[4:].strip(), []
            else:
                lines.append(line)
    if name is not None:
        cases.append((name, "".join(lines)))
    return cases


def record() -> dict:
    out = {}
    for name, script in load_cases():
        shutil.rmtree(CWD, ignore_errors=True)
        os.makedirs(CWD)
        p = subprocess.run(["dash", "-c", script, "vshell"], cwd=CWD, env=dict(ENV, PWD=CWD),
                           capture_output=True, text=True, timeout=10)
        status = 128 - p.returncode if p.returncode < 0 else p.returncode   # killed: 128+N
        out[name] = {"script": script, "stdout": p.stdout, "stderr": p.stderr,
                     "status": status}
    shutil.rmtree(CWD, ignore_errors=True)
    return out


if __name__ == "__main__":
    data = record()
    with open(os.path.join(HERE, "cases.json"), "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
    print(f"recorded {len(data)} cases")
