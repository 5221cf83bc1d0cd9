"""A module found through a relative sys.path entry has an absolute __file__ (in its tracebacks too), as FileFinder makes it."""
import sys
with open("badmod.py", "w") as f:
    f.write("x = 1\ndef broken():\n    return undefined_thing\n")
with open("synmod.py", "w") as f:
    f.write("def f(:\n    pass\n")
sys.path.insert(0, ".")
import badmod
try:
    badmod.broken()
except NameError as e:
    import traceback; traceback.print_exc()
try:
    import synmod
except SyntaxError as e:
    print("SyntaxError", e.filename, e.lineno, e.msg)
import synmod
