"""os.register_at_fork: callbacks around fork, in both processes."""
import os

events = []
os.register_at_fork(before=lambda: events.append("before"),
                    after_in_parent=lambda: events.append("after, in the parent"),
                    after_in_child=lambda: print("after, in the child", events, flush=True))
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
print("parent:", events)
