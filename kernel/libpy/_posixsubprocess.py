"""`_posixsubprocess` as a virtual process sees it: fork_exec, the C half of
subprocess.Popen on POSIX, so that CPython's own Lib/subprocess.py runs in
every process unchanged.

subprocess.py does in Python all it can (pipes, the candidate paths of the
program, the environment), then calls fork_exec, which forks.  The child sets
itself up as the arguments say -- the pipes onto fds 0, 1 and 2, the working
directory, umask, signals, session or process group, ids, preexec_fn, every
other fd closed -- and execs the first candidate that works.  If it cannot,
it writes why into the error pipe -- "OSError:<errno in hex>:", plus "noexec"
when it failed before reaching exec -- and exits 255.  A successful exec
closes that close-on-exec pipe unwritten: the parent, reading it to its end,
learns which happened and raises FileNotFoundError or whatever it was.

The fork here is the kernel's clone: the child runs `_child` below, as C code
runs in the child of a fork, with no replay of the program.
"""
from __future__ import annotations

import sys as _host_sys
from os import fsdecode as _fsdecode, fspath as _fspath

from kernel import abi as _abi
from kernel.errors import oserror as _oserror
from kernel.errors import Unwind as _Unwind
from kernel.libpy.os import _rt, _trap

_SIGPIPE, _SIGXFSZ, _SIG_DFL = 13, 25, 0
_RLIMIT_NOFILE = 7
_F_SETFD = 2                        # fcntl(2) command: the fd flags (FD_CLOEXEC)
_NOT_FOUND = (_abi.ENOENT, _abi.ENOTDIR)


def fork_exec(args, executable_list, close_fds, fds_to_keep, cwd, env_list,
              p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
              errpipe_read, errpipe_write, restore_signals, call_setsid, pgid_to_set,
              gid, extra_groups, uid, child_umask, preexec_fn, allow_vfork=True, /) -> int:
    """Fork a child that sets up its fds and execs; return its pid.  Errors in
    the child are written to errpipe_write for subprocess.py to raise."""
    if not isinstance(fds_to_keep, tuple):
        raise TypeError(f"fork_exec() argument 4 must be tuple, not {type(fds_to_keep).__name__}")
    if close_fds and errpipe_write < 3:
        raise ValueError("errpipe_write must be >= 3")
    if not _sane(fds_to_keep):
        raise ValueError("bad value(s) in fds_to_keep")
    argv = None if args is None else [_fsdecode(_fspath(a)) for a in _sequence(args)]
    for a in argv or ():
        if "\0" in a:
            raise ValueError("embedded null byte")
    paths = [_bytes_arg(path) for path in executable_list]
    envp = None if env_list is None else _environment(env_list)
    if envp is None:
        envp = dict(_rt().c_environ)        # execv: the C library's environ, as it is now
    if cwd is not None:
        cwd = _fsdecode(_fspath(cwd))
    setup = _Setup(bool(close_fds), fds_to_keep, cwd, p2cread, p2cwrite, c2pread, c2pwrite,
                   errread, errwrite, errpipe_read, errpipe_write, bool(restore_signals),
                   bool(call_setsid), pgid_to_set, gid, extra_groups, uid, child_umask,
                   preexec_fn)

    def child(rt) -> int:
        return _child(setup, paths, argv, envp)
    return _trap("clone", child)



# Python 3.13's subprocess.py names the directory in the error of a failed
# chdir(cwd), which its C code reports as "noexec:chdir"; 3.12's expects "noexec".
_NOEXEC_CHDIR = b"noexec:chdir" if _host_sys.version_info >= (3, 13) else b"noexec"

if _host_sys.version_info < (3, 11):
    _fork_exec = fork_exec

    def fork_exec(args, executable_list, close_fds, fds_to_keep, cwd, env_list,  # type: ignore[misc]
                  p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
                  errpipe_read, errpipe_write, restore_signals, call_setsid,
                  gid, extra_groups, uid, child_umask, preexec_fn, /) -> int:
        """Python 3.10's subprocess.py calls fork_exec without a process group
        (process_group= came in 3.11): the same call, with none to set."""
        return _fork_exec(args, executable_list, close_fds, fds_to_keep, cwd, env_list,
                          p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
                          errpipe_read, errpipe_write, restore_signals, call_setsid, -1,
                          gid, extra_groups, uid, child_umask, preexec_fn)


class _Setup:
    """What the child must do before exec (fork_exec's arguments, checked)."""

    def __init__(self, *values) -> None:
        (self.close_fds, self.fds_to_keep, self.cwd, self.p2cread, self.p2cwrite, self.c2pread,
         self.c2pwrite, self.errread, self.errwrite, self.errpipe_read, self.errpipe_write,
         self.restore_signals, self.call_setsid, self.pgid_to_set, self.gid, self.extra_groups,
         self.uid, self.child_umask, self.preexec_fn) = values


# ---- in the child ----------------------------------------------------------------------------

