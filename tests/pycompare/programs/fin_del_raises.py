"""A __del__ that raises at exit is reported as ignored; the next one still runs."""
class A:
    def __del__(self):
        print("del A")
        raise ValueError("from del")
class B:
    def __del__(self):
        print("del B")
a = A()
b = B()
print("main")
