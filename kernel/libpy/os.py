"""The `os` module as a virtual process sees it: Python's own API over the kernel.

Each function does what CPython's does -- same names, signatures, return values
and exceptions -- but by trapping into the vshell kernel instead of the host's.
Like CPython it makes new fds non-inheritable (PEP 446), does not flush the
standard streams before fork, system or posix_spawn (text still buffered is
copied into the child, as C's stdio does), and retries a call interrupted by a
signal whose handler returned normally (PEP 475).  A wrong call gets CPython's
error message (kernel/libpy/clinic.py).

This file holds processes, their ids and the system's facts; files and
descriptors are in fds.py, the directory tree in dirtree.py, the environment
in environ.py, starting programs in exec.py.  A function CPython has on Linux
and vshell cannot offer is missing (AttributeError, as on a platform without
it) or fails with a clean OSError.
"""
from __future__ import annotations

import os as _host
import stat as st  # noqa: F401  (os.st, as CPython's os has it)
from operator import index as _index
from types import FunctionType as _FunctionType, BuiltinFunctionType as _BuiltinType

from kernel.errors import oserror as _oserror, renamed as _renamed
from kernel import abi as _abi
from kernel.cpu import machine as _machine
from kernel.libpy import clinic as _clinic

# pure helpers and types come straight from the host's module
from os import (  # noqa: F401
    WIFEXITED, WEXITSTATUS, WIFSIGNALED, WTERMSIG, WIFSTOPPED, WSTOPSIG, WIFCONTINUED,
    WCOREDUMP, waitstatus_to_exitcode, stat_result, statvfs_result, terminal_size,
    times_result, uname_result, waitid_result, sched_param, fsencode, fsdecode, fspath,
    PathLike, sep, altsep, extsep, pathsep, linesep, curdir, pardir, defpath, devnull,
    major, minor, makedev, confstr_names, pathconf_names, sysconf_names, supports_bytes_environ,
    O_CLOEXEC, SCHED_BATCH, SCHED_FIFO, SCHED_IDLE,
    SCHED_OTHER, SCHED_RR,
)
# and what CPython's os imports for itself, which programs can see there
import abc  # noqa: F401
from collections.abc import Mapping, MutableMapping  # noqa: F401
from types import GenericAlias  # noqa: F401

# Every constant of the host's os (Linux's numbers), but for features vshell
# lacks: event fds, pidfds, extended attributes, splice.
globals().update({n: v for n, v in vars(_host).items()
                  if n.isupper() and isinstance(v, int) and not n.startswith(
                      ("EFD_", "XATTR_", "SPLICE_", "P_PIDFD"))})
# and the machine's own numbers where the kernel reads them, whatever the host's
# are (O_LARGEFILE stays the 0 a 64-bit CPython has: it sets it unasked)
globals().update({n: v for n, v in vars(_abi).items() if n.startswith(("O_", "SEEK_", "WNO", "WUN",
                  "WEX", "WCON", "CLD_")) and n != "O_LARGEFILE"}, F_OK=_abi.F_OK, R_OK=_abi.R_OK,
                 W_OK=_abi.W_OK, X_OK=_abi.X_OK)

name = "posix"
error = OSError
_O_CLOEXEC = O_CLOEXEC
_MISSING = object()
_INT_MAX = (1 << 31) - 1


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


# ---- arguments, converted as posixmodule.c converts them ---------------------------------

_PATH_KINDS = {(False, False): "string, bytes or os.PathLike",
               (True, False): "string, bytes, os.PathLike or integer",
               (False, True): "string, bytes, os.PathLike or None",
               (True, True): "string, bytes, os.PathLike, integer or None"}


def _path(func: str, path, allow_fd: bool = False, nullable: bool = False) -> str:
    """A path argument as a str (bytes decoded as the file system encoding does)."""
    if isinstance(path, str):
        s = path
    elif isinstance(path, (bytes, bytearray, memoryview)):
        s = bytes(path).decode("utf-8", "surrogateescape")
    elif hasattr(type(path), "__fspath__"):
        value = type(path).__fspath__(path)
        if not isinstance(value, (str, bytes)):
            raise TypeError(f"expected {type(path).__name__}.__fspath__() to return str or "
                            f"bytes, not {type(value).__name__}")
        return _path(func, value)
    else:
        raise TypeError(f"{func}: path should be {_PATH_KINDS[allow_fd, nullable]}, "
                        f"not {type(path).__name__}")
    if "\0" in s:
        raise ValueError("embedded null byte")
    return s


