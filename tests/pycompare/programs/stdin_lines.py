"""for line in sys.stdin, fileinput-style counting."""
# stdin: 'apple\nbanana\ncherry\n'
import sys

for n, line in enumerate(sys.stdin, 1):
    print(n, line.rstrip("\n").upper())
print("EOF reached:", sys.stdin.read() == "")
