"""System calls about files: open, read, write, dup, pipe, and the directory tree."""
from __future__ import annotations

import os as host
import posixpath
import stat as st

from . import abi
from .abi import (O_ACCMODE, O_APPEND, O_CLOEXEC, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW,
                  O_NONBLOCK, O_RDONLY, O_RDWR, O_TMPFILE, O_TRUNC, O_WRONLY, SEEK_DATA,
                  SEEK_HOLE, SIGXFSZ)
from .errors import oserror, renamed
from .files import PIPE_BUF, OpenFile, open_fifo, pipe_ends
from .fs import (BLOCK, DIRENT, R_OK, W_OK, X_OK, Device, Dir, Fifo, File, HostDir, HostFile, Symlink,
                 host_calls, stat_result)
from .limits import RLIMIT_FSIZE, RLIMIT_NOFILE
from .proc import Proc
from .sysproc import syscall

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .kernel import Kernel


# ---- open and close ---------------------------------------------------------------------

@syscall
def sys_open(k: "Kernel", p: Proc, path: str, flags: int, mode: int, at: int | None = None) -> int:
    fs = k.fs
    start = _at(p, path, at)
    acc = flags & O_ACCMODE
    created = False
    try:
        p.fds.lowest_free(limit=_nofile(p))       # first, as Linux: no file is made without an fd
    except OSError:
        raise oserror(abi.EMFILE, path) from None
    if flags & O_TMPFILE == O_TMPFILE:
        return _open_tmpfile(k, p, path, flags, mode, start)
    try:
        inode = fs.walk(p, path, follow=not flags & O_NOFOLLOW, start=start)
    except FileNotFoundError:
        if not flags & O_CREAT:
            raise
        inode = _create(k, p, path, mode, start)
        created = True
    else:
        if flags & O_CREAT and flags & O_EXCL:
            raise oserror(abi.EEXIST, path)
    if inode.is_link:
        raise oserror(abi.ELOOP, path)
    if flags & O_DIRECTORY and not inode.is_dir:
        raise oserror(abi.ENOTDIR, path)
    readable = acc in (O_RDONLY, O_RDWR)
    writable = acc in (O_WRONLY, O_RDWR)
    if inode.is_dir and (writable or flags & O_CREAT):
        raise oserror(abi.EISDIR, path)
    truncate = bool(flags & O_TRUNC) and inode.is_file and not created
    if (writable or truncate) and not inode.writable_fs and not inode.is_dev:
        raise oserror(abi.EROFS, path)
    if not created:                         # (Linux truncates even for O_RDONLY, if it may write)
        fs.check(p, inode, (R_OK if readable else 0) | (W_OK if writable or truncate else 0),
                 path)
    if truncate and isinstance(inode, File):
        inode.truncate(0)
    kind = ("dir" if inode.is_dir else "dev" if inode.is_dev else "pipe" if inode.is_fifo
            else "file")
    f = OpenFile(kind, readable, writable, path=_abspath(k, p, path), inode=inode,
                 append=bool(flags & O_APPEND), nonblock=bool(flags & O_NONBLOCK), flags=flags)
    if isinstance(inode, Device):
        inode.dev.open(k, p, f)
    elif kind == "pipe":
        try:
            open_fifo(k, p, inode, f)           # may wait for the other end
        except OSError as e:
            raise renamed(e, path) from None
    return p.fds.alloc(f, cloexec=bool(flags & O_CLOEXEC), limit=_nofile(p))


