"""The `termios` module as a virtual process sees it: the kernel's terminal modes.

tcgetattr gives the usual seven fields and tcsetattr sets them, through the
kernel's terminal (kernel/tty.py), which acts on ICANON (a line at a time, or
each key as it is typed: what `less` and `edit` ask for), ISIG (Ctrl-C,
Ctrl-\\ and Ctrl-Z as signals), ECHO (what `getpass` turns off while a
password is typed), ICRNL and VMIN, and keeps the rest as set.
"""
from __future__ import annotations

import termios as _host
from termios import (  # noqa: F401  (the host's constants: the same numbers everywhere)
    B38400, BRKINT, CREAD, CS8, ECHO, ECHOE, ECHOK, ECHONL, ICANON, ICRNL, IEXTEN, ISIG,
    IXON, ONLCR, OPOST, TCSADRAIN, TCSAFLUSH, TCSANOW, VEOF, VERASE, VINTR, VKILL, VMIN,
    VQUIT, VSUSP, VTIME, NCCS,
)

from kernel import abi as _abi
from kernel.cpu import machine as _machine
from kernel.libpy.os import _fd

# the rest of the host's constants too (TIOCGWINSZ, FIONREAD, ... for fcntl.ioctl)
globals().update({n: v for n, v in vars(_host).items()
                  if n.isupper() and isinstance(v, int) and n not in globals()})

class error(Exception):
    """termios.error: (errno, message), as CPython raises it."""


def _trap(call: str, *args):
    try:
        return _machine.cpu.trap(call, args)
    except OSError as e:
        raise error(e.errno, e.strerror) from None


def tcgetattr(fd: int) -> list:
    """[iflag, oflag, cflag, lflag, ispeed, ospeed, cc] of the terminal fd."""
    return _trap("tcgetattr", _fd(fd))


def tcsetattr(fd: int, when: int, attributes: list) -> None:
    """Set the terminal's modes (when: TCSANOW, TCSADRAIN or TCSAFLUSH, which are
    alike here: output is never queued)."""
    if when not in (TCSANOW, TCSADRAIN, TCSAFLUSH):
        raise error(_abi.EINVAL, "Invalid argument")
    if not isinstance(attributes, list) or len(attributes) != 7:
        raise TypeError("tcsetattr, arg 3: must be 7 element list")
    *flags, cc = attributes
    for value in flags:
        if not isinstance(value, int):
            raise TypeError("tcsetattr: attributes[0..5] must be integers")
    if not isinstance(cc, list) or len(cc) != NCCS:
        raise TypeError(f"tcsetattr: attributes[6] must be {NCCS} element list")
    for c in cc:
        if not (isinstance(c, bytes) and len(c) == 1 or isinstance(c, int)):
            raise TypeError("tcsetattr: elements of attributes must be characters or integers")
    while True:
        try:
            return _machine.cpu.trap("tcsetattr", (_fd(fd), [*flags, list(cc)]))
        except InterruptedError:
            continue        # stopped by SIGTTOU in the background, then continued: again,
        except OSError as e:        # as Linux restarts the call
            raise error(e.errno, e.strerror) from None
