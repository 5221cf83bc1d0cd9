"""The exec'd program sees the argv it was given, argv[0] included."""
import os
import sys

prog = sys.argv[0]
if len(sys.argv) > 1:
    print("second run: argv[1:] =", sys.argv[1:], "__name__ =", __name__)
    print("argv[0] is this file:", sys.argv[0] == __file__)
    sys.exit(0)
print("first run: argv =", len(sys.argv), "__file__ is absolute:", os.path.isabs(__file__))
sys.stdout.flush()
os.execvp("python", ["python", prog, "one", "two words", ""])
