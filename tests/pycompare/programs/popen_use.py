"""os.popen runs a command through the shell and reads its output; close gives the status."""
import os

with os.popen("echo one; echo two") as f:
    print(f.read().split())
f = os.popen("exit 3")
print(f.read() == "", f.close())
f = os.popen("cat > popen.txt", "w")
f.write("written through popen\n")
print(f.close())
print(open("popen.txt").read(), end="")
