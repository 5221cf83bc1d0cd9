#!/usr/bin/env python3
"""Record what the host's python3 does with every program of the comparison corpus.

Run on a Linux host with CPython 3.11 at /usr/bin/python3 and dash:

    python3 tests/pycompare/record.py             # rewrites tests/pycompare/expected.json
    python3 tests/pycompare/record.py NAME...     # re-records only these programs

Each program runs as `python /tmp/pycompare/NAME.py` -- the absolute path it
also has in vshell, so that tracebacks name the same file -- from the same
shell script that tests/test_pycompare.py runs in vshell (SCRIPT below): with
stdout into a file, into a pipe, and stdout and stderr together into one pipe
(2>&1); and once more as ./NAME.py, through the #! line every installed copy
starts with; each time from a fresh empty working directory and with stdin
from a file (the program's `# stdin:` line) or /dev/null.  The script
writes each run's stdout, stderr and status ($?, so 128+N for a death by
signal N) into files that are read back afterwards.

The host runs it under dash, in a session of its own, as the user nobody
(when run as root), with umask 022 and a fixed environment without
PYTHONUNBUFFERED or PYTHONDONTWRITEBYTECODE -- what a student's python3 sees.
Every descendant inherits one extra fd (EXTRA_FD), so the recorder knows when
the last orphan is gone.  Object addresses (` at 0x7f...>`) are normalised on
both sides.  Each program is recorded RUNS times and must give the same bytes
every time; an unstable program is left out, named, and the exit status is 1.
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import pwd
import re
import select
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
EXPECTED = os.path.join(HERE, "expected.json")
ROOT = "/tmp/pycompare"               # where the programs are, on the host and in vshell
HOST_PYTHON = "/usr/bin/python3"      # readable by nobody (a pyenv under /root is not)
RUNS = 3
EXTRA_FD = 100
TIMEOUT = 20
MODES = ("pipe", "both", "exec", "file")
SHEBANG = "#!/usr/bin/python3\n"     # on every installed program, so ./NAME.py runs too

# The environment vshell's login shell starts with, plus a UTF-8 locale (as a
# real user has).  PATH differs: the host finds `python` in ROOT/bin.
ENV = {"HOME": "/home/student", "USER": "student", "LOGNAME": "student",
       "SHELL": "/bin/sh", "TERM": "dumb", "LANG": "C.UTF-8"}
HOST_PATH = f"{ROOT}/bin:/usr/bin:/bin"

# The exec mode runs the program as ./NAME.py (its #! line), the others as
# `python NAME.py`.  The file mode comes last: an orphan still running when the
# shell exits must go on (under init) and finish its output.
SCRIPT = """\
D={root}; P=$D/{name}.py; I={stdin}
rm -rf $D/run; mkdir $D/run; cd $D/run
{{ python $P <$I 2>$D/out/pipe.err; echo $? >$D/out/pipe.status; }} | cat >$D/out/pipe.out
cd /; rm -rf $D/run; mkdir $D/run; cd $D/run
{{ python $P <$I 2>&1; echo $? >$D/out/both.status; }} | cat >$D/out/both.out
cd /; rm -rf $D/run; mkdir $D/run; cd $D/run
$P <$I >$D/out/exec.out 2>$D/out/exec.err; echo $? >$D/out/exec.status
cd /; rm -rf $D/run; mkdir $D/run; cd $D/run
python $P <$I >$D/out/file.out 2>$D/out/file.err; echo $? >$D/out/file.status
"""


def program_names() -> list[str]:
    return sorted(f[:-3] for f in os.listdir(PROGRAMS)
                  if f.endswith(".py") and not f.startswith("_"))


def support_files() -> list[str]:
    """Modules the programs import, installed beside them (names start with _)."""
    return sorted(f for f in os.listdir(PROGRAMS) if f.startswith("_") and f.endswith(".py"))


def stdin_of(source: str) -> str | None:
    """The text of a `# stdin: 'literal'` line, or None for /dev/null."""
    for line in source.splitlines():
        if line.startswith("# stdin: "):
            return ast.literal_eval(line[len("# stdin: "):])
    return None


def script_for(name: str, source: str) -> str:
    stdin = "/dev/null" if stdin_of(source) is None else "$D/" + name + ".in"
    return SCRIPT.format(root=ROOT, name=name, stdin=stdin)


def digest(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def normalise(text: str) -> str:
    """Object addresses (`<function f at 0x7f...>`) differ from run to run."""
    return ADDRESS.sub(" at 0x...>", text)


ADDRESS = re.compile(r" at 0x[0-9a-f]+>")


def read_results(read) -> dict:
    """Each mode's stdout, stderr and status, through read(path) -> bytes | None."""
    results = {}
    for mode in MODES:
        r = {"out": read(f"{ROOT}/out/{mode}.out")}
        if mode != "both":
            r["err"] = read(f"{ROOT}/out/{mode}.err")
        r["status"] = read(f"{ROOT}/out/{mode}.status")
        results[mode] = {k: None if v is None else normalise(v.decode("utf-8", "backslashreplace"))
                         for k, v in r.items()}
    return results


