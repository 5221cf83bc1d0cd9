"""The root file system every machine boots with: /dev, /etc, /proc, /tmp, homes."""
from __future__ import annotations

import stat as st

from .fs import Device, Dir
from .procfs import make_proc
from .slow import Slow
from .tty import Full, Null, Random, Zero
from .users import ACCOUNTS, group_text, passwd_text, shadow_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .kernel import Kernel


def make_root(k: "Kernel") -> None:
    fs = k.fs
    for path in ("/bin", "/etc", "/usr/bin", "/usr/share", "/var"):
        fs.mkdirs(path)
    fs.mkdirs("/tmp", 0o777 | st.S_ISVTX)
    fs.mkdirs("/root", 0o700)
    fs.mkdirs("/home")                    # root's, so that users cannot touch others' homes
    for a in ACCOUNTS[1:]:
        fs.mkdirs(a.home, 0o755, a.uid, a.gid)
    dev = fs.mkdirs("/dev")
    dev.link("null", Device(fs, Null()))
    dev.link("zero", Device(fs, Zero()))
    dev.link("full", Device(fs, Full()))
    dev.link("urandom", Device(fs, Random()))
    dev.link("random", Device(fs, Random()))
    dev.link("tty", Device(fs, k.tty))
    dev.link("slow", Device(fs, Slow()))
    fs.write_file("/etc/passwd", passwd_text(ACCOUNTS))
    fs.write_file("/etc/group", group_text(ACCOUNTS))
    fs.write_file("/etc/shadow", shadow_text(ACCOUNTS), mode=0o600)
    fs.write_file("/etc/hostname", "vshell\n")
    fs.root.link("proc", make_proc(k))
    assert isinstance(fs.root, Dir)
