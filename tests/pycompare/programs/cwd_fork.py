"""The working directory is per process: the child's chdir leaves the parent where it was."""
import os

os.mkdir("sub")
start = os.getcwd()
pid = os.fork()
if pid == 0:
    os.chdir("sub")
    print("child moved:", os.getcwd() == os.path.join(start, "sub"), flush=True)
    os._exit(0)
os.waitpid(pid, 0)
print("parent stayed:", os.getcwd() == start)
os.chdir("sub")
os.rmdir(os.path.join(start, "sub"))
try:
    os.getcwd()
except FileNotFoundError as e:
    print("cwd removed:", e)
try:
    open("new", "w")
except FileNotFoundError as e:
    print("create in a removed cwd:", e)
os.chdir("..")
print("back:", os.getcwd() == start)
