"""Terminal calls on fds that are not terminals fail with ENOTTY."""
import os

for name, call in [("ttyname", lambda: os.ttyname(1)), ("tcgetpgrp", lambda: os.tcgetpgrp(1)),
                   ("get_terminal_size", lambda: os.get_terminal_size(1)),
                   ("tcsetpgrp", lambda: os.tcsetpgrp(1, os.getpgrp()))]:
    try:
        print(name, call())
    except OSError as e:
        print(name, type(e).__name__, e.errno, e)
print("isatty", os.isatty(1), "device_encoding", os.device_encoding(1))
