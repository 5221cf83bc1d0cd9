"""Starting programs, as CPython's os module does it: the exec family,
posix_spawn, the spawn family, system and popen, over the kernel's execve and
clone.

CPython keeps two environments: os.environ, a Python mapping, and the C
library's environ, which putenv and unsetenv change (and so does setting
os.environ[key], which calls putenv).  execv, execvp and system without an
explicit environment pass the C-level one; execvp searches os.environ's PATH.
Errors carry CPython's fields: execv's OSError has no filename, execve's and
posix_spawn's name the path as given.

posix_spawn starts the child natively (an O(1) clone, no replay) and, like
glibc, reports the child's failure to exec to the caller: the child writes its
errno into a close-on-exec pipe, which a successful exec closes unwritten.
The spawn family (CPython forks, then execs) and popen (CPython's subprocess)
start their children the same way.
"""
from __future__ import annotations

import os as _host_os
import sys
from os import defpath, fsdecode, pathsep

from kernel import abi as _abi
from kernel.errors import oserror as _oserror, renamed as _renamed
from kernel.abi import (O_CLOEXEC, SIG_BLOCK as _SIG_BLOCK, SIG_DFL as _SIG_DFL,
                        SIG_IGN as _SIG_IGN, SIG_SETMASK as _SIG_SETMASK, SIGCHLD as _SIGCHLD,
                        SIGINT as _SIGINT, SIGQUIT as _SIGQUIT, W_EXITCODE as _W_EXITCODE)
from kernel.libpy.os import _index, _rt, _trap

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

POSIX_SPAWN_OPEN, POSIX_SPAWN_CLOSE, POSIX_SPAWN_DUP2 = 0, 1, 2
# Python 3.13 adds a file action that closes every fd from one on (its
# subprocess then spawns with close_fds) and lets env be None (the caller's
# environment); os has the constant where the host's has it.
POSIX_SPAWN_CLOSEFROM = getattr(_host_os, "POSIX_SPAWN_CLOSEFROM", 3)
_ENV_NONE = sys.version_info >= (3, 13)
P_WAIT, P_NOWAIT, P_NOWAITO = 0, 1, 1


# ---- arguments, converted and checked as posixmodule.c does -----------------------------

def _arg(a) -> str:
    if isinstance(a, str):
        s = a
    elif isinstance(a, (bytes, bytearray)):
        s = fsdecode(bytes(a))
    elif hasattr(type(a), "__fspath__"):
        return _arg(a.__fspath__())
    else:
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(a).__name__}")
    if "\0" in s:
        raise ValueError("embedded null byte")
    return s


def _path(func: str, path) -> str:
    if type(path) is str and "\0" not in path:
        return path
    if not isinstance(path, (str, bytes, bytearray)) and not hasattr(type(path), "__fspath__"):
        raise TypeError(f"{func}: path should be string, bytes or os.PathLike, "
                        f"not {type(path).__name__}")
    return _arg(path)


# The usual argument, a str without a null byte, is checked in line: a call of
# _arg for every argument and environment string costs more than exec's own work.

def _args(argv) -> list[str]:
    args = list(argv)
    for a in args:
        if type(a) is not str or "\0" in a:
            return [_arg(a) for a in args]
    return args


def _envp(func: str, env) -> dict[str, str]:
    if type(env) is dict:           # (a dict runs none of the program's code: checked at once)
        result = env.copy()
        if _plain(result):
            return result
    elif not hasattr(type(env), "__getitem__"):
        raise TypeError(f"{func}: environment must be a mapping object")
    result = {}
    for key, value in zip(list(env.keys()), list(env.values())):
        key = _arg(key)
        if not key or "=" in key[1:]:
            raise ValueError("illegal environment variable name")
        result[key] = _arg(value)
    return result