def _sys(call: str, *args, named=(False, False)):
    """A system call whose errors name its paths as the caller gave them: as
    bytes if they were bytes."""
    try:
        return _retry(call, *args)
    except OSError as e:
        if e.filename is None or not any(named):
            raise
        names = [fsencode(f) if as_bytes and isinstance(f, str) else f
                 for f, as_bytes in ((e.filename, named[0]), (e.filename2, named[1]))]
        raise _renamed(e, names[0], names[1]) from None


def _is_bytes(path) -> bool:
    """Does a path argument ask for bytes back (as CPython answers bytes with bytes)?"""
    if hasattr(type(path), "__fspath__") and not isinstance(path, (str, bytes)):
        path = type(path).__fspath__(path)
    return isinstance(path, (bytes, bytearray, memoryview))


def _fd(fd) -> int:
    fd = _index(fd)
    if not -_INT_MAX - 1 <= fd <= _INT_MAX:
        raise OverflowError("Python int too large to convert to C int")
    return fd


def _pid(pid) -> int:
    pid = _index(pid)
    if pid > _INT_MAX:
        raise OverflowError("signed integer is greater than maximum")
    if pid < -_INT_MAX - 1:
        raise OverflowError("signed integer is less than minimum")
    return pid


def _id(value, kind: str) -> int:
    """A uid or gid: -1 means 'unchanged' where the call allows it."""
    value = _index(value)
    if value < -1:
        raise OverflowError(f"{kind} is less than minimum")
    if value > 0xFFFFFFFF:
        raise OverflowError(f"{kind} is greater than maximum")
    return -1 if value == 0xFFFFFFFF else value


def _dir_fd(dir_fd) -> int | None:
    """A dir_fd argument: None (the cwd), or a directory's fd (the *at() calls)."""
    if dir_fd is None:
        return None
    if not isinstance(dir_fd, int):
        raise TypeError(f"argument should be integer or None, not {type(dir_fd).__name__}")
    if dir_fd > _INT_MAX:
        raise OverflowError("fd is greater than maximum")
    if dir_fd < -_INT_MAX - 1:
        raise OverflowError("fd is less than minimum")
    return dir_fd


# ---- processes -------------------------------------------------------------------------

def strerror(code, /) -> str:
    """Translate an error code to a message string."""
    code = _index(code)
    if not -_INT_MAX - 1 <= code <= _INT_MAX:
        raise OverflowError("Python int too large to convert to C int")
    return _abi.strerror(code)          # the machine's words (glibc's), not the host's


def fork() -> int:
    """fork, with the handlers of register_at_fork around it (the random module's
    reseeds its generator in the child, so that the two draw different numbers)."""
    rt = _rt()
    before, in_parent, in_child = rt.at_fork or ((), (), ())
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


def register_at_fork(*, before=_MISSING, after_in_child=_MISSING,
                     after_in_parent=_MISSING) -> None:
    """Register callables to run before fork, and after it in the parent or the child."""
    given = (("before", before), ("after_in_parent", after_in_parent),
             ("after_in_child", after_in_child))
    if all(func is _MISSING for _, func in given):
        raise TypeError("At least one argument is required.")
    for name_, func in given:
        if func is not _MISSING and not callable(func):
            raise TypeError(f"'{name_}' must be callable, not {type(func).__name__}")
    rt = _rt()
    if rt.at_fork is None:
        rt.at_fork = ([], [], [])
    for hooks, (_, func) in zip(rt.at_fork, given):
        if func is not _MISSING:
            hooks.append(func)


def _exit(status) -> None:
    _trap("exit", _index(status))


def abort() -> None:
    kill(getpid(), 6)
    _exit(134)


# ---- wait: for a child to change --------------------------------------------------------

def wait() -> tuple[int, int]:
    return _retry("wait4", -1, 0)


def waitpid(pid, options, /) -> tuple[int, int]:
    return _retry("wait4", _pid(pid), _index(options))


def wait3(options) -> tuple:
    """wait, also returning the child's resource usage (resource.struct_rusage)."""
    pid, status, usage = _retry("wait4", -1, _index(options), True)
    return pid, status, _rusage(usage)


def wait4(pid, options) -> tuple:
    pid, status, usage = _retry("wait4", _pid(pid), _index(options), True)
    return pid, status, _rusage(usage)


def _rusage(usage: tuple):
    from kernel.libpy.runtime import host_module        # (not on start-up's path)
    return host_module("resource").struct_rusage(usage)


