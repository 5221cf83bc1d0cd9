"""The `grp` module as a virtual process sees it: the machine's /etc/group
(not the host's, which the host's module would read)."""
from __future__ import annotations

from grp import struct_group  # the host's record type

from kernel.libpy import os as _os


def _entries() -> list[struct_group]:
    out: list[struct_group] = []
    try:
        f = _os._rt().open("/etc/group", encoding="utf-8", errors="replace")
    except OSError:
        return out                    # as the C library: nobody is found
    with f:
        for line in f:
            fields = line.rstrip("\n").split(":")
            if len(fields) == 4 and fields[2].isdigit():
                members = [m for m in fields[3].split(",") if m]
                out.append(struct_group((fields[0], fields[1], int(fields[2]), members)))
    return out


def getgrall() -> list[struct_group]:
    return _entries()


def getgrnam(name: str) -> struct_group:
    if not isinstance(name, str):
        raise TypeError(f"getgrnam() argument must be str, not {type(name).__name__}")
    for entry in _entries():
        if entry.gr_name == name:
            return entry
    raise KeyError(f"getgrnam(): name not found: {name!r}")


def getgrgid(gid: int) -> struct_group:
    for entry in _entries():
        if entry.gr_gid == gid:
            return entry
    raise KeyError(f"getgrgid(): gid not found: {gid}")