# -- the host side ---------------------------------------------------------

def nobody() -> tuple[int, int] | None:
    if os.geteuid() != 0:
        return None
    pw = pwd.getpwnam("nobody")
    return pw.pw_uid, pw.pw_gid


def install(names: list[str]) -> None:
    shutil.rmtree(ROOT, ignore_errors=True)
    os.makedirs(f"{ROOT}/out")
    os.makedirs(f"{ROOT}/bin")
    os.symlink(HOST_PYTHON, f"{ROOT}/bin/python")
    for f in support_files():
        shutil.copy(os.path.join(PROGRAMS, f), ROOT)
    for name in names:
        source = open(os.path.join(PROGRAMS, name + ".py")).read()
        with open(f"{ROOT}/{name}.py", "w") as f:
            f.write(SHEBANG + source)
        os.chmod(f"{ROOT}/{name}.py", 0o755)
        stdin = stdin_of(source)
        if stdin is not None:
            with open(f"{ROOT}/{name}.in", "w") as f:
                f.write(stdin)
    owner = nobody()
    if owner is not None:
        for top, dirs, files in os.walk(ROOT):
            for n in [""] + dirs + files:
                os.lchown(os.path.join(top, n), *owner)


def run_once(name: str, source: str) -> dict:
    for mode in MODES:
        for ext in ("out", "err", "status"):
            try:
                os.unlink(f"{ROOT}/out/{mode}.{ext}")
            except FileNotFoundError:
                pass
    r, w = os.pipe()
    os.dup2(w, EXTRA_FD)                  # kept open in the child by pass_fds
    os.close(w)
    owner = nobody()

    def child() -> None:
        os.umask(0o022)
        if owner is not None:
            os.setgroups([])
            os.setgid(owner[1])
            os.setuid(owner[0])

    env = dict(ENV, PATH=HOST_PATH, PWD=ROOT)
    p = subprocess.Popen(["dash", "-c", script_for(name, source), "sh"], cwd=ROOT, env=env,
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, preexec_fn=child, start_new_session=True,
                         pass_fds=(EXTRA_FD,))
    os.close(EXTRA_FD)
    try:
        out, err = p.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        raise RuntimeError(f"{name}: still running after {TIMEOUT} s") from None
    deadline = time.monotonic() + TIMEOUT
    while True:                           # EOF once the last descendant is gone
        ready, _, _ = select.select([r], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise RuntimeError(f"{name}: descendants still running after {TIMEOUT} s")
        if not os.read(r, 1):
            break
    os.close(r)

    def read(path: str) -> bytes | None:
        try:
            with open(path, "rb") as f:
                return f.read()
        except FileNotFoundError:
            return None
    results = read_results(read)
    results["shell"] = {"out": out.decode(), "err": err.decode(), "status": str(p.returncode)}
    return results


def record(name: str) -> dict | None:
    """The program's results, or None (and why, on stderr) if they vary from run to run."""
    source = open(os.path.join(PROGRAMS, name + ".py")).read()
    runs = [run_once(name, source) for _ in range(RUNS)]
    for other in runs[1:]:
        if other != runs[0]:
            print(f"{name}: unstable under the host's python3:\n"
                  f"{json.dumps(runs[0], indent=1)}\n{json.dumps(other, indent=1)}", file=sys.stderr)
            return None
    return {"sha": digest(source), **runs[0]}


def main(argv: list[str]) -> int:
    names = argv or program_names()
    unknown = set(names) - set(program_names())
    if unknown:
        print(f"no such program: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    data = {}
    if argv and os.path.exists(EXPECTED):
        data = json.load(open(EXPECTED))["programs"]
    install(names)
    unstable = []
    for name in names:
        result = record(name)
        if result is None:
            unstable.append(name)
            data.pop(name, None)
        else:
            data[name] = result
    data = {n: data[n] for n in sorted(data) if n in program_names()}
    with open(EXPECTED, "w") as f:
        json.dump({"python": subprocess.check_output([HOST_PYTHON, "--version"], text=True).strip(),
                   "env": ENV, "programs": data}, f, indent=1, sort_keys=False, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(data)} programs to {EXPECTED}", file=sys.stderr)
    if unstable:
        print(f"left out, unstable: {' '.join(unstable)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