def _plain(env: dict) -> bool:
    """Is every name and value a str without a null byte, every name non-empty
    and without '=' (after its first character)?  One by one for a few
    variables, in C for more (a login's environment has a dozen or more)."""
    if len(env) <= FEW:
        for key, value in env.items():
            if type(key) is not str or type(value) is not str or not key or "\0" in key \
                    or "\0" in value or "=" in key[1:]:
                return False
        return True
    keys, values = list(env), list(env.values())
    return (set(map(type, keys + values)) <= _STR and "\0" not in "".join(keys + values)
            and "=" not in "".join(keys) and "" not in keys)


FEW = 4
_STR = {str}


def _error(e: OSError, filename=None) -> OSError:
    """The kernel's error, with the filename CPython's call would give."""
    if filename is None:
        return _renamed(e)
    return _renamed(e, filename)


# ---- exec -------------------------------------------------------------------------------

def execv(path, argv, /) -> None:
    file = _path("execv", path)
    if not isinstance(argv, (list, tuple)):
        raise TypeError("execv() arg 2 must be a tuple or list")
    if not argv:
        raise ValueError("execv() arg 2 must not be empty")
    args = _args(argv)
    if not args[0]:
        raise ValueError("execv() arg 2 first element cannot be empty")
    try:
        _trap("execve", file, args, dict(_rt().c_environ))
    except OSError as e:
        raise _error(e) from None


def execve(path, argv, env) -> None:
    file = _path("execve", path)
    if not isinstance(argv, (list, tuple)):
        raise TypeError("execve: argv must be a tuple or list")
    if not argv:
        raise ValueError("execve: argv must not be empty")
    if not hasattr(type(env), "__getitem__"):
        raise TypeError("execve: environment must be a mapping object")
    args = _args(argv)
    if not args[0]:
        raise ValueError("execve: argv first element cannot be empty")
    envp = _envp("execve", env)
    try:
        _trap("execve", file, args, envp)
    except OSError as e:
        raise _error(e, path) from None


def execl(file, *args) -> None:
    execv(file, args)


def execle(file, *args) -> None:
    execve(file, args[:-1], args[-1])


def execlp(file, *args) -> None:
    execvp(file, args)


def execlpe(file, *args) -> None:
    execvpe(file, args[:-1], args[-1])


def execvp(file, args) -> None:
    _execvpe(file, args)


def execvpe(file, args, env) -> None:
    _execvpe(file, args, env)


def get_exec_path(env=None) -> list[str]:
    """The directories execvp searches: env's PATH (os.environ's by default)."""
    if env is None:
        env = _rt().environ
    try:
        path_list = env.get("PATH")
    except TypeError:
        path_list = None
    if isinstance(path_list, bytes):
        path_list = fsdecode(path_list)
    return (defpath if path_list is None else path_list).split(pathsep)


def _execvpe(file, args, env=None, c_environ=None) -> None:
    """CPython's own search (Lib/os.py): the first error that is not 'not found'
    wins.  (c_environ: the environment to pass when env is None, if not this
    process's own.)"""
    exec_func: Callable[..., None]
    argrest: tuple
    if env is not None:
        exec_func, argrest = execve, (args, env)
    elif c_environ is not None:
        exec_func, argrest = execve, (args, c_environ)
    else:
        exec_func, argrest = execv, (args,)
    name = _arg(file)
    if "/" in name:
        exec_func(file, *argrest)
        return
    saved_exc: OSError | None = None
    last_exc: OSError | None = None
    for d in get_exec_path(env):
        fullname = (d.rstrip("/") + "/" + name if d else name).encode(errors="surrogateescape")
        try:
            exec_func(fullname, *argrest)
        except (FileNotFoundError, NotADirectoryError) as e:
            last_exc = e
        except OSError as e:
            last_exc = e
            if saved_exc is None:
                saved_exc = e
    if saved_exc is not None:
        raise saved_exc
    assert last_exc is not None         # (an empty PATH is one directory, '')
    raise last_exc


# ---- posix_spawn and system ----------------------------------------------------------------

