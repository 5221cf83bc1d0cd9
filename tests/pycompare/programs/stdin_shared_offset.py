"""os.read on fd 0 from a file: parent and child share the offset."""
# stdin: 'abcdefghij'
import os

print("parent", os.read(0, 3), flush=True)
pid = os.fork()
if pid == 0:
    print("child", os.read(0, 3), flush=True)
    os._exit(0)
os.waitpid(pid, 0)
print("parent", os.read(0, 100))
print("stdin offset", os.lseek(0, 0, os.SEEK_CUR))
