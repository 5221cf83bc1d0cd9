"""A process's user space: the Python runtime a virtual process's program sees.

After exec, the program runs as `__main__` in a fresh namespace (its own
address space) whose builtins and modules are the process's own: `print`,
`input` and `open` use its virtual fds; `import os`, `sys`, `signal`, `time`
give the kernel's versions; a module that would reach the host behind the
kernel's back fails to import.  An uncaught exception prints its traceback to
the process's own stderr and the process exits with status 1.
"""
from __future__ import annotations

import builtins as host_builtins
import importlib
import os as host_os
import sys as host_sys
import types

from kernel.cpu import KERNEL_DIRS, machine, recursion_depth
from kernel.errors import Unwind
from kernel.libpy import os as vos
from kernel.libpy import path as vpath
from kernel.libpy import signal as vsignal
from kernel.libpy import streams
from kernel.libpy import time as vtime

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Modules whose use would reach the host behind the kernel's back.
BLOCKED = frozenset("""subprocess socket threading multiprocessing asyncio pathlib ctypes select
selectors mmap pty tty fcntl concurrent urllib http ftplib smtplib ssl
sqlite3 importlib webbrowser posix nt _posixsubprocess pdb code logging
tkinter turtle faulthandler atexit readline curses socketserver xmlrpc cProfile profile
signal_host _signal _io gc zipimport venv ensurepip idlelib pydoc platform sysconfig
site""".split())

# Pure-Python standard modules that use os, sys or open: each process loads its
# own copy, so that they use the virtual ones.
FRESH = frozenset("""argparse getopt glob fnmatch shlex pprint traceback linecache dis this
shutil tempfile gettext optparse fileinput cmd textwrap string secrets csv""".split())
FRESH_ONLY = frozenset({"_thread"})   # allowed for the FRESH modules' own imports

# ---- files and the host (kernel/hostguard.py is the backstop) ----------------
# Every standard way to open a file reaches the virtual file system: io and _io
# (open, FileIO, open_code) are streams', codecs.open and tokenize.open use them,
# os's C half (posix) is the virtual os, and the modules that open files by name
# are loaded per process.  Native modules that would act on the host without an
# audit event (a process, a thread of host code, files) are refused.
OPENING = ("io", "_io", "codecs", "tokenize")
FRESH = FRESH | frozenset("""gzip bz2 lzma zipfile tarfile pathlib configparser mimetypes
filecmp wave dbm shelve calendar xml""".split())
FRESH_ONLY = FRESH_ONLY | {"threading", "importlib",     # zipfile's lock, PyZipFile
                            "urllib.request"}              # xml.sax's URLs
BLOCKED = BLOCKED - {"_io", "posix", "pathlib", "threading", "importlib"} | frozenset("""
greenlet _greenlet _ctypes _socket _ssl _sqlite3 _gdbm _dbm _multiprocessing _posixshmem
_xxsubinterpreters _testcapi _testinternalcapi _tkinter _curses _lsprof spwd syslog nis
ossaudiodev antigravity""".split())
UNBLOCKED = frozenset({"urllib", "urllib.parse"})          # string functions (pathlib)
FRESH_CODE: dict[str, Any] = {}     # name -> (code, file, is package), for all machines

def host_module(name: str):
    """A module of the host, imported on first need -- in one go, without
    preemption, so that no other process ever sees it half-made."""
    module = host_sys.modules.get(name)
    if module is not None:
        return module
    cpu = machine.cpu
    p = cpu.current if cpu is not None else None
    if p is not None:
        p.in_kernel += 1
    try:
        return importlib.import_module(name)
    finally:
        if p is not None:
            p.in_kernel -= 1


_OS_TEMPLATE = {k: v for k, v in vars(vos).items() if not k.startswith("__")}
_OS_TEMPLATE.update(path=None, environ=None)
for _name in ("_environ", "_trap", "_rt", "_retry", "_path", "_fd", "_machine", "_host",
              "_index", "_errno", "_stat", "_check_argv", "_env", "_execvpe", "_spawn",
              "open_text"):
    _OS_TEMPLATE.pop(_name, None)
