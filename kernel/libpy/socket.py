"""`socket` as the standard library sees it inside a virtual process: its names,
but no socket.

The machine has no network, and a host socket would reach the host's.  A
program's own `import socket` is refused (kernel/libpy/runtime.py), but the
library modules that only mention sockets -- logging.handlers and
logging.config, whose file handlers students use, import socket and
socketserver for the network handlers they define -- get this module: its
constants, exceptions and types, and a refusal from everything that would
make a socket.
"""
from __future__ import annotations

import socket as _host
from socket import (  # noqa: F401  (the host's types: the same exceptions and enums)
    AddressFamily, SocketKind, gaierror, herror, timeout,
)

from kernel.libpy.os import _trap

error = OSError
globals().update({name: value for name, value in vars(_host).items()
                  if name.isupper() and isinstance(value, int)})


def _refuse(*args, **kwargs):
    raise PermissionError(1, "not available in vshell: sockets (the machine has no network)")


class socket:
    """No socket can be made: the machine has no network."""

    def __init__(self, *args, **kwargs) -> None:
        _refuse()


SocketType = socket
create_connection = create_server = getaddrinfo = gethostbyname = gethostbyaddr = _refuse
socketpair = fromfd = getnameinfo = getservbyname = _refuse


def gethostname() -> str:
    return _trap("uname")[1]


def getfqdn(name: str = "") -> str:
    return name or gethostname()
