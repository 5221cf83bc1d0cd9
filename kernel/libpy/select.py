"""The `select` module as a virtual process sees it: select() and poll objects
over the kernel's poll system call (kernel/syspoll.py), epoll objects over
its epoll instances (kernel/epoll.py), with CPython's arguments, errors and
PEP 475 retries -- a signal whose handler returns does not end the wait
early; the wait goes on until its deadline.
"""
from __future__ import annotations

import math as _math
from operator import index as _index
from select import (  # noqa: F401  (Linux's numbers)
    EPOLL_CLOEXEC, EPOLLERR, EPOLLET, EPOLLEXCLUSIVE, EPOLLHUP, EPOLLIN, EPOLLMSG, EPOLLONESHOT,
    EPOLLOUT, EPOLLPRI, EPOLLRDBAND, EPOLLRDHUP, EPOLLRDNORM, EPOLLWRBAND, EPOLLWRNORM, PIPE_BUF,
    POLLERR, POLLHUP, POLLIN, POLLMSG, POLLNVAL, POLLOUT, POLLPRI, POLLRDBAND, POLLRDHUP,
    POLLRDNORM, POLLWRBAND, POLLWRNORM,
)

from kernel import abi as _abi
from kernel.errors import oserror as _oserror
from kernel.cpu import machine as _machine
from kernel.libpy.os import _trap

error = OSError
FD_SETSIZE = 1024
# Which poll answers make select() count an fd readable, writable, exceptional (fs/select.c).
_IN_SET = POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR
_OUT_SET = POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR
_EX_SET = POLLPRI


def _fileno(obj) -> int:
    """CPython's PyObject_AsFileDescriptor: an int, or what fileno() returns."""
    if isinstance(obj, int):
        fd = int(obj)
    else:
        method = getattr(obj, "fileno", None)
        if method is None:
            raise TypeError("argument must be an int, or have a fileno() method.")
        fd = method()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
        fd = int(fd)
    if fd < 0:
        raise ValueError(f"file descriptor cannot be a negative integer ({fd})")
    return fd


def _deadline(seconds: float | None) -> float | None:
    """The kernel's monotonic time at which a wait of seconds ends (None: never)."""
    if seconds is None:
        return None
    if seconds <= 0:
        return 0.0                      # already past: look, don't wait
    return _trap("monotonic") + seconds


def _wait(call: str, *args) -> list[tuple[int, int]]:
    """poll or epoll_wait, retried after a signal's handler has run (PEP 475): the
    deadline stays, so the wait goes on for what is left of it."""
    while True:
        try:
            return _trap(call, *args)
        except InterruptedError:
            continue


