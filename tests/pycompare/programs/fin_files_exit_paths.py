"""A file left open in a child: flushed by sys.exit, the last line and an uncaught exception; lost by os._exit, exec and SIGKILL."""
import os, signal, sys
def child(how):
    f = open("out_" + how, "w")
    f.write("data")
    keep.append(f)
    if how == "exit":
        sys.exit(0)
    if how == "_exit":
        os._exit(0)
    if how == "signal":
        os.kill(os.getpid(), signal.SIGKILL)
    if how == "exec":
        os.execv("/bin/true", ["true"])
    if how == "raise":
        raise SystemError("crash")
    if how == "cycle":
        a = {}; a["self"] = a; a["f"] = f
        keep.clear()
keep = []
for how in ("exit", "_exit", "signal", "exec", "raise", "cycle", "end"):
    sys.stdout.flush(); sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        child(how)
        os._exit(0) if how not in ("cycle", "end") else sys.exit(0)
    os.waitpid(pid, 0)
    print(how, repr(open("out_" + how).read()))
