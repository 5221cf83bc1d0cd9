"""The `fcntl` module as a virtual process sees it: an fd's flags, devices'
controls and file locks, through the kernel's fcntl, ioctl, flock and lockf.

fcntl(fd, F_GETFD/F_SETFD) reads and sets close-on-exec (FD_CLOEXEC);
F_GETFL/F_SETFL the status flags (O_APPEND and O_NONBLOCK may change);
F_DUPFD and F_DUPFD_CLOEXEC duplicate an fd at or above a number;
F_GETPIPE_SZ and F_SETPIPE_SZ a pipe's capacity.  flock locks a whole file
for an open file (shared or exclusive), lockf and F_SETLK/F_SETLKW/F_GETLK
byte ranges of it for a process (kernel/locks.py).  ioctl knows the
terminal's window size (TIOCGWINSZ) and FIONREAD.  Arguments and errors are
CPython's.
"""
from __future__ import annotations

import fcntl as _host
import struct as _struct
from operator import index as _index

from fcntl import (  # the host's constants (and every other one, below)
    F_GETLK, F_RDLCK, F_SETLK, F_SETLKW, F_UNLCK, F_WRLCK, LOCK_EX, LOCK_NB, LOCK_SH, LOCK_UN,
)

from kernel import abi as _abi
from kernel.errors import oserror as _oserror
from kernel.libpy import clinic as _clinic
from kernel.libpy.fds import _fileno
from kernel.libpy.os import _retry, _trap

globals().update({n: v for n, v in vars(_host).items() if n.isupper() and isinstance(v, int)})

_LOCKS = (F_GETLK, F_SETLK, F_SETLKW)
_FLOCK = "hhqqi"                             # struct flock: type, whence, start, len, pid
_WINSIZE = "HHHH"                            # struct winsize: rows, columns, xpixel, ypixel
_TIOCGWINSZ, _FIONREAD, _TIOCSCTTY = 0x5413, 0x541B, 0x540E


def fcntl(fd, cmd, arg=0, /):
    """Perform cmd on fd.  An int arg is passed as is and the result is an int;
    a bytes (or str) arg is a buffer -- struct flock for the lock commands --
    and the result is the buffer as the call left it."""
    fd, cmd = _fileno(fd), _index(cmd)
    if isinstance(arg, (bytes, bytearray, str)):
        buf = arg.encode() if isinstance(arg, str) else bytes(arg)
        if len(buf) > 1024:
            raise ValueError("fcntl string arg too long")
        if cmd in _LOCKS:
            return _record_lock(fd, cmd, buf)
        _retry("fcntl", fd, cmd, 0)
        return buf
    arg = _index(arg)
    if cmd in _LOCKS:
        raise _oserror(_abi.EFAULT)     # a pointer, said C
    return _retry("fcntl", fd, cmd, arg)


def _record_lock(fd: int, cmd: int, buf: bytes) -> bytes:
    size = _struct.calcsize(_FLOCK)
    if len(buf) < size:
        raise _oserror(_abi.EFAULT)
    kind, whence, start, length, _ = _struct.unpack(_FLOCK, buf[:size])
    result = _retry("fcntl_lock", fd, cmd, kind, whence, start, length)
    if cmd == F_GETLK:
        kind, whence, start, length, pid = result
        buf = _struct.pack(_FLOCK, kind, whence, start, length, pid) + buf[size:]
    return buf


def flock(fd, operation, /) -> None:
    """Lock the whole file for this open of it: LOCK_SH (shared), LOCK_EX
    (exclusive), LOCK_UN to unlock; with LOCK_NB, fail (EWOULDBLOCK) rather
    than wait."""
    _retry("flock", _fileno(fd), _index(operation))


def lockf(fd, cmd, len=0, start=0, whence=0, /) -> None:
    """POSIX record locks, as a process holds them: LOCK_UN, LOCK_SH or LOCK_EX
    (with LOCK_NB: fail rather than wait) on len bytes (0: to the end and
    beyond) from start, counted from whence."""
    fd, cmd = _fileno(fd), _index(cmd)
    length, start, whence = _index(len), _index(start), _index(whence)
    if cmd == LOCK_UN:
        kind = F_UNLCK
    elif cmd & LOCK_SH:
        kind = F_RDLCK
    elif cmd & LOCK_EX:
        kind = F_WRLCK
    else:
        raise ValueError("unrecognized lockf argument")
    wait = F_SETLK if cmd & LOCK_NB else F_SETLKW
    _retry("fcntl_lock", fd, wait, kind, whence, start, length)


def ioctl(fd, request, arg=0, mutate_flag=True, /):
    """A device's controls: TIOCGWINSZ (the terminal's size, into a struct
    winsize buffer) and FIONREAD (bytes waiting to be read); anything else is
    ENOTTY, as for a file that has no such control."""
    fd, request = _fileno(fd), _index(request) & 0xFFFFFFFF
    if request == _TIOCSCTTY:                # an int argument, not a buffer
        return _trap("ioctl", fd, request, _index(arg))
    value = _trap("ioctl", fd, request)
    if isinstance(arg, int):                 # a pointer, said C: NULL, or nonsense
        raise _oserror(_abi.EFAULT)
    if request == _TIOCGWINSZ:
        result = _struct.pack(_WINSIZE, value[0], value[1], 0, 0)
    else:
        result = _struct.pack("i", value)
    if isinstance(arg, str):
        arg = arg.encode()
    if isinstance(arg, bytearray) and mutate_flag:
        arg[:len(result)] = result[:len(arg)]
        return 0
    return result[:len(arg)] + bytes(arg[len(result):])


_clinic.wrap_all(globals(), "fcntl", _host, ["fcntl", "flock", "lockf", "ioctl"])
del annotations
