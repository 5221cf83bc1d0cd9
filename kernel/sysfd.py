"""System calls on open file descriptors, beyond open, read and write: reading
and writing at an offset, many buffers at once, or file to file (sendfile);
syncing; changing a file through its fd (fchmod, fchdir, ...); the fd's own
flags (fcntl) and a device's controls (ioctl); memory files (memfd_create).
"""
from __future__ import annotations


from . import abi
from . import locks
from .abi import (O_APPEND, O_ASYNC, O_DIRECT, O_DSYNC, O_LARGEFILE, O_NOATIME, O_NONBLOCK, O_SYNC,
                  O_WRONLY)
from .errors import oserror
from .files import OpenFile
from .fs import X_OK, File
from .proc import Proc
from .sysfile import O_RDWR, _fsize, _nofile, sys_read, sys_write
from .sysproc import syscall

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .kernel import Kernel

F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_SETFL = 0, 1, 2, 3, 4
F_DUPFD_CLOEXEC, F_SETPIPE_SZ, F_GETPIPE_SZ = 1030, 1031, 1032
FD_CLOEXEC = 1
# the status flags F_SETFL may change (the others are fixed at open)
SETFL = O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_NOATIME
PAGE = 4096
PIPE_MAX_SIZE = 1 << 20     # /proc/sys/fs/pipe-max-size
TIOCGWINSZ, FIONREAD, TIOCSCTTY = 0x5413, 0x541B, 0x540E


def _file(p: Proc, fd: int, readable: bool = False, writable: bool = False) -> OpenFile:
    f = p.fds.get(fd)
    if readable and not f.readable or writable and not f.writable:
        raise oserror(abi.EBADF)
    return f


# ---- reading and writing at an offset, and many buffers at once ---------------------------

@syscall
def sys_pread(k: "Kernel", p: Proc, fd: int, n: int, offset: int) -> bytes:
    """Read at offset, leaving the file's offset where it was."""
    f = _file(p, fd, readable=True)
    _seekable(f)
    if offset < 0:
        raise oserror(abi.EINVAL)
    return f.inode.read_at(offset, n)


@syscall
def sys_pwrite(k: "Kernel", p: Proc, fd: int, data: bytes, offset: int) -> int:
    """Write at offset, leaving the file's offset where it was (with O_APPEND,
    Linux writes at the end whatever the offset says)."""
    f = _file(p, fd, writable=True)
    _seekable(f)
    if offset < 0:
        raise oserror(abi.EINVAL)
    if f.append:
        offset = f.inode.size
    return f.inode.write_at(offset, _fsize(k, p, offset, data))


def _seekable(f: OpenFile) -> None:
    if f.kind == "pipe" or f.kind == "dev":
        raise oserror(abi.ESPIPE)
    if f.kind == "dir":
        raise oserror(abi.EISDIR)


@syscall
def sys_readv(k: "Kernel", p: Proc, fd: int, n: int) -> bytes:
    """One read for all the buffers (user space scatters the bytes into them)."""
    return sys_read(k, p, fd, n)


@syscall
def sys_writev(k: "Kernel", p: Proc, fd: int, data: bytes) -> int:
    """The buffers' bytes, gathered, in one write: as atomic as one write is."""
    return sys_write(k, p, fd, data)


@syscall
def sys_sendfile(k: "Kernel", p: Proc, out_fd: int, in_fd: int, offset: int | None,
                 count: int) -> int:
    """Copy from a file to any fd inside the kernel; from offset (the file's own
    offset is left alone), or from the file's offset, which then moves."""
    src = _file(p, in_fd, readable=True)
    dst = _file(p, out_fd, writable=True)
    if src.kind != "file" or dst.append or count < 0 or (offset is not None and offset < 0):
        raise oserror(abi.EINVAL)
    start = src.offset if offset is None else offset
    data = src.inode.read_at(start, count)
    n = sys_write(k, p, out_fd, data) if data else 0
    if offset is None:
        src.offset = start + n
    return n


