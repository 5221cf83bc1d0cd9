"""os.environ at start, and changes that exec'd children inherit."""
import os

print(sorted(k for k in os.environ if k not in ("PATH", "PWD", "OLDPWD")))
print(os.environ["HOME"], os.getenv("USER"), os.getenv("NOPE"), os.getenv("NOPE", "dflt"))
print("PWD is the cwd:", os.environ.get("PWD") == os.getcwd())
os.environ["COLOUR"] = "blue"
del os.environ["TERM"]
print("TERM" in os.environ, os.environ.get("COLOUR"))
try:
    os.environ["X"] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    os.environ["NOPE"]
except KeyError as e:
    print("KeyError:", e)
os.system("echo COLOUR=$COLOUR TERM=${TERM-unset}")
print(type(os.environ).__name__, os.environb[b"HOME"])
