"""Python file objects over virtual file descriptors: sys.stdin/stdout/stderr and open().

The layering is CPython's own io stack -- TextIOWrapper over a Buffered* over
a raw file -- with a raw file whose reads and writes are system calls.  So the
buffering rules are CPython's: line-buffered on a terminal, block-buffered into
pipes and files, stderr always line-buffered.
"""
from __future__ import annotations

import io

from kernel.cpu import machine
from kernel.libpy import os as vos
from kernel.proc import State


class FdIO(io.RawIOBase):
    """A raw file over a virtual fd (CPython's FileIO, trapping into the kernel)."""

    def __init__(self, fd: int, mode: str = "r", closefd: bool = True, name=None) -> None:
        super().__init__()
        self._owner = machine.cpu.current if machine.cpu is not None else None
        self._fd = fd
        self._mode = mode
        self._closefd = closefd
        self.name = fd if name is None else name

    @property
    def mode(self) -> str:
        return self._mode

    def fileno(self) -> int:
        return self._fd

    def readable(self) -> bool:
        return "r" in self._mode or "+" in self._mode

    def writable(self) -> bool:
        return any(c in self._mode for c in "wax+")

    def seekable(self) -> bool:
        try:
            vos.lseek(self._fd, 0, 1)
            return True
        except OSError:
            return False

    def isatty(self) -> bool:
        return vos.isatty(self._fd)

    def readinto(self, b) -> int:
        data = vos.read(self._fd, len(b))
        n = len(data)
        b[:n] = data
        return n

    def readall(self) -> bytes:
        chunks = []
        while True:
            data = vos.read(self._fd, 65536)
            if not data:
                return b"".join(chunks)
            chunks.append(data)

    def _mine(self) -> bool:
        """Only the process that opened a file may use it.  The garbage collector
        may finalize a dead process's file objects while another process runs:
        their flush and close must not touch that process's fds."""
        cpu = machine.cpu
        owner = self._owner
        return cpu is not None and cpu.current is owner and owner.state is not State.ZOMBIE

    def write(self, b) -> int:
        if not self._mine():
            return len(b)             # finalized after its process ended: nowhere to go
        return vos.write(self._fd, b)

    def seek(self, pos: int, whence: int = 0) -> int:
        return vos.lseek(self._fd, pos, whence)

    def tell(self) -> int:
        return vos.lseek(self._fd, 0, 1)

    def truncate(self, size=None) -> int:
        size = self.tell() if size is None else size
        vos.ftruncate(self._fd, size)
        return size

    def close(self) -> None:
        if not self.closed:
            try:
                super().close()
            finally:
                if self._closefd and self._mine():
                    vos.close(self._fd)

    def __repr__(self) -> str:
        return f"<FdIO name={self.name!r} mode={self._mode!r}>"


def std_stream(fd: int, mode: str, unbuffered: bool = False) -> io.TextIOWrapper:
    """sys.stdin/stdout/stderr: buffered as CPython buffers them (PYTHONUNBUFFERED
    makes stdout and stderr write through at once)."""
    raw = FdIO(fd, mode, closefd=False, name=f"<{('stdin', 'stdout', 'stderr')[fd]}>")
    errors = "backslashreplace" if fd == 2 else "strict"
    if mode == "r":
        text = io.TextIOWrapper(io.BufferedReader(raw), encoding="utf-8", errors="surrogateescape")
    elif unbuffered:
        text = io.TextIOWrapper(raw, encoding="utf-8", errors=errors, write_through=True)
    else:
        tty = fd == 2 or vos.isatty(fd)
        text = io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8", errors=errors,
                                line_buffering=tty)
    text.mode = mode                        # as CPython's: <... name='<stdout>' mode='w' ...>
    return text


def open(file, mode: str = "r", buffering: int = -1, encoding=None, errors=None,
         newline=None, closefd: bool = True, opener=None):
    """The builtin open(), on virtual files."""
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError(f"invalid mode: '{mode}'")
    creating, reading, writing, appending = "x" in modes, "r" in modes, "w" in modes, "a" in modes
    updating, binary = "+" in modes, "b" in modes
    if creating + reading + writing + appending != 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if isinstance(file, int):
        fd = file
    else:
        path = vos._path("open", file, True) if not isinstance(file, int) else file
        flags = (vos.O_RDWR if updating else vos.O_RDONLY if reading else vos.O_WRONLY)
        if writing:
            flags |= vos.O_CREAT | vos.O_TRUNC
        elif appending:
            flags |= vos.O_CREAT | vos.O_APPEND
        elif creating:
            flags |= vos.O_CREAT | vos.O_EXCL
        fd = opener(path, flags) if opener else vos.open(path, flags, 0o666)
        import stat
        if stat.S_ISDIR(vos.fstat(fd).st_mode):
            vos.close(fd)
            raise IsADirectoryError(21, "Is a directory", file)
    raw_mode = ("r" if reading else "w" if writing else "a" if appending else "x") + ("+" if updating else "")
    raw = FdIO(fd, raw_mode, closefd=closefd, name=file)
    line_buffering = False
    if buffering == 1 or buffering < 0 and raw.isatty():
        buffering = -1
        line_buffering = True
    if buffering == 0:
        if binary:
            return raw
        raise ValueError("can't have unbuffered text I/O")
    size = buffering if buffering > 1 else io.DEFAULT_BUFFER_SIZE
    if updating:
        buffer = io.BufferedRandom(raw, size)
    elif reading:
        buffer = io.BufferedReader(raw, size)
    else:
        buffer = io.BufferedWriter(raw, size)
    if binary:
        return buffer
    text = io.TextIOWrapper(buffer, encoding or "utf-8", errors, newline, line_buffering)
    text.mode = mode
    return text