@syscall
def sys_copy_file_range(k: "Kernel", p: Proc, src_fd: int, dst_fd: int, count: int,
                        src_off: int | None, dst_off: int | None) -> int:
    src = _file(p, src_fd, readable=True)
    dst = _file(p, dst_fd, writable=True)
    if dst.append:
        raise oserror(abi.EBADF)
    if src.kind != "file" or dst.kind != "file" or count < 0:
        raise oserror(abi.EINVAL)
    start = src.offset if src_off is None else src_off
    at = dst.offset if dst_off is None else dst_off
    if start < 0 or at < 0:
        raise oserror(abi.EINVAL)
    if src.inode is dst.inode and start < at + count and at < start + count:
        raise oserror(abi.EINVAL)               # overlapping ranges of one file
    data = src.inode.read_at(start, count)
    n = dst.inode.write_at(at, _fsize(k, p, at, data)) if data else 0
    if src_off is None:
        src.offset = start + n
    if dst_off is None:
        dst.offset = at + n
    return n


# ---- the file behind an fd -------------------------------------------------------------

@syscall
def sys_fsync(k: "Kernel", p: Proc, fd: int) -> None:
    """The disk is memory, so a file is always on it; pipes and devices have
    nothing to sync (EINVAL, as Linux says for them)."""
    f = p.fds.get(fd)
    if f.kind not in ("file", "dir"):
        raise oserror(abi.EINVAL)


@syscall
def sys_fdatasync(k: "Kernel", p: Proc, fd: int) -> None:
    sys_fsync(k, p, fd)


@syscall
def sys_sync(k: "Kernel", p: Proc) -> None:
    """Every file is on the (memory) disk already."""


@syscall
def sys_fchdir(k: "Kernel", p: Proc, fd: int) -> None:
    f = p.fds.get(fd)
    if f.kind != "dir":
        raise oserror(abi.ENOTDIR)
    k.fs.check(p, f.inode, X_OK)
    p.cwd = f.inode


@syscall
def sys_fchmod(k: "Kernel", p: Proc, fd: int, mode: int) -> None:
    from .sysfile import chmod_inode
    f = p.fds.get(fd)
    if f.inode is not None:                 # (an anonymous pipe's mode is not kept)
        chmod_inode(k, p, f.inode, mode)


@syscall
def sys_fchown(k: "Kernel", p: Proc, fd: int, uid: int, gid: int) -> None:
    from .sysfile import chown_inode
    f = p.fds.get(fd)
    if f.inode is not None:
        chown_inode(k, p, f.inode, uid, gid)


@syscall
def sys_fallocate(k: "Kernel", p: Proc, fd: int, offset: int, length: int) -> None:
    """posix_fallocate: make the file at least offset + length bytes long."""
    f = p.fds.get(fd)
    if offset < 0 or length <= 0:
        raise oserror(abi.EINVAL)
    if not f.writable:
        raise oserror(abi.EBADF)
    if f.kind == "pipe":
        raise oserror(abi.ESPIPE)
    if f.kind != "file":
        raise oserror(abi.ENODEV)
    if offset + length > f.inode.size:
        from .sysfile import _resize
        _resize(k, p, f.inode, offset + length)


@syscall
def sys_fadvise(k: "Kernel", p: Proc, fd: int, offset: int, length: int, advice: int) -> None:
    """Advice on how a file will be read: a memory disk needs none."""
    f = p.fds.get(fd)
    if f.kind == "pipe":
        raise oserror(abi.ESPIPE)
    if not 0 <= advice <= 5 or length < 0:
        raise oserror(abi.EINVAL)


