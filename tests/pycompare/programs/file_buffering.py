"""open()'s buffering argument decides what a fork duplicates in a regular file."""
import os

for buffering, name in ((-1, "default"), (1, "line"), (0, "unbuffered")):
    mode = "wb" if buffering == 0 else "w"
    f = open(f"{name}.txt", mode, buffering=buffering)
    f.write(b"before fork\n" if buffering == 0 else "before fork\n")
    pid = os.fork()
    if pid == 0:
        f.close()
        os._exit(0)
    os.waitpid(pid, 0)
    f.close()
    print(name, type(f).__name__, repr(open(f"{name}.txt").read()))
