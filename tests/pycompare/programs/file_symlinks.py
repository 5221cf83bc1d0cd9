"""Symbolic links: dangling links, loops, and links to directories."""
import os

os.symlink("nowhere", "dangling")
print("exists", os.path.exists("dangling"), "lexists", os.path.lexists("dangling"),
      "islink", os.path.islink("dangling"))
try:
    open("dangling")
except FileNotFoundError as e:
    print(e)
os.symlink("loop2", "loop1")
os.symlink("loop1", "loop2")
try:
    os.stat("loop1")
except OSError as e:
    print(type(e).__name__, e.errno, e)
os.mkdir("real")
open("real/file", "w").close()
os.symlink("real", "alias")
print(os.listdir("alias"), os.path.realpath("alias") == os.path.join(os.getcwd(), "real"))
os.unlink("alias")
print("unlink removed the link only:", os.path.isdir("real"))
