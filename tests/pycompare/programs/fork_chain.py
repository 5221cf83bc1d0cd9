"""A chain of processes, each the child of the last: statuses add up on the way back."""
import os
import sys

depth = 0
while depth < 12:
    pid = os.fork()
    if pid:
        _, status = os.waitpid(pid, 0)
        code = os.WEXITSTATUS(status) + 1
        print("depth", depth, "child said", code - 1, flush=True)
        sys.exit(code if depth else 0)
    depth += 1
print("bottom of the chain at depth", depth, flush=True)
os._exit(0)
