"""subprocess, the standard way to run a command from Python."""
import subprocess

r = subprocess.run(["echo", "hello", "subprocess"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout))
print(subprocess.call(["sh", "-c", "exit 4"]))
print(subprocess.check_output("echo via shell", shell=True))
