"""select.poll: register fds with the events wanted; poll() says which are
ready: data (POLLIN), room (POLLOUT), a hang-up (POLLHUP), an error (POLLERR),
a closed fd (POLLNVAL)."""
import os
import select

r, w = os.pipe()
p = select.poll()
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
names = {r: "read end", w: "write end"}


def show(label, timeout=0):
    print(label, [(names.get(fd, fd), events) for fd, events in p.poll(timeout)])


show("empty pipe:")
os.write(w, b"data")
show("with data:")
os.write(w, b"x" * (65536 - 4))
show("full pipe:")
os.read(r, 4096)
show("one page read:")
os.read(r, 65536)
p.modify(w, select.POLLIN)
show("write end asked for input:", 100)
os.close(w)
p.unregister(w)
show("writer closed:")
r2, w2 = os.pipe()
os.close(r2)
p.register(w2, select.POLLOUT)
names[w2] = "no reader"
show("reader closed:")
p.register(40)
show("fd 40 not open:")
try:
    p.unregister(41)
except KeyError as e:
    print("KeyError", e)
try:
    p.modify(41, select.POLLIN)
except OSError as e:
    print(e)
print(p.poll(None) != [])
print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR, select.POLLHUP,
      select.POLLNVAL, select.PIPE_BUF)
