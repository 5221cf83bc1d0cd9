"""os.system's child writes straight to fd 1; the parent's buffered print comes later."""
import os

print("printed before os.system")
status = os.system("echo from the shell")
print("os.system returned", status)