_SIGNAL_TEMPLATE = {k: v for k, v in vars(vsignal).items()
                    if not k.startswith("_") or k in ("__doc__",)}
_TIME_TEMPLATE = {k: v for k, v in vars(vtime).items() if not k.startswith("_") or k == "__doc__"}
_PATH_TEMPLATE = {k: v for k, v in vars(vpath).items() if not k.startswith("_") or k == "__doc__"}
_BUILTINS = dict(vars(host_builtins))
for _name in ("help", "breakpoint", "copyright", "credits", "license"):
    _BUILTINS.pop(_name, None)

_SYS_NAMES = """version version_info hexversion api_version implementation platform byteorder
maxsize maxunicode float_info int_info hash_info float_repr_style builtin_module_names
getsizeof intern exc_info getdefaultencoding getfilesystemencoding
getfilesystemencodeerrors flags copyright abiflags prefix base_prefix exec_prefix
base_exec_prefix dont_write_bytecode getrefcount stdlib_module_names exception
get_int_max_str_digits set_int_max_str_digits is_finalizing _getframe warnoptions
platlibdir pycache_prefix""".split()


def _exit(status: object = None) -> None:
    raise SystemExit(status)


class VirtualSys(types.ModuleType):
    """sys for one process.  The standard streams are made on first use."""

    # the host's constants and pure functions, shared by every process
    vars().update({name: getattr(host_sys, name) for name in _SYS_NAMES if hasattr(host_sys, name)})
    exit = staticmethod(_exit)

    def __init__(self, rt: "Runtime") -> None:
        super().__init__("sys")
        self._rt = rt
        self._streams: list[Any] = [None, None, None]
        self.argv = rt.argv
        self.orig_argv = ["python3"] + rt.argv
        self.executable = "/bin/python3"
        self.modules = rt.modules
        self.path = rt.import_path()
        self.meta_path: list = []
        self.path_hooks: list = []
        self.warnoptions = []

    def _stream(self, fd: int):
        s = self._streams[fd]
        if s is None:
            s = self._streams[fd] = streams.std_stream(fd, "r" if fd == 0 else "w",
                                                       self._rt.unbuffered)
        return s

    def _set(fd: int):  # noqa: N805  (a property factory, used in the class body)
        def get(self):
            return self._stream(fd)

        def set_(self, value):
            self._streams[fd] = value
        return property(get, set_)

    stdin = _set(0)
    stdout = _set(1)
    stderr = _set(2)
    __stdin__ = _set(0)
    __stdout__ = _set(1)
    __stderr__ = _set(2)
    del _set

    def settrace(self, fn) -> None:
        """Tracing would stop preemption; vshell programs cannot trace."""

    def audit(self, event: str, *args) -> None:
        """PEP 578 for this process: its own hooks see the events it raises."""
        for hook in self.__dict__.get("_audit_hooks", ()):
            hook(event, args)

    def addaudithook(self, hook) -> None:
        self.__dict__.setdefault("_audit_hooks", []).append(hook)


    def getrecursionlimit(self) -> int:
        return self._rt.recursion_limit

    def setrecursionlimit(self, limit: int) -> None:
        """This process's own limit (the kernel applies it whenever the process runs)."""
        if not isinstance(limit, int):
            raise TypeError(f"'{type(limit).__name__}' object cannot be interpreted as an integer")
        if limit < 1:
            raise ValueError("recursion limit must be greater or equal than 1")
        rt = self._rt
        depth = recursion_depth() - (rt.recursion_base or 0)
        if limit <= depth:
            raise RecursionError(f"cannot set the recursion limit to {limit} at the recursion "
                                 f"depth {depth}: the limit is too low")
        rt.recursion_limit = limit
        rt.k.cpu.resume(rt.p)

    def flush_std(self) -> None:
        for s in self._streams[1:]:
            if s is not None and not s.closed:
                try:
                    s.flush()
                except (OSError, ValueError):
                    pass


class Environ(dict):
    """os.environ: a plain mapping of str to str, the process's own."""

    def __setitem__(self, key: str, value: str) -> None:
        if not isinstance(key, str) or not isinstance(value, str):
            raise TypeError(f"str expected, not {type(value if isinstance(key, str) else key).__name__}")
        super().__setitem__(key, value)

    def copy(self) -> dict:
        return dict(self)


