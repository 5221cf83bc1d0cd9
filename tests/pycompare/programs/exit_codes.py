"""How a child's way of ending becomes its exit status."""
import os
import sys

cases = [("return from main", None), ("sys.exit()", lambda: sys.exit()),
         ("sys.exit(None)", lambda: sys.exit(None)), ("sys.exit(3)", lambda: sys.exit(3)),
         ("sys.exit(-1)", lambda: sys.exit(-1)), ("sys.exit(256)", lambda: sys.exit(256)),
         ("sys.exit(1000)", lambda: sys.exit(1000)),
         ("sys.exit(True)", lambda: sys.exit(True)),
         ("sys.exit('message')", lambda: sys.exit("message to stderr")),
         ("sys.exit([1, 2])", lambda: sys.exit([1, 2])),
         ("raise SystemExit(7)", lambda: (_ for _ in ()).throw(SystemExit(7))),
         ("exit(5)", lambda: exit(5)), ("quit()", lambda: quit()),
         ("os._exit(300)", lambda: os._exit(300)),
         ("raise ValueError", lambda: int("x"))]
for name, action in cases:
    pid = os.fork()
    if pid == 0:
        if action:
            action()
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    print(f"{name}: {os.waitstatus_to_exitcode(status)}", flush=True)