def _open_tmpfile(k: "Kernel", p: Proc, path: str, flags: int, mode: int, start) -> int:
    """O_TMPFILE: a new file in directory path, but with no name in it (the
    tempfile module's TemporaryFile): it goes when its last fd is closed."""
    d = k.fs.walk(p, path, start=start)
    if not d.is_dir:
        raise oserror(abi.ENOTDIR, path)
    if flags & O_ACCMODE not in (O_WRONLY, O_RDWR):
        raise oserror(abi.EINVAL, path)
    k.fs.check(p, d, W_OK | X_OK, path)
    if not d.writable_fs or isinstance(d, HostDir):
        raise oserror(abi.EROFS if not d.writable_fs else abi.EOPNOTSUPP, path)
    inode = File(k.fs, mode & ~p.umask & 0o7777, p.euid, p.egid)
    inode.nlink = 0
    name = posixpath.join(_abspath(k, p, path), f"#{inode.ino} (deleted)")
    f = OpenFile("file", flags & O_ACCMODE == O_RDWR, True, path=name, inode=inode,
                 append=bool(flags & O_APPEND), nonblock=bool(flags & O_NONBLOCK), flags=flags)
    return p.fds.alloc(f, cloexec=bool(flags & O_CLOEXEC), limit=_nofile(p))


def _at(p: Proc, path: str, at: int | None) -> Dir | None:
    """Where a relative path starts: the cwd (None), or the directory open as
    fd at -- the *at() calls' dir_fd.  An absolute path ignores it."""
    if at is None or path.startswith("/"):
        return None
    try:
        f = p.fds.get(at)
    except OSError:
        raise oserror(abi.EBADF, path) from None
    if f.kind != "dir":
        raise oserror(abi.ENOTDIR, path)
    return f.inode


def _nofile(p: Proc) -> int:
    """The process's RLIMIT_NOFILE: no fd may reach it."""
    return p.limits.soft(RLIMIT_NOFILE)


def _create(k: "Kernel", p: Proc, path: str, mode: int, start=None):
    parent, name = k.fs.walk_parent(p, path, start)
    if path.endswith("/"):
        raise oserror(abi.EISDIR, path)
    k.fs.check(p, parent, W_OK | X_OK, path)
    if not parent.writable_fs:
        raise oserror(abi.EROFS, path)
    if isinstance(parent, HostDir):
        return parent.create_file(name)
    k.fs.make_room(path)
    inode = File(k.fs, mode & ~p.umask & 0o7777, p.euid, p.egid)
    parent.link(name, inode)
    return inode


def _abspath(k: "Kernel", p: Proc, path: str) -> str:
    if path.startswith("/"):
        return posixpath.normpath(path)
    try:
        return posixpath.normpath(posixpath.join(k.fs.path_of(p.cwd), path))
    except OSError:
        return path


@syscall
def sys_close(k: "Kernel", p: Proc, fd: int) -> None:
    f = p.fds.get(fd)
    p.fds.close(k, fd)
    _unlock(k, p, f)


def _unlock(k: "Kernel", p: Proc, f: OpenFile | None) -> None:
    """POSIX: closing any fd of a file releases the process's record locks on it."""
    if f is not None and k.files.locks and f.inode in k.files.locks:
        from .locks import release_process
        release_process(k, p, f.inode)


# ---- reading and writing ---------------------------------------------------------------

@syscall
def sys_read(k: "Kernel", p: Proc, fd: int, n: int) -> bytes:
    f = p.fds.get(fd)
    if not f.readable:
        raise oserror(abi.EBADF)
    if n < 0:
        raise ValueError("negative buffersize in read")
    kind = f.kind
    if f.pipe is not None:                  # (kind "pipe": a pipe or a FIFO)
        return f.pipe.read(k, p, n, f.nonblock)
    if kind == "file":
        if f.inode.generated:
            return f.inode.read_open(f, n)
        data = f.inode.read_at(f.offset, n)
        f.offset += len(data)
        return data
    if kind == "dev":
        return f.inode.dev.read(k, p, f, n)
    raise oserror(abi.EISDIR)


@syscall
def sys_write(k: "Kernel", p: Proc, fd: int, data: bytes) -> int:
    f = p.fds.get(fd)
    if not f.writable:
        raise oserror(abi.EBADF)
    kind = f.kind
    if f.pipe is not None:                  # (kind "pipe": a pipe or a FIFO)
        return f.pipe.write(k, p, data, f.nonblock)
    if kind == "file":
        if f.append:
            f.offset = f.inode.size
        return _write_at_offset(f, _fsize(k, p, f.offset, data))
    return f.inode.dev.write(k, p, f, data)


