"""A directory is not a file: open, read and write on one fail with EISDIR."""
import os

os.mkdir("d")
for name, call in [("open for reading", lambda: open("d")),
                   ("open for writing", lambda: open("d", "w")),
                   ("os.open O_RDONLY then read", lambda: os.read(os.open("d", os.O_RDONLY), 10)),
                   ("os.open O_WRONLY", lambda: os.open("d", os.O_WRONLY)),
                   ("exec a directory", lambda: os.execv("d", ["d"]))]:
    try:
        call()
        print(name, "succeeded")
    except OSError as e:
        print(f"{name}: {type(e).__name__} {e}")
