"""The child's memory is the parent's: id() of an object and hash of a str are the same."""
import os

obj = object()
values = (id(obj), hash("some text"), list({"x", "y", "z", "w"}))
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(w, repr((id(obj), hash("some text"), list({"x", "y", "z", "w"}))).encode())
    os._exit(0)
os.waitpid(pid, 0)
child = eval(os.read(r, 1000))
print("id equal:", child[0] == values[0])
print("str hash equal:", child[1] == values[1])
print("set order equal:", child[2] == values[2])
