"""open() modes, seeking, truncating and appending, through os and file objects."""
import os

with open("t.txt", "w") as f:
    print(repr(f.name), f.mode, f.encoding, f.closed)
    f.write("line one\nline two\n")
print("closed:", f.closed)
with open("t.txt", "a") as f:
    f.write("line three\n")
with open("t.txt") as f:
    print(f.readline(), end="")
    print(f.tell(), repr(f.read(4)))
    print(f.readlines())
with open("t.txt", "rb") as f:
    f.seek(-6, os.SEEK_END)
    print(f.read())
fd = os.open("t.txt", os.O_RDWR | os.O_APPEND)
os.lseek(fd, 0, os.SEEK_SET)
os.write(fd, b"appended\n")
print("O_APPEND writes at the end:", os.lseek(fd, 0, os.SEEK_CUR), os.path.getsize("t.txt"))
os.ftruncate(fd, 4)
print(os.pread(fd, 100, 0), os.read(fd, 10))
os.truncate("t.txt", 0)
print(os.fstat(fd).st_size)
os.close(fd)
with open("t.txt", "r+") as f:
    f.write("abc")
    f.seek(10)
    f.write("z")
print(open("t.txt", "rb").read())
with open("x.bin", "xb") as f:
    f.write(bytes(range(5)))
try:
    open("x.bin", "x")
except FileExistsError as e:
    print(e)
print(open("x.bin", "rb").read(), repr(open("t.txt", newline="").read()))
print(sorted(os.listdir(".")))