def _write_at_offset(f: OpenFile, data: bytes) -> int:
    n = f.inode.write_at(f.offset, data)
    f.offset += n
    return n


def kernel_write(k: "Kernel", f: OpenFile, data: bytes) -> int:
    """Write to an open file on the kernel's own behalf: a tracer's log, into the
    file the process that asked for it opened.  That open made the permission
    checks, as for every write; the offset moves as write(2) moves it.  For
    files and devices only: it must never sleep."""
    if f.kind == "file" and f.writable:
        if f.append:
            f.offset = f.inode.size
        return _write_at_offset(f, data)
    if f.kind == "dev" and f.writable:
        return f.inode.dev.write(k, None, f, data)
    raise oserror(abi.EBADF)


def _fsize(k: "Kernel", p: Proc, offset: int, data: bytes) -> bytes:
    """RLIMIT_FSIZE, as Linux applies it: a write that starts at or past the limit
    gets SIGXFSZ (which kills, unless ignored or caught) and fails with EFBIG;
    one that starts below it writes up to it."""
    limit = p.limits.soft(RLIMIT_FSIZE)
    if offset + len(data) <= limit or not data:
        return data
    if offset >= limit:
        k.signals.send(None, p, SIGXFSZ)
        raise oserror(abi.EFBIG)
    return data[:limit - offset]


def _resize(k: "Kernel", p: Proc, inode, length: int, path: str | None = None) -> None:
    """truncate and ftruncate: no longer than RLIMIT_FSIZE either."""
    if length < 0:
        raise oserror(abi.EINVAL, path)
    if length > p.limits.soft(RLIMIT_FSIZE):
        k.signals.send(None, p, SIGXFSZ)
        raise oserror(abi.EFBIG, path)
    inode.truncate(length)


@syscall
def sys_lseek(k: "Kernel", p: Proc, fd: int, pos: int, how: int) -> int:
    f = p.fds.get(fd)
    if not 0 <= how <= SEEK_HOLE:
        raise oserror(abi.EINVAL)
    if f.kind in ("pipe", "dev"):
        if f.kind == "dev" and not f.inode.dev.isatty(f):
            return 0
        raise oserror(abi.ESPIPE)
    if how in (SEEK_DATA, SEEK_HOLE):        # no holes: all data, then the hole at the end
        if not 0 <= pos < f.inode.size:
            raise oserror(abi.ENXIO)
        f.offset = pos if how == SEEK_DATA else f.inode.size
        return f.offset
    base = {0: 0, 1: f.offset, 2: f.inode.size}[how]
    if base + pos < 0:
        raise oserror(abi.EINVAL)
    f.offset = base + pos
    return f.offset


@syscall
def sys_ftruncate(k: "Kernel", p: Proc, fd: int, length: int) -> None:
    f = p.fds.get(fd)
    if f.kind != "file" or not f.writable:
        raise oserror(abi.EINVAL)
    _resize(k, p, f.inode, length)


# ---- descriptors -----------------------------------------------------------------------

@syscall
def sys_dup(k: "Kernel", p: Proc, fd: int, cloexec: bool) -> int:
    return p.fds.alloc(p.fds.get(fd), cloexec=cloexec, limit=_nofile(p))


@syscall
def sys_dup2(k: "Kernel", p: Proc, fd: int, fd2: int, cloexec: bool) -> int:
    f = p.fds.get(fd)
    if fd == fd2:
        return fd2
    old = p.fds.slots[fd2] if 0 <= fd2 < len(p.fds.slots) else None
    p.fds.put(k, fd2, f, cloexec, limit=_nofile(p))
    _unlock(k, p, old)
    return fd2


