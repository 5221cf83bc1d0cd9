"""Python file objects over virtual file descriptors: io.FileIO, open(), and
sys.stdin/stdout/stderr.

The layering is CPython's own io stack -- TextIOWrapper over a Buffered* over
a raw FileIO -- with a FileIO whose reads and writes are system calls.  So the
buffering rules are CPython's: line-buffered on a terminal, block-buffered
(in blocks of the file's st_blksize) into pipes and files, stderr always
line-buffered.  The same FileIO, open() and open_code() are the io and _io
modules a program sees, so every way of opening a file by name reaches the
virtual file system, never the host's.
"""
from __future__ import annotations

import io
import stat as _stat
from operator import index as _index

from kernel.cpu import machine
from kernel.libpy import os as vos
from kernel.proc import State

UnsupportedOperation = io.UnsupportedOperation
TEXT_ENCODING = "UTF-8"          # what open() picks with no encoding, under a UTF-8 locale


def text_encoding() -> str:
    """open()'s default encoding for the running process (UTF-8 mode: 'utf-8')."""
    cpu = machine.cpu
    rt = cpu.current.runtime if cpu is not None and cpu.current is not None else None
    return rt.config.text_encoding if rt is not None else TEXT_ENCODING


class FileIO(io.RawIOBase):
    """io.FileIO: a raw file over a virtual fd, opened by name or given an fd.
    Its API and its errors are CPython's (Modules/_io/fileio.c)."""

    def __init__(self, file, mode: str = "r", closefd: bool = True, opener=None) -> None:
        self._fd = -1
        self._seekable: bool | None = None
        self._owner = _program()
        fd = _fd_of(file)
        if fd is None:
            path = vos._path("FileIO", vos.fspath(file))
            if "\0" in path:
                raise ValueError("embedded null byte")
        elif fd < 0:
            raise ValueError("negative file descriptor")
        if not isinstance(mode, str):
            raise TypeError(f"FileIO() argument 'mode' must be str, not {type(mode).__name__}")
        flags = self._parse_mode(mode)
        if fd is None:
            if not closefd:
                raise ValueError("Cannot use closefd=False with file name")
            fd = self._open(file, path, flags, opener)
            closefd = True
        self._fd = fd
        self._closefd = bool(closefd)
        self._blksize = io.DEFAULT_BUFFER_SIZE
        try:
            st = vos.fstat(fd)
            if _stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError(21, "Is a directory", file)
            if (st.st_blksize or 0) > 1:
                self._blksize = st.st_blksize
            self.name = file
            if self._appending:
                vos.lseek(fd, 0, 2)
        except BaseException:
            if self._closefd:
                self._fd = -1
                vos.close(fd)
            raise

    def _parse_mode(self, mode: str) -> int:
        self._created = self._readable = self._writable = self._appending = False
        flags, rwa, plus = vos.O_CLOEXEC, False, False
        for c in mode:
            if c in "xrwa":
                if rwa:
                    raise ValueError(BAD_MODE)
                rwa = True
                if c == "x":
                    self._created = self._writable = True
                    flags |= vos.O_EXCL | vos.O_CREAT
                elif c == "r":
                    self._readable = True
                elif c == "w":
                    self._writable = True
                    flags |= vos.O_CREAT | vos.O_TRUNC
                else:
                    self._writable = self._appending = True
                    flags |= vos.O_APPEND | vos.O_CREAT
            elif c == "+":
                if plus:
                    raise ValueError(BAD_MODE)
                self._readable = self._writable = plus = True
            elif c != "b":
                raise ValueError(f"invalid mode: {mode}")
        if not rwa:
            raise ValueError(BAD_MODE)
        if self._readable and self._writable:
            return flags | vos.O_RDWR
        return flags | (vos.O_RDONLY if self._readable else vos.O_WRONLY)

    @staticmethod
    def _open(file, path: str, flags: int, opener) -> int:
        if opener is None:
            try:
                return vos.open(path, flags, 0o666)
            except OSError as e:
                e.filename = file
                raise
        fd = opener(file, flags)
        if not isinstance(fd, int):
            raise TypeError("expected integer from opener")
        if fd < 0:
            raise ValueError(f"opener returned {fd}")
        if vos.get_inheritable(fd):
            vos.set_inheritable(fd, False)      # as CPython: files it opens are non-inheritable
        return fd

    @classmethod
    def _std(cls, fd: int, mode: str, name: str) -> FileIO:
        """A standard stream's raw file, sized by its st_blksize (the default
        size if fd is not open now: CPython made its streams at start-up)."""
        self = cls.__new__(cls)
        self._owner = _program()
        self._parse_mode(mode)
        self._fd, self._closefd, self._blksize = fd, False, io.DEFAULT_BUFFER_SIZE
        self._seekable = None
        self.name = name
        try:
            blksize = vos.fstat(fd).st_blksize
        except OSError:
            blksize = None
        if blksize is not None and blksize > 1:
            self._blksize = blksize
        return self

    # ---- what FileIO is --------------------------------------------------------

    @property
    def mode(self) -> str:
        if self._created:
            return "xb+" if self._readable else "xb"
        if self._appending:
            return "ab+" if self._readable else "ab"
        if self._readable:
            return "rb+" if self._writable else "rb"
        return "wb"

    @property
    def closefd(self) -> bool:
        return self._closefd

    @property
    def closed(self) -> bool:
        return self._fd < 0

    def fileno(self) -> int:
        self._check_open()
        return self._fd

    def readable(self) -> bool:
        self._check_open()
        return self._readable

    def writable(self) -> bool:
        self._check_open()
        return self._writable

    def seekable(self) -> bool:
        self._check_open()
        if self._seekable is None:
            try:
                self._lseek(0, 1)
            except OSError:
                pass
        return bool(self._seekable)              # (_lseek has made it True or False)

    def _lseek(self, pos: int, whence: int) -> int:
        """lseek, noting whether the file can seek at all (as fileio.c's portable_lseek)."""
        try:
            result = vos.lseek(self._fd, pos, whence)
        except OSError:
            if self._seekable is None:
                self._seekable = False
            raise
        if self._seekable is None:
            self._seekable = True
        return result

    def isatty(self) -> bool:
        self._check_open()
        return vos.isatty(self._fd)

    def __repr__(self) -> str:
        if self._fd < 0:
            return "<_io.FileIO [closed]>"
        return f"<_io.FileIO name={self.name!r} mode='{self.mode}' closefd={self._closefd}>"

    def __getstate__(self):
        raise TypeError("cannot pickle '_io.FileIO' object")

    def _dealloc_warn(self, source) -> None:
        """Called by a buffered file's finalizer (CPython warns of unclosed files)."""

    # ---- reading and writing: one system call each -----------------------------------

    def read(self, size=-1):
        self._check("reading", self._readable)
        size = -1 if size is None else _index(size)
        if size < 0:
            return self.readall()
        try:
            return vos.read(self._fd, size)
        except BlockingIOError:
            return None

    def readall(self):
        self._check("reading", self._readable)
        chunks = []
        while True:
            try:
                data = vos.read(self._fd, 65536)
            except BlockingIOError:
                if chunks:
                    break
                return None
            if not data:
                break
            chunks.append(data)
        return b"".join(chunks)

    def readinto(self, b):
        self._check("reading", self._readable)
        view = memoryview(b).cast("B")
        try:
            data = vos.read(self._fd, len(view))
        except BlockingIOError:
            return None
        n = len(data)
        view[:n] = data
        return n

    def write(self, b):
        self._check("writing", self._writable)
        if not self._mine():
            return memoryview(b).nbytes   # finalized after its process ended: nowhere to go
        try:
            return vos.write(self._fd, b)
        except BlockingIOError:
            return None

    def seek(self, pos, whence: int = 0) -> int:
        self._check_open()
        return self._lseek(_index(pos), whence)

    def tell(self) -> int:
        self._check_open()
        return self._lseek(0, 1)

    def truncate(self, size=None) -> int:
        self._check("writing", self._writable)
        size = self.tell() if size is None else _index(size)
        vos.ftruncate(self._fd, size)
        return size

    def close(self) -> None:
        if self._fd < 0:
            return
        try:
            super().close()
        finally:
            fd, self._fd = self._fd, -1
            if self._closefd and self._mine():
                vos.close(fd)

    # ---- checks ---------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._fd < 0:
            raise ValueError("I/O operation on closed file")

    def _check(self, what: str, allowed: bool) -> None:
        self._check_open()
        if not allowed:
            raise UnsupportedOperation(f"File not open for {what}")

    def _mine(self) -> bool:
        """Only the program that opened a file may use it.  The garbage collector
        may finalize a dead program's file objects while another process runs, or
        after the process exec'd another program: their flush and close must not
        touch any process's fds (as on Unix, where that memory is simply gone)."""
        owner = self._owner
        return owner is not None and owner is _program() and owner.p.state is not State.ZOMBIE


