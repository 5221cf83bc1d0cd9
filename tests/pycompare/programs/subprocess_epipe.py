"""A child that stops reading its input: with SIGPIPE ignored (as python3
starts), communicate() swallows the broken pipe and the run goes on."""
import signal
import subprocess

signal.signal(signal.SIGPIPE, signal.SIG_IGN)     # vshell starts programs at SIG_DFL
r = subprocess.run(["head", "-c", "5"], input=b"x" * 200000, capture_output=True)
print(r.returncode, r.stdout)
r = subprocess.run(["head", "-1"], input="one\ntwo\n" * 50000, capture_output=True, text=True)
print(r.returncode, repr(r.stdout))
print(subprocess.run(["sh", "-c", "yes | head -2"], capture_output=True).stdout)
