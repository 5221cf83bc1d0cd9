"""At exit __main__ is freed: __del__ methods and a suspended generator's finally run, with the globals still there, and what they print is flushed."""
class A:
    def __del__(self):
        print("del A")
a = A()
print("main")
import sys
def g():
    try:
        yield 1
    finally:
        print("gen finally", sys.stdout is not None)
it = g()
next(it)
