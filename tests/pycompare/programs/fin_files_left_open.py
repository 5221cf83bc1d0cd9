"""Files left open at exit: flushed where __main__ still reaches them (a global, a class attribute, a cycle it holds), lost in a cycle the program had dropped."""
import os, sys
def run(name, fn):
    pid = os.fork()
    if pid == 0:
        fn(name); sys.exit(0)
    os.waitpid(pid, 0)
    print(name, repr(open(name).read()))
class Holder: pass
def class_attr(n):
    Holder.f = open(n, "w"); Holder.f.write("x")
def global_cycle(n):
    global h
    h = Holder(); h.me = h; h.f = open(n, "w"); h.f.write("x")
def garbage_cycle(n):
    h = Holder(); h.me = h; h.f = open(n, "w"); h.f.write("x")
def _unused(n):
    h = Holder(); h.me = h; h.f = open(n, "w"); h.f.write("x"); del h; gc.collect()
def global_plain(n):
    global g
    g = Holder(); g.f = open(n, "w"); g.f.write("x")
def file_self_cycle(n):
    f = open(n, "w"); f.write("x"); f.me = f
def local_in_main_cycle(n):
    global lst
    lst = [open(n, "w")]; lst.append(lst); lst[0].write("x")
for fn in (class_attr, global_cycle, garbage_cycle, global_plain, file_self_cycle, local_in_main_cycle):
    run(fn.__name__, fn)
