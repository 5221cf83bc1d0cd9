"""The parent exits; the child sleeps a little and then prints (the machine waits for it)."""
import os
import time

if os.fork() == 0:
    time.sleep(0.1)
    print("the orphan printed after its parent exited")
else:
    print("the parent is done")
