"""Reading stdin whole, by lines, and as bytes."""
# stdin: 'first line\nsecond line\n\nlast line without newline'
import sys

first = sys.stdin.readline()
print(repr(first))
rest = sys.stdin.read()
print(repr(rest))
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
print(rest.splitlines())
