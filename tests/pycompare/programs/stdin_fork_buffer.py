"""sys.stdin reads ahead: after fork the child's copy of the buffer holds the same lines."""
# stdin: 'one\ntwo\nthree\n'
import os
import sys

print("parent read", repr(sys.stdin.readline()), flush=True)
pid = os.fork()
if pid == 0:
    print("child read", repr(sys.stdin.readline()), flush=True)
    os._exit(0)
os.waitpid(pid, 0)
print("parent read", repr(sys.stdin.readline()))
print("fd 0 is at the end:", os.read(0, 10))
