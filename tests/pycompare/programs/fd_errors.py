"""Bad file descriptors: EBADF from each call, with CPython's messages."""
import os

calls = [("close", lambda: os.close(99)), ("read", lambda: os.read(99, 1)),
         ("write", lambda: os.write(99, b"x")), ("fstat", lambda: os.fstat(99)),
         ("lseek", lambda: os.lseek(99, 0, 0)), ("dup", lambda: os.dup(-1)),
         ("get_inheritable", lambda: os.get_inheritable(99)),
         ("fdopen", lambda: os.fdopen(99))]
fd = os.open("r.txt", os.O_RDONLY | os.O_CREAT, 0o644)
calls.append(("write to O_RDONLY", lambda: os.write(fd, b"x")))
w = os.open("w.txt", os.O_WRONLY | os.O_CREAT, 0o644)
calls.append(("read from O_WRONLY", lambda: os.read(w, 1)))
for name, call in calls:
    try:
        call()
        print(name, "succeeded")
    except OSError as e:
        print(f"{name}: {type(e).__name__}: {e} (errno {e.errno})")
