"""tempfile makes files and directories that go away."""
import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "f")
    open(p, "w").write("x")
    print("exists inside:", os.path.exists(p))
print("removed after:", not os.path.exists(d))
with tempfile.NamedTemporaryFile("w+") as f:
    f.write("data")
    f.seek(0)
    print(f.read())
