"""Users: the accounts of /etc/passwd, /etc/group and /etc/shadow.

The kernel itself knows only numbers (real and effective uid and gid, checked
on every kill and file access); names and passwords live in these files, which
programs such as `id`, `su`, `login` and `passwd` read like any other file.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass
class Account:
    name: str
    uid: int
    gid: int
    home: str
    shell: str = "/bin/sh"
    password: str = ""
    gecos: str = ""


ACCOUNTS = [
    Account("root", 0, 0, "/root", password="root", gecos="root"),
    Account("student", 1000, 1000, "/home/student", password="student", gecos="Student"),
    Account("alice", 1001, 1001, "/home/alice", password="alice", gecos="Alice"),
    Account("bob", 1002, 1002, "/home/bob", password="bob", gecos="Bob"),
]


def hash_password(password: str, salt: str) -> str:
    """The shadow entry for a password: $vs1$salt$sha256(salt + password)."""
    digest = hashlib.sha256((salt + password).encode()).hexdigest()
    return f"$vs1${salt}${digest}"


def passwd_text(accounts: list[Account]) -> str:
    return "".join(f"{a.name}:x:{a.uid}:{a.gid}:{a.gecos}:{a.home}:{a.shell}\n" for a in accounts)


def group_text(accounts: list[Account]) -> str:
    return "".join(f"{a.name}:x:{a.gid}:\n" for a in accounts)


def shadow_text(accounts: list[Account]) -> str:
    return "".join(f"{a.name}:{hash_password(a.password, a.name[::-1] + 'salt')}:19000:0:99999:7:::\n"
                   for a in accounts)