class Runtime:
    """One process's user space: its modules, builtins, streams and signal handlers."""

    def __init__(self, k, p, argv: list[str], environ: dict[str, str],
                 parent: "Runtime | None" = None) -> None:
        self.k = k
        self.p = p
        self.argv = list(argv)
        self._environ_from = environ           # copied on first use: most children exec at once
        self._environ: Environ | None = None
        self.handlers: dict[int, Any] = dict(parent.handlers) if parent and parent.handlers else {}
        self.modules: dict[str, Any] = {}
        self.sources: dict[str, Any] = {}      # file name -> source text, or its inode
        self._sys: VirtualSys | None = None
        self._builtins: dict[str, Any] | None = None
        self.importer_cache = FRESH_CODE
        self.unbuffered = environ.get("PYTHONUNBUFFERED", "") != ""    # python -u
        self.recursion_limit = 1000             # sys.setrecursionlimit's, for this process
        self.recursion_base: int | None = None  # CPython's depth below the program's first frame
        p.runtime = self
        p.upcall = self.run_handler

    def import_path(self) -> list[str]:
        """sys.path: the program's directory -- but a set-user-ID program
        (kernel/loader.py) trusts only /bin."""
        image = self.p.image
        if image is not None and image.secure:
            return ["/bin"] if vpath.dirname(vpath.normpath(image.path)) == "/bin" else []
        return [vpath.dirname(self.argv[0]) if self.argv else ""]

    # made on first use: a child that execs at once never needs them

    @property
    def environ(self) -> Environ:
        if self._environ is None:
            self._environ = Environ(self._environ_from)
            self._environ_from = None
        return self._environ

    @property
    def sys(self) -> VirtualSys:
        if self._sys is None:
            self._sys = VirtualSys(self)
        return self._sys

    @property
    def builtins(self) -> dict[str, Any]:
        if self._builtins is None:
            b = self._builtins = _BUILTINS.copy()
            b.update(print=self.print, input=self.input, open=streams.open,
                     __import__=self.import_, exit=_exit, quit=_exit)
            b.update(__tick__=next, __ticks__=self.ticks(), __except__=self.except_)
        return self._builtins

    # ---- ticks: the kernel's turn while the program computes (kernel/ticks.py) ----------------

    def ticks(self):
        """A fresh `__ticks__` for the program: counts its steps and calls the
        kernel every block, or raises the exit if the process leaves its program."""
        ticks = host_module("kernel.ticks")
        if self.p.unwinding is not None:
            return ticks.Raiser(self.p.unwinding)
        return ticks.counter(self.on_tick)

    def on_tick(self) -> None:
        """The program took TICK_EDGES steps: the next counter, then the kernel's turn."""
        self._builtins["__ticks__"] = self.ticks()
        self.k.cpu.compute_tick(self.p)

    def except_(self) -> None:
        """The first step of every except and finally block of the program (see
        `unwinding`).  After a RecursionError the counter may be spent: a new one."""
        if type(host_sys.exc_info()[1]) in (RecursionError, MemoryError):
            self._builtins["__ticks__"] = self.ticks()

    def exec_main(self, path: str, source: bytes | str, argv: list[str], file: str | None,
                  unbuffered: bool) -> None:
        """The interpreter hands over to its script (runpy._run_main): the process's
        program becomes source, as __main__, in a fresh user space -- as exec does,
        but without the system call: the kernel sees one program, `python SCRIPT`."""
        from kernel.errors import ExecImage
        from kernel.proc import Image
        try:
            code = self.k.loader.compile_source(source, path)
        except SyntaxError as e:
            code = e                              # reported as the program's own error
        image = Image(path, list(argv), self.p.env, code=code)
        shown = None if path.startswith("<") else source     # <string>, <stdin>: no lines
        image.main = (file, shown, unbuffered)
        raise self.k.cpu.unwind(self.p, ExecImage(image))

    def unwinding(self, exc: BaseException) -> None:
        """The process leaves its program (kernel's unwind): no handler may run."""
        if self._builtins is not None:
            raiser = host_module("kernel.ticks").Raiser(exc)
            self._builtins.update(__ticks__=raiser, __except__=raiser)

    # ---- what native programs (the shell, init) use directly ---------------------------------

    def module(self, name: str):
        return self.modules.get(name) or self.load_module(name)

    @property
    def os(self):
        """Native code shares one os module (its environment is rt.environ);
        a Python program gets its own, with its own os.environ."""
        if self.p.native:
            return vos
        return self.module("os")

    @property
    def signal(self):
        return self.module("signal")

    @property
    def time(self):
        return self.module("time")

    def clone(self, fn) -> int:
        """fork with a continuation: the child runs fn(child_runtime) and exits with its result."""
        self.flush_std()
        return vos._trap("clone", fn)

    # ---- the builtins that do I/O ---------------------------------------------------------

    def print(self, *args, sep=" ", end="\n", file=None, flush=False) -> None:
        host_builtins.print(*args, sep=sep, end=end, flush=flush,
                            file=self.sys.stdout if file is None else file)

    def input(self, prompt: object = "") -> str:
        out = self.sys.stdout
        if prompt:
            out.write(str(prompt))
        out.flush()
        line = self.sys.stdin.readline()
        if not line:
            raise EOFError("EOF when reading a line")
        return line[:-1] if line.endswith("\n") else line

    def open(self, *args, **kwargs):
        return streams.open(*args, **kwargs)

    def flush_std(self) -> None:
        if self._sys is not None:
            self._sys.flush_std()

    # ---- signals ---------------------------------------------------------------------------

    def run_handler(self, sig: int) -> None:
        """The kernel's upcall: run the program's handler for sig."""
        handler = self.handlers.get(sig)
        if callable(handler):
            handler(sig, None)

    def release(self) -> None:
        """The process is gone: free its memory now.  Its builtins' bound methods,
        its sys and its modules all point back here; dropping them lets
        reference counting free the lot at once instead of leaving a cycle for
        the collector to find (about 20 objects a process)."""
        self._builtins = None
        self._sys = None
        self.modules.clear()
        self.handlers.clear()

    # ---- running a program -----------------------------------------------------------------

    def run_python(self, image, code) -> int:
        """Run a compiled program as __main__; return its exit code."""
        main = types.ModuleType("__main__")
        ns = main.__dict__
        ns.update(__builtins__=self.builtins, __cached__=None)
        file = image.path
        if image.main is not None:               # a script that /bin/python runs
            file, source, self.unbuffered = image.main
            if source is not None:
                self.sources[file] = source if isinstance(source, str) else \
                    source.decode("utf-8", "replace")
        if file is not None:
            ns["__file__"] = file
        self.modules["__main__"] = main
        self.recursion_base = recursion_depth()
        self.k.cpu.resume(self.p)
        try:
            exec(code, ns)
            status = 0
        except Unwind:
            raise
        except SystemExit as e:
            status = self.exit_code(e)
        except BaseException as e:               # the program crashed: its own traceback
            self.report(e)
            status = 1
        status = self.finish(status)
        ns.clear()            # as CPython at shutdown: finalizers run now, in this process
        return status

    def exit_code(self, e: SystemExit) -> int:
        code = e.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code & 0xFF
        try:
            self.sys.stderr.write(f"{code}\n")
        except (OSError, ValueError):
            pass
        return 1

    def finish(self, status: int) -> int:
        """Python's shutdown: flush stdout and stderr (a failed flush gives 120)."""
        if self._sys is None:
            return status
        for s in self._sys._streams[1:]:
            if s is None:
                continue
            try:
                s.flush()
            except Unwind:
                raise
            except (OSError, ValueError):
                if status == 0:
                    status = 120
        return status

    def report(self, e: BaseException) -> None:
        try:
            self.sys.stderr.write(self.format_exception(e))
            self.sys.stderr.flush()
        except Unwind:
            raise
        except BaseException:
            pass

    def format_exception(self, e: BaseException) -> str:
        """The traceback CPython would print, without the kernel's own frames."""
        traceback = host_module("traceback")
        frames = []
        for frame, lineno in traceback.walk_tb(e.__traceback__):
            filename = frame.f_code.co_filename
            if filename.startswith(KERNEL_DIRS[0]):
                continue
            frames.append(traceback.FrameSummary(filename, lineno, frame.f_code.co_name,
                                                 line=self.source_line(filename, lineno)))
        text = ""
        if frames:
            text = "Traceback (most recent call last):\n" + "".join(
                traceback.StackSummary.from_list(frames).format())
        return text + "".join(traceback.format_exception_only(type(e), e))

    def source_line(self, filename: str, lineno: int) -> str:
        source = self.sources.get(filename)
        if source is None:
            if filename.startswith(KERNEL_DIRS[1]):
                return host_module("linecache").getline(filename, lineno).strip()
            return ""
        if not isinstance(source, str):
            source = bytes(source.data).decode("utf-8", "replace")
        lines = source.splitlines()
        return lines[lineno - 1].strip() if 0 < lineno <= len(lines) else ""

    # ---- import ----------------------------------------------------------------------------

    def import_(self, name: str, globals=None, locals=None, fromlist=(), level: int = 0):
        if level:
            name = _absolute(name, (globals or {}).get("__package__"), level)
        module = self.modules.get(name)
        if module is None:
            importer = (globals or {}).get("__name__", "")
            module = self.load_module(name, importer)
        if fromlist:
            for attr in fromlist:
                if attr != "*" and not hasattr(module, attr):
                    sub = f"{name}.{attr}"
                    if sub in self.modules or name in ("os",):
                        continue
                    try:
                        setattr(module, attr, self.load_module(sub, name))
                    except ImportError:
                        pass
            return module
        return self.modules[name.partition(".")[0]]

    def load_module(self, name: str, importer: str = ""):
        parent, _, child = name.rpartition(".")
        if parent and parent not in self.modules:
            self.load_module(parent, importer)
        module = self.virtual_module(name)
        if module is None:
            if _refused(name, importer):
                raise ModuleNotFoundError(
                    f"No module named '{name}' in vshell: a virtual process may not use it "
                    "(it would reach the host behind the kernel's back)", name=name)
            module = self.user_module(name) or self.fresh_module(name, importer)
        self.modules[name] = module
        package = self.modules.get(parent)
        if package is not None and package is not host_sys.modules.get(parent):
            setattr(package, child, module)       # as import does, in the process's own package
        return module

    def virtual_module(self, name: str):
        if name == "os":
            m = _module("os", _OS_TEMPLATE)
            m.environ = self.environ
            m.path = self.modules.get("os.path")
            if m.path is None:
                m.path = self.modules["os.path"] = _module("posixpath", _PATH_TEMPLATE)
            return m
        if name in ("os.path", "posixpath"):
            return self.module("os").path
        if name == "sys":
            return self.sys
        if name == "signal":
            return _module("signal", _SIGNAL_TEMPLATE)
        if name == "time":
            return _module("time", _TIME_TEMPLATE)
        if name == "builtins":
            return _module("builtins", self.builtins)
        if name in OPENING:
            return _module(name, _opening_template(name))
        if name == "posix":
            m = _module("posix", _OS_TEMPLATE)
            del m.path
            m.environ = {vos.fsencode(k): vos.fsencode(v) for k, v in self.environ.items()}
            return m
        if name == "random":
            return self.random_module()
        if name in LATER:
            return _module(name, _later_template(name))
        return None

    def random_module(self):
        """random, seeded from the kernel (so a seeded run repeats)."""
        host_random = host_module("random")
        r = host_random.Random(int.from_bytes(vos.urandom(16), "big"))
        m = _module("random", vars(host_random))
        for attr, value in vars(host_random).items():
            if getattr(value, "__self__", None) is host_random._inst:
                setattr(m, attr, getattr(r, attr))
        m._inst = r
        return m

    def user_module(self, name: str):
        """A module next to the program, in the virtual file system."""
        if "." in name:
            return None
        for d in self.sys.path:
            path = vpath.join(d or ".", name + ".py")
            try:
                with self.open(path, "rb") as f:
                    source = f.read()
            except OSError:
                continue
            code = self.k.loader.compile_source(source, path)
            m = types.ModuleType(name)
            m.__file__ = path
            m.__builtins__ = self.builtins
            self.sources[path] = source.decode("utf-8", "replace")
            self.modules[name] = m
            exec(code, m.__dict__)
            return m
        return None

    def fresh_module(self, name: str, importer: str):
        top = name.partition(".")[0]
        if top not in FRESH:
            if name in host_sys.modules:
                return host_sys.modules[name]
            # A module shared by every process is made in one go, without
            # preemption: a half-made module must never be seen by another process.
            try:
                return host_module(name)
            except ImportError:
                raise ModuleNotFoundError(f"No module named '{name}'", name=name) from None
        entry = self.importer_cache.get(name)
        if entry is None:
            spec = host_module("importlib.util").find_spec(name)
            if spec is None or not spec.origin or not spec.origin.endswith(".py"):
                raise ModuleNotFoundError(f"No module named '{name}'", name=name)
            # the host's compiled code (its .pyc), shared by every machine in this host process
            entry = (spec.loader.get_code(name), spec.origin,
                     spec.submodule_search_locations is not None)
            self.importer_cache[name] = entry
        code, origin, is_pkg = entry
        m = types.ModuleType(name)
        m.__file__ = origin
        m.__builtins__ = self.builtins
        m.__package__ = name if is_pkg else name.rpartition(".")[0]
        if is_pkg:
            m.__path__ = [host_os.path.dirname(origin)]
        self.modules[name] = m
        try:
            exec(code, m.__dict__)
        except BaseException:
            self.modules.pop(name, None)
            raise
        return m


