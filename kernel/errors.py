"""Errors as CPython's os module raises them: OSError with a real errno.

The errno is the machine's (kernel/abi.py), so the subclass is chosen here by
the machine's number, as CPython's OSError chooses it by the host's (which on
macOS are not Linux's): FileNotFoundError for ENOENT, ChildProcessError for
ECHILD, ...  A host mount is the one place a host errno comes in: from_host
translates it by name.
"""
from __future__ import annotations

import errno as host_errno

from kernel import abi

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Mapping

# CPython's errno -> OSError subclass map (Objects/exceptions.c), in the machine's numbers
SUBCLASSES: dict[int, type[OSError]] = {
    abi.EAGAIN: BlockingIOError, abi.EALREADY: BlockingIOError,
    abi.EINPROGRESS: BlockingIOError, abi.ECHILD: ChildProcessError,
    abi.EPIPE: BrokenPipeError, abi.ESHUTDOWN: BrokenPipeError,
    abi.ECONNABORTED: ConnectionAbortedError, abi.ECONNREFUSED: ConnectionRefusedError,
    abi.ECONNRESET: ConnectionResetError, abi.EEXIST: FileExistsError,
    abi.ENOENT: FileNotFoundError, abi.EISDIR: IsADirectoryError,
    abi.ENOTDIR: NotADirectoryError, abi.EINTR: InterruptedError,
    abi.EACCES: PermissionError, abi.EPERM: PermissionError,
    abi.ESRCH: ProcessLookupError, abi.ETIMEDOUT: TimeoutError,
}


def oserror(code: int, filename: object = None, filename2: object = None,
            strerror: str | None = None) -> OSError:
    """OSError(code) with strerror's words (or the ones given), of the subclass
    CPython's os gives that errno."""
    cls = SUBCLASSES.get(code, OSError)
    message = abi.strerror(code) if strerror is None else strerror
    if filename is None:
        return cls(code, message)
    if filename2 is None:
        return cls(code, message, filename)
    return cls(code, message, filename, None, filename2)


def renamed(e: OSError, filename: object = None, filename2: object = None) -> OSError:
    """e again, naming other files (the path asked for, not the link followed)."""
    return oserror(e.errno or 0, filename, filename2, e.strerror)


HOST_NAMES: Mapping[int, str] = host_errno.errorcode     # the host's numbers' names


def from_host(e: OSError) -> OSError:
    """A host file's error (on a mount) in the machine's numbers and words: the
    same name (ENOENT is ENOENT), whatever number the host gives it."""
    code = abi.ERRNOS.get(HOST_NAMES.get(e.errno or 0, ""), abi.EIO)
    return oserror(code, e.filename, e.filename2)


class Unwind(BaseException):
    """Unwinds a process's stack when it leaves its program (exit or exec).

    A BaseException, so `except Exception` in a program does not stop it; every
    system call made while unwinding raises it again, so nothing a program does
    on the way out has any effect."""


class ProcessExit(Unwind):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status            # wait status


class ExecImage(Unwind):
    def __init__(self, image) -> None:
        super().__init__(image.path)
        self.image = image
