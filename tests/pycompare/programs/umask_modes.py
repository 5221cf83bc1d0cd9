"""umask takes bits away from the modes of new files and directories."""
import os
import sys
import stat

print("initial umask", oct(os.umask(0o027)))
fd = os.open("f", os.O_CREAT | os.O_WRONLY, 0o666)
os.close(fd)
os.mkdir("d")
print("file", oct(stat.S_IMODE(os.stat("f").st_mode)), "dir", oct(stat.S_IMODE(os.stat("d").st_mode)))
print("umask now", oct(os.umask(0)))
open("g", "w").close()
os.mkdir("e", 0o777)
print("file", oct(stat.S_IMODE(os.stat("g").st_mode)), "dir", oct(stat.S_IMODE(os.stat("e").st_mode)))
os.chmod("g", 0o4751)
print("chmod keeps what it is given:", oct(os.stat("g").st_mode), stat.filemode(os.stat("g").st_mode))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("child inherits umask", oct(os.umask(0o077)), flush=True)
    os._exit(0)
os.waitpid(pid, 0)
print("parent's umask unchanged", oct(os.umask(0o022)))
