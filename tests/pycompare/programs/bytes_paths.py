"""Paths as bytes and as os.PathLike objects work wherever str paths do."""
import os


class Where:
    def __init__(self, path):
        self.path = path

    def __fspath__(self):
        return self.path


os.mkdir(b"bdir")
with open(b"bdir/f.txt", "w") as f:
    f.write("x")
print(os.listdir(b"bdir"), os.listdir("bdir"))
print(os.path.exists(Where("bdir/f.txt")), os.stat(Where("bdir")).st_size >= 0)
fd = os.open(Where("bdir/f.txt"), os.O_RDONLY)
print(os.read(fd, 5))
print(os.fspath(Where("x")), os.fsencode("é"), os.fsdecode(b"abc"))
print([e.name for e in os.scandir(b"bdir")])
for top, dirs, files in os.walk(b"bdir"):
    print(top, dirs, files)