def waitid(idtype, id, options, /) -> waitid_result | None:
    """Wait for a child chosen by (idtype, id) -- P_PID and a pid, P_PGID and a
    group, P_ALL -- to change as options ask (WEXITED, WSTOPPED, WCONTINUED,
    and WNOHANG, WNOWAIT).  The result is a siginfo; None under WNOHANG when no
    child has changed yet."""
    info = _retry("waitid", _index(idtype), _pid(id), _index(options))
    return None if info is None else waitid_result(info)


# ---- who a process is ----------------------------------------------------------------

def getpid() -> int:
    return _machine.cpu.trap("getpid", ())


def getppid() -> int:
    return _machine.cpu.trap("getppid", ())


def getuid() -> int:
    return _machine.cpu.trap("getuid", ())


def geteuid() -> int:
    return _machine.cpu.trap("geteuid", ())


def getgid() -> int:
    return _machine.cpu.trap("getgid", ())


def getegid() -> int:
    return _machine.cpu.trap("getegid", ())


def getresuid() -> tuple[int, int, int]:
    """The real, effective and saved set-user-ID."""
    return _trap("getresuid")


def getresgid() -> tuple[int, int, int]:
    return _trap("getresgid")


def getgroups() -> list[int]:
    """The supplementary groups: vshell's users belong to their own group only."""
    return [getegid()]


def setuid(uid, /) -> None:
    _trap("setuid", _id(uid, "uid"))


def seteuid(euid, /) -> None:
    _trap("seteuid", _id(euid, "uid"))


def setreuid(ruid, euid, /) -> None:
    _trap("setreuid", _id(ruid, "uid"), _id(euid, "uid"))


def setresuid(ruid, euid, suid, /) -> None:
    _trap("setresuid", _id(ruid, "uid"), _id(euid, "uid"), _id(suid, "uid"))


def setgid(gid, /) -> None:
    _trap("setgid", _id(gid, "gid"))


def setegid(egid, /) -> None:
    _trap("setegid", _id(egid, "gid"))


def setregid(rgid, egid, /) -> None:
    _trap("setregid", _id(rgid, "gid"), _id(egid, "gid"))


def setresgid(rgid, egid, sgid, /) -> None:
    _trap("setresgid", _id(rgid, "gid"), _id(egid, "gid"), _id(sgid, "gid"))


def setgroups(groups, /) -> None:
    """Only root may set the supplementary groups; vshell's processes have none
    but their own group, so root may set that (or none) and nothing else."""
    try:
        gids = [_id(g, "gid") for g in groups]
    except TypeError:
        raise TypeError("setgroups argument must be a sequence") from None
    if geteuid() != 0:
        raise _oserror(_abi.EPERM)
    if any(g != getegid() for g in gids):
        raise _oserror(_abi.ENOSYS, strerror="Function not implemented (vshell has no "
                                             "supplementary groups)")


def getgrouplist(user, group, /) -> list[int]:
    """group, and the groups of /etc/group that list user as a member."""
    if not isinstance(user, str):
        raise TypeError(f"getgrouplist() argument 1 must be str, not {type(user).__name__}")
    groups = [_id(group, "gid")]
    with _rt().open("/etc/group") as f:
        for line in f:
            fields = line.rstrip("\n").split(":")
            if len(fields) == 4 and user in fields[3].split(",") and fields[2].isdigit():
                if int(fields[2]) not in groups:
                    groups.append(int(fields[2]))
    return groups


def initgroups(username, gid, /) -> None:
    setgroups(getgrouplist(username, gid))


def getlogin() -> str:
    uid = getuid()
    try:
        with _rt().open("/etc/passwd") as f:
            for line in f:
                fields = line.split(":")
                if len(fields) > 2 and fields[2] == str(uid):
                    return fields[0]
    except OSError:
        pass
    raise _oserror(_abi.ENOENT)


# ---- process groups, sessions, the terminal ----------------------------------------------

def getpgid(pid) -> int:
    return _trap("getpgid", _pid(pid))


def getpgrp() -> int:
    return _trap("getpgid", 0)


def setpgid(pid, pgrp, /) -> None:
    _trap("setpgid", _pid(pid), _pid(pgrp))


def setpgrp() -> None:
    _trap("setpgid", 0, 0)


def getsid(pid, /) -> int:
    return _trap("getsid", _pid(pid))


def setsid() -> None:
    _trap("setsid")


def tcgetpgrp(fd, /) -> int:
    return _trap("tcgetpgrp", _fd(fd))


def tcsetpgrp(fd, pgid, /) -> None:
    _trap("tcsetpgrp", _fd(fd), _pid(pgid))


