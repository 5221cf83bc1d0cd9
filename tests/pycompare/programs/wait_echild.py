"""wait, waitpid and waitid with no children fail with ECHILD."""
import errno
import os

for call in (lambda: os.wait(), lambda: os.waitpid(-1, 0), lambda: os.waitpid(12345678, 0)):
    try:
        call()
    except ChildProcessError as e:
        print(type(e).__name__, e.errno == errno.ECHILD, e.args, e.filename)
