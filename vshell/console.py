"""The host side of the virtual terminal: the real stdin, stdout and stderr."""
from __future__ import annotations

import os
import select
import signal
from typing import Optional


class HostConsole:
    """Connects the kernel's terminal device to this process's own fds 0, 1, 2.

    `input_fd` is None when the host's stdin already carried the script, so
    the terminal gives programs EOF instead of eating the script."""

    def __init__(self, input_fd: Optional[int] = 0) -> None:
        self.input_fd = input_fd
        self.interactive = input_fd is not None and os.isatty(input_fd)
        self._tty = {fd: os.isatty(fd) for fd in (0, 1, 2)}
        self.wakeup_fd: Optional[int] = None    # written by host signal handlers

    def attach_signals(self, post) -> None:
        """Forward Ctrl-C, Ctrl-\\ and Ctrl-Z typed on the host terminal to the
        kernel's terminal, which signals its foreground process group."""
        r, w = os.pipe()
        os.set_blocking(w, False)
        os.set_blocking(r, False)
        signal.set_wakeup_fd(w)
        self.wakeup_fd = r
        for sig in (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP):
            signal.signal(sig, lambda signum, frame: post(signum))

    def read(self, timeout: Optional[float]) -> Optional[bytes]:
        if self.input_fd is None:
            return b""
        fds = [self.input_fd] + ([self.wakeup_fd] if self.wakeup_fd is not None else [])
        ready, _, _ = select.select(fds, [], [], timeout)
        if self.wakeup_fd in ready:
            try:
                os.read(self.wakeup_fd, 512)
            except BlockingIOError:
                pass
            return None
        if not ready:
            return None
        return os.read(self.input_fd, 65536)

    def write(self, channel: int, data: bytes) -> None:
        fd = 2 if channel == 2 else 1
        view = memoryview(data)
        try:
            while view:
                n = os.write(fd, view)
                view = view[n:]
        except BrokenPipeError:
            os._exit(141)          # the reader went away: die quietly, as of SIGPIPE

    def isatty(self, channel: int) -> bool:
        return self._tty.get(channel, False)
