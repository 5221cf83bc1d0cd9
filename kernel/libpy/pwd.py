"""The `pwd` module as a virtual process sees it: the machine's /etc/passwd.

The host's module would read the host's user database behind the kernel's
back; this one reads the virtual file, as the C library does, so `ls -l`, `id`
and `su` see vshell's users.
"""
from __future__ import annotations

from pwd import struct_passwd  # the host's record type

from kernel.libpy import os as _os


def _entries() -> list[struct_passwd]:
    out: list[struct_passwd] = []
    try:
        f = _os._rt().open("/etc/passwd", encoding="utf-8", errors="replace")
    except OSError:
        return out                    # as the C library: nobody is found
    with f:
        for line in f:
            fields = line.rstrip("\n").split(":")
            if len(fields) == 7 and fields[2].isdigit() and fields[3].isdigit():
                out.append(struct_passwd((fields[0], fields[1], int(fields[2]), int(fields[3]),
                                          *fields[4:])))
    return out


def getpwall() -> list[struct_passwd]:
    return _entries()


def getpwnam(name: str) -> struct_passwd:
    if not isinstance(name, str):
        raise TypeError(f"getpwnam() argument must be str, not {type(name).__name__}")
    for entry in _entries():
        if entry.pw_name == name:
            return entry
    raise KeyError(f"getpwnam(): name not found: {name!r}")


def getpwuid(uid: int) -> struct_passwd:
    for entry in _entries():
        if entry.pw_uid == uid:
            return entry
    raise KeyError(f"getpwuid(): uid not found: {uid}")