def ctermid() -> str:
    return "/dev/tty"


# ---- signals ---------------------------------------------------------------------------

def kill(pid, signal, /) -> None:
    _trap("kill", _pid(pid), _index(signal))


def killpg(pgid, signal, /) -> None:
    """kill(-pgid, sig), as the C library does it (killpg(0) is the caller's group)."""
    if _pid(pgid) < 0:
        raise _oserror(_abi.EINVAL)
    _trap("kill", -pgid, _index(signal))


# ---- scheduling: nice values and policies ------------------------------------------------

def nice(increment, /) -> int:
    return _trap("nice", _index(increment))


def getpriority(which, who) -> int:
    """The nice value of a process (PRIO_PROCESS), group (PRIO_PGRP) or user
    (PRIO_USER); who 0 is the caller's own."""
    return _trap("getpriority", _index(which), _index(who))


def setpriority(which, who, priority) -> None:
    _trap("setpriority", _index(which), _index(who), _index(priority))


def sched_yield() -> None:
    _trap("sched_yield")


def sched_getaffinity(pid, /) -> set[int]:
    """The CPUs a process may run on: the machine has one."""
    return set(_trap("sched_getaffinity", _pid(pid)))


def sched_setaffinity(pid, mask, /) -> None:
    cpus = set()
    for cpu in mask:
        cpu = _index(cpu)
        if cpu < 0:
            raise ValueError("negative CPU number")
        cpus.add(cpu)
    _trap("sched_setaffinity", _pid(pid), frozenset(cpus))


def sched_getscheduler(pid, /) -> int:
    return _trap("sched_getscheduler", _pid(pid))


def sched_setscheduler(pid, policy, param, /) -> None:
    _trap("sched_setscheduler", _pid(pid), _index(policy), _sched_priority(param))


def sched_getparam(pid, /) -> sched_param:
    _trap("sched_getscheduler", _pid(pid))
    return sched_param(0)


def sched_setparam(pid, param, /) -> None:
    _trap("sched_setscheduler", _pid(pid), _trap("sched_getscheduler", _pid(pid)),
          _sched_priority(param))


def _sched_priority(param) -> int:
    if not isinstance(param, sched_param):
        raise TypeError("must have a sched_param object")
    return _index(param.sched_priority)


def sched_get_priority_max(policy) -> int:
    return _priority_range(policy)[1]


def sched_get_priority_min(policy) -> int:
    return _priority_range(policy)[0]


def _priority_range(policy) -> tuple[int, int]:
    policy = _index(policy)
    if policy in (SCHED_FIFO, SCHED_RR):
        return 1, 99
    if policy in (SCHED_OTHER, SCHED_BATCH, SCHED_IDLE):
        return 0, 0
    raise _oserror(_abi.EINVAL)


def sched_rr_get_interval(pid, /) -> float:
    _trap("sched_getscheduler", _pid(pid))
    return 0.0


# ---- the machine ---------------------------------------------------------------------

def times() -> times_result:
    mine, children, elapsed = _trap("times")
    return times_result((mine, 0.0, children, 0.0, elapsed))


def uname() -> uname_result:
    return uname_result(_trap("uname"))


def cpu_count() -> int:
    return 1


def getloadavg() -> tuple[float, float, float]:
    return _trap("getloadavg")


def urandom(size, /) -> bytes:
    size = _index(size)
    if size < 0:
        raise ValueError("negative argument not allowed")
    return _trap("urandom", size)


def getrandom(size, flags=0) -> bytes:
    size = _index(size)
    _index(flags)
    if size < 0:
        raise _oserror(_abi.EINVAL)
    return _trap("urandom", size)


# sysconf, pathconf, confstr: the machine's own values where it has them, and
# the C library's constants for the rest.
_SYSCONF = {"SC_NPROCESSORS_CONF": 1, "SC_NPROCESSORS_ONLN": 1, "SC_CLK_TCK": 100,
            "SC_PAGE_SIZE": 4096, "SC_PAGESIZE": 4096, "SC_NGROUPS_MAX": 65536}


def sysconf(name, /) -> int:
    code = _conf_name(name, sysconf_names)
    for key, value in sysconf_names.items():
        if value == code:
            if key in _SYSCONF:
                return _SYSCONF[key]
            if key == "SC_OPEN_MAX":
                return _trap("getrlimit", 7)[0]
            if key == "SC_CHILD_MAX":
                return _trap("getrlimit", 6)[0]
            if key in ("SC_PHYS_PAGES", "SC_AVPHYS_PAGES"):
                return 1 << 18                  # a machine of 1 GiB
    return _host.sysconf(code)


