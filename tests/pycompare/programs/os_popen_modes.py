"""os.popen: reading, writing, iterating, and what close() returns."""
import os

for line in os.popen("printf 'a\\nb\\n'"):
    print("line:", repr(line))
print(os.popen("exit 1").close(), os.popen("true").close(), os.popen("kill -TERM $$").close())
with os.popen("tr a-z A-Z", "w") as f:
    f.write("shouted\n")
print("after with")
try:
    os.popen("ls", "rb")
except ValueError as e:
    print("ValueError:", e)
try:
    os.popen(["ls"])
except TypeError as e:
    print("TypeError:", e)
