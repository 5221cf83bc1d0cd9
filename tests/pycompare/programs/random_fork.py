"""The generator's state is copied at fork: the child draws what the parent draws."""
import os
import random

first = random.random()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(w, repr((first, random.random())).encode())
    os._exit(0)
os.waitpid(pid, 0)
child_first, child_next = eval(os.read(r, 1000))
print("value drawn before fork equal:", child_first == first)
print("next draws equal:", child_next == random.random())