def _program():
    """The running program: its process's current runtime (None in the kernel)."""
    cpu = machine.cpu
    p = cpu.current if cpu is not None else None
    return p.runtime if p is not None else None


FileIO.__module__ = "_io"
BAD_MODE = "Must have exactly one of create/read/write/append mode and at most one plus"


def _fd_of(file) -> int | None:
    """file as a file descriptor, or None if it names a file."""
    if isinstance(file, int):
        return int(file)
    if isinstance(file, (str, bytes)) or hasattr(type(file), "__fspath__"):
        return None
    try:
        return _index(file)
    except TypeError:
        return None


def std_stream(fd: int, config) -> io.TextIOWrapper:
    """sys.stdin, stdout or stderr, as CPython's create_stdio makes them: buffered
    in blocks of the file's st_blksize, line-buffered on a terminal (stderr
    always); with `python -u` (or PYTHONUNBUFFERED) stdout and stderr write
    through, unbuffered; stdin is always buffered."""
    reading = fd == 0
    raw = FileIO._std(fd, "rb" if reading else "wb", f"<{('stdin', 'stdout', 'stderr')[fd]}>")
    errors = "backslashreplace" if fd == 2 else config.io_errors
    buffered = reading or not config.unbuffered
    buffer: io.RawIOBase | io.BufferedIOBase
    if buffered:
        raw.isatty()                            # (io.open asks, for its line buffering)
        buffer = (io.BufferedReader if reading else io.BufferedWriter)(raw, raw._blksize)
    else:
        buffer = raw
    tty = raw.isatty()
    line_buffering = not config.unbuffered and (tty or fd == 2)
    text = io.TextIOWrapper(buffer, encoding=config.io_encoding, errors=errors, newline="\n",
                            line_buffering=line_buffering, write_through=config.unbuffered)
    # as CPython's: <... name='<stdout>' mode='w' ...> (an attribute the type stubs make read-only)
    text.mode = "r" if reading else "w"  # type: ignore[misc]
    return text


