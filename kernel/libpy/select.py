"""The `select` module as a virtual process sees it: select() and poll objects
over the kernel's poll system call (kernel/syspoll.py), with CPython's
arguments, errors and PEP 475 retries -- a signal whose handler returns does
not end the wait early; the wait goes on until its deadline.

There is no epoll: the selectors module's DefaultSelector is its PollSelector.
"""
from __future__ import annotations

import errno as _errno
import math as _math
from operator import index as _index
from select import (  # noqa: F401  (Linux's numbers)
    PIPE_BUF, POLLERR, POLLHUP, POLLIN, POLLMSG, POLLNVAL, POLLOUT, POLLPRI, POLLRDBAND,
    POLLRDHUP, POLLRDNORM, POLLWRBAND, POLLWRNORM,
)
from os import strerror as _strerror

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


def _wait(fds: tuple, deadline: float | None) -> list[tuple[int, int]]:
    """poll, retried after a signal's handler has run (PEP 475)."""
    while True:
        try:
            return _trap("poll", fds, deadline)
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
    ready = dict(_wait(tuple(events.items()), _deadline(seconds)))
    if any(revents & POLLNVAL for revents in ready.values()):
        raise OSError(_errno.EBADF, _strerror(_errno.EBADF))
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
            raise OSError(_errno.ENOENT, _strerror(_errno.ENOENT))
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
            return _wait(tuple(self._fds.items()), _deadline(seconds))
        finally:
            self._polling = False


poll.__module__ = "select"


def _ushort(value) -> int:
    value = _index(value)
    if value < 0:
        raise ValueError("value must be positive")
    if value > 0xFFFF:
        raise OverflowError("Python int too large for C unsigned short")
    return value
