"""File descriptors, as the `os` module offers them: open, read, write and the
calls on an open fd.  Part of the virtual os module (kernel/libpy/os.py).

CPython's rules hold: a new fd is non-inheritable (PEP 446) unless dup2 makes
it, a call a signal interrupted is retried once the handler has run (PEP 475),
and arguments are converted -- and refused -- as posixmodule.c does.
"""
from __future__ import annotations

from operator import index as _index

from kernel import abi as _abi
from kernel.errors import oserror as _oserror
from kernel.libpy import os as _os
from kernel.libpy.os import _dir_fd, _fd, _is_bytes, _path, _retry, _rt, _sys, _trap

_O_CLOEXEC = _os.O_CLOEXEC
_SSIZE_MAX = (1 << 63) - 1
_F_GETFD, _F_SETFD, _F_GETFL, _F_SETFL, _FD_CLOEXEC = 1, 2, 3, 4, 1


def _length(n) -> int:
    n = _index(n)
    if n > _SSIZE_MAX:
        raise OverflowError("Python int too large to convert to C ssize_t")
    if n < 0:
        raise _oserror(_abi.EINVAL)
    return n


def _offset(off) -> int:
    off = _index(off)
    if not -_SSIZE_MAX - 1 <= off <= _SSIZE_MAX:
        raise OverflowError("Python int too large to convert to C long")
    return off


def _bytes(data) -> bytes:
    """A bytes-like object's bytes (TypeError, as CPython words it, for others)."""
    if isinstance(data, bytes):
        return data
    try:
        return memoryview(data).tobytes()
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'") \
            from None


def _fileno(fd) -> int:
    """An fd, or an object with a fileno() method (as fsync and fcntl accept)."""
    if isinstance(fd, int):
        return _fd(fd)
    fileno = getattr(fd, "fileno", None)
    if fileno is None:
        raise TypeError("argument must be an int, or have a fileno() method.")
    result = fileno()
    if not isinstance(result, int):
        raise TypeError("fileno() returned a non-integer")
    if result < 0:
        raise ValueError(f"file descriptor cannot be a negative integer ({result})")
    return _fd(result)


# ---- opening and closing ---------------------------------------------------------------

def open(path, flags, mode=0o777, *, dir_fd=None) -> int:
    p = _path("open", path)
    flags, mode = _index(flags), _index(mode)
    return _sys("open", p, flags | _O_CLOEXEC, mode, _dir_fd(dir_fd),
                named=(_is_bytes(path), False))


def close(fd) -> None:
    _trap("close", _fd(fd))


def closerange(fd_low, fd_high, /) -> None:
    for fd in range(max(0, _fd(fd_low)), _fd(fd_high)):
        try:
            _trap("close", fd)
        except OSError:
            pass


def memfd_create(name, flags=1) -> int:
    """An anonymous file in memory: an fd to a file with no name in the tree."""
    name = _path("memfd_create", name)
    return _trap("memfd_create", name, _index(flags))


# ---- reading and writing ---------------------------------------------------------------

def read(fd, length, /) -> bytes:
    fd, n = _fd(fd), _length(length)
    return _retry("read", fd, n)


def write(fd, data, /) -> int:
    fd = _fd(fd)
    return _retry("write", fd, _bytes(data))


def pread(fd, length, offset, /) -> bytes:
    """Read at offset, without moving the file's offset."""
    fd, n, offset = _fd(fd), _length(length), _offset(offset)
    return _retry("pread", fd, n, offset)


def pwrite(fd, buffer, offset, /) -> int:
    fd = _fd(fd)
    data = _bytes(buffer)
    return _retry("pwrite", fd, data, _offset(offset))


def readv(fd, buffers, /) -> int:
    """Read into each of buffers (writable bytes-like objects) in turn, with one
    read; the number of bytes read."""
    fd = _fd(fd)
    views = _writable_views(buffers)
    data = _retry("readv", fd, sum(len(v) for v in views))
    return _scatter(data, views)


def writev(fd, buffers, /) -> int:
    """Write the buffers one after the other, with one write."""
    fd = _fd(fd)
    return _retry("writev", fd, _gather(buffers))


def preadv(fd, buffers, offset, flags=0, /) -> int:
    fd = _fd(fd)
    views = _writable_views(buffers)
    offset = _offset(offset)
    _index(flags)
    return _scatter(_retry("pread", fd, sum(len(v) for v in views), offset), views)


def pwritev(fd, buffers, offset, flags=0, /) -> int:
    fd = _fd(fd)
    data = _gather(buffers)
    offset = _offset(offset)
    _index(flags)
    return _retry("pwrite", fd, data, offset)


def _writable_views(buffers) -> list[memoryview]:
    if not hasattr(type(buffers), "__len__") or not hasattr(type(buffers), "__getitem__"):
        raise TypeError("readv() arg 2 must be a sequence")
    views = []
    for b in buffers:
        try:
            v = memoryview(b)
        except TypeError:
            raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'") \
                from None
        if v.readonly:
            raise BufferError("Object is not writable.")
        views.append(v.cast("B"))
    return views


