"""The `termios` module as a virtual process sees it: the kernel's terminal modes.

vshell's terminal reads a line at a time, with Ctrl-C, Ctrl-\\ and Ctrl-Z as
signals; the modes a program can change are ECHO, which is what `getpass` turns
off while a password is typed, and ICANON, which `tty.setcbreak` turns off so
that each key is read as it is typed (top's q).  tcgetattr gives the usual
seven fields; tcsetattr honours those two and refuses any other change, with
the error a real program would handle, rather than pretending to have done it.
"""
from __future__ import annotations

import errno as _errno
import termios as _host
from termios import (  # noqa: F401  (the host's constants: the same numbers everywhere)
    B38400, BRKINT, CREAD, CS8, ECHO, ECHOE, ECHOK, ECHONL, ICANON, ICRNL, IEXTEN, ISIG,
    IXON, ONLCR, OPOST, TCSADRAIN, TCSAFLUSH, TCSANOW, VEOF, VERASE, VINTR, VKILL, VMIN,
    VQUIT, VSUSP, VTIME, NCCS,
)

from kernel.cpu import machine as _machine
from kernel.libpy.os import _fd

# the rest of the host's constants too (TIOCGWINSZ, FIONREAD, ... for fcntl.ioctl)
globals().update({n: v for n, v in vars(_host).items()
                  if n.isupper() and isinstance(v, int) and n not in globals()})

# What the terminal's flags always are; ECHO comes and goes.
_IFLAG = BRKINT | ICRNL | IXON
_OFLAG = OPOST | ONLCR
_CFLAG = CS8 | CREAD | B38400
_LFLAG = ISIG | IEXTEN | ECHOE | ECHOK
_CHANGES = ECHO | ICANON        # the local modes a program may change
_CC = {VINTR: b"\x03", VQUIT: b"\x1c", VERASE: b"\x7f", VKILL: b"\x15", VEOF: b"\x04",
       VSUSP: b"\x1a", VMIN: b"\x01", VTIME: b"\x00"}


class error(Exception):
    """termios.error: (errno, message), as CPython raises it."""


def _trap(call: str, *args):
    try:
        return _machine.cpu.trap(call, args)
    except OSError as e:
        raise error(e.errno, e.strerror) from None


def tcgetattr(fd: int) -> list:
    """[iflag, oflag, cflag, lflag, ispeed, ospeed, cc] of the terminal fd."""
    modes = _trap("tcgetattr", _fd(fd))
    cc = [_CC.get(i, b"\x00") for i in range(NCCS)]
    return [_IFLAG, _OFLAG, _CFLAG, _LFLAG | (modes & _CHANGES), B38400, B38400, cc]


def tcsetattr(fd: int, when: int, attributes: list) -> None:
    if when not in (TCSANOW, TCSADRAIN, TCSAFLUSH):
        raise error(_errno.EINVAL, "Invalid argument")
    if not isinstance(attributes, list) or len(attributes) != 7:
        raise TypeError("tcsetattr, arg 3: must be 7 element list")
    current = tcgetattr(fd)
    wanted = list(attributes)
    wanted[3] = (wanted[3] & ~_CHANGES) | (current[3] & _CHANGES)
    if wanted[:6] != current[:6]:
        raise error(_errno.EINVAL, "vshell's terminal can change only ECHO and ICANON")
    _trap("tcsetattr", _fd(fd), int(attributes[3]) & _CHANGES)
