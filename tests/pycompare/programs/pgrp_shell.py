"""Where the shell put this program: its process group and session (sh -c runs no job control)."""
import os

print("same group as my parent:", os.getpgrp() == os.getpgid(os.getppid()))
print("my group's leader leads the session:", os.getsid(0) == os.getpgrp())
print("I lead nothing:", os.getpgrp() != os.getpid(), os.getsid(0) != os.getpid())
