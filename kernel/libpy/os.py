"""The `os` module as a virtual process sees it: Python's own API over the kernel.

Each function does what CPython's does -- same names, signatures, return values
and exceptions -- but by trapping into the vshell kernel instead of the host's.
Like CPython it makes new fds non-inheritable (PEP 446), does not flush the
standard streams before fork, system or posix_spawn (text still buffered is
copied into the child, as C's stdio does), and retries a call interrupted by a signal whose handler
returned normally (PEP 475).
"""
from __future__ import annotations

import errno as _errno
import stat as _stat
from _collections_abc import Mapping as _Mapping, MutableMapping as _MutableMapping
from operator import index as _index

from kernel.cpu import machine as _machine

# constants, pure helpers and types come straight from the host's module
from os import (  # noqa: F401
    F_OK, R_OK, W_OK, X_OK, O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC,
    O_APPEND, O_NONBLOCK, O_CLOEXEC, O_NOFOLLOW, O_DIRECTORY, O_NOCTTY, O_SYNC, O_DSYNC,
    SEEK_SET, SEEK_CUR, SEEK_END, WNOHANG, WUNTRACED, WCONTINUED,
    WIFEXITED, WEXITSTATUS, WIFSIGNALED, WTERMSIG, WIFSTOPPED, WSTOPSIG, WIFCONTINUED,
    WCOREDUMP, waitstatus_to_exitcode, strerror, stat_result, terminal_size, times_result,
    uname_result, fsencode, fsdecode, fspath, PathLike, sep, altsep, extsep, pathsep, linesep,
    curdir, pardir, defpath, devnull, EX_OK, EX_USAGE, EX_NOINPUT, EX_SOFTWARE,
    GRND_NONBLOCK, GRND_RANDOM,
)

name = "posix"
error = OSError
_O_CLOEXEC = O_CLOEXEC


def _trap(call: str, *args):
    return _machine.cpu.trap(call, args)


def _rt():
    return _machine.cpu.current.runtime


def _retry(call: str, *args):
    """PEP 475: retry a call a signal interrupted, once its handler has run."""
    while True:
        try:
            return _machine.cpu.trap(call, args)
        except InterruptedError:
            continue


def _path(func: str, path, allow_fd: bool = False) -> str:
    if isinstance(path, str):
        return path
    if isinstance(path, (bytes, bytearray)):
        return bytes(path).decode("utf-8", "surrogateescape")
    if hasattr(type(path), "__fspath__"):
        return _path(func, path.__fspath__())
    what = "string, bytes, os.PathLike or integer" if allow_fd else "string, bytes or os.PathLike"
    raise TypeError(f"{func}: path should be {what}, not {type(path).__name__}")


def _fd(fd) -> int:
    return _index(fd)


# ---- processes -------------------------------------------------------------------------

def fork() -> int:
    """fork, with the handlers of register_at_fork around it (the random module's
    reseeds its generator in the child, so that the two draw different numbers)."""
    rt = _rt()
    before, in_parent, in_child = rt.at_fork
    for func in reversed(before):
        _at_fork(rt, func)
    pid = _trap("fork")
    for func in (in_child if pid == 0 else in_parent):
        _at_fork(rt, func)
    return pid


def _at_fork(rt, func) -> None:
    try:
        func()
    except Exception as e:
        rt.report_unraisable(None, func, e)


def register_at_fork(*, before=None, after_in_child=None, after_in_parent=None) -> None:
    """Register callables to run before fork, and after it in the parent or the child."""
    given = (("before", before), ("after_in_parent", after_in_parent),
             ("after_in_child", after_in_child))
    if all(func is None for _, func in given):
        raise TypeError("At least one argument is required.")
    for name, func in given:
        if func is not None and not callable(func):
            raise TypeError(f"'{name}' must be callable, not {type(func).__name__}")
    for hooks, (_, func) in zip(_rt().at_fork, given):
        if func is not None:
            hooks.append(func)


def _exit(n: int) -> None:
    _trap("exit", _index(n))


def abort() -> None:
    kill(getpid(), 6)
    _exit(134)


def wait() -> tuple[int, int]:
    return _retry("wait4", -1, 0)


def waitpid(pid: int, options: int) -> tuple[int, int]:
    return _retry("wait4", _index(pid), _index(options))


def getpid() -> int:
    return _trap("getpid")


def getppid() -> int:
    return _trap("getppid")


def getuid() -> int:
    return _trap("getuid")


def geteuid() -> int:
    return _trap("geteuid")


def getgid() -> int:
    return _trap("getgid")


def getegid() -> int:
    return _trap("getegid")


