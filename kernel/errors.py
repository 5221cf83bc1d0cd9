"""Errors as CPython's os module raises them: OSError with a real errno."""
from __future__ import annotations

import os


def oserror(code: int, filename: object = None, filename2: object = None) -> OSError:
    """OSError(code) with the host's message; the constructor picks the subclass
    (FileNotFoundError for ENOENT, ChildProcessError for ECHILD, ...)."""
    if filename is None:
        return OSError(code, os.strerror(code))
    if filename2 is None:
        return OSError(code, os.strerror(code), filename)
    return OSError(code, os.strerror(code), filename, None, filename2)


def renamed(e: OSError, filename: object, filename2: object = None) -> OSError:
    """e again, naming other files (the path asked for, not the link followed)."""
    if filename2 is None:
        return OSError(e.errno, e.strerror, filename)
    return OSError(e.errno, e.strerror, filename, None, filename2)


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
