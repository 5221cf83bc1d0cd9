"""The directory tree, as the `os` module offers it: stat, mkdir, listdir,
scandir, walk, chdir, chmod, links, ...  Part of the virtual os module
(kernel/libpy/os.py).

As in CPython, a path may be str, bytes or os.PathLike; a bytes path gives
bytes back (names from listdir, scandir and walk, readlink's target) and
errors name it as bytes.  dir_fd makes a relative path start from an open
directory (the *at() system calls: openat, fstatat, unlinkat, ...).
"""
from __future__ import annotations

import stat as _stat
from operator import index as _index

from kernel import abi as _abi
from kernel.errors import oserror as _oserror, renamed as _renamed
from kernel.libpy import os as _os
from kernel.libpy.os import _dir_fd, _fd, _id, _is_bytes, _path, _sys, _trap

_S_IFIFO = _stat.S_IFIFO


def _one(path) -> tuple[bool, bool]:
    return _is_bytes(path), False


# ---- looking at files ------------------------------------------------------------------

def stat(path, *, dir_fd=None, follow_symlinks=True) -> _os.stat_result:
    if isinstance(path, int):
        if dir_fd is not None:
            raise ValueError("stat: can't specify dir_fd without matching path")
        return _trap("fstat", _fd(path))
    p = _path("stat", path, allow_fd=True)
    return _sys("stat", p, bool(follow_symlinks), _dir_fd(dir_fd), named=_one(path))


def lstat(path, *, dir_fd=None) -> _os.stat_result:
    p = _path("lstat", path)
    return _sys("stat", p, False, _dir_fd(dir_fd), named=_one(path))


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True) -> bool:
    """May the process's real ids (effective_ids: its effective ones) do mode to path?"""
    p = _path("access", path)
    mode = _index(mode)
    return _trap("access", p, mode, bool(effective_ids), bool(follow_symlinks), _dir_fd(dir_fd))


def statvfs(path) -> _os.statvfs_result:
    if isinstance(path, int):
        return _os.statvfs_result(_trap("statfs", None, _fd(path)))
    p = _path("statvfs", path, allow_fd=True)
    return _os.statvfs_result(_sys("statfs", p, named=_one(path)))


def readlink(path, *, dir_fd=None):
    p = _path("readlink", path)
    target = _sys("readlink", p, _dir_fd(dir_fd), named=_one(path))
    return _os.fsencode(target) if _is_bytes(path) else target


# ---- making and removing names ---------------------------------------------------------------

def mkdir(path, mode=0o777, *, dir_fd=None) -> None:
    p = _path("mkdir", path)
    mode = _index(mode)
    _sys("mkdir", p, mode, _dir_fd(dir_fd), named=_one(path))


def mkfifo(path, mode=0o666, *, dir_fd=None) -> None:
    """A FIFO (named pipe): processes that open it by name share one pipe."""
    p = _path("mkfifo", path)
    mode = _index(mode)
    _unnamed("mknod", p, _S_IFIFO | mode & 0o7777, 0, _dir_fd(dir_fd))


def mknod(path, mode=0o600, device=0, *, dir_fd=None) -> None:
    p = _path("mknod", path)
    mode, device = _index(mode), _index(device)
    _unnamed("mknod", p, mode, device, _dir_fd(dir_fd))


def _unnamed(call: str, *args) -> None:
    """A call whose errors, in CPython, name no file (mkfifo and mknod's)."""
    try:
        _trap(call, *args)
    except OSError as e:
        raise _renamed(e) from None


def rmdir(path, *, dir_fd=None) -> None:
    p = _path("rmdir", path)
    _sys("rmdir", p, _dir_fd(dir_fd), named=_one(path))


def unlink(path, *, dir_fd=None) -> None:
    p = _path("unlink", path)
    _sys("unlink", p, _dir_fd(dir_fd), named=_one(path))


def remove(path, *, dir_fd=None) -> None:
    p = _path("remove", path)
    _sys("unlink", p, _dir_fd(dir_fd), named=_one(path))


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None) -> None:
    _rename("rename", src, dst, src_dir_fd, dst_dir_fd)


def replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None) -> None:
    _rename("replace", src, dst, src_dir_fd, dst_dir_fd)


def _rename(func: str, src, dst, src_dir_fd, dst_dir_fd) -> None:
    s, d = _path(func, src), _path(func, dst)
    _sys("rename", s, d, _dir_fd(src_dir_fd), _dir_fd(dst_dir_fd),
         named=(_is_bytes(src), _is_bytes(dst)))


def link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True) -> None:
    s, d = _path("link", src), _path("link", dst)
    _sys("link", s, d, bool(follow_symlinks), _dir_fd(src_dir_fd), _dir_fd(dst_dir_fd),
         named=(_is_bytes(src), _is_bytes(dst)))


def symlink(src, dst, target_is_directory=False, *, dir_fd=None) -> None:
    s, d = _path("symlink", src), _path("symlink", dst)
    _sys("symlink", s, d, _dir_fd(dir_fd), named=(_is_bytes(src), _is_bytes(dst)))


# CPython's own (Lib/os.py): directories made and removed along a path

def makedirs(name, mode=0o777, exist_ok=False) -> None:
    path = _os.path
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir: str | bytes = _os.curdir
        if isinstance(tail, bytes):
            cdir = bytes(_os.curdir, "ASCII")
        if tail == cdir:            # xxx/newdir/. exists if xxx/newdir exists
            return
    try:
        mkdir(name, mode)
    except OSError:
        # the system may give other errors than EEXIST priority (EACCES, EROFS)
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name) -> None:
    path = _os.path
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new) -> None:
    path = _os.path
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


# ---- directories: listing and walking ----------------------------------------------------------

def listdir(path=None) -> list:
    """The names in a directory (an fd of an open one, too); bytes for a bytes path."""
    if path is None:
        return _trap("listdir", ".", None)
    if isinstance(path, int):
        try:
            return _trap("listdir", None, _fd(path))
        except OSError as e:
            raise _renamed(e, path) from None
    p = _path("listdir", path, allow_fd=True, nullable=True)
    names = _sys("listdir", p, None, named=_one(path))
    return [_os.fsencode(n) for n in names] if _is_bytes(path) else names


class DirEntry:
    """One entry of scandir(): its name and path, and its stat on demand (kept,
    as CPython keeps it)."""

    def __init__(self, directory, name, at: int | None = None) -> None:
        self.name = name
        # scandir(fd): the path is the name, looked up in the directory at
        self.path = name if at is not None else _os.path.join(directory, name)
        self._at = at
        self._stat: _os.stat_result | None = None
        self._lstat: _os.stat_result | None = None

    def __repr__(self) -> str:
        return f"<DirEntry {self.name!r}>"

    def __fspath__(self):
        return self.path

    def __class_getitem__(cls, item):
        return _os.GenericAlias(cls, item)

    def stat(self, *, follow_symlinks=True) -> _os.stat_result:
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = stat(self.path, dir_fd=self._at, follow_symlinks=False)
            return self._lstat
        if self._stat is None:
            if self.is_symlink():
                self._stat = stat(self.path, dir_fd=self._at)
            else:
                self._stat = self.stat(follow_symlinks=False)
        return self._stat

    def inode(self) -> int:
        return self.stat(follow_symlinks=False).st_ino

    def is_dir(self, *, follow_symlinks=True) -> bool:
        return self._test(_stat.S_ISDIR, follow_symlinks)

    def is_file(self, *, follow_symlinks=True) -> bool:
        return self._test(_stat.S_ISREG, follow_symlinks)

    def is_symlink(self) -> bool:
        return self._test(_stat.S_ISLNK, False)

    def _test(self, kind, follow: bool) -> bool:
        try:
            return kind(self.stat(follow_symlinks=follow).st_mode)
        except FileNotFoundError:
            return False


class _ScandirIterator:
    def __init__(self, entries: list[DirEntry]) -> None:
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self) -> DirEntry:
        return next(self._it)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._it = iter(())


