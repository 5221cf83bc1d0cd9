"""A system call as strace(1) writes it: names for flags, signals and modes,
the data a call filled in where strace shows it, the result after `=`.

    open("/tmp/f", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3
    pipe2([3, 4], O_CLOEXEC) = 0
    rt_sigaction(SIGINT, {sa_handler=SIG_IGN}, {sa_handler=SIG_DFL}) = 0
    wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 4

The kernel's system calls have the arguments of Python's os module (read takes
a count and returns the bytes); this page turns them back into the C calls a
student compares with `strace -f python3 p1.py` on Linux.  Flag, signal and
errno names are the machine's (kernel/abi.py), as the kernel's numbers are (one
source for each fact).
"""
from __future__ import annotations

import os
import stat

from kernel import abi

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

UNKNOWN = object()          # the result of a call that has not returned yet
SHOWN_BYTES = 32            # strace -s 32, its default


def signame(sig: int) -> str:
    return abi.SIGNAMES.get(sig) or str(sig)


def quote(value: Any) -> str:
    """A string or buffer as C writes it, cut at strace's 32 bytes."""
    data = value.encode("utf-8", "surrogateescape") if isinstance(value, str) else bytes(value)
    out = []
    for b in data[:SHOWN_BYTES]:
        c = chr(b)
        if c in '"\\':
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append("\\%o" % b)
    return '"' + "".join(out) + '"' + ("..." if len(data) > SHOWN_BYTES else "")


def value(v: Any) -> str:
    """Any other argument or result: a number, a string, a list; never a repr."""
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, (str, bytes, bytearray)):
        return quote(v)
    if isinstance(v, (list, tuple)):
        inner = ", ".join(value(x) for x in v[:8]) + (", ..." if len(v) > 8 else "")
        return f"[{inner}]"
    if isinstance(v, (set, frozenset)):
        return sigset(v)
    if isinstance(v, dict):
        return "..."
    if isinstance(v, float):
        return f"{v:g}"
    if isinstance(v, int):
        return str(v)
    if hasattr(v, "st_mode"):
        return stat_struct(v)
    return "..."                  # a continuation, an object: nothing a person reads


def flags(bits: int, names: list[str], zero: str = "0") -> str:
    """bits as NAME|NAME|0x..., in strace's order (the list's)."""
    shown = []
    for name in names:
        bit = getattr(abi, name, None)
        if bit and bits & bit == bit:
            shown.append(name)
            bits &= ~bit
    if bits:
        shown.append(hex(bits))
    return "|".join(shown) or zero


OPEN_FLAGS = ["O_APPEND", "O_CREAT", "O_EXCL", "O_NOCTTY", "O_TRUNC", "O_NONBLOCK",
              "O_DSYNC", "O_SYNC", "O_DIRECTORY", "O_NOFOLLOW", "O_CLOEXEC", "O_NOATIME"]
ACCESS_MODES = {abi.O_RDONLY: "O_RDONLY", abi.O_WRONLY: "O_WRONLY", abi.O_RDWR: "O_RDWR"}


def open_flags(bits: int) -> str:
    mode = ACCESS_MODES.get(bits & abi.O_ACCMODE, str(bits & abi.O_ACCMODE))
    rest = flags(bits & ~abi.O_ACCMODE, OPEN_FLAGS, "")
    return mode + ("|" + rest if rest else "")


def sigset(sigs: Any) -> str:
    """A signal set as strace writes it: [INT CHLD]."""
    return "[" + " ".join(signame(s).removeprefix("SIG") for s in sorted(sigs)) + "]"


def file_type(mode: int) -> str:
    kinds = [("S_IFSOCK", stat.S_ISSOCK), ("S_IFLNK", stat.S_ISLNK), ("S_IFREG", stat.S_ISREG),
             ("S_IFBLK", stat.S_ISBLK), ("S_IFDIR", stat.S_ISDIR), ("S_IFCHR", stat.S_ISCHR),
             ("S_IFIFO", stat.S_ISFIFO)]
    kind = next((name for name, test in kinds if test(mode)), "0")
    return f"{kind}|{stat.S_IMODE(mode):04o}"


def stat_struct(st: Any) -> str:
    return "{st_mode=%s, st_size=%d, ...}" % (file_type(st.st_mode), st.st_size)


def wait_status(status: int) -> str:
    if abi.WIFEXITED(status):
        return f"[{{WIFEXITED(s) && WEXITSTATUS(s) == {abi.WEXITSTATUS(status)}}}]"
    if abi.WIFSIGNALED(status):
        core = " && WCOREDUMP(s)" if abi.WCOREDUMP(status) else ""
        return f"[{{WIFSIGNALED(s) && WTERMSIG(s) == {signame(abi.WTERMSIG(status))}{core}}}]"
    if abi.WIFSTOPPED(status):
        return f"[{{WIFSTOPPED(s) && WSTOPSIG(s) == {signame(abi.WSTOPSIG(status))}}}]"
    if abi.WIFCONTINUED(status):
        return "[{WIFCONTINUED(s)}]"
    return f"[{status:#x}]"


