"""A pipe from parent to child: the child reads until EOF, once every writer closed."""
import os

r, w = os.pipe()
print("fds:", r, w, "inheritable:", os.get_inheritable(r), os.get_inheritable(w), flush=True)
pid = os.fork()
if pid == 0:
    os.close(w)
    chunks = []
    while True:
        data = os.read(r, 4)
        if not data:
            break
        chunks.append(data)
    print("child read", b"".join(chunks), "in", len(chunks) > 1 and "several reads" or "one read", flush=True)
    os._exit(0)
os.close(r)
os.write(w, b"hello through the pipe")
os.close(w)
os.waitpid(pid, 0)
print("parent done")