def scandir(path=None) -> _ScandirIterator:
    if path is None:
        path = "."
    if isinstance(path, int):
        return _ScandirIterator([DirEntry(None, n, path) for n in listdir(path)])
    p = _path("scandir", path, allow_fd=True, nullable=True)
    directory = _os.fspath(path)
    if isinstance(directory, (bytearray, memoryview)):
        directory = bytes(directory)
    names = _sys("listdir", p, None, named=_one(path))
    if isinstance(directory, bytes):
        names = [_os.fsencode(n) for n in names]
    return _ScandirIterator([DirEntry(directory, n) for n in names])


def walk(top, topdown=True, onerror=None, followlinks=False):
    """CPython's walk (Lib/os.py): (dirpath, dirnames, filenames) for each
    directory of the tree, top first unless topdown is false."""
    return _walk(_os.fspath(top), topdown, onerror, followlinks)


def _walk(top, topdown, onerror, followlinks):
    dirs, nondirs, walk_dirs = [], [], []
    try:
        scandir_it = scandir(top)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    with scandir_it:
        for entry in scandir_it:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            (dirs if is_dir else nondirs).append(entry.name)
            if not topdown and is_dir:
                if followlinks:
                    walk_into = True
                else:
                    try:
                        walk_into = not entry.is_symlink()
                    except OSError:
                        walk_into = True
                if walk_into:
                    walk_dirs.append(entry.path)
    if topdown:
        yield top, dirs, nondirs
        islink, join = _os.path.islink, _os.path.join
        for dirname in dirs:
            new_path = join(top, dirname)
            if followlinks or not islink(new_path):
                yield from _walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in walk_dirs:
            yield from _walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


def fwalk(top=".", topdown=True, onerror=None, *, follow_symlinks=False, dir_fd=None):
    """CPython's fwalk (Lib/os.py): walk, with an fd of each directory
    (dirpath, dirnames, filenames, dirfd) -- safe from symlink races, since it
    opens each directory it goes into relative to its parent's fd."""
    top = _os.fspath(top)
    if not follow_symlinks:
        orig_st = stat(top, follow_symlinks=False, dir_fd=dir_fd)
    topfd = _os.open(top, _os.O_RDONLY, dir_fd=dir_fd)
    try:
        if (follow_symlinks or (_stat.S_ISDIR(orig_st.st_mode) and
                                _os.path.samestat(orig_st, stat(topfd)))):
            yield from _fwalk(topfd, top, isinstance(top, bytes), topdown, onerror,
                              follow_symlinks)
    finally:
        _os.close(topfd)


def _fwalk(topfd, toppath, isbytes, topdown, onerror, follow_symlinks):
    dirs, nondirs = [], []
    entries = None if topdown or follow_symlinks else []
    for entry in scandir(topfd):
        name = _os.fsencode(entry.name) if isbytes else entry.name
        try:
            if entry.is_dir():
                dirs.append(name)
                if entries is not None:
                    entries.append(entry)
            else:
                nondirs.append(name)
        except OSError:
            try:
                if entry.is_symlink():          # dangling symlinks; vanished files are left out
                    nondirs.append(name)
            except OSError:
                pass
    if topdown:
        yield toppath, dirs, nondirs, topfd
    for name in dirs if entries is None else zip(dirs, entries):
        try:
            if not follow_symlinks:
                if topdown:
                    orig_st = stat(name, dir_fd=topfd, follow_symlinks=False)
                else:
                    name, entry = name
                    orig_st = entry.stat(follow_symlinks=False)
            dirfd = _os.open(name, _os.O_RDONLY, dir_fd=topfd)
        except OSError as err:
            if onerror is not None:
                onerror(err)
            continue
        try:
            if follow_symlinks or _os.path.samestat(orig_st, stat(dirfd)):
                dirpath = _os.path.join(toppath, name)
                yield from _fwalk(dirfd, dirpath, isbytes, topdown, onerror, follow_symlinks)
        finally:
            _os.close(dirfd)
    if not topdown:
        yield toppath, dirs, nondirs, topfd


