"""Wrong argument types: CPython's TypeError and ValueError messages."""
import os
import time

calls = [("os.write(1, 'str')", lambda: os.write(1, "str")),
         ("os.read(0, 'x')", lambda: os.read(0, "x")),
         ("os.read(0, -1)", lambda: os.read(0, -1)),
         ("os.kill('1', 0)", lambda: os.kill("1", 0)),
         ("os.waitpid('x', 0)", lambda: os.waitpid("x", 0)),
         ("os.close('3')", lambda: os.close("3")),
         ("os.dup2(1)", lambda: os.dup2(1)),
         ("os.open(5, 0)", lambda: os.open(5, 0)),
         ("os.execv('/bin/echo', 'echo')", lambda: os.execv("/bin/echo", "echo")),
         ("os.fork(1)", lambda: os.fork(1)),
         ("os.lseek(0, 0, 7)", lambda: os.lseek(0, 0, 7)),
         ("os.lseek(fd, -5, SEEK_SET)", lambda: os.lseek(os.open(".", os.O_RDONLY), -5, os.SEEK_SET)),
         ("time.sleep('1')", lambda: time.sleep("1")),
         ("os.getenv(1)", lambda: os.getenv(1)),
         ("os.chdir(None)", lambda: os.chdir(None)),
         ("os.umask('022')", lambda: os.umask("022"))]
for name, call in calls:
    try:
        call()
        print(name, "succeeded")
    except Exception as e:
        print(f"{name}: {type(e).__name__}: {e}")