def _scatter(data: bytes, views: list[memoryview]) -> int:
    at = 0
    for v in views:
        chunk = data[at:at + len(v)]
        v[:len(chunk)] = chunk
        at += len(chunk)
    return len(data)


def _gather(buffers) -> bytes:
    if not hasattr(type(buffers), "__len__") or not hasattr(type(buffers), "__getitem__"):
        raise TypeError("writev() arg 2 must be a sequence")
    return b"".join(_bytes(b) for b in buffers)


def sendfile(out_fd, in_fd, offset, count) -> int:
    """Copy count bytes from the file in_fd (at offset, or at its own offset if
    offset is None) to out_fd, inside the kernel; the number of bytes sent."""
    out_fd, in_fd = _fd(out_fd), _fd(in_fd)
    offset = None if offset is None else _offset(offset)
    return _retry("sendfile", out_fd, in_fd, offset, _length(count))


def copy_file_range(src, dst, count, offset_src=None, offset_dst=None) -> int:
    src, dst, count = _fd(src), _fd(dst), _length(count)
    offset_src = None if offset_src is None else _offset(offset_src)
    offset_dst = None if offset_dst is None else _offset(offset_dst)
    return _trap("copy_file_range", src, dst, count, offset_src, offset_dst)


def lseek(fd, position, whence, /) -> int:
    return _trap("lseek", _fd(fd), _offset(position), _fd(whence))


def ftruncate(fd, length, /) -> None:
    _retry("ftruncate", _fd(fd), _offset(length))


def fsync(fd) -> None:
    """Push a file's data to the disk (the disk is memory: it is there already)."""
    _trap("fsync", _fileno(fd))


def fdatasync(fd) -> None:
    _trap("fdatasync", _fileno(fd))


def posix_fallocate(fd, offset, length, /) -> None:
    _retry("fallocate", _fd(fd), _offset(offset), _offset(length))


def posix_fadvise(fd, offset, length, advice, /) -> None:
    _trap("fadvise", _fd(fd), _offset(offset), _offset(length), _index(advice))


def lockf(fd, command, length, /) -> None:
    """POSIX record locks on a file's bytes from its offset on (F_LOCK, F_TLOCK,
    F_ULOCK, F_TEST): see kernel/locks.py."""
    _retry("lockf", _fd(fd), _index(command), _offset(length))


# ---- the file behind the fd ---------------------------------------------------------------

def fstat(fd) -> _os.stat_result:
    return _trap("fstat", _fd(fd))


def fstatvfs(fd, /) -> _os.statvfs_result:
    return _os.statvfs_result(_trap("statfs", None, _fd(fd)))


def fchmod(fd, mode) -> None:
    _trap("fchmod", _fd(fd), _index(mode))


def fchown(fd, uid, gid) -> None:
    _trap("fchown", _fd(fd), _os._id(uid, "uid"), _os._id(gid, "gid"))


# ---- descriptors: copies, pipes, flags -------------------------------------------------------

def dup(fd, /) -> int:
    return _trap("dup", _fd(fd), True)


def dup2(fd, fd2, inheritable=True) -> int:
    return _trap("dup2", _fd(fd), _fd(fd2), not inheritable)


def pipe() -> tuple[int, int]:
    return _trap("pipe2", _O_CLOEXEC)


def pipe2(flags, /) -> tuple[int, int]:
    return _trap("pipe2", _index(flags))


def get_inheritable(fd, /) -> bool:
    return not _trap("fcntl", _fd(fd), _F_GETFD, 0) & _FD_CLOEXEC


def set_inheritable(fd, inheritable, /) -> None:
    fd = _fd(fd)
    _trap("fcntl", fd, _F_SETFD, 0 if _index(inheritable) else _FD_CLOEXEC)


def get_blocking(fd, /) -> bool:
    return not _trap("fcntl", _fd(fd), _F_GETFL, 0) & _os.O_NONBLOCK


def set_blocking(fd, blocking, /) -> None:
    fd = _fd(fd)
    flags = _trap("fcntl", fd, _F_GETFL, 0)
    flags = flags & ~_os.O_NONBLOCK if _index(blocking) else flags | _os.O_NONBLOCK
    _trap("fcntl", fd, _F_SETFL, flags)


# ---- terminals -------------------------------------------------------------------------------

def isatty(fd, /) -> bool:
    return _trap("isatty", _fd(fd))


def ttyname(fd, /) -> str:
    fd = _fd(fd)
    if not _trap("isatty", fd):
        _trap("fstat", fd)                     # EBADF first, as Linux
        raise _oserror(_abi.ENOTTY)
    return "/dev/tty"


def get_terminal_size(fd=1, /) -> _os.terminal_size:
    rows, columns = _trap("ioctl", _fd(fd), 0x5413)         # TIOCGWINSZ
    return _os.terminal_size((columns, rows))


def device_encoding(fd) -> str | None:
    return "UTF-8" if isatty(fd) else None


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    return _rt().open(fd, mode, buffering, encoding, *args, **kwargs)
