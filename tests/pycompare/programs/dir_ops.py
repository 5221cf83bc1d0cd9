"""Directories: listdir, scandir, walk, rename, remove, getcwd and chdir."""
import os

os.makedirs("a/b/c")
for p in ("a/x.txt", "a/b/y.txt", "a/b/c/z.txt"):
    open(p, "w").close()
print(sorted(os.listdir("a")))
print(sorted((e.name, e.is_dir(), e.is_file()) for e in os.scandir("a")))
for top, dirs, files in os.walk("a"):
    print(top, sorted(dirs), sorted(files))
os.rename("a/x.txt", "a/b/moved.txt")
os.replace("a/b/y.txt", "a/b/moved.txt")
print(sorted(os.listdir("a/b")))
start = os.getcwd()
os.chdir("a/b")
print("cwd ends with a/b:", os.getcwd().endswith("/run/a/b"), os.path.exists("moved.txt"))
os.chdir("..")
print("relative ..:", os.getcwd() == start + "/a")
os.chdir(start)
os.remove("a/b/c/z.txt")
os.removedirs("a/b/c")
print(sorted(os.listdir("a/b")))
print(os.path.isdir("a"), os.path.isfile("a"), os.path.exists("a/b/c"), os.path.islink("a"))
