"""The older os.spawn* functions: P_WAIT returns the exit code, P_NOWAIT a pid."""
import os

print(os.spawnlp(os.P_WAIT, "sh", "sh", "-c", "exit 5"), flush=True)
pid = os.spawnvp(os.P_NOWAIT, "echo", ["echo", "spawned without waiting"])
print("pid:", os.waitpid(pid, 0)[0] == pid)
