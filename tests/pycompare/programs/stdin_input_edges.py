"""input(): a prompt of 0 or None is printed; a lost sys.stdin, stdout or stderr is a RuntimeError."""
# stdin: 'a\nb\nc\nd\n'
import sys, io
print(repr(input(0)))
print(repr(input(None)))
err = sys.stderr
sys.stderr = None
try:
    input()
except RuntimeError as e:
    print(e)
sys.stderr = err
out = sys.stdout
sys.stdout = None
try:
    input()
except RuntimeError as e:
    print(e, file=sys.stderr)
sys.stdout = out
sys.stdin = io.StringIO("from stringio\n")
print(repr(input("> ")))
class Bad:
    def flush(self): raise OSError("flush fails")
    def write(self, s): pass
sys.stderr = Bad()
print(repr(input()) if False else "skip")
