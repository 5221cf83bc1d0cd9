"""Wrong calls to os, signal and fcntl functions: CPython's TypeError messages."""
import fcntl
import os
import signal

calls = ["os.close()", "os.close(1, 2)", "os.read(0)", "os.write(1)", "os.lseek(0, 0)",
         "os.dup2(0)", "os.dup()", "os.pipe(0)", "os.getpid(1)", "os.kill(1)", "os.waitpid(1)",
         "os.waitid(0, 0)", "os.wait3()", "os.open()", "os.open('x', os.O_RDONLY, 0, 0, 0)",
         "os.stat('x', 0)", "os.stat(bogus=1)", "os.mkdir(path='d', mode=0o700, bogus=1)",
         "os.umask()", "os.umask(mask=0)", "os.execv('/bin/echo')", "os.chdir()",
         "os.rename('a')", "os.posix_spawn('x')", "os.setpgid(0)", "os.get_terminal_size(1, 2)",
         "os.register_at_fork(print)", "os.pread(0, 1)", "os.sendfile(1, 0, 0)",
         "signal.alarm()", "signal.setitimer(0)", "signal.sigtimedwait([])", "signal.pause(1)",
         "signal.signal(1)", "signal.pthread_sigmask(0)", "fcntl.fcntl(0)", "fcntl.flock(0)",
         "fcntl.lockf(0)", "os.fork(x=1)", "os.getenv()"]
for call in calls:
    try:
        eval(call)
        print(call, "succeeded")
    except TypeError as e:
        print(f"{call}: {e}")
