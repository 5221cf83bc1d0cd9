"""What the __main__ module of a script holds."""
import sys

print(type(__builtins__).__name__, __spec__, __package__, repr(__doc__))
print(sorted(k for k in globals() if k.startswith("__")))
main = sys.modules["__main__"]
print(main.__name__, main.__file__ == __file__, main is sys.modules[__name__])
print(type(__loader__).__name__, "__cached__" in globals() and __cached__)