def posix_spawn(path, argv, env, /, *, file_actions=None, setpgroup=None, resetids=False,
                setsid=False, setsigmask=(), setsigdef=(), scheduler=None) -> int:
    file = _path("posix_spawn", path)
    args, envp = _spawn_args("posix_spawn", argv, env)
    return _spawn(lambda: _trap("execve", file, args, envp), path, file_actions, setpgroup,
                  resetids, setsid, setsigmask, setsigdef)


def posix_spawnp(path, argv, env, /, *, file_actions=None, setpgroup=None, resetids=False,
                 setsid=False, setsigmask=(), setsigdef=(), scheduler=None) -> int:
    """glibc's search: the caller's C-level PATH; EACCES if some file was not executable."""
    file = _path("posix_spawnp", path)
    args, envp = _spawn_args("posix_spawnp", argv, env)
    search = _rt().c_environ.get("PATH", defpath).split(pathsep)

    def exec_() -> None:
        if not file:
            raise _oserror(_abi.ENOENT)
        if "/" in file:
            _trap("execve", file, args, envp)
        denied = None
        for d in search:
            try:
                _trap("execve", (d.rstrip("/") + "/" + file) if d else file, args, envp)
            except (FileNotFoundError, NotADirectoryError):
                continue
            except PermissionError as e:
                denied = e
        raise denied or _oserror(_abi.ENOENT)
    return _spawn(exec_, path, file_actions, setpgroup, resetids, setsid, setsigmask, setsigdef)


def _spawn_args(func: str, argv, env) -> tuple[list[str], dict[str, str]]:
    if not isinstance(argv, (list, tuple)):
        raise TypeError(f"{func}: argv must be a tuple or list")
    if not argv:
        raise ValueError(f"{func}: argv must not be empty")
    if env is None and _ENV_NONE:
        env = _rt().c_environ
    return _args(argv), _envp(func, env)


def _spawn(exec_, path, file_actions, setpgroup, resetids, new_session, sigmask, sigdef) -> int:
    """Clone a child that sets itself up and execs; wait until it has (or report why not)."""
    actions = _file_actions(file_actions)
    sigdef = [int(sig) for sig in sigdef]
    r, w = _trap("pipe2", O_CLOEXEC)                    # an exec closes it

    def child(rt) -> int:
        try:
            _setup(actions, setpgroup, resetids, new_session, sigmask, sigdef, w)
            exec_()
        except OSError as e:
            _trap("write", w, (e.errno or _abi.ENOEXEC).to_bytes(4, "little"))
        return 127
    try:
        try:
            pid = _trap("clone", child)
        finally:
            _trap("close", w)
        report = _read_all(r)
    finally:
        _trap("close", r)
    if report:
        _reap(pid)
        code = int.from_bytes(report[:4], "little")
        raise _oserror(code, path)
    return pid


def _setup(actions, setpgroup, resetids, new_session, sigmask, sigdef, report: int) -> None:
    """In the child, before exec: posix_spawn's attributes, then its file actions
    (the fd that reports a failed exec is the implementation's, as glibc's is:
    closefrom leaves it open)."""
    if new_session:
        _trap("setsid")
    if setpgroup is not None:
        _trap("setpgid", 0, _index(setpgroup))
    if resetids:
        _trap("seteuid", _trap("getuid"))
    if sigmask:
        _trap("sigprocmask", _SIG_SETMASK, frozenset(int(s) for s in sigmask))
    for sig in sigdef:
        _trap("sigaction", sig, _SIG_DFL)
    for action in actions:
        tag = action[0]
        if tag == POSIX_SPAWN_OPEN:
            _, fd, path, flags, mode = action
            new = _trap("open", path, flags, mode)
            if new != fd:
                _trap("dup2", new, fd, False)
                _trap("close", new)
        elif tag == POSIX_SPAWN_CLOSE:
            _trap("close", action[1])
        elif tag == POSIX_SPAWN_CLOSEFROM:
            for fd in _trap("listdir", "/proc/self/fd", None):
                if int(fd) >= action[1] and int(fd) != report:
                    _close_quietly(int(fd))
        else:
            _trap("dup2", action[1], action[2], False)


