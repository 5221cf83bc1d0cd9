"""Linux's /proc as a program reads it about itself."""
import os

fds = sorted(int(fd) for fd in os.listdir("/proc/self/fd"))
print("fds below 10:", [fd for fd in fds if fd < 10])
print("cmdline:", open("/proc/self/cmdline").read().split("\0"))
status = dict(line.split(":\t", 1) for line in open("/proc/self/status").read().splitlines())
print("status Pid:", int(status["Pid"]) == os.getpid(), "PPid:", int(status["PPid"]) == os.getppid())
print("status State:", status["State"])
stat = open(f"/proc/{os.getpid()}/stat").read().split()
print("stat pid, state, ppid:", int(stat[0]) == os.getpid(), stat[2], int(stat[3]) == os.getppid())
print("cwd link:", os.readlink("/proc/self/cwd") == os.getcwd())