@syscall
def sys_pipe2(k: "Kernel", p: Proc, flags: int) -> tuple[int, int]:
    r, w = pipe_ends(k, p)
    r.nonblock = w.nonblock = bool(flags & O_NONBLOCK)
    cloexec = bool(flags & O_CLOEXEC)
    rfd = p.fds.alloc(r, cloexec=cloexec, limit=_nofile(p))
    try:
        wfd = p.fds.alloc(w, cloexec=cloexec, limit=_nofile(p))
    except OSError:
        p.fds.close(k, rfd)
        raise
    return rfd, wfd


@syscall
def sys_tty_readline(k: "Kernel", p: Proc, fd: int, prompt: str, info: dict) -> bytes:
    """One line, edited on the terminal's console (a shell's prompt, Python's >>>):
    lineedit.readline's call.  info is the editor's, passed through unread."""
    f = p.fds.get(fd)
    if f.kind != "dev" or f.inode.dev is not k.tty:
        raise oserror(abi.ENOTTY)
    return k.tty.readline(k, p, f, prompt, info)


@syscall
def sys_isatty(k: "Kernel", p: Proc, fd: int) -> bool:
    try:
        f = p.fds.get(fd)
    except OSError:
        return False
    return f.kind == "dev" and f.inode.dev.isatty(f)


@syscall
def sys_fstat(k: "Kernel", p: Proc, fd: int) -> host.stat_result:
    f = p.fds.get(fd)
    if f.inode is None and f.pipe is not None:  # a pipe: no name, an inode of pipefs
        made = f.pipe.made
        return host.stat_result((st.S_IFIFO | 0o600, f.pipe.id, 12, 1, p.uid, p.gid,
                                 f.pipe.size, int(made), int(made), int(made), made, made, made,
                                 int(made * 1e9), int(made * 1e9), int(made * 1e9),
                                 PIPE_BUF, 0, 0))    # st_blksize: a page, as Linux's pipefs
    return stat_result(f.inode)


# ---- the directory tree ------------------------------------------------------------------

@syscall
def sys_stat(k: "Kernel", p: Proc, path: str, follow: bool,
             at: int | None = None) -> host.stat_result:
    return stat_result(k.fs.walk(p, path, follow, start=_at(p, path, at)))


class RealIds:
    """A process as access(2) checks it: with its real ids in place of the
    effective ones (so that a set-user-ID program can ask what its user may do)."""
    __slots__ = ("euid", "egid", "cwd")

    def __init__(self, p: Proc) -> None:
        self.euid, self.egid, self.cwd = p.uid, p.gid, p.cwd


@syscall
def sys_access(k: "Kernel", p: Proc, path: str, mode: int, effective: bool = False,
               follow: bool = True, at: int | None = None) -> bool:
    who = p if effective else RealIds(p)
    start = _at(p, path, at)
    try:
        inode = k.fs.walk(who, path, follow, start=start)        # type: ignore[arg-type]
    except OSError:
        return False
    if mode & W_OK and not inode.writable_fs:
        return False                        # EROFS
    return mode == 0 or k.fs.permits(who, inode, mode)      # type: ignore[arg-type]


@syscall
def sys_mkdir(k: "Kernel", p: Proc, path: str, mode: int, at: int | None = None) -> None:
    parent, name = k.fs.walk_parent(p, path, _at(p, path, at))
    if name in (".", "..") or parent.lookup(name) is not None:
        raise oserror(abi.EEXIST, path)
    k.fs.check(p, parent, W_OK | X_OK, path)
    if isinstance(parent, HostDir):
        parent.create_dir(name)
        return
    if not parent.writable_fs:
        raise oserror(abi.EROFS, path)
    k.fs.make_room(path)
    parent.link(name, Dir(k.fs, mode & ~p.umask & 0o7777, p.euid, p.egid, parent))