_ACTION_ARGS = {POSIX_SPAWN_OPEN: (5, "An open"), POSIX_SPAWN_CLOSE: (2, "A close"),
                POSIX_SPAWN_DUP2: (3, "A dup2")}
if hasattr(_host_os, "POSIX_SPAWN_CLOSEFROM"):
    _ACTION_ARGS[POSIX_SPAWN_CLOSEFROM] = (2, "A closefrom")


def _file_actions(file_actions) -> list[tuple]:
    """posix_spawn's file actions, checked in the caller as CPython checks them."""
    actions = []
    for action in file_actions or ():
        if not isinstance(action, tuple) or not action:
            raise TypeError("Each file_actions element must be a non-empty tuple")
        n, kind = _ACTION_ARGS.get(action[0], (0, ""))
        if not n:
            raise TypeError("Unknown file_actions identifier")
        if len(action) != n:
            raise TypeError(f"{kind} file_action tuple must have {n} elements")
        if action[0] == POSIX_SPAWN_OPEN:
            action = (action[0], _index(action[1]), _arg(action[2]), _index(action[3]),
                      _index(action[4]))
        else:
            action = (action[0],) + tuple(_index(a) for a in action[1:])
        actions.append(action)
    return actions


def _read_all(fd: int) -> bytes:
    data = b""
    while True:
        try:
            chunk = _trap("read", fd, 4)
        except InterruptedError:
            continue
        if not chunk:
            return data
        data += chunk


def _reap(pid: int) -> int:
    while True:
        try:
            return _trap("wait4", pid, 0)[1]
        except InterruptedError:
            continue


def system(command) -> int:
    """C's system(): sh -c command with the C-level environment; while it runs,
    the caller ignores SIGINT and SIGQUIT and holds SIGCHLD back."""
    command = _arg(command)
    old_int = _trap("sigaction", _SIGINT, _SIG_IGN)
    old_quit = _trap("sigaction", _SIGQUIT, _SIG_IGN)
    old_mask = _trap("sigprocmask", _SIG_BLOCK, frozenset({_SIGCHLD}))
    try:
        reset = [s for s, old in ((_SIGINT, old_int), (_SIGQUIT, old_quit)) if old != _SIG_IGN]
        envp = dict(_rt().c_environ)
        try:
            pid = _spawn(lambda: _trap("execve", "/bin/sh", ["sh", "-c", command], envp),
                         "/bin/sh", (), None, False, False, old_mask, reset)
        except OSError:
            return _W_EXITCODE(127)
        return _reap(pid)
    finally:
        _trap("sigaction", _SIGINT, old_int)
        _trap("sigaction", _SIGQUIT, old_quit)
        _trap("sigprocmask", _SIG_SETMASK, old_mask)


# ---- the spawn family: fork and exec in one call ---------------------------------------------

def spawnv(mode, file, args) -> int:
    """Run file with args in a new process.  P_NOWAIT: return its pid (the caller
    waits for it); P_WAIT: wait, and return its exit code (-N if signal N
    killed it)."""
    return _spawnvef(mode, file, args, None, False)


def spawnve(mode, file, args, env) -> int:
    return _spawnvef(mode, file, args, env, False)


def spawnvp(mode, file, args) -> int:
    """spawnv, searching PATH for file."""
    return _spawnvef(mode, file, args, None, True)


def spawnvpe(mode, file, args, env) -> int:
    return _spawnvef(mode, file, args, env, True)


def spawnl(mode, file, *args) -> int:
    return spawnv(mode, file, args)


def spawnle(mode, file, *args) -> int:
    return spawnve(mode, file, args[:-1], args[-1])


def spawnlp(mode, file, *args) -> int:
    return spawnvp(mode, file, args)


