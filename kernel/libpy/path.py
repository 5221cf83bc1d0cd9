"""os.path for virtual processes: posixpath's string functions, and the ones
that look at files (exists, isdir, abspath, realpath, ...) asking the kernel."""
from __future__ import annotations

import stat as _stat
from posixpath import (  # noqa: F401  (pure string functions, shared)
    basename, commonpath, commonprefix, dirname, isabs, join, normcase, normpath,
    split, splitdrive, splitext, sep, altsep, extsep, pathsep, curdir, pardir, defpath,
    devnull, supports_unicode_filenames,
)

from kernel.libpy import os as _os


def _st(path, follow: bool = True):
    try:
        return _os.stat(path, follow_symlinks=follow)
    except (OSError, ValueError):
        return None


def exists(path) -> bool:
    return _st(path) is not None


def lexists(path) -> bool:
    return _st(path, False) is not None


def isfile(path) -> bool:
    s = _st(path)
    return s is not None and _stat.S_ISREG(s.st_mode)


def isdir(path) -> bool:
    s = _st(path)
    return s is not None and _stat.S_ISDIR(s.st_mode)


def islink(path) -> bool:
    s = _st(path, False)
    return s is not None and _stat.S_ISLNK(s.st_mode)


def ismount(path) -> bool:
    return normpath(abspath(path)) == "/"


def getsize(path) -> int:
    return _os.stat(path).st_size


def getmtime(path) -> float:
    return _os.stat(path).st_mtime


def getatime(path) -> float:
    return _os.stat(path).st_atime


def getctime(path) -> float:
    return _os.stat(path).st_ctime


def samefile(a, b) -> bool:
    return _os.stat(a).st_ino == _os.stat(b).st_ino


def abspath(path) -> str:
    path = _os.fspath(path)
    if not isabs(path):
        path = join(_os.getcwd(), path)
    return normpath(path)


def realpath(path, *, strict: bool = False) -> str:
    path = abspath(path)
    parts = [c for c in path.split("/") if c]
    resolved = "/"
    for depth in range(len(parts)):
        candidate = join(resolved, parts[depth])
        seen = 0
        while islink(candidate) and seen < 40:
            target = _os.readlink(candidate)
            candidate = normpath(join(dirname(candidate), target))
            seen += 1
        resolved = candidate
    return resolved


def relpath(path, start=None) -> str:
    import posixpath
    return posixpath.relpath(abspath(path), abspath(start or _os.curdir))


def expanduser(path) -> str:
    path = _os.fspath(path)
    if not path.startswith("~"):
        return path
    i = path.find("/", 1)
    if i < 0:
        i = len(path)
    user = path[1:i]
    if not user:
        home = _os.getenv("HOME")
        if home is None:
            return path
    else:
        home = None
        try:
            with _os.open_text("/etc/passwd") as f:
                for line in f:
                    fields = line.rstrip("\n").split(":")
                    if fields[0] == user and len(fields) > 5:
                        home = fields[5]
        except OSError:
            pass
        if home is None:
            return path
    return (home.rstrip("/") or "/") + path[i:]


def expandvars(path) -> str:
    import re
    env = _os._environ()

    def repl(m):
        name = m.group(1) or m.group(2)
        return env.get(name, m.group(0))
    return re.sub(r"\$(?:(\w+)|\{([^}]*)\})", repl, _os.fspath(path))