def open(file, mode: str = "r", buffering: int = -1, encoding=None, errors=None,
         newline=None, closefd: bool = True, opener=None):
    """The builtin open() and io.open(), on virtual files (Modules/_io/_iomodule.c)."""
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    buffering = _index(buffering)
    for name, value in (("encoding", encoding), ("errors", errors), ("newline", newline)):
        if not isinstance(value, (str, type(None))):
            raise TypeError(f"open() argument '{name}' must be str or None, "
                            f"not {type(value).__name__}")
    if not isinstance(file, int):
        file = vos.fspath(file)
    for i, c in enumerate(mode):
        if c not in "xrwa+tb" or c in mode[i + 1:]:
            raise ValueError(f"invalid mode: '{mode}'")
    creating, reading, writing, appending = ("x" in mode), ("r" in mode), ("w" in mode), ("a" in mode)
    updating, text, binary = "+" in mode, "t" in mode, "b" in mode
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    for name, value in (("an encoding", encoding), ("an errors", errors), ("a newline", newline)):
        if binary and value is not None:
            raise ValueError(f"binary mode doesn't take {name} argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in binary mode, the default "
                      "buffer size will be used", RuntimeWarning, 2)
    rawmode = "".join(c for c, on in zip("xrwa+", (creating, reading, writing, appending, updating))
                      if on)
    result: io.IOBase
    buffer: io.BufferedIOBase
    result = raw = FileIO(file, rawmode, closefd, opener)
    try:
        line_buffering = buffering == 1 or buffering < 0 and raw.isatty()
        if line_buffering or buffering < 0:
            buffering = raw._blksize
        if buffering == 0:
            if binary:
                return raw
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            result = buffer = io.BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            result = buffer = io.BufferedWriter(raw, buffering)
        else:
            result = buffer = io.BufferedReader(raw, buffering)
        if binary:
            return _kept(buffer, reading and not updating)
        result = wrapper = io.TextIOWrapper(buffer, encoding or text_encoding(), errors, newline,
                                            line_buffering)
        wrapper.mode = mode  # type: ignore[misc]  # (settable, as io.open sets it; the stubs disagree)
        return _kept(wrapper, reading and not updating)
    except BaseException:
        result.close()
        raise


def _kept(f, read_only: bool):
    """A file the program writes through a buffer: kept in mind by its process,
    which closes it at exit if the program has not (CPython's collector
    finalizes every such file then, wherever the program left it)."""
    if not read_only:
        rt = _program()
        if rt is not None:
            rt.keep_file(f)
    return f


def open_code(path):
    """io.open_code(): open a file to read its code (CPython: open(path, 'rb'))."""
    if not isinstance(path, str):
        raise TypeError(f"open_code() argument 'path' must be str, not {type(path).__name__}")
    return open(path, "rb")


# What the io and _io modules of a process have in place of the host's.
IO_NAMES = {"open": open, "FileIO": FileIO, "open_code": open_code}
