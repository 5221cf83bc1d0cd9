"""select.epoll: an interest list kept in the kernel, with an fd of its own;
level- and edge-triggered and one-shot watches; files ready in the order they
became ready."""
import os
import select
import time


def attempt(what, f):
    try:
        print(what, f())
    except (OSError, ValueError, TypeError) as e:
        print(what, type(e).__name__, e)


ep = select.epoll()
print(ep.fileno(), ep.closed, os.get_inheritable(ep.fileno()), ep)
print(os.readlink(f"/proc/self/fd/{ep.fileno()}"), oct(os.fstat(ep.fileno()).st_mode))
r1, w1 = os.pipe()
r2, w2 = os.pipe()
names = {r1: "r1", w1: "w1", r2: "r2", w2: "w2"}


def show(label, timeout=0, **kw):
    print(label, [(names.get(fd, fd), ev) for fd, ev in ep.poll(timeout, **kw)])


ep.register(r1, select.EPOLLIN)
ep.register(r2, select.EPOLLIN)
show("nothing yet:")
os.write(w2, b"second pipe first")
os.write(w1, b"then the first")
show("in the order they became ready:")
show("level-triggered, again:")
show("at most one:", maxevents=1)
os.read(r2, 100)
show("r2 drained:")
ep.modify(r1, select.EPOLLIN | select.EPOLLET)
show("edge-triggered, armed by modify:")
show("edge-triggered, no new data:")
os.write(w1, b"more")
show("edge-triggered, new data:")
ep.modify(r2, select.EPOLLIN | select.EPOLLONESHOT)
os.write(w2, b"x")
show("one-shot:")
show("one-shot, fired:")
ep.modify(r2, select.EPOLLIN)
show("re-armed:")
ep.unregister(r1)
os.close(w2)
show("r2 with data and no writer:")
os.read(r2, 10)
show("r2 at EOF:")
attempt("register again", lambda: ep.register(r2))
attempt("modify unknown", lambda: ep.modify(w1, select.EPOLLOUT))
attempt("unregister unknown", lambda: ep.unregister(w1))
attempt("a regular file", lambda: ep.register(open("/etc/passwd")))
attempt("/dev/null", lambda: ep.register(open("/dev/null")))
attempt("itself", lambda: ep.register(ep.fileno()))
attempt("closed fd", lambda: ep.register(50))
attempt("maxevents 0", lambda: ep.poll(0, 0))
attempt("bad timeout", lambda: ep.poll("soon"))
attempt("sizehint 0", lambda: select.epoll(0))
attempt("flags", lambda: select.epoll(-1, 1))
print(os.read(r1, 100))
start = time.monotonic()
ep2 = select.epoll()
ep2.register(r1, select.EPOLLIN)
print("timeout:", ep2.poll(0.2), time.monotonic() - start >= 0.2)
ep2.register(w1, select.EPOLLOUT)
print("writable:", [(names[fd], ev) for fd, ev in ep2.poll()])
outer = select.epoll()
outer.register(ep2.fileno(), select.EPOLLIN)
print("an epoll inside an epoll:", outer.poll(0) == [(ep2.fileno(), select.EPOLLIN)])
ep.close()
ep.close()
print(ep.closed)
attempt("closed", lambda: ep.poll(0))
attempt("fileno", lambda: ep.fileno())
with select.epoll() as ep3:
    print(ep3.closed)
print(ep3.closed)
pid = os.fork()
if pid == 0:
    os.write(w1, b"from the child")
    os._exit(0)
os.waitpid(pid, 0)
print("child's write:", [(names[fd], ev) for fd, ev in ep2.poll(1)])
