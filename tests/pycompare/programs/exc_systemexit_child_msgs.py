"""SystemExit with a non-integer code prints it to stderr; in order thanks to wait."""
import os
import sys

for code in ["text message", 3.5, ("a", 1), None, 0, "", b"bytes"]:
    pid = os.fork()
    if pid == 0:
        sys.exit(code)
    _, st = os.waitpid(pid, 0)
    print(repr(code), "->", os.WEXITSTATUS(st), flush=True)
