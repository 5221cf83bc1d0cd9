"""Users: the accounts of /etc/passwd, /etc/group and /etc/shadow.

The kernel itself knows only numbers (real and effective uid and gid, checked
on every kill and file access); names and passwords live in these files, which
programs such as `id`, `su`, `login` and `passwd` read like any other file.
"""
from __future__ import annotations


class Account:
    """One line of /etc/passwd (and of /etc/shadow, as its clear-text password)."""
    __slots__ = ("name", "uid", "gid", "home", "shell", "password", "gecos")

    def __init__(self, name: str, uid: int, gid: int, home: str, shell: str = "/bin/sh",
                 password: str = "", gecos: str = "") -> None:
        self.name = name
        self.uid = uid
        self.gid = gid
        self.home = home
        self.shell = shell
        self.password = password
        self.gecos = gecos


ACCOUNTS = [
    Account("root", 0, 0, "/root", password="root", gecos="root"),
    Account("student", 1000, 1000, "/home/student", password="student", gecos="Student"),
    Account("alice", 1001, 1001, "/home/alice", password="alice", gecos="Alice"),
    Account("bob", 1002, 1002, "/home/bob", password="bob", gecos="Bob"),
]


def hash_password(password: str, salt: str) -> str:
    """The shadow entry for a password: $vs1$salt$sha256(salt + password)."""
    import hashlib                     # only here: booting needs none (see SEEDED)
    digest = hashlib.sha256((salt + password).encode()).hexdigest()
    return f"$vs1${salt}${digest}"


# hash_password(name, reversed name + "salt") for the seeded accounts, computed
# once (tests/test_kernel_files.py checks them), so that booting imports no hashlib
SEEDED = {
    "root": "$vs1$toorsalt$d1999ef1cfb1fa0cd8443a547a30ac0b4b31d390c421c1dab00f6a32558b3fea",
    "student": "$vs1$tnedutssalt$1071f6516e7dac886afa9e6c0aea6c20575853827fd796cfc8e368a85bdf2746",
    "alice": "$vs1$ecilasalt$a3f2a9d4f309445acbe23aa2c7e38d8e68e269528bfb57c06a65df842489a5b2",
    "bob": "$vs1$bobsalt$6ee3b428c898ebc916d1159cad7d6f7871d5e6c9cb4b86f51aaa44657e09d4b7",
}


def passwd_text(accounts: list[Account]) -> str:
    return "".join(f"{a.name}:x:{a.uid}:{a.gid}:{a.gecos}:{a.home}:{a.shell}\n" for a in accounts)


# Group sudo, as on Debian (gid 27): its members may run commands as root with
# their own password (programs/sudo.py).  student is one, so that a student can
# practise administration (`sudo kill` another user's process); alice and bob are
# not, so that sudo's refusal can be seen too.
SUDO_GID = 27
SUDOERS = ("student",)


def group_text(accounts: list[Account]) -> str:
    lines = [f"{a.name}:x:{a.gid}:\n" for a in accounts]
    lines.insert(1, f"sudo:x:{SUDO_GID}:{','.join(SUDOERS)}\n")
    return "".join(lines)


def shadow_text(accounts: list[Account]) -> str:
    return "".join(f"{a.name}:{SEEDED.get(a.name) or hash_password(a.password, a.name[::-1] + 'salt')}"
                   ":19000:0:99999:7:::\n" for a in accounts)