def getgroups() -> list[int]:
    return [getgid()]


def setuid(uid: int) -> None:
    _trap("setuid", _index(uid))


def seteuid(uid: int) -> None:
    _trap("seteuid", _index(uid))


def setgid(gid: int) -> None:
    _trap("setgid", _index(gid))


def getpgid(pid: int) -> int:
    return _trap("getpgid", _index(pid))


def getpgrp() -> int:
    return _trap("getpgid", 0)


def setpgid(pid: int, pgrp: int) -> None:
    _trap("setpgid", _index(pid), _index(pgrp))


def setpgrp() -> None:
    _trap("setpgid", 0, 0)


def getsid(pid: int) -> int:
    return _trap("getsid", _index(pid))


def setsid() -> None:
    _trap("setsid")


def tcgetpgrp(fd: int) -> int:
    return _trap("tcgetpgrp", _fd(fd))


def tcsetpgrp(fd: int, pgid: int) -> None:
    _trap("tcsetpgrp", _fd(fd), _index(pgid))


def kill(pid: int, sig: int) -> None:
    _trap("kill", _index(pid), _index(sig))


def killpg(pgid: int, sig: int) -> None:
    """kill(-pgid, sig), as the C library does it (killpg(0) is the caller's group)."""
    if _index(pgid) < 0:
        raise OSError(_errno.EINVAL, strerror(_errno.EINVAL))
    _trap("kill", -pgid, _index(sig))


def nice(increment: int) -> int:
    return _trap("nice", _index(increment))


def sched_yield() -> None:
    _trap("sched_yield")


def times() -> times_result:
    mine, children, elapsed = _trap("times")
    return times_result((mine, 0.0, children, 0.0, elapsed))


def uname() -> uname_result:
    return uname_result(_trap("uname"))


def cpu_count() -> int:
    return 1


def sched_getaffinity(pid: int) -> set[int]:
    """The CPUs a process may run on: the machine has one."""
    getpgid(_index(pid))                    # ESRCH for no such process
    return {0}


def ttyname(fd: int) -> str:
    if not isatty(fd):
        raise OSError(_errno.ENOTTY, strerror(_errno.ENOTTY))
    return "/dev/tty"


def ctermid() -> str:
    return "/dev/tty"


def urandom(n: int) -> bytes:
    n = _index(n)
    if n < 0:
        raise ValueError("negative argument not allowed")
    return _trap("urandom", n)


def getrandom(size: int, flags: int = 0) -> bytes:
    size = _index(size)
    if size < 0:
        raise ValueError("negative argument not allowed")
    return _trap("urandom", size)


def getlogin() -> str:
    uid = getuid()
    try:
        with open_text("/etc/passwd") as f:
            for line in f:
                fields = line.split(":")
                if len(fields) > 2 and fields[2] == str(uid):
                    return fields[0]
    except OSError:
        pass
    raise OSError(_errno.ENOENT, strerror(_errno.ENOENT))


def open_text(path: str):
    return _rt().open(path)


# ---- files and descriptors ---------------------------------------------------------------

def open(path, flags: int, mode: int = 0o777, *, dir_fd=None) -> int:
    return _retry("open", _path("open", path), _index(flags) | _O_CLOEXEC, _index(mode))


def close(fd: int) -> None:
    _trap("close", _fd(fd))


def closerange(lo: int, hi: int) -> None:
    for fd in range(lo, hi):
        try:
            close(fd)
        except OSError:
            pass


def read(fd: int, n: int) -> bytes:
    n = _index(n)
    if n < 0:
        raise OSError(_errno.EINVAL, strerror(_errno.EINVAL))
    return _retry("read", _fd(fd), n)


def write(fd: int, data) -> int:
    if isinstance(data, str) or not hasattr(data, "__buffer__") and not isinstance(
            data, (bytes, bytearray, memoryview)):
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
    return _retry("write", _fd(fd), bytes(data))


def lseek(fd: int, pos: int, how: int) -> int:
    return _trap("lseek", _fd(fd), _index(pos), _index(how))


def ftruncate(fd: int, length: int) -> None:
    _trap("ftruncate", _fd(fd), _index(length))


def truncate(path, length: int) -> None:
    if isinstance(path, int):
        return ftruncate(path, length)
    _trap("truncate", _path("truncate", path), _index(length))


def dup(fd: int) -> int:
    return _trap("dup", _fd(fd), True)


def dup2(fd: int, fd2: int, inheritable: bool = True) -> int:
    return _trap("dup2", _fd(fd), _fd(fd2), not inheritable)


def pipe() -> tuple[int, int]:
    return _trap("pipe2", _O_CLOEXEC)


