"""The `sys` module as a virtual process sees it: one per process.

The host's constants and pure functions are shared; what belongs to a process
is its own -- argv (as python3 sets it from the command line the kernel built
out of a #! line), path (the script's own directory first), modules, the
standard streams (made on first use, buffered as CPython buffers them), the
hooks that print an uncaught exception, and exit().
"""
from __future__ import annotations

import sys as host_sys
import types

from kernel.cpu import recursion_depth
from kernel.libpy import path as vpath
from kernel.libpy import streams

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from kernel.libpy.runtime import Runtime

_SYS_NAMES = """version version_info hexversion api_version implementation platform byteorder
maxsize maxunicode float_info int_info hash_info float_repr_style builtin_module_names
getsizeof intern exc_info getdefaultencoding getfilesystemencoding
getfilesystemencodeerrors copyright abiflags prefix base_prefix exec_prefix
base_exec_prefix getrefcount stdlib_module_names exception
get_int_max_str_digits set_int_max_str_digits is_finalizing _getframe _getframemodulename
platlibdir pycache_prefix thread_info getswitchinterval getdlopenflags
getallocatedblocks""".split()


EXECUTABLE = "/bin/python3"          # the first python3 on the machine's PATH
PYTHONS = ("python", "python3")      # programs that are the interpreter
_ORIGINAL = object()                 # sys.stdout (etc.) not replaced by the program


def exit(*status: object) -> None:
    """sys.exit([status]): no argument is SystemExit() (its args empty), as CPython raises it."""
    if len(status) > 1:
        raise TypeError(f"exit expected at most 1 argument, got {len(status)}")
    raise SystemExit(*status)


class Quitter:
    """The builtins exit and quit, as CPython's site module makes them: calling
    one raises SystemExit; typed alone at the prompt, it says how to leave."""
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Use {self.name}() or Ctrl-D (i.e. EOF) to exit"

    def __call__(self, code: object = None) -> None:
        raise SystemExit(code)


def interpreter_words(inode) -> list[str]:
    """The command line a script's #! line gives python3 (before the script's path):
    '#!/usr/bin/python3' -> ['/usr/bin/python3']; '#!/usr/bin/env python3' -> ['python3']."""
    head = bytes(inode.read_at(0, 256))
    if not head.startswith(b"#!"):
        return []
    words = head[2:].split(b"\n", 1)[0].decode(errors="replace").split(None, 1)
    if not words:
        return []
    if vpath.basename(words[0]) == "env":
        return words[1].split() if len(words) > 1 else []
    return words


def _stream_property(fd: int, original: bool) -> property:
    """sys.stdin and the rest: the program's stream on fd (original: sys.__stdin__ ...)."""
    def get(self):
        s = _ORIGINAL if original else self._streams[fd]
        return self._original(fd) if s is _ORIGINAL else s

    def set_(self, value):
        if original:
            self._std[fd] = value
        else:
            self._streams[fd] = value
    return property(get, set_)


