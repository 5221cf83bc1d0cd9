"""python -u and PYTHONUNBUFFERED make stdout unbuffered: text before os._exit is kept."""
import os
import sys

code = "import os, sys; print('kept?', sys.stdout.write_through); os._exit(0)"
for argv, env in [(["python", "-c", code], {}), (["python", "-u", "-c", code], {}),
                  (["python", "-c", code], {"PYTHONUNBUFFERED": "1"})]:
    pid = os.fork()
    if pid == 0:
        os.execvpe("python", argv, dict(os.environ, **env))
    os.waitpid(pid, 0)
    print(argv[1], env, "done", flush=True)
