"""os.system returns a wait status; the command runs under /bin/sh."""
import os

for cmd in ["true", "false", "exit 3", "kill -TERM $$", "no_such_command_xyz 2>/dev/null",
            "echo out; echo err >&2"]:
    st = os.system(cmd)
    print(repr(cmd), st, os.waitstatus_to_exitcode(st), flush=True)