class VirtualSys(types.ModuleType):
    """sys for one process.  The standard streams are made on first use."""
    if TYPE_CHECKING:               # set by an uncaught exception (kernel/libpy/shutdown.py)
        last_type: type[BaseException]
        last_value: BaseException
        last_traceback: types.TracebackType | None

    # the host's constants and pure functions, shared by every process
    vars().update({name: getattr(host_sys, name) for name in _SYS_NAMES if hasattr(host_sys, name)})
    exit = staticmethod(exit)
    # the machine's python3 is not the host's virtual environment (if vshell runs in one)
    prefix, exec_prefix = host_sys.base_prefix, host_sys.base_exec_prefix

    def __init__(self, rt: "Runtime") -> None:
        super().__init__("sys")
        self._rt = rt
        self._std: list[Any] = [None, None, None]            # the original streams
        self._streams: list[Any] = [_ORIGINAL] * 3           # what sys.stdin... are now
        image = rt.image
        if image is not None and image.inode is not None:
            # a script run by the kernel's #!: python3 gets the path, not argv[0]
            self.argv = [image.path] + rt.argv[1:]
        else:
            self.argv = list(rt.argv)
        self.path = rt.import_path()
        self._argv0 = list(self.argv)           # for orig_argv, whatever the program does to argv
        self._orig_argv: list[str] | None = None
        self.modules = rt.modules
        self.meta_path: list = []
        self.path_hooks: list = []
        config = rt.config                      # how this interpreter was started
        self.flags = config.flags
        self.dont_write_bytecode = bool(config.flags.dont_write_bytecode)
        self.warnoptions = list(config.warnoptions)
        self._xoptions = dict(config.xoptions)
        self.excepthook = self.__excepthook__ = self._excepthook
        self.unraisablehook = self.__unraisablehook__ = self._unraisablehook

    def _excepthook(self, exc_type, value, traceback) -> None:
        """Print an exception and its traceback to sys.stderr."""
        self._rt.print_exception(exc_type, value, traceback)

    def _unraisablehook(self, unraisable) -> None:
        """Handle an unraisable exception (the default: print it on sys.stderr)."""
        message = unraisable.err_msg
        self._rt.report_unraisable(message and message[len("Exception ignored "):],
                                   unraisable.object, unraisable.exc_value)

    def _original(self, fd: int):
        """sys.__stdin__, __stdout__, __stderr__: made on first use -- None for an
        fd that was closed when the program started, as python3 makes it."""
        s = self._std[fd]
        if s is None:
            image = self._rt.image
            if image is not None and fd in image.std_closed:
                return None
            s = self._std[fd] = streams.std_stream(fd, self._rt.config)
        return s

    def current(self, fd: int):
        """sys.stdin, stdout or stderr as the program left it (None if never made)."""
        s = self._streams[fd]
        return self._std[fd] if s is _ORIGINAL else s

    stdin = _stream_property(0, False)
    stdout = _stream_property(1, False)
    stderr = _stream_property(2, False)
    __stdin__ = _stream_property(0, True)
    __stdout__ = _stream_property(1, True)
    __stderr__ = _stream_property(2, True)

    _executable: str | None = None

    @property
    def executable(self) -> str:
        """The interpreter as python3's getpath finds it: the command it was started
        by (`python`, #!'s /usr/bin/python3), searched for in $PATH if it has no
        slash -- not resolved through symbolic links."""
        if self._executable is None:
            self._executable = self._find_executable()
        return self._executable

    @executable.setter
    def executable(self, value: str) -> None:
        self._executable = value

    def _find_executable(self) -> str:
        rt = self._rt
        image = rt.image
        if image is None or image.inode is None or vpath.basename(image.path) in PYTHONS:
            command = rt.p.argv[0] if rt.p.argv else ""
        else:
            command = (interpreter_words(image.inode) or ["python3"])[0]
        os = rt.os
        if "/" in command:
            return vpath.normpath(vpath.join(os.getcwd(), command))
        for directory in rt.p.env.get("PATH", "").split(":"):
            path = vpath.join(directory or os.getcwd(), command)
            if os.access(path, os.X_OK) and os.path.isfile(path):
                return path
        return EXECUTABLE

    @property
    def orig_argv(self) -> list[str]:
        """The interpreter's own command line: its #! line's words, then argv."""
        if self._orig_argv is None:
            image = self._rt.image
            if image is None or image.inode is None or vpath.basename(image.path) in PYTHONS:
                self._orig_argv = list(self._rt.p.argv)     # the interpreter itself
            else:
                self._orig_argv = (interpreter_words(image.inode) or ["python3"]) + self._argv0
        return list(self._orig_argv)

    def settrace(self, fn) -> None:
        """Tracing would stop preemption; vshell programs cannot trace."""

    def gettrace(self) -> None:
        return None

    setprofile = settrace
    getprofile = gettrace

    def setswitchinterval(self, interval: float) -> None:
        """One thread per process: nothing to switch between."""

    def call_tracing(self, func, args: tuple):
        return func(*args)

    def displayhook(self, value: object) -> None:
        """Print repr(value) on sys.stdout and keep it as builtins._ (as the REPL does)."""
        if value is None:
            return
        builtins = self._rt.builtins
        builtins["_"] = None
        self.stdout.write(repr(value) + "\n")
        builtins["_"] = value

    __displayhook__ = displayhook

    def getrecursionlimit(self) -> int:
        return self._rt.recursion_limit

    def setrecursionlimit(self, limit: int) -> None:
        """This process's own limit (the kernel applies it whenever the process runs)."""
        if not isinstance(limit, int):
            raise TypeError(f"'{type(limit).__name__}' object cannot be interpreted as an integer")
        if limit < 1:
            raise ValueError("recursion limit must be greater or equal than 1")
        rt = self._rt
        # the depth CPython's C function sees: the caller's, plus one for the call
        # (here, this method and recursion_depth's frames are two more)
        depth = recursion_depth() - (rt.recursion_base or 0) - 2
        if limit <= depth:
            raise RecursionError(f"cannot set the recursion limit to {limit} at the recursion "
                                 f"depth {depth}: the limit is too low")
        rt.recursion_limit = limit
        if rt.recursion_base is not None:
            rt.set_recursion_base(rt.recursion_base)
        rt.k.cpu.resume(rt.p)

    def audit(self, event: str, *args) -> None:
        """PEP 578 for this process: its own hooks see the events it raises."""
        for hook in self.__dict__.get("_audit_hooks", ()):
            hook(event, args)

    def addaudithook(self, hook) -> None:
        self.__dict__.setdefault("_audit_hooks", []).append(hook)

    def flush_std(self) -> None:
        for fd in (1, 2):
            s = self.current(fd)
            if s is not None and not s.closed:
                try:
                    s.flush()
                except (OSError, ValueError):
                    pass
