"""shutil copies and removes trees in the file system."""
import os
import shutil

os.makedirs("src/sub")
with open("src/sub/f.txt", "w") as f:
    f.write("content")
shutil.copytree("src", "dst")
shutil.copy("src/sub/f.txt", "copy.txt")
print(sorted(os.listdir("dst/sub")), open("copy.txt").read())
shutil.rmtree("src")
print(sorted(os.listdir(".")), shutil.which("sh") is not None)