@syscall
def sys_memfd_create(k: "Kernel", p: Proc, name: str, flags: int) -> int:
    """An anonymous file in memory, with no name in the tree: it goes when its
    last fd is closed (/proc/PID/fd shows it as /memfd:NAME (deleted))."""
    if flags & ~0x7 or len(name.encode()) > 249:
        raise oserror(abi.EINVAL)
    limit = _nofile(p)
    p.fds.lowest_free(limit=limit)
    inode = File(k.fs, 0o777, p.euid, p.egid)
    inode.nlink = 0
    f = OpenFile("file", True, True, path=f"/memfd:{name} (deleted)", inode=inode, flags=O_RDWR)
    return p.fds.alloc(f, cloexec=bool(flags & 1), limit=limit)


# ---- the fd's flags, and devices' controls ---------------------------------------------

@syscall
def sys_fcntl(k: "Kernel", p: Proc, fd: int, cmd: int, arg: int) -> int:
    """fcntl(2)'s commands on an fd's own flags: duplicate, close-on-exec, the
    status flags (O_APPEND and O_NONBLOCK can change), a pipe's capacity."""
    f = p.fds.get(fd)
    if cmd in (F_DUPFD, F_DUPFD_CLOEXEC):
        limit = _nofile(p)
        if not 0 <= arg < limit:
            raise oserror(abi.EINVAL)
        return p.fds.alloc(f, lowest=arg, cloexec=cmd == F_DUPFD_CLOEXEC, limit=limit)
    if cmd == F_GETFD:
        return FD_CLOEXEC if p.fds.cloexec[fd] else 0
    if cmd == F_SETFD:
        p.fds.cloexec[fd] = bool(arg & FD_CLOEXEC)
        return 0
    if cmd == F_GETFL:
        return status_flags(f)
    if cmd == F_SETFL:
        f.append = bool(arg & O_APPEND)
        f.nonblock = bool(arg & O_NONBLOCK)
        f.flags = f.flags & ~SETFL | arg & SETFL
        return 0
    if cmd in (F_GETPIPE_SZ, F_SETPIPE_SZ):
        return _pipe_size(p, f, cmd, arg)
    raise oserror(abi.EINVAL)


def status_flags(f: OpenFile) -> int:
    """F_GETFL: the access mode and the status flags of an open file."""
    acc = O_RDWR if f.readable and f.writable else O_WRONLY if f.writable else 0
    flags = acc | f.flags & SETFL & ~(O_APPEND | O_NONBLOCK)
    if f.append:
        flags |= O_APPEND
    if f.nonblock:
        flags |= O_NONBLOCK
    if f.inode is not None and not f.path.startswith("/memfd:"):
        flags |= O_LARGEFILE | f.flags & (O_SYNC | O_DSYNC)
    return flags


def _pipe_size(p: Proc, f: OpenFile, cmd: int, arg: int) -> int:
    pipe = f.pipe
    if pipe is None:
        raise oserror(abi.EBADF)
    if cmd == F_GETPIPE_SZ:
        return pipe.capacity
    size = PAGE
    while size < arg:
        size <<= 1
    if size > PIPE_MAX_SIZE and p.euid != 0:
        raise oserror(abi.EPERM)
    if size < pipe.size:
        raise oserror(abi.EBUSY)
    pipe.capacity = size
    return size


@syscall
def sys_ioctl(k: "Kernel", p: Proc, fd: int, request: int, arg: int = 0) -> object:
    """The controls a program may ask of a device: the terminal's window size
    (TIOCGWINSZ, as rows and columns), how many bytes are waiting to be read
    (FIONREAD), and making the terminal its session's controlling terminal
    (TIOCSCTTY, as login does after setsid).  Anything else is not a control of
    that file: ENOTTY."""
    f = p.fds.get(fd)
    if request == TIOCSCTTY and f.kind == "dev" and f.inode.dev is k.tty:
        tty = k.tty
        if p.pid != p.sid:
            raise oserror(abi.EPERM)            # only a session leader may
        if tty.sid and tty.sid != p.sid and not (arg == 1 and p.euid == 0):
            raise oserror(abi.EPERM)            # another session's, unless root steals it
        tty.sid, tty.fg_pgrp = p.sid, p.pgid
        return 0
    if request == TIOCGWINSZ and f.kind == "dev" and f.inode.dev is k.tty and k.tty.isatty(f):
        return k.tty.winsize()
    if request == FIONREAD:
        if f.pipe is not None:
            return f.pipe.size
        if f.kind == "file":
            return max(0, f.inode.size - f.offset)
        if f.kind == "dev" and f.inode.dev is k.tty:
            return sum(len(line) for line in k.tty.lines)
    raise oserror(abi.ENOTTY)