def spawnlpe(mode, file, *args) -> int:
    return spawnvpe(mode, file, args[:-1], args[-1])


def _spawnvef(mode, file, args, env, search: bool) -> int:
    """CPython's _spawnvef (Lib/os.py), with clone for its fork: the child execs
    at once, or exits with status 127 if it cannot."""
    if not isinstance(args, (tuple, list)):
        raise TypeError("argv must be a tuple or a list")
    if not args or not args[0]:
        raise ValueError("argv first element cannot be empty")
    c_environ = dict(_rt().c_environ)

    def child(rt) -> int:
        try:
            if search:
                _execvpe(file, args, env, c_environ)
            elif env is None:
                execve(file, args, c_environ)
            else:
                execve(file, args, env)
        except BaseException:
            pass
        return 127
    pid = _trap("clone", child)
    if mode == P_NOWAIT:
        return pid
    while True:
        _, status = _os().waitpid(pid, 0)
        if not _os().WIFSTOPPED(status):
            return _os().waitstatus_to_exitcode(status)


def _os():
    from kernel.libpy import os
    return os


# ---- popen: a command's output as a file ----------------------------------------------------

def popen(cmd, mode="r", buffering=-1):
    """Run cmd by the shell with its stdout (mode "r") or stdin ("w") on a pipe,
    and return the other end as a text file; its close() waits for the command
    and returns None if it exited 0, else its wait status (CPython: returncode << 8)."""
    if not isinstance(cmd, str):
        raise TypeError("invalid cmd type (%s, expected string)" % type(cmd))
    if mode not in ("r", "w"):
        raise ValueError("invalid mode %r" % mode)
    if buffering == 0 or buffering is None:
        raise ValueError("popen() does not support unbuffered streams")
    r, w = _trap("pipe2", O_CLOEXEC)
    ours, theirs, target = (r, w, 1) if mode == "r" else (w, r, 0)
    envp = dict(_rt().c_environ)

    def child(rt) -> int:
        try:
            _trap("dup2", theirs, target, False)
            for fd in _trap("listdir", "/proc/self/fd", None):
                if int(fd) > 2:
                    _close_quietly(int(fd))     # subprocess's close_fds
            _trap("execve", "/bin/sh", ["/bin/sh", "-c", cmd], envp)
        except OSError:
            pass
        return 127
    try:
        pid = _trap("clone", child)
    finally:
        _trap("close", theirs)
    from kernel.libpy import streams
    # as subprocess: buffering 1 means line buffering, of the text stream only
    binary = streams.open(ours, mode + "b", -1 if buffering == 1 else buffering)
    return _wrap_close(_text(binary, mode, buffering == 1), pid)


def _close_quietly(fd: int) -> None:
    try:
        _trap("close", fd)
    except OSError:
        pass


def _text(binary, mode: str, line_buffering: bool):
    """subprocess's text stream over a pipe: its writes passed on at once to
    the binary stream (write_through), which buffers them."""
    import io
    from kernel.libpy import streams
    if mode == "w":
        return io.TextIOWrapper(binary, encoding=streams.TEXT_ENCODING,
                                write_through=True, line_buffering=line_buffering)
    return io.TextIOWrapper(binary, encoding=streams.TEXT_ENCODING)


class _wrap_close:
    """popen's file: the stream, whose close() also waits for the command."""

    def __init__(self, stream, pid: int) -> None:
        self._stream = stream
        self._pid = pid
        self._returncode = None

    def close(self):
        self._stream.close()
        returncode = self._wait()
        if returncode == 0:
            return None
        return returncode << 8          # as CPython shifts subprocess's returncode

    def _wait(self) -> int:
        if self._returncode is not None:
            return self._returncode
        try:
            status = _reap(self._pid)
        except ChildProcessError:
            status = 0
        self._returncode = code = _os().waitstatus_to_exitcode(status)
        return code

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)