def pipe2(flags: int) -> tuple[int, int]:
    return _trap("pipe2", _index(flags))


def get_inheritable(fd: int) -> bool:
    return not _trap("fcntl", _fd(fd), "get_cloexec", 0)


def set_inheritable(fd: int, inheritable: bool) -> None:
    _trap("fcntl", _fd(fd), "set_cloexec", int(not inheritable))


def get_blocking(fd: int) -> bool:
    return not _trap("fcntl", _fd(fd), "get_nonblock", 0)


def set_blocking(fd: int, blocking: bool) -> None:
    _trap("fcntl", _fd(fd), "set_nonblock", int(not blocking))


def isatty(fd: int) -> bool:
    return _trap("isatty", _fd(fd))


def get_terminal_size(fd: int = 1) -> terminal_size:
    if not isatty(fd):
        raise OSError(_errno.ENOTTY, strerror(_errno.ENOTTY))
    return terminal_size((80, 24))


def fstat(fd: int) -> stat_result:
    return _trap("fstat", _fd(fd))


def fdopen(fd: int, mode: str = "r", buffering: int = -1, encoding=None, *args, **kwargs):
    return _rt().open(fd, mode, buffering, encoding, *args, **kwargs)


def device_encoding(fd: int):
    return "utf-8" if isatty(fd) else None


# ---- the directory tree -------------------------------------------------------------------

def stat(path, *, dir_fd=None, follow_symlinks: bool = True) -> stat_result:
    if isinstance(path, int):
        return fstat(path)
    return _trap("stat", _path("stat", path, True), bool(follow_symlinks))


def lstat(path, *, dir_fd=None) -> stat_result:
    return _trap("stat", _path("lstat", path), False)


def access(path, mode: int, *, dir_fd=None, effective_ids=False, follow_symlinks=True) -> bool:
    return _trap("access", _path("access", path, True), _index(mode))


def mkdir(path, mode: int = 0o777, *, dir_fd=None) -> None:
    _trap("mkdir", _path("mkdir", path), _index(mode))


def makedirs(name, mode: int = 0o777, exist_ok: bool = False) -> None:
    name = _path("makedirs", name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def rmdir(path, *, dir_fd=None) -> None:
    _trap("rmdir", _path("rmdir", path))


def removedirs(name) -> None:
    rmdir(name)
    head, tail = path.split(name)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def unlink(path, *, dir_fd=None) -> None:
    _trap("unlink", _path("unlink", path))


remove = unlink


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None) -> None:
    _trap("rename", _path("rename", src), _path("rename", dst))


replace = rename


def listdir(path=".") -> list[str]:
    if isinstance(path, bytes):
        return [fsencode(n) for n in listdir(fsdecode(path))]
    return _trap("listdir", _path("listdir", path, True))


class DirEntry:
    """One entry of scandir(): a name, and its stat on demand."""

    def __init__(self, directory: str, name: str) -> None:
        self.name = name
        self.path = name if directory == "." else path.join(directory, name)
        self._lstat = None

    def __repr__(self) -> str:
        return f"<DirEntry {self.name!r}>"

    def __fspath__(self) -> str:
        return self.path

    def stat(self, *, follow_symlinks: bool = True) -> stat_result:
        if follow_symlinks:
            return stat(self.path)
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def inode(self) -> int:
        return self.stat(follow_symlinks=False).st_ino

    def is_dir(self, *, follow_symlinks: bool = True) -> bool:
        try:
            return _stat.S_ISDIR(self.stat(follow_symlinks=follow_symlinks).st_mode)
        except OSError:
            return False

    def is_file(self, *, follow_symlinks: bool = True) -> bool:
        try:
            return _stat.S_ISREG(self.stat(follow_symlinks=follow_symlinks).st_mode)
        except OSError:
            return False

    def is_symlink(self) -> bool:
        return _stat.S_ISLNK(self.stat(follow_symlinks=False).st_mode)


class _ScandirIterator:
    def __init__(self, entries: list[DirEntry]) -> None:
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self) -> DirEntry:
        return next(self._it)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass

    def close(self) -> None:
        pass


def scandir(path=".") -> _ScandirIterator:
    path_ = _path("scandir", path)
    return _ScandirIterator([DirEntry(path_, n) for n in listdir(path_)])


