"""Permission bits are enforced for an ordinary user; access() agrees."""
import os

with open("secret", "w") as f:
    f.write("x")
os.chmod("secret", 0o000)
print("access", os.access("secret", os.R_OK), os.access("secret", os.F_OK))
try:
    open("secret")
except PermissionError as e:
    print(e)
os.chmod("secret", 0o200)
try:
    open("secret").read()
except PermissionError as e:
    print("write-only:", e.errno)
with open("secret", "w") as f:
    f.write("ok")
os.mkdir("locked")
open("locked/f", "w").close()
os.chmod("locked", 0o600)
try:
    os.stat("locked/f")
except PermissionError as e:
    print("no search permission:", e)
print(os.listdir("locked"))
os.chmod("locked", 0o500)
try:
    open("locked/g", "w")
except PermissionError as e:
    print("no write permission:", e)
os.chmod("locked", 0o700)
print("x", os.access(".", os.X_OK), os.access("secret", os.X_OK))
