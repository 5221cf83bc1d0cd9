"""A file object's buffer is copied at fork like stdout's: unflushed text is written twice."""
import os

log = open("log.txt", "w")
log.write("written before fork\n")
pid = os.fork()
if pid == 0:
    log.write("child\n")
    log.close()
    os._exit(0)
os.waitpid(pid, 0)
log.write("parent\n")
log.close()
print(open("log.txt").read(), end="")
