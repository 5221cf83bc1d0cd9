"""sys.excepthook replaced by the program handles the uncaught exception."""
import sys


def hook(kind, value, tb):
    print("hook:", kind.__name__, value, tb.tb_lineno, file=sys.stderr)


sys.excepthook = hook
print("before", flush=True)
raise RuntimeError("handled by the hook")