def walk(top, topdown: bool = True, onerror=None, followlinks: bool = False):
    top = _path("walk", top)
    try:
        entries = list(scandir(top))
    except OSError as e:
        if onerror is not None:
            onerror(e)
        return
    dirs = [e.name for e in entries if e.is_dir()]
    files = [e.name for e in entries if not e.is_dir()]
    if topdown:
        yield top, dirs, files
    for d in dirs:
        p = path.join(top, d)
        if followlinks or not path.islink(p):
            yield from walk(p, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, files


def chdir(path) -> None:
    _trap("chdir", _path("chdir", path, True))


def getcwd() -> str:
    return _trap("getcwd")


def getcwdb() -> bytes:
    return fsencode(getcwd())


def chmod(path, mode: int, *, dir_fd=None, follow_symlinks=True) -> None:
    _trap("chmod", _path("chmod", path, True), _index(mode))


def chown(path, uid: int, gid: int, *, dir_fd=None, follow_symlinks=True) -> None:
    _trap("chown", _path("chown", path, True), _index(uid), _index(gid), bool(follow_symlinks))


def lchown(path, uid: int, gid: int) -> None:
    _trap("chown", _path("lchown", path), _index(uid), _index(gid), False)


def symlink(src, dst, target_is_directory=False, *, dir_fd=None) -> None:
    _trap("symlink", _path("symlink", src), _path("symlink", dst))


def link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True) -> None:
    _trap("link", _path("link", src), _path("link", dst), bool(follow_symlinks))


def readlink(path, *, dir_fd=None) -> str:
    return _trap("readlink", _path("readlink", path))


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True) -> None:
    if ns is not None:
        times = (ns[0] / 1e9, ns[1] / 1e9)
    _trap("utime", _path("utime", path, True), tuple(times) if times is not None else None)


def umask(mask: int) -> int:
    return _trap("umask", _index(mask))


# ---- the environment ------------------------------------------------------------------------
# Two of them, as in CPython: os.environ, a mapping of str to str, and the C
# library's environ, which exec and system pass on.  putenv and unsetenv change
# only the C-level one; setting or deleting a key of os.environ changes both.

def _environ():
    """The process's os.environ."""
    return _rt().environ


def getenv(key: str, default=None):
    return _rt().environ.get(key, default)


def putenv(name, value) -> None:
    _putenv(_rt().c_environ, name, value)


def unsetenv(name) -> None:
    _unsetenv(_rt().c_environ, name)


def _putenv(c_environ: dict, name, value) -> None:
    name, value = _env_str(name), _env_str(value)
    if "=" in name:
        raise ValueError("illegal environment variable name")
    if not name:
        raise OSError(_errno.EINVAL, strerror(_errno.EINVAL))
    c_environ[name] = value


def _unsetenv(c_environ: dict, name) -> None:
    name = _env_str(name)
    if not name or "=" in name:
        raise OSError(_errno.EINVAL, strerror(_errno.EINVAL))
    c_environ.pop(name, None)


def _env_str(s) -> str:
    if isinstance(s, (bytes, bytearray)):
        s = fsdecode(bytes(s))
    elif not isinstance(s, str):
        s = fspath(s)
        if not isinstance(s, str):
            s = fsdecode(s)
    if "\0" in s:
        raise ValueError("embedded null byte")
    return s


class _Environ(_MutableMapping):
    """os.environ: CPython's mapping over the C-level environment."""

    def __init__(self, data: dict[str, str], c_environ: dict[str, str]) -> None:
        self._data = data
        self._c_environ = c_environ

    def __getitem__(self, key: str) -> str:
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value: str) -> None:
        for s in (key, value):
            if not isinstance(s, str):
                raise TypeError(f"str expected, not {type(s).__name__}")
        _putenv(self._c_environ, key, value)
        self._data[key] = value

    def __delitem__(self, key: str) -> None:
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        _unsetenv(self._c_environ, key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        items = ", ".join(f"{key!r}: {value!r}" for key, value in self._data.items())
        return f"environ({{{items}}})"

    def copy(self) -> dict[str, str]:
        return dict(self)

    def setdefault(self, key: str, value: str) -> str:
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


# Which functions take an fd for a path, follow_symlinks=False, or dir_fd (none do):
# shutil, tempfile and pathlib choose their way of working by these.
supports_fd = {stat, truncate}
supports_follow_symlinks = {stat}
supports_dir_fd: set = set()
supports_effective_ids: set = set()


from kernel.libpy.exec import (  # noqa: E402,F401  (they need the functions above)
    POSIX_SPAWN_CLOSE, POSIX_SPAWN_DUP2, POSIX_SPAWN_OPEN, execl, execle, execlp, execlpe,
    execv, execve, execvp, execvpe, get_exec_path, posix_spawn, posix_spawnp, system,
)
from kernel.libpy import path  # noqa: E402  (os.path needs the functions above)
