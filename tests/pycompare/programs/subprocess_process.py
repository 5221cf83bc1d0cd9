"""The children subprocess starts are processes like any other: they have
pids, inherit fds, take signals, and can lead their own session."""
import os
import signal
import subprocess

p = subprocess.Popen(["sh", "-c", "echo $PPID"], stdout=subprocess.PIPE, text=True)
print(p.communicate()[0].strip() == str(os.getpid()), p.pid > 0)

p = subprocess.Popen(["sleep", "10"])
p.terminate()
print(p.wait(), p.returncode)
p = subprocess.Popen(["sleep", "10"])
p.send_signal(signal.SIGINT)
print(p.wait())

r, w = os.pipe()
p = subprocess.Popen(["sh", "-c", f"echo through fd {w} >&{w}"], pass_fds=[w])
os.close(w)
p.wait()
print(os.read(r, 100))

r, w = os.pipe()
os.set_inheritable(w, True)
p = subprocess.Popen(["sh", "-c", f"{{ echo {w} >&{w}; }} 2>/dev/null || echo closed"],
                     stdout=subprocess.PIPE, text=True)
print(p.communicate()[0].strip())
p = subprocess.Popen(["sh", "-c", f"echo kept >&{w}"], close_fds=False)
os.close(w)
p.wait()
print(os.read(r, 100))

p = subprocess.run(["sh", "-c", "ps -o pid= -o pgid= -o sid= -p $$"], start_new_session=True,
                   capture_output=True, text=True)
pid, pgid, sid = p.stdout.split()
print(pid == pgid == sid)
p = subprocess.run(["sh", "-c", "ps -o pgid= -p $$"], process_group=0, capture_output=True,
                   text=True)
print(int(p.stdout) != os.getpgrp())
print(subprocess.run(["sh", "-c", "umask"], umask=0o027, capture_output=True, text=True).stdout)
print(subprocess.run(["pwd"], cwd="/tmp", capture_output=True, text=True).stdout, end="")
signal.signal(signal.SIGINT, signal.SIG_IGN)       # inherited across exec
print(subprocess.run(["sh", "-c", "kill -INT $$; echo survived"], capture_output=True,
                     text=True).stdout, end="")
