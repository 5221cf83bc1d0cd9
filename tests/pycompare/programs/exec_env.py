"""execvpe gives the new program exactly the environment passed (and searches its PATH)."""
import os
import sys

code = "import os; print(sorted(k for k in os.environ if k not in ('LC_CTYPE', 'OLDPWD')), os.environ.get('GREETING'))"
for env in ({"GREETING": "hi"}, {}, {"GREETING": "hello", "OTHER": "x"}):
    pid = os.fork()
    if pid == 0:
        os.execvpe("python", ["python", "-c", code], dict(env, PATH=os.environ["PATH"]))
    os.waitpid(pid, 0)
pid = os.fork()
if pid == 0:
    os.execvpe("python", ["python", "-c", code], dict(os.environ, GREETING="via execvpe"))
os.waitpid(pid, 0)
