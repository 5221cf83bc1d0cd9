"""The exec family's errors, with CPython's OSError fields."""
import os

attempts = [("execv missing", lambda: os.execv("/no/such/prog", ["prog"])),
            ("execvp missing", lambda: os.execvp("no-such-prog-xyz", ["no-such-prog-xyz"])),
            ("execv directory", lambda: os.execv("/tmp", ["tmp"])),
            ("execve missing", lambda: os.execve("/nope", ["nope"], {})),
            ("execv empty argv", lambda: os.execv("/bin/echo", [])),
            ("execv empty argv[0]", lambda: os.execv("/bin/echo", [""]))]
with open("plain.txt", "w") as f:
    f.write("not a program\n")
os.chmod("plain.txt", 0o644)
attempts.append(("execv not executable", lambda: os.execv("plain.txt", ["plain.txt"])))
for name, call in attempts:
    try:
        call()
    except (OSError, ValueError) as e:
        print(f"{name}: {type(e).__name__} {e}")
        if isinstance(e, OSError):
            print("   ", e.errno, e.strerror, repr(e.filename), e.filename2)