@syscall
def sys_mknod(k: "Kernel", p: Proc, path: str, mode: int, device: int,
              at: int | None = None) -> None:
    """A new inode of any kind but a directory: a FIFO (mkfifo), or an empty
    regular file.  Device files are made at boot; sockets vshell has not."""
    kind = st.S_IFMT(mode) or st.S_IFREG
    if kind == st.S_IFDIR:
        raise oserror(abi.EPERM, path)
    if kind not in (st.S_IFIFO, st.S_IFREG, st.S_IFCHR, st.S_IFBLK, st.S_IFSOCK):
        raise oserror(abi.EINVAL, path)
    parent, name = k.fs.walk_parent(p, path, _at(p, path, at))
    if name in (".", "..") or parent.lookup(name) is not None:
        raise oserror(abi.EEXIST, path)
    if kind in (st.S_IFCHR, st.S_IFBLK) and p.euid != 0:
        raise oserror(abi.EPERM, path)
    k.fs.check(p, parent, W_OK | X_OK, path)
    if not parent.writable_fs:
        raise oserror(abi.EROFS, path)
    if kind not in (st.S_IFIFO, st.S_IFREG) or isinstance(parent, HostDir):
        raise oserror(abi.EPERM if isinstance(parent, HostDir) else abi.ENOSYS, path)
    k.fs.make_room(path)
    perm = mode & ~p.umask & 0o7777
    parent.link(name, Fifo(k.fs, perm, p.euid, p.egid) if kind == st.S_IFIFO
                else File(k.fs, perm, p.euid, p.egid))


@syscall
def sys_statfs(k: "Kernel", p: Proc, path: str | None, fd: int | None = None) -> tuple:
    """The file system holding a path (or an open file): statvfs's fields.  The
    tree is one disk of --fs-size bytes; /proc and read-only mounts say so."""
    if path is not None:
        inode = k.fs.walk(p, path)
    elif fd is not None:
        inode = p.fds.get(fd).inode
    else:
        raise oserror(abi.EBADF)
    fs = k.fs
    blocks, free = fs.size // BLOCK, max(0, fs.size - fs.used) // BLOCK
    files, ffree = fs.size // DIRENT, max(0, fs.size - fs.used) // DIRENT
    flag = 0 if inode is None or inode.writable_fs else host.ST_RDONLY
    return (BLOCK, BLOCK, blocks, free, free, files, ffree, ffree, flag | host.ST_RELATIME,
            255, 0)


def _removable(k: "Kernel", p: Proc, parent: Dir, inode, path: str) -> None:
    k.fs.check(p, parent, W_OK | X_OK, path)
    if parent.mode & st.S_ISVTX and p.euid not in (0, inode.uid, parent.uid):
        raise oserror(abi.EPERM, path)              # the sticky bit of /tmp


@syscall
def sys_rmdir(k: "Kernel", p: Proc, path: str, at: int | None = None) -> None:
    parent, name = k.fs.walk_parent(p, path, _at(p, path, at))
    if name == ".":
        raise oserror(abi.EINVAL, path)
    if name == "..":
        raise oserror(abi.ENOTEMPTY, path)
    inode = parent.lookup(name)
    if inode is None:
        raise oserror(abi.ENOENT, path)
    if not isinstance(inode, Dir):
        raise oserror(abi.ENOTDIR, path)
    if inode.names():
        raise oserror(abi.ENOTEMPTY, path)
    _removable(k, p, parent, inode, path)
    if inode is k.fs.root or _mount_point(inode):
        raise oserror(abi.EBUSY, path)
    parent.unlink(name)
    inode.nlink = 0             # a process may still be in it: nothing can be made there


def _mount_point(inode) -> bool:
    return isinstance(inode, HostDir) and inode.host_path == inode.mount.host_path


@syscall
def sys_unlink(k: "Kernel", p: Proc, path: str, at: int | None = None) -> None:
    parent, name = k.fs.walk_parent(p, path, _at(p, path, at))
    inode = parent.lookup(name)
    if inode is None:
        raise oserror(abi.ENOENT, path)
    if inode.is_dir:
        raise oserror(abi.EISDIR, path)
    _removable(k, p, parent, inode, path)
    parent.unlink(name)
    inode.nlink -= 1
    k.fs.unlinked(inode)


