"""After an uncaught exception, __main__'s objects are still finalized, after the traceback."""
import sys
class A:
    def __del__(self):
        print("del A", file=sys.stderr)
        print("del A out")
a = A()
print("main")
raise RuntimeError("crash")
