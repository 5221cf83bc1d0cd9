"""kill's errors: no such process, not permitted, bad signal; signal 0 checks existence."""
import os

pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
for args in ((pid, 15), (1, 0), (1, 15), (os.getpid(), 0), (os.getpid(), 999), (os.getpid(), -1)):
    try:
        os.kill(*args)
        print("ok")
    except (OSError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    os.killpg(99999999, 15)
except OSError as e:
    print("killpg:", type(e).__name__, e)