def confstr(name, /) -> str | None:
    code = _conf_name(name, confstr_names)
    if code == confstr_names.get("CS_PATH"):
        return "/bin:/usr/bin"
    return _host.confstr(code)


def fpathconf(fd, name, /) -> int:
    _trap("fstat", _fd(fd))
    return _pathconf(name)


def pathconf(path, name) -> int:
    if isinstance(path, int):
        return fpathconf(path, name)
    _trap("stat", _path("pathconf", path, allow_fd=True), True)
    return _pathconf(name)


def _pathconf(name) -> int:
    code = _conf_name(name, pathconf_names)
    for key, value in pathconf_names.items():
        if value == code:
            return {"PC_NAME_MAX": 255, "PC_PATH_MAX": 4096, "PC_PIPE_BUF": 4096,
                    "PC_LINK_MAX": 65000}.get(key, 1)
    raise _oserror(_abi.EINVAL)


def _conf_name(name, table: dict) -> int:
    if isinstance(name, str):
        if name not in table:
            raise ValueError("unrecognized configuration name")
        return table[name]
    if not isinstance(name, int):
        raise TypeError("configuration names must be strings or integers")
    return name


from kernel.libpy.fds import (  # noqa: E402,F401  (they need the functions above)
    open, close, closerange, read, write, pread, pwrite, readv, writev, preadv, pwritev,
    sendfile, copy_file_range, lseek, ftruncate, fsync, fdatasync, fchmod, fchown, fstat,
    fstatvfs, dup, dup2, pipe, pipe2, get_inheritable, set_inheritable, get_blocking,
    set_blocking, isatty, ttyname, get_terminal_size, device_encoding, fdopen, memfd_create,
    lockf, posix_fadvise, posix_fallocate,
)
from kernel.libpy.dirtree import (  # noqa: E402,F401
    stat, lstat, access, mkdir, makedirs, mkfifo, mknod, rmdir, removedirs, unlink, remove,
    rename, replace, renames, link, symlink, readlink, listdir, scandir, DirEntry, walk,
    chdir, fchdir, getcwd, getcwdb, chmod, chown, lchown, utime, truncate, statvfs, umask,
    sync, chroot, fwalk,
)
from kernel.libpy.environ import (  # noqa: E402,F401
    _Environ, _EnvironB, getenv, getenvb, putenv, unsetenv,
)
from kernel.libpy.exec import (  # noqa: E402,F401
    POSIX_SPAWN_CLOSE, POSIX_SPAWN_DUP2, POSIX_SPAWN_OPEN, P_WAIT, P_NOWAIT, P_NOWAITO,
    execl, execle, execlp, execlpe, execv, execve, execvp, execvpe, get_exec_path,
    posix_spawn, posix_spawnp, system, spawnl, spawnle, spawnlp, spawnlpe, spawnv, spawnve,
    spawnvp, spawnvpe, popen, _wrap_close,
)

# Which functions take an fd for a path, follow_symlinks=False, or dir_fd, as
# on Linux: shutil, tempfile and pathlib choose their way of working by these.
supports_fd = {chdir, chmod, chown, execve, listdir, pathconf, scandir, stat, statvfs,
               truncate, utime}
supports_follow_symlinks = {access, chown, link, stat, utime}
supports_dir_fd = {access, chmod, chown, link, mkdir, mkfifo, mknod, open, readlink, rename,
                   rmdir, stat, symlink, unlink, utime}
supports_effective_ids = {access}

# CPython's argument errors for every function that is C in CPython
_clinic.wrap_all(globals(), "posix", _host, [
    n for n, f in list(globals().items())
    if isinstance(f, _FunctionType) and isinstance(getattr(_host, n, None), _BuiltinType)])
supports_fd = {globals()[f.__name__] for f in supports_fd}
supports_follow_symlinks = {globals()[f.__name__] for f in supports_follow_symlinks}
supports_dir_fd = {globals()[f.__name__] for f in supports_dir_fd}
supports_effective_ids = {globals()[f.__name__] for f in supports_effective_ids}



def __getattr__(name: str):
    """This module is shared by native code (the shell) and os.path's functions;
    its environment is the calling process's.  (A program's own os module has
    its environ and environb as attributes.)"""
    if name == "environ":
        return _rt().environ
    if name == "environb":
        return _EnvironB(_rt().environ)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


from kernel.libpy import path as path  # noqa: E402  (os.path needs the functions above)
del annotations