@syscall
def sys_rename(k: "Kernel", p: Proc, src: str, dst: str, src_at: int | None = None,
               dst_at: int | None = None) -> None:
    sparent, sname = k.fs.walk_parent(p, src, _at(p, src, src_at))
    inode = sparent.lookup(sname)
    if inode is None:
        raise oserror(abi.ENOENT, src, dst)
    dparent, dname = k.fs.walk_parent(p, dst, _at(p, dst, dst_at))
    _removable(k, p, sparent, inode, src)
    k.fs.check(p, dparent, W_OK | X_OK, dst)
    if isinstance(sparent, HostDir) and isinstance(dparent, HostDir) and sparent.mount is dparent.mount:
        if not sparent.mount.writable:
            raise oserror(abi.EROFS, src, dst)
        with host_calls:
            host.rename(host.path.join(sparent.host_path, sname),
                        host.path.join(dparent.host_path, dname))
        sparent.cache.pop(sname, None)
        return
    if isinstance(sparent, HostDir) or isinstance(dparent, HostDir):
        raise oserror(abi.EXDEV, src, dst)
    old = dparent.lookup(dname)
    if old is inode:
        return
    if old is not None:
        if old.is_dir and not inode.is_dir:
            raise oserror(abi.EISDIR, src, dst)
        if inode.is_dir and not old.is_dir:
            raise oserror(abi.ENOTDIR, src, dst)
        if isinstance(old, Dir) and old.names():
            raise oserror(abi.ENOTEMPTY, src, dst)
    if inode.is_dir:
        d = dparent
        while True:                         # no moving a directory into itself
            if d is inode:
                raise oserror(abi.EINVAL, src, dst)
            if d.parent is d:
                break
            d = d.parent
    sparent.unlink(sname)
    if old is not None:
        dparent.unlink(dname)
        if not old.is_dir:
            old.nlink -= 1                  # the name it lost
            k.fs.unlinked(old)
    dparent.link(dname, inode)


@syscall
def sys_listdir(k: "Kernel", p: Proc, path: str | None, fd: int | None = None) -> list[str]:
    """The names in a directory: one named by path, or open as fd."""
    if path is None:
        if fd is None:
            raise oserror(abi.EBADF)
        f = p.fds.get(fd)
        if f.kind != "dir":
            raise oserror(abi.ENOTDIR)
        return f.inode.names()
    inode = k.fs.walk(p, path)
    if not isinstance(inode, Dir):
        raise oserror(abi.ENOTDIR, path)
    k.fs.check(p, inode, R_OK, path)
    # opendir, getdents, closedir: the directory is open while it is read (a
    # listing of /proc/self/fd shows that fd, as on Linux)
    fd = p.fds.alloc(OpenFile("dir", readable=True, writable=False, path=path, inode=inode),
                     limit=_nofile(p))
    try:
        return inode.names()
    finally:
        p.fds.close(k, fd)


@syscall
def sys_chdir(k: "Kernel", p: Proc, path: str) -> None:
    inode = k.fs.walk(p, path)
    if not inode.is_dir:
        raise oserror(abi.ENOTDIR, path)
    k.fs.check(p, inode, X_OK, path)
    p.cwd = inode


@syscall
def sys_getcwd(k: "Kernel", p: Proc) -> str:
    return k.fs.path_of(p.cwd)


@syscall
def sys_chmod(k: "Kernel", p: Proc, path: str, mode: int, at: int | None = None) -> None:
    chmod_inode(k, p, k.fs.walk(p, path, start=_at(p, path, at)), mode, path)


def chmod_inode(k: "Kernel", p: Proc, inode, mode: int, path: str | None = None) -> None:
    if p.euid not in (0, inode.uid):
        raise oserror(abi.EPERM, path)
    if not inode.writable_fs:
        raise oserror(abi.EROFS, path)
    inode.mode = st.S_IFMT(inode.mode) | (mode & 0o7777)
    inode.ctime = k.clock.time()