WAIT_OPTIONS = ["WNOHANG", "WUNTRACED", "WCONTINUED", "WEXITED", "WNOWAIT"]
SEEK = {abi.SEEK_SET: "SEEK_SET", abi.SEEK_CUR: "SEEK_CUR", abi.SEEK_END: "SEEK_END"}
ACCESS_BITS = ["R_OK", "W_OK", "X_OK"]
HOW_MASK = {abi.SIG_BLOCK: "SIG_BLOCK", abi.SIG_UNBLOCK: "SIG_UNBLOCK",
            abi.SIG_SETMASK: "SIG_SETMASK"}
HANDLERS = {0: "SIG_DFL", 1: "SIG_IGN", 2: "handler"}   # kernel/signals.py's dispositions
FCNTL = {getattr(os, n): n for n in ("F_DUPFD", "F_GETFD", "F_SETFD", "F_GETFL", "F_SETFL",
                                     "F_DUPFD_CLOEXEC", "F_GETLK", "F_SETLK", "F_SETLKW")
         if hasattr(os, n)}

# Each formatter: (args, result) -> (the C call's name, its arguments, its result
# or None for the usual one).  `r` is UNKNOWN while the call has not returned.


def _buffer(r: Any) -> str:
    return "..." if r is UNKNOWN or isinstance(r, int) else quote(r)


def _count(r: Any) -> str | None:
    """A read's result: the bytes' count (r may be that count already, when a
    recording kept only the length: vshell/web/model.py's slim)."""
    return None if r is UNKNOWN else str(r if isinstance(r, int) else len(r))


def _data(d: Any) -> list[str]:
    """A written buffer and its length (d: the length alone, when kept so)."""
    return ["...", str(d)] if isinstance(d, int) else [quote(d), str(len(d))]


def _open(a, r):
    path, bits, mode = a[0], a[1], a[2]
    args = [quote(path), open_flags(bits)]
    if bits & abi.O_CREAT or bits & abi.O_TMPFILE == abi.O_TMPFILE:
        args.append(f"{mode:04o}")
    if len(a) > 3 and a[3] is not None:
        return "openat", [str(a[3])] + args, None
    return "open", args, None


def _read(a, r):
    return "read", [str(a[0]), _buffer(r), str(a[1])], _count(r)


def _pread(a, r):
    return "pread64", [str(a[0]), _buffer(r), str(a[1]), str(a[2])], _count(r)


def _write(a, r):
    return "write", [str(a[0]), *_data(a[1])], None


def _pwrite(a, r):
    return "pwrite64", [str(a[0]), *_data(a[1]), str(a[2])], None


def _dup(a, r):
    if len(a) > 1 and a[1]:
        return "fcntl", [str(a[0]), "F_DUPFD_CLOEXEC", "0"], None
    return "dup", [str(a[0])], None


def _dup2(a, r):
    if len(a) > 2 and a[2]:
        return "dup3", [str(a[0]), str(a[1]), "O_CLOEXEC"], None
    return "dup2", [str(a[0]), str(a[1])], None


def _pipe2(a, r):
    fds = "..." if r is UNKNOWN else value(list(r))
    return "pipe2", [fds, flags(a[0], ["O_NONBLOCK", "O_CLOEXEC"])], None if r is UNKNOWN else "0"


def _stat(a, r):
    name = "stat" if a[1] else "lstat"
    args = [quote(a[0]), "..." if r is UNKNOWN else stat_struct(r)]
    if len(a) > 2 and a[2] is not None:
        return "newfstatat", [str(a[2])] + args + ["0" if a[1] else "AT_SYMLINK_NOFOLLOW"], \
            None if r is UNKNOWN else "0"
    return name, args, None if r is UNKNOWN else "0"


def _fstat(a, r):
    return "fstat", [str(a[0]), "..." if r is UNKNOWN else stat_struct(r)], \
        None if r is UNKNOWN else "0"


def _access(a, r):
    # The kernel answers yes or no; a no is the EACCES of a file one may not use.
    name, args = "access", [quote(a[0]), flags(a[1], ACCESS_BITS, "F_OK")]
    if len(a) > 4 and a[4] is not None:
        name, args = "faccessat", [str(a[4])] + args
    return name, args, None if r is UNKNOWN else "0" if r else "-1 EACCES (Permission denied)"


def _isatty(a, r):
    # What isatty(3) is on Linux: the terminal's attributes, or ENOTTY.
    result = None if r is UNKNOWN else "0" if r else "-1 ENOTTY (Inappropriate ioctl for device)"
    return "ioctl", [str(a[0]), "TCGETS", "..."], result


def _lseek(a, r):
    return "lseek", [str(a[0]), str(a[1]), SEEK.get(a[2], str(a[2]))], None


