"""What goes wrong starting a program, and how python3 reports it."""
import subprocess


def attempt(what, f):
    try:
        print(what, repr(f()))
    except Exception as e:
        print(what, type(e).__name__, e)


attempt("missing", lambda: subprocess.run(["no-such-program"]))
attempt("by path", lambda: subprocess.run(["./no-such-program"]))
attempt("not executable", lambda: subprocess.run(["/etc/passwd"]))
attempt("directory", lambda: subprocess.run(["/tmp"]))
attempt("bad cwd", lambda: subprocess.run(["true"], cwd="/no/such/dir"))
attempt("int argument", lambda: subprocess.run(["sleep", 1]))
attempt("nul byte", lambda: subprocess.run(["echo", "a\0b"]))
attempt("preexec_fn", lambda: subprocess.run(["true"], preexec_fn=lambda: 1 / 0))
attempt("bad fd", lambda: subprocess.run(["true"], pass_fds=[-1]))
attempt("check", lambda: subprocess.run(["false"], check=True))
attempt("check_call", lambda: subprocess.check_call(["sh", "-c", "exit 42"]))
attempt("signal", lambda: subprocess.run(["sh", "-c", "kill -TERM $$"], check=True))
attempt("killed", lambda: subprocess.run(["sh", "-c", "kill -KILL $$"]).returncode)
try:
    subprocess.check_output(["sh", "-c", "echo some output; exit 3"])
except subprocess.CalledProcessError as e:
    print(e.returncode, e.cmd, e.output, e.stdout, e.stderr)
    print(isinstance(e, subprocess.SubprocessError), str(e))
attempt("call", lambda: subprocess.call(["sh", "-c", "exit 7"]))
attempt("status", lambda: subprocess.getstatusoutput("echo out; exit 2"))
attempt("output", lambda: subprocess.getoutput("echo just the output"))