class _BuiltinFunction:
    """A function that, like CPython's built-in ones, stays a plain function when
    a class keeps it as an attribute (selectors does: `_select = select.select`)."""

    def __init__(self, fn) -> None:
        self._fn = fn
        self.__name__ = self.__qualname__ = fn.__name__
        self.__doc__ = fn.__doc__
        self.__module__ = "select"

    def __call__(self, *args, **kwargs):
        return self._fn(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<built-in function {self.__name__}>"


# ---- select ------------------------------------------------------------------------------

def select(rlist, wlist, xlist, timeout=None, /):
    """Wait until one or more file descriptors are ready for some kind of I/O."""
    seconds = _seconds(timeout, "timeout must be a float or None")
    if seconds is not None and seconds < 0:
        raise ValueError("timeout must be non-negative")
    lists = []
    events: dict[int, int] = {}
    for seq, asked in ((rlist, _IN_SET), (wlist, _OUT_SET), (xlist, _EX_SET)):
        try:
            items = list(seq)
        except TypeError:
            raise TypeError("arguments 1-3 must be sequences") from None
        fds = []
        for obj in items:
            fd = _fileno(obj)
            if fd >= FD_SETSIZE:
                raise ValueError("filedescriptor out of range in select()")
            events[fd] = events.get(fd, 0) | (asked & (POLLIN | POLLOUT | POLLPRI))
            fds.append((obj, fd))
        lists.append(fds)
    ready = dict(_wait("poll", tuple(events.items()), _deadline(seconds)))
    if any(revents & POLLNVAL for revents in ready.values()):
        raise _oserror(_abi.EBADF)
    return tuple([obj for obj, fd in fds if ready.get(fd, 0) & mask]
                 for fds, mask in zip(lists, (_IN_SET, _OUT_SET, _EX_SET)))


select = _BuiltinFunction(select)


def _seconds(timeout, message: str) -> float | None:
    if timeout is None:
        return None
    if not isinstance(timeout, (int, float)):
        if not hasattr(type(timeout), "__index__") and not hasattr(type(timeout), "__float__"):
            raise TypeError(message)
        timeout = float(timeout)
    if timeout != timeout:
        raise ValueError("Invalid value NaN (not a number)")
    return timeout


# ---- poll --------------------------------------------------------------------------------

class poll:
    """A polling object: register file descriptors, then poll() them.  (A class,
    not a function: selectors keeps it as a class attribute, as it keeps
    CPython's built-in one, and a function there would become a method.)"""

    def __init__(self) -> None:
        self._fds: dict[int, int] = {}
        self._polling = False

    def register(self, fd, eventmask: int = POLLIN | POLLPRI | POLLOUT, /) -> None:
        """Register fd (or update its events): poll() reports it."""
        self._fds[_fileno(fd)] = _ushort(eventmask)

    def modify(self, fd, eventmask: int, /) -> None:
        """Change the events of a registered fd."""
        fd = _fileno(fd)
        mask = _ushort(eventmask)
        if fd not in self._fds:
            raise _oserror(_abi.ENOENT)
        self._fds[fd] = mask

    def unregister(self, fd, /) -> None:
        """Forget fd."""
        fd = _fileno(fd)
        if fd not in self._fds:
            raise KeyError(fd)
        del self._fds[fd]

    def poll(self, timeout=None, /) -> list[tuple[int, int]]:
        """The registered fds that are ready, as (fd, events) pairs; timeout in
        milliseconds (None or negative: wait as long as it takes)."""
        ms = _seconds(timeout, "timeout must be an integer or None")
        seconds = None if ms is None or ms < 0 else _math.ceil(ms) / 1000
        if self._polling:
            raise RuntimeError("concurrent poll() invocation")
        self._polling = True
        try:
            return _wait("poll", tuple(self._fds.items()), _deadline(seconds))
        finally:
            self._polling = False


poll.__module__ = "select"


# ---- epoll -------------------------------------------------------------------------------

_EPOLL_CTL_ADD, _EPOLL_CTL_DEL, _EPOLL_CTL_MOD = 1, 2, 3


class epoll:
    """select.epoll(sizehint=-1, flags=0)

    Returns an epolling object: an epoll instance of the kernel, by its fd."""

    def __init__(self, sizehint: int = -1, flags: int = 0) -> None:
        sizehint, flags = _index(sizehint), _index(flags)
        if sizehint != -1 and sizehint <= 0:
            raise ValueError("negative sizehint")
        if flags and flags != EPOLL_CLOEXEC:
            raise OSError("invalid flags")
        self._fd = -1
        self._owner = _machine.cpu.current
        self._fd = _trap("epoll_create", True)      # non-inheritable, as CPython's (PEP 446)

    @classmethod
    def fromfd(cls, fd: int) -> "epoll":
        """An epoll object for an epoll instance's fd."""
        obj = cls.__new__(cls)
        obj._fd, obj._owner = _index(fd), _machine.cpu.current
        return obj

    def _open(self) -> int:
        if self._fd < 0:
            raise ValueError("I/O operation on closed epoll object")
        return self._fd

    @property
    def closed(self) -> bool:
        return self._fd < 0

    def fileno(self) -> int:
        return self._open()

    def close(self) -> None:
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            _trap("close", fd)

    def register(self, fd, eventmask: int = EPOLLIN | EPOLLPRI | EPOLLOUT) -> None:
        """Watch fd for the events in eventmask."""
        _trap("epoll_ctl", self._open(), _EPOLL_CTL_ADD, _fileno(fd), _uint(eventmask))

    def modify(self, fd, eventmask: int) -> None:
        _trap("epoll_ctl", self._open(), _EPOLL_CTL_MOD, _fileno(fd), _uint(eventmask))

    def unregister(self, fd) -> None:
        _trap("epoll_ctl", self._open(), _EPOLL_CTL_DEL, _fileno(fd), 0)

    def poll(self, timeout=None, maxevents: int = -1) -> list[tuple[int, int]]:
        """The watched fds that are ready, as (fd, events) pairs; timeout in
        seconds (None or negative: wait as long as it takes)."""
        epfd = self._open()
        seconds = _seconds(timeout, "timeout must be an integer or None")
        maxevents = _index(maxevents)
        if maxevents == -1:
            maxevents = FD_SETSIZE - 1
        elif maxevents < 1:
            raise ValueError(f"maxevents must be greater than 0, got {maxevents}")
        deadline = _deadline(None if seconds is None or seconds < 0 else seconds)
        return _wait("epoll_wait", epfd, maxevents, deadline)

    def __enter__(self) -> "epoll":
        self._open()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        """Dropped unclosed: its fd is closed, as CPython's is -- by its own
        process only (a finalizer may run while another process is on the CPU)."""
        cpu, owner = _machine.cpu, self._owner
        if self._fd >= 0 and cpu is not None and cpu.current is owner and owner is not None \
                and owner.unwinding is None:
            try:
                self.close()
            except OSError:
                pass


epoll.__module__ = "select"


def _uint(value) -> int:
    value = _index(value)
    if value < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if value > 0xFFFFFFFF:
        raise OverflowError("Python int too large to convert to C unsigned long")
    return value


def _ushort(value) -> int:
    value = _index(value)
    if value < 0:
        raise ValueError("value must be positive")
    if value > 0xFFFF:
        raise OverflowError("Python int too large for C unsigned short")
    return value
