"""contextlib.redirect_stdout/redirect_stderr and chdir act on the process's sys and cwd (not the host's)."""
import contextlib, io, sys
buf = io.StringIO()
with contextlib.redirect_stderr(buf):
    print("to err", file=sys.stderr)
    sys.stderr.write("direct\n")
print(repr(buf.getvalue()))
with contextlib.suppress(KeyError):
    {}["x"]
print("suppressed")
with open("f", "w") as f, contextlib.redirect_stdout(f):
    print("into file")
print(open("f").read(), end="")
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured")
print("got:", repr(buf.getvalue()))
sys.stdout = io.StringIO()
print("invisible")
sys.stdout = sys.__stdout__
print("visible")
os.mkdir("sub")
here = os.getcwd()
with contextlib.chdir("sub"):
    print(os.getcwd() == os.path.join(here, "sub"))
print(os.getcwd() == here)
