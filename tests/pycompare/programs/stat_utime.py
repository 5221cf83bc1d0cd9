"""os.utime sets times (ns too); its error names no file, as CPython's."""
import os
open("f", "w").close()
os.utime("f", (1000000000, 1500000000))
st = os.stat("f")
print(st.st_atime, st.st_mtime, int(st.st_mtime_ns))
os.utime("f", ns=(1, 2))
st = os.stat("f")
print(st.st_atime_ns, st.st_mtime_ns)
try:
    os.utime("nope", None)
except FileNotFoundError as e:
    print(e)
