"""A second file object over fd 1 has a buffer of its own: flush order decides."""
import os

f = os.fdopen(os.dup(1), "w")
print("via sys.stdout")
f.write("via the fdopen object\n")
f.flush()
print("via sys.stdout again")
f.write("unflushed, closed at exit\n")
f.close()
