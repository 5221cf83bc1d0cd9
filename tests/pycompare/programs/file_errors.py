"""File system errors: the OSError subclass, errno and CPython's message for each."""
import os

os.mkdir("dir")
open("dir/inside", "w").close()
open("file", "w").close()
calls = [("open missing", lambda: open("missing")),
         ("stat missing", lambda: os.stat("missing")),
         ("open dir for writing", lambda: open("dir", "w")),
         ("mkdir existing", lambda: os.mkdir("dir")),
         ("rmdir non-empty", lambda: os.rmdir("dir")),
         ("rmdir a file", lambda: os.rmdir("file")),
         ("unlink a dir", lambda: os.unlink("dir")),
         ("listdir a file", lambda: os.listdir("file")),
         ("chdir a file", lambda: os.chdir("file")),
         ("open through a file", lambda: open("file/x")),
         ("rename missing", lambda: os.rename("missing", "other")),
         ("rename dir over file", lambda: os.rename("dir", "file")),
         ("link existing", lambda: os.link("file", "dir/inside")),
         ("symlink existing", lambda: os.symlink("x", "file")),
         ("readlink not a link", lambda: os.readlink("file")),
         ("O_EXCL existing", lambda: os.open("file", os.O_CREAT | os.O_EXCL | os.O_WRONLY)),
         ("open /etc/shadow", lambda: open("/etc/shadow")),
         ("write in /", lambda: open("/forbidden", "w")),
         ("remove missing", lambda: os.remove("missing")),
         ("mkdir in missing", lambda: os.mkdir("missing/sub")),
         ("empty path", lambda: os.stat(""))]
for name, call in calls:
    try:
        call()
        print(name, "succeeded")
    except OSError as e:
        print(f"{name}: {type(e).__name__} errno={e.errno} {e}")
