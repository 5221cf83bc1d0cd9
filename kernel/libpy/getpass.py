"""The `getpass` module as a virtual process sees it: a password typed unseen.

As CPython's: the prompt and the line go through the terminal (/dev/tty) with
ECHO off, and a newline is written after it, since the one typed was not shown.
When the terminal is not one (input from a pipe or a file), there is nothing
to hide: the prompt and the line go through sys.stdout and sys.stdin, as with
input().
"""
from __future__ import annotations

from kernel.libpy import os as _os
from kernel.libpy import termios as _termios


class GetPassWarning(UserWarning):
    pass


def getpass(prompt: str = "Password: ", stream=None) -> str:
    try:
        fd = _os.open("/dev/tty", _os.O_RDWR | _os.O_NOCTTY)
    except OSError:
        fd = _os.dup(0)
    try:
        def say(text: str) -> None:
            if stream is not None:
                stream.write(text)
                stream.flush()
            else:
                _os.write(fd, text.encode())
        if not _os.isatty(fd):            # nothing to hide: read it as input() would
            sys = _os._rt().sys
            out = stream if stream is not None else sys.stdout
            out.write(prompt)
            out.flush()
            line = sys.stdin.readline()
            if not line:
                raise EOFError
            return line.removesuffix("\n")
        old = _termios.tcgetattr(fd)
        new = list(old)
        new[3] &= ~_termios.ECHO
        _termios.tcsetattr(fd, _termios.TCSAFLUSH, new)     # before the prompt, as CPython
        try:
            say(prompt)
            return _line(fd)
        finally:
            _termios.tcsetattr(fd, _termios.TCSAFLUSH, old)
            say("\n")
    finally:
        _os.close(fd)


def _line(fd: int) -> str:
    """One line (the terminal gives one per read); EOFError at end of input."""
    data = b""
    while not data.endswith(b"\n"):
        chunk = _os.read(fd, 1024)
        if not chunk:
            if not data:
                raise EOFError
            break
        data += chunk
    return data.decode("utf-8", "replace").removesuffix("\n")


def getuser() -> str:
    """The login name: $LOGNAME, $USER, $LNAME or $USERNAME, else the user's passwd entry."""
    environ = _os._rt().environ
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if environ.get(name):
            return environ[name]
    uid = _os.getuid()
    with _os._rt().open("/etc/passwd") as f:
        for line in f:
            fields = line.split(":")
            if len(fields) > 2 and fields[2] == str(uid):
                return fields[0]
    raise OSError(f"No username set in the environment and no passwd entry for uid {uid}")
