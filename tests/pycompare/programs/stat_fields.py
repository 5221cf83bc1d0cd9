"""The portable fields of stat, fstat and lstat."""
import os
import stat
import time

with open("data.txt", "w") as f:
    f.write("12345\n")
st = os.stat("data.txt")
print("size", st.st_size, "regular", stat.S_ISREG(st.st_mode), "nlink", st.st_nlink,
      "mode", oct(st.st_mode), stat.filemode(st.st_mode))
print("mine", st.st_uid == os.getuid(), st.st_gid == os.getgid())
print("tuple", st[stat.ST_SIZE], len(tuple(st)), st.st_mtime == st[stat.ST_MTIME] or "float")
print("recent", abs(st.st_mtime - time.time()) < 60, st.st_mtime_ns // 10**9 == int(st.st_mtime))
os.link("data.txt", "hard.txt")
print("nlink after link", os.stat("data.txt").st_nlink, "same inode",
      os.stat("hard.txt").st_ino == st.st_ino, os.path.samefile("data.txt", "hard.txt"))
os.symlink("data.txt", "soft.txt")
print("lstat is a link", stat.S_ISLNK(os.lstat("soft.txt").st_mode), "stat follows",
      stat.S_ISREG(os.stat("soft.txt").st_mode), "readlink", os.readlink("soft.txt"))
os.utime("data.txt", (1000000000, 1200000000))
st = os.stat("data.txt")
print("utime", st.st_atime, st.st_mtime, int(st.st_mtime))
fd = os.open("data.txt", os.O_RDONLY)
print("fstat equals stat", os.fstat(fd).st_ino == st.st_ino, os.fstat(fd).st_size)
d = os.stat(".")
print("dir", stat.S_ISDIR(d.st_mode), "nlink", d.st_nlink)
os.mkdir("sub")
print("dir nlink after mkdir", os.stat(".").st_nlink)
print("devnull is a char device", stat.S_ISCHR(os.stat("/dev/null").st_mode))
print("repr type", type(st).__name__, st.st_size == os.path.getsize("data.txt"))
