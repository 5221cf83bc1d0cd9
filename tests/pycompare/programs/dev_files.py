"""The device files every Unix has: /dev/null, /dev/zero, /dev/urandom."""
import os
import stat

with open("/dev/null", "w") as f:
    print("written to /dev/null:", f.write("gone"))
print("read /dev/null:", open("/dev/null", "rb").read())
fd = os.open("/dev/zero", os.O_RDONLY)
print("read /dev/zero:", os.read(fd, 4))
print("urandom length:", len(open("/dev/urandom", "rb").read(16)))
for dev in ("/dev/null", "/dev/zero", "/dev/urandom"):
    st = os.stat(dev)
    print(dev, stat.S_ISCHR(st.st_mode), oct(stat.S_IMODE(st.st_mode)))