# ---- the current directory -----------------------------------------------------------

def chdir(path) -> None:
    if isinstance(path, int):
        return fchdir(path)
    p = _path("chdir", path, allow_fd=True)
    _sys("chdir", p, named=_one(path))


def fchdir(fd) -> None:
    from kernel.libpy.fds import _fileno
    _trap("fchdir", _fileno(fd))


def getcwd() -> str:
    return _trap("getcwd")


def getcwdb() -> bytes:
    return _os.fsencode(_trap("getcwd"))


def chroot(path) -> None:
    """Only root may; and vshell's processes all share one root."""
    p = _path("chroot", path)
    if _trap("geteuid") != 0:
        raise _oserror(_abi.EPERM, path)
    _sys("stat", p, True, named=_one(path))
    raise _oserror(_abi.ENOSYS, path,
                   strerror="Function not implemented (vshell has one root for all)")


# ---- owners, modes, times, sizes ---------------------------------------------------------------

def _fd_path(func: str, fd, dir_fd, follow_symlinks, fd_follow: bool = False) -> int:
    """An fd given for a path: then neither dir_fd nor (mostly) follow_symlinks."""
    if dir_fd is not None:
        raise ValueError(f"{func}: can't specify dir_fd without matching path")
    if not follow_symlinks and not fd_follow:
        raise ValueError(f"{func}: cannot use fd and follow_symlinks together")
    return _fd(fd)


def chmod(path, mode, *, dir_fd=None, follow_symlinks=True) -> None:
    if isinstance(path, int):
        return _os.fchmod(_fd_path("chmod", path, dir_fd, follow_symlinks, True), mode)
    p = _path("chmod", path, allow_fd=True)
    mode, at = _index(mode), _dir_fd(dir_fd)
    if not follow_symlinks:
        st = _sys("stat", p, False, at, named=_one(path))
        if _stat.S_ISLNK(st.st_mode):           # Linux cannot change a link's mode
            raise NotImplementedError("chmod: follow_symlinks unavailable on this platform")
    _sys("chmod", p, mode, at, named=_one(path))


def chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True) -> None:
    if isinstance(path, int):
        return _os.fchown(_fd_path("chown", path, dir_fd, follow_symlinks), uid, gid)
    p = _path("chown", path, allow_fd=True)
    uid, gid = _id(uid, "uid"), _id(gid, "gid")
    _sys("chown", p, uid, gid, bool(follow_symlinks), _dir_fd(dir_fd), named=_one(path))


def lchown(path, uid, gid) -> None:
    p = _path("lchown", path)
    _sys("chown", p, _id(uid, "uid"), _id(gid, "gid"), False, named=_one(path))


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True) -> None:
    p = path if isinstance(path, int) else _path("utime", path, allow_fd=True)
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError("utime: 'times' must be either a tuple of two ints or None")
        when = tuple(_seconds(t) for t in times)
    elif ns is not None:
        if not isinstance(ns, tuple) or len(ns) != 2:
            raise TypeError("utime: 'ns' must be a tuple of two ints")
        when = tuple(_index(t) / 1e9 for t in ns)
    else:
        when = None
    at = None
    if isinstance(path, int):                   # futimens: the file the fd is open on
        p = _os.readlink(f"/proc/self/fd/{_fd_path('utime', path, dir_fd, follow_symlinks)}")
    else:
        at = _dir_fd(dir_fd)
    try:
        _sys("utime", p, when, bool(follow_symlinks), at)
    except OSError as e:            # CPython's utime names no file in its error
        raise OSError(e.errno, e.strerror) from None


def _seconds(t) -> float:
    if isinstance(t, float):
        return t
    return float(_index(t))


def truncate(path, length) -> None:
    if isinstance(path, int):
        return _os.ftruncate(path, length)
    p = _path("truncate", path, allow_fd=True)
    length = _index(length)
    _sys("truncate", p, length, named=_one(path))


def umask(mask, /) -> int:
    return _trap("umask", _index(mask))


def sync() -> None:
    _trap("sync")
