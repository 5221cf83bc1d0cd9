"""print's keywords and sys.stdout.write, with and without a final newline."""
import sys

print("a", "b", "c")
print("a", "b", "c", sep="-")
print("no newline", end="")
print(" ... continued", end="!\n")
print()
print(1, 2.5, None, True, [1, "x"], {"k": (1,)}, b"bytes")
n = sys.stdout.write("written\n")
print("write returned", n)
print("to stderr", file=sys.stderr)
sys.stdout.write("last line without newline")