def _child(s: _Setup, paths: list[str], argv: list[str] | None, envp: dict[str, str]) -> int:
    """The child of fork_exec (child_exec in _posixsubprocess.c): set up, exec,
    or report why not and exit 255."""
    reached_preexec = False
    noexec = b"noexec"
    try:
        _fds(s)
        if s.cwd is not None:
            noexec = _NOEXEC_CHDIR
            _trap("chdir", s.cwd)
            noexec = b"noexec"
        _process(s)
        reached_preexec = True
        if s.preexec_fn is not None:
            try:
                s.preexec_fn()
            except _Unwind:
                raise
            except BaseException:
                _report(s.errpipe_write, b"SubprocessError:0:Exception occurred in preexec_fn.")
                return 255
        if s.close_fds:
            _close_open_fds(3, s.fds_to_keep)
        code = _exec(paths, argv, envp)
    except OSError as e:
        code = e.errno or 0
    if code:
        _report(s.errpipe_write, b"OSError:%x:" % code + (b"" if reached_preexec else noexec))
    else:
        _report(s.errpipe_write, b"SubprocessError:0:")
    return 255


def _fds(s: _Setup) -> None:
    """The pipes onto 0, 1 and 2; the parent's ends closed; fds to keep inheritable."""
    for fd in s.fds_to_keep:
        if fd != s.errpipe_write:           # closed by the exec, kept until then
            _trap("fcntl", fd, _F_SETFD, 0)            # inheritable
    for fd in (s.p2cwrite, s.c2pread, s.errread):
        if fd != -1:
            _trap("close", fd)
    _trap("close", s.errpipe_read)
    c2pwrite, errwrite = s.c2pwrite, s.errwrite
    if c2pwrite == 0:                       # about to be overwritten by stdin's dup2
        c2pwrite = _trap("dup", c2pwrite, True)
    while errwrite in (0, 1):
        errwrite = _trap("dup", errwrite, True)
    for fd, target in ((s.p2cread, 0), (c2pwrite, 1), (errwrite, 2)):
        if fd == target:                    # dup2 would do nothing: clear close-on-exec
            _trap("fcntl", fd, _F_SETFD, 0)            # inheritable
        elif fd != -1:
            _trap("dup2", fd, target, False)


def _process(s: _Setup) -> None:
    """Umask, signals, session or group, and ids, in the C code's order (after chdir)."""
    if s.child_umask >= 0:
        _trap("umask", s.child_umask)
    if s.restore_signals:                   # _Py_RestoreSignals
        for sig in (_SIGPIPE, _SIGXFSZ):
            _trap("sigaction", sig, _SIG_DFL)
    if s.call_setsid:
        _trap("setsid")
    if s.pgid_to_set >= 0:
        _trap("setpgid", 0, s.pgid_to_set)
    if s.extra_groups is not None and s.extra_groups and _trap("geteuid") != 0:
        raise _oserror(_abi.EPERM, strerror="")     # setgroups: only root has other groups to give
    if s.gid is not None:
        _trap("setgid", s.gid)
    if s.uid is not None:
        _trap("setuid", s.uid)


def _close_open_fds(start: int, keep: tuple) -> None:
    """Close every fd from start up but those kept, as CPython does on Linux:
    by the list in /proc/self/fd (each fd number above start once otherwise)."""
    fds: list[int] | range
    try:
        fds = sorted(int(name) for name in _trap("listdir", "/proc/self/fd"))
    except OSError:
        fds = range(start, _trap("getrlimit", _RLIMIT_NOFILE)[0])
    for fd in fds:
        if fd >= start and fd not in keep:
            try:
                _trap("close", fd)
            except OSError:
                pass


def _exec(paths: list[str], argv: list[str] | None, envp: dict[str, str]) -> int:
    """Try each candidate path, as os._execvpe's search: return the first error
    that is not 'not found', else the last."""
    saved = last = 0
    for path in paths:
        try:
            _trap("execve", path, argv if argv is not None else [], envp)
        except OSError as e:
            last = e.errno or 0
            if last not in _NOT_FOUND and not saved:
                saved = last
    return saved or last


def _report(fd: int, message: bytes) -> None:
    try:
        _trap("write", fd, message)
    except OSError:
        pass


# ---- the arguments, as the C code converts them --------------------------------------------

def _sane(fds: tuple) -> bool:
    """_sanity_check_python_fd_sequence: ints >= 0, strictly increasing."""
    prev = -1
    for fd in fds:
        if not isinstance(fd, int) or fd < 0 or fd <= prev or fd > 0x7FFFFFFF:
            return False
        prev = fd
    return True


def _sequence(args) -> list:
    try:
        return list(args)
    except TypeError:
        raise TypeError("argv must be a tuple") from None


def _bytes_arg(b) -> str:
    if not isinstance(b, bytes):
        raise TypeError(f"expected bytes, {type(b).__name__} found")
    if b"\0" in b:
        raise ValueError("embedded null byte")
    return _fsdecode(b)


def _environment(env_list) -> dict[str, str]:
    """env_list's b'KEY=VALUE' strings, as the new program's environment."""
    env: dict[str, str] = {}
    for item in env_list:
        key, _, value = _bytes_arg(item).partition("=")
        env[key] = value
    return env
