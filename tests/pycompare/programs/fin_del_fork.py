"""Parent and child each free their copy of __main__ at exit: __del__ runs in both, with os still there."""
import os
class A:
    def __init__(self): self.pid = os.getpid()
    def __del__(self):
        print("del in", "child" if os.getpid() != self.pid else "parent")
a = A()
pid = os.fork()
if pid == 0:
    print("child ends")
else:
    os.wait()
    print("parent ends")