def _wait4(a, r):
    status = "..." if r is UNKNOWN or not r[0] else wait_status(r[1])
    result = None if r is UNKNOWN else str(r[0])
    return "wait4", [str(a[0]), status, flags(a[1], WAIT_OPTIONS), "..." if a[2:3] == (True,)
                     else "NULL"], result


def _kill(a, r):
    return "kill", [str(a[0]), signame(a[1])], None


def _sigaction(a, r):
    act = "NULL" if a[1] < 0 else "{sa_handler=%s}" % HANDLERS.get(a[1], a[1])
    old = "..." if r is UNKNOWN else "{sa_handler=%s}" % HANDLERS.get(r, r)
    return "rt_sigaction", [signame(a[0]), act, old, "8"], None if r is UNKNOWN else "0"


def _sigprocmask(a, r):
    old = "..." if r is UNKNOWN else sigset(r)
    return "rt_sigprocmask", [HOW_MASK.get(a[0], str(a[0])), sigset(a[1]), old, "8"], \
        None if r is UNKNOWN else "0"


def _execve(a, r):
    argv = value(list(a[1])) if isinstance(a[1], (list, tuple)) else "..."
    return "execve", [quote(a[0]), argv, "..."], None


def _exit(a, r):
    return "exit_group", [str(a[0])], "?"


def _clone(a, r):
    # fork(2) in glibc, and so in Python and dash: a clone that shares nothing.
    return "clone", ["child_stack=NULL", "flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD",
                     "child_tidptr=..."], None


def _nanosleep(a, r):
    sec, frac = divmod(a[0], 1.0)
    return "clock_nanosleep", ["CLOCK_MONOTONIC", "TIMER_ABSTIME",
                               "{tv_sec=%d, tv_nsec=%d}" % (sec, round(frac * 1e9)), "NULL"], None


def _fcntl(a, r):
    return "fcntl", [str(a[0]), FCNTL.get(a[1], str(a[1])), str(a[2])], None


def _path_at(name: str):
    def show(a, r):
        if len(a) > 1 and isinstance(a[-1], int) and not isinstance(a[-1], bool):
            return name + "at", [str(a[-1]), quote(a[0])], None
        return name, [quote(a[0])], None
    return show


def _mkdir(a, r):
    return "mkdir", [quote(a[0]), f"{a[1]:04o}"], None


def _chmod(a, r):
    return "chmod", [quote(a[0]), f"{a[1]:04o}"], None


def _rename(a, r):
    return "rename", [quote(a[0]), quote(a[1])], None


def _tty_readline(a, r):
    return "read", [str(a[0]), _buffer(r), "4096"], _count(r)


def _listdir(a, r):
    names = "..." if r is UNKNOWN else f"[/* {len(r)} entries */]"
    return "getdents64", [quote(a[0]) if a[0] is not None else str(a[1]), names], \
        None if r is UNKNOWN else str(len(r))


FORMATS: dict[str, Callable[[tuple, Any], tuple[str, list[str], str | None]]] = {
    "open": _open, "read": _read, "readv": _read, "pread": _pread, "write": _write,
    "writev": _write, "pwrite": _pwrite, "dup": _dup, "dup2": _dup2, "pipe2": _pipe2,
    "stat": _stat, "fstat": _fstat, "access": _access, "isatty": _isatty, "lseek": _lseek,
    "wait4": _wait4, "kill": _kill, "sigaction": _sigaction, "sigprocmask": _sigprocmask,
    "execve": _execve, "exit": _exit, "clone": _clone, "fork": _clone, "nanosleep": _nanosleep,
    "fcntl": _fcntl, "unlink": _path_at("unlink"), "rmdir": _path_at("rmdir"),
    "chdir": _path_at("chdir"), "mkdir": _mkdir, "chmod": _chmod, "rename": _rename,
    "tty_readline": _tty_readline, "listdir": _listdir,
}


def result_text(r: Any) -> str:
    if r is None:
        return "0"
    if isinstance(r, bool):
        return "1" if r else "0"
    return value(r)


def error_text(err: int) -> str:
    return f"-1 {abi.ERRORCODE.get(err, str(err))} ({abi.strerror(err)})"


def call(name: str, args: tuple, result: Any = UNKNOWN, err: int = 0) -> str:
    """`name(args) = result`, or just `name(args` while the call has not returned."""
    fmt = FORMATS.get(name)
    if fmt is not None:
        shown, arglist, res = fmt(args, UNKNOWN if err else result)
    else:
        shown, arglist, res = name, [value(a) for a in _trimmed(args)], None
    head = f"{shown}({', '.join(arglist)})"
    if result is UNKNOWN and not err:
        return head
    if err:
        return f"{head} = {error_text(err)}"
    return f"{head} = {res if res is not None else result_text(result)}"


def _trimmed(args: tuple) -> tuple:
    """Trailing defaults (an `at` of None, a False flag) are Python's, not C's."""
    args = tuple(args)
    while args and (args[-1] is None or args[-1] is False):
        args = args[:-1]
    return args