def _refused(name: str, importer: str) -> bool:
    """May not a program import name (the standard modules loaded per process
    may import FRESH_ONLY ones)?"""
    top = name.partition(".")[0]
    if top in FRESH_ONLY or name in FRESH_ONLY:
        return importer.partition(".")[0] not in FRESH
    return top in BLOCKED and name not in UNBLOCKED


def _absolute(name: str, package, level: int) -> str:
    """A relative import's module name (in the standard packages loaded per process)."""
    if not package or package.partition(".")[0] not in FRESH:
        raise ImportError("relative imports are not supported in vshell programs")
    base = package.rsplit(".", level - 1)[0] if level > 1 else package
    return f"{base}.{name}" if name else base


_OPENING_TEMPLATES: dict[str, dict] = {}


def _opening_template(name: str) -> dict:
    """io and _io with the virtual open, FileIO and open_code; codecs and
    tokenize with an open() that opens through them."""
    template = _OPENING_TEMPLATES.get(name)
    if template is None:
        host = host_module(name)
        template = _OPENING_TEMPLATES[name] = dict(vars(host))
        if name in ("io", "_io"):
            template.update(streams.IO_NAMES)
        else:
            template["open"] = _rebound(host.open, builtins=types.SimpleNamespace(
                open=streams.open), _builtin_open=streams.open)
    return template


def _rebound(fn, **names):
    """fn with some of its globals replaced."""
    g = dict(fn.__globals__, **names)
    new = types.FunctionType(fn.__code__, g, fn.__name__, fn.__defaults__, fn.__closure__)
    new.__kwdefaults__, new.__doc__, new.__qualname__ = fn.__kwdefaults__, fn.__doc__, fn.__qualname__
    return new


LATER = ("termios", "getpass", "pwd", "grp", "runpy", "resource")     # virtual too, loaded when first asked for
_LATER_TEMPLATES: dict[str, dict] = {}


def _later_template(name: str) -> dict:
    template = _LATER_TEMPLATES.get(name)
    if template is None:
        module = host_module(f"kernel.libpy.{name}")
        private = ("__doc__",) + getattr(module, "_EXPORTED", ())
        template = _LATER_TEMPLATES[name] = {
            k: v for k, v in vars(module).items() if not k.startswith("_") or k in private}
    return template


def _module(name: str, template: dict):
    m = types.ModuleType(name)
    m.__dict__.update(template)
    m.__name__ = name
    return m
