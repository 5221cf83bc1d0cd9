"""Timeouts: run() kills a child that takes too long and keeps what it wrote;
wait() and communicate() raise TimeoutExpired and the child goes on."""
import subprocess

try:
    subprocess.run(["sh", "-c", "echo partial; sleep 10"], capture_output=True, timeout=0.5)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd, e.timeout, e.output, e.stdout, e.stderr)
    print(e)

p = subprocess.Popen(["sleep", "10"])
try:
    p.wait(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(e)
print(p.poll())
p.kill()
print(p.wait(), p.poll())

p = subprocess.Popen(["sh", "-c", "echo early; sleep 0.5; echo late"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("not yet:", e.output)
print(p.communicate())             # the rest, once it has finished
print(subprocess.run(["sleep", "0.1"], timeout=5).returncode)