# ---- locks (kernel/locks.py) -------------------------------------------------------------

LOCK_SH, LOCK_EX, LOCK_NB, LOCK_UN, LOCK_MAND = 1, 2, 4, 8, 32
F_GETLK, F_SETLK, F_SETLKW = 5, 6, 7
F_ULOCK, F_LOCK, F_TLOCK, F_TEST = 0, 1, 2, 3


@syscall
def sys_flock(k: "Kernel", p: Proc, fd: int, operation: int) -> None:
    f = p.fds.get(fd)
    if operation & LOCK_MAND:
        return                                  # Linux ignores these (Samba's, once)
    op = operation & ~LOCK_NB
    kind = {LOCK_SH: locks.SHARED, LOCK_EX: locks.EXCLUSIVE, LOCK_UN: None}.get(op, "")
    if kind == "":
        raise oserror(abi.EINVAL)
    locks.flock(k, p, f, kind, wait=not operation & LOCK_NB)


@syscall
def sys_fcntl_lock(k: "Kernel", p: Proc, fd: int, cmd: int, kind: int, whence: int,
                   start: int, length: int) -> tuple | None:
    """fcntl's record locks: F_SETLK, F_SETLKW (wait for the lock) and F_GETLK
    (which lock would stop this one: (type, whence, start, len, pid))."""
    f = p.fds.get(fd)
    if kind not in (locks.F_RDLCK, locks.F_WRLCK, locks.F_UNLCK):
        raise oserror(abi.EINVAL)
    if cmd != F_GETLK and (kind == locks.F_RDLCK and not f.readable
                           or kind == locks.F_WRLCK and not f.writable):
        raise oserror(abi.EBADF)
    if f.inode is None:
        raise oserror(abi.EINVAL)
    begin, end = _lock_range(f, whence, start, length)
    if cmd == F_GETLK:
        return locks.get_range(k, p, f.inode, kind, begin, end)
    locks.set_range(k, p, f.inode, kind, begin, end, wait=cmd == F_SETLKW)
    return None


@syscall
def sys_lockf(k: "Kernel", p: Proc, fd: int, cmd: int, length: int) -> None:
    """The C library's lockf: write locks on length bytes from the offset (0:
    to the end and beyond; negative: before it).  F_TEST fails with EACCES if
    another process holds a lock there."""
    f = p.fds.get(fd)
    if cmd in (F_LOCK, F_TLOCK) and not f.writable:
        raise oserror(abi.EBADF)
    if f.inode is None:
        raise oserror(abi.EINVAL)
    begin, end = _lock_range(f, 1, 0, length)
    if cmd == F_TEST:
        if locks.get_range(k, p, f.inode, locks.F_WRLCK, begin, end)[0] != locks.F_UNLCK:
            raise oserror(abi.EACCES)
        return
    if cmd not in (F_ULOCK, F_LOCK, F_TLOCK):
        raise oserror(abi.EINVAL)
    kind = locks.F_UNLCK if cmd == F_ULOCK else locks.F_WRLCK
    locks.set_range(k, p, f.inode, kind, begin, end, wait=cmd == F_LOCK)


def _lock_range(f: OpenFile, whence: int, start: int, length: int) -> tuple[int, float]:
    base = {0: 0, 1: f.offset, 2: f.inode.size}.get(whence)
    if base is None:
        raise oserror(abi.EINVAL)
    begin = base + start
    if length < 0:
        begin, end = begin + length, begin
    else:
        end = begin + length if length else locks.INFINITY
    if begin < 0:
        raise oserror(abi.EINVAL)
    return begin, end
