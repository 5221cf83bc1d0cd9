"""sys.exit() raises SystemExit() with empty args; two arguments are a TypeError."""
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught", e.code, repr(e), e.args)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    sys.exit(1, 2)
except TypeError as e:
    print("TypeError", e)
except SystemExit as e:
    print("se", e.code)
raise SystemExit(("a", 1))