@syscall
def sys_chown(k: "Kernel", p: Proc, path: str, uid: int, gid: int, follow: bool,
              at: int | None = None) -> None:
    chown_inode(k, p, k.fs.walk(p, path, follow, start=_at(p, path, at)), uid, gid, path)


def chown_inode(k: "Kernel", p: Proc, inode, uid: int, gid: int, path: str | None = None) -> None:
    """Root may give a file to anyone; its owner may only change its group, to
    their own (and "change" it to what it is)."""
    if p.euid != 0 and (p.euid != inode.uid or uid not in (-1, inode.uid)
                        or gid not in (-1, inode.gid, p.egid)):
        raise oserror(abi.EPERM, path)
    if not inode.writable_fs:
        raise oserror(abi.EROFS, path)
    if uid != -1:
        inode.uid = uid
    if gid != -1:
        inode.gid = gid
    inode.ctime = k.clock.time()


@syscall
def sys_symlink(k: "Kernel", p: Proc, target: str, path: str, at: int | None = None) -> None:
    parent, name = k.fs.walk_parent(p, path, _at(p, path, at))
    if parent.lookup(name) is not None:
        raise oserror(abi.EEXIST, target, path)
    k.fs.check(p, parent, W_OK | X_OK, path)
    if not parent.writable_fs or isinstance(parent, HostDir):
        raise oserror(abi.EROFS, target, path)
    k.fs.make_room(target, path)
    parent.link(name, Symlink(k.fs, target, p.euid, p.egid))


@syscall
def sys_link(k: "Kernel", p: Proc, src: str, dst: str, follow: bool, src_at: int | None = None,
             dst_at: int | None = None) -> None:
    """A hard link: a second name for the same inode, whose link count goes up.
    Either name reaches the file; it is freed when the last one is unlinked."""
    try:
        inode = k.fs.walk(p, src, follow=follow, start=_at(p, src, src_at))
    except OSError as e:                                # (both names, as Linux's link says)
        raise renamed(e, src, dst) from None
    if inode.is_dir:
        raise oserror(abi.EPERM, src, dst)              # no hard links to directories
    parent, name = k.fs.walk_parent(p, dst, _at(p, dst, dst_at))
    if parent.lookup(name) is not None:
        raise oserror(abi.EEXIST, src, dst)
    if isinstance(parent, HostDir) or isinstance(inode, HostFile):
        raise oserror(abi.EXDEV, src, dst)              # a host mount is another device
    if not k.fs.may_link(p, inode):
        raise oserror(abi.EPERM, src, dst)
    k.fs.check(p, parent, W_OK | X_OK, dst)
    if not parent.writable_fs:
        raise oserror(abi.EROFS, src, dst)
    k.fs.make_room(src, dst)
    parent.link(name, inode)
    inode.nlink += 1


@syscall
def sys_readlink(k: "Kernel", p: Proc, path: str, at: int | None = None) -> str:
    inode = k.fs.walk(p, path, follow=False, start=_at(p, path, at))
    if not isinstance(inode, Symlink):
        raise oserror(abi.EINVAL, path)
    return inode.target


@syscall
def sys_utime(k: "Kernel", p: Proc, path: str, times: tuple | None, follow: bool = True,
              at: int | None = None) -> None:
    inode = k.fs.walk(p, path, follow, start=_at(p, path, at))
    if p.euid not in (0, inode.uid) and not k.fs.permits(p, inode, W_OK):
        raise oserror(abi.EACCES if times is None else abi.EPERM, path)
    now = k.clock.time()
    inode.atime, inode.mtime = map(float, times) if times is not None else (now, now)


@syscall
def sys_truncate(k: "Kernel", p: Proc, path: str, length: int) -> None:
    inode = k.fs.walk(p, path)
    if inode.is_dir:
        raise oserror(abi.EISDIR, path)
    k.fs.check(p, inode, W_OK, path)
    _resize(k, p, inode, length, path)


@syscall
def sys_umask(k: "Kernel", p: Proc, mask: int) -> int:
    old, p.umask = p.umask, mask & 0o777
    return old
