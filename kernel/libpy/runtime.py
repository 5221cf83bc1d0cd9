"""A process's user space: the Python runtime a virtual process's program sees.

After exec, the program runs as `__main__` in a fresh namespace (its own
address space) whose builtins and modules are the process's own: `print`,
`input` and `open` use its virtual fds; `import os`, `sys`, `signal`, `time`
give the kernel's versions; a module that would reach the host behind the
kernel's back fails to import.  An uncaught exception prints its traceback to
the process's own stderr and the process exits with status 1.
"""
from __future__ import annotations

import __future__ as host_future
import builtins as host_builtins
import importlib
import io as host_io
import os as host_os
import sys as host_sys
import types
import weakref
from ast import PyCF_ONLY_AST
from functools import partial


from kernel.cpu import PROGRAM_LIMIT, SPARE_STACKS, machine, recursion_depth, stack_limit
from kernel.errors import Unwind
from kernel.libpy import os as vos
from kernel.libpy import path as vpath
from kernel.libpy import pyconfig
from kernel.libpy.clinic import unchecked
from kernel.libpy import signal as vsignal
from kernel.libpy import streams
from kernel.libpy.sys import Quitter, VirtualSys
from kernel.libpy import time as vtime

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn

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
# ---- processes, and waiting on several files ----------------------------------------------
# CPython's own subprocess.py runs in each process, over a virtual _posixsubprocess
# (its fork_exec is the kernel's clone) and select (the kernel's poll); threading
# and queue run over a virtual _thread with one thread, whose locks wait in the
# kernel.  None of them can start a host process or a host thread.
# logging.handlers and logging.config import socket and socketserver for their
# network handlers: they get a socket module that makes no socket (programs don't).
FRESH = FRESH | frozenset("subprocess selectors logging threading queue socketserver".split())
FRESH_ONLY = FRESH_ONLY - {"threading"} | {"socket", "socketserver"}    # (threading: no threads start)
BLOCKED = BLOCKED - {"subprocess", "select", "selectors", "_posixsubprocess", "logging",
                     "socketserver"} | {"_queue"}
# tty's setraw and setcbreak are the virtual termios's (it honours ICANON and ECHO).
FRESH = FRESH | {"tty"}
BLOCKED = BLOCKED - {"tty"}
# Modules that read sys.stdout, sys.argv or sys.modules["__main__"] when called
# (contextlib.redirect_stdout, unittest.main, doctest.testmod, inspect.getsource,
# typing.get_type_hints), call os (contextlib.chdir) or time (sched's sleep would
# stop the whole machine): the host's copy would use the host's.  doctest
# imports pdb, which a program itself may not.
FRESH = FRESH | frozenset("contextlib unittest doctest inspect dataclasses typing sched".split())
FRESH = FRESH | {"pdb", "bdb", "code"}
# rlcompleter tries readline (refused: ImportError, so it goes on without it);
# the host's copy would load the host's readline.  (3.13's pdb imports it.)
FRESH = FRESH | {"rlcompleter"}
FRESH_ONLY = FRESH_ONLY | {"pdb", "bdb", "code"}
LIBRARY_ONLY = ("socket",)          # virtual modules only the FRESH ones may import
FRESH_CODE: dict[str, Any] = {}     # name -> (code, file, is package), for all machines


def later(name: str):
    """A part of user space a program needs only at its end, or when it meets its
    frames (Python's shutdown, tracebacks): loaded on first use, off start-up's path."""
    name = "kernel.libpy." + name
    return host_sys.modules.get(name) or host_module(name)

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


# A program's os has the names CPython's os has (those vshell makes), never the
# helpers kernel/libpy/os.py keeps for itself: built from what it exports.
_OS_TEMPLATE = {k: v for k, v in vars(vos).items()
                if k in vars(host_os) and not k.startswith("__")}
_OS_TEMPLATE.update(path=None, environ=None, environb=None)
_SIGNAL_TEMPLATE = {k: v for k, v in vars(vsignal).items()
                    if not k.startswith("_") or k in ("__doc__",)}
_TIME_TEMPLATE = {k: v for k, v in vars(vtime).items() if not k.startswith("_") or k == "__doc__"}
_PATH_TEMPLATE = {k: v for k, v in vars(vpath).items() if not k.startswith("_") or k == "__doc__"}
# A virtual module's __file__ is what CPython's says (its error messages show it).
_OS_TEMPLATE["__file__"] = host_os.__file__
_PATH_TEMPLATE["__file__"] = host_os.path.__file__
_SIGNAL_TEMPLATE["__file__"] = host_sys.modules["signal"].__file__
# The builtins module's namespace, as each process's starts.  Built in one go
# (no deleted entries), so that a process's copy is one block copy: dict.update
# into an empty dict clones such a dict's table instead of inserting each name.
_BUILTINS = {k: v for k, v in vars(host_builtins).items()
             if k not in ("help", "breakpoint", "copyright", "credits", "license")}
NO_PROMPT = object()                # input() without an argument (input(None) prints None)
# what compile() inherits from its caller's `from __future__ import`s
FUTURE_FLAGS = sum(getattr(host_future, f).compiler_flag for f in host_future.all_feature_names)
_BUILTINS.update(open=streams.open, exit=Quitter("exit"), quit=Quitter("quit"),   # (replaced: no deletion)
                 __tick__=next, __ticks__=None, __except__=tuple)   # kernel/ticks.py's names

class Runtime:
    """One process's user space: its modules, builtins, streams and signal handlers."""

    # Made on first use, if ever: a child that execs at once never needs them.
    _environ: vos._Environ | None = None
    _c_environ: dict[str, str] | None = None
    _sys: VirtualSys | None = None
    _builtins: dict[str, Any] | None = None
    _builtins_module: types.ModuleType | None = None
    _traceback: Any = None                  # made for the first report
    _private: dict[str, Any] | None = None
    _config: pyconfig.Config | None = None
    at_fork: tuple[list, list, list] | None = None     # os.register_at_fork's
    importer_cache = FRESH_CODE
    image: Any = None                       # the program it runs (set by the loader)
    recursion_limit = PROGRAM_LIMIT         # sys.setrecursionlimit's, for this process
    recursion_base: int | None = None       # CPython's depth below the program's first frame
    stack_limit: int | None = None          # the host's limit while it runs (cpu.resume)
    finalized = False                       # Python has shut down (__main__ is cleared)
    wakeup_fd = -1                          # signal.set_wakeup_fd's
    files: Any = None                       # the files it writes, by id (weakly: keep_file)
    activity: str | None = None             # native code's own words for where it is (proc.py)

    def __init__(self, k, p, argv: list[str], environ: dict[str, str],
                 parent: "Runtime | None" = None) -> None:
        self.k = k
        self.p = p
        self.argv = list(argv)
        self._environ_from: dict[str, str] | None = environ    # copied on first use: most children exec at once
        self.handlers: dict[int, Any] = dict(parent.handlers) if parent and parent.handlers else {}
        self.modules: dict[str, Any] = {}
        p.runtime = self
        p.upcall = self.run_handler

    def import_path(self) -> list[str]:
        """sys.path: the program's directory -- but a set-user-ID program
        (kernel/loader.py) trusts only /bin, wherever it was run from."""
        image = self.image
        if image is None:
            return [vpath.dirname(self.argv[0]) if self.argv else ""]
        if image.secure:
            return ["/bin"]
        if self.config.safe_path:            # -P, -I: not even the script's directory
            return []
        return [image.directory]

    # made on first use: a child that execs at once never needs them

    @property
    def environ(self) -> vos._Environ:
        """os.environ."""
        return self._environ if self._environ is not None else self._make_environ()[0]

    @property
    def c_environ(self) -> dict[str, str]:
        """The C library's environ: what putenv changes and exec passes on."""
        return self._c_environ if self._c_environ is not None else self._make_environ()[1]

    def _make_environ(self) -> tuple[vos._Environ, dict[str, str]]:
        env = self._environ_from or {}
        self._c_environ = c_environ = dict(env)
        self._environ = environ = vos._Environ(dict(env), c_environ)
        self._environ_from = None
        return environ, c_environ

    @property
    def sys(self) -> VirtualSys:
        if self._sys is None:
            self._sys = VirtualSys(self)
        return self._sys

    @property
    def config(self) -> pyconfig.Config:
        """How the interpreter was started (by /bin/python's command line, or
        python3's defaults for a script run by its #! line)."""
        if self._config is None:
            image = self.image
            self._config = (pyconfig.config_for(image.env, image.options) if image is not None
                            else pyconfig.config_for({}, ()))
        return self._config

    @property
    def builtins(self) -> dict[str, Any]:
        """The builtins module's namespace (the process's own print, input, open)."""
        if self._builtins is None:
            m = self._builtins_module = types.ModuleType("builtins")
            b = self._builtins = m.__dict__
            b.clear()                   # (its __name__... are _BUILTINS' too)
            b.update(_BUILTINS)
            b["print"], b["input"], b["__import__"] = self.print, self.input, self.import_
            b["compile"] = self.compile
            b["__ticks__"] = self.ticks()
            if self.p.unwinding is not None:
                self.unwinding(self.p.unwinding)
        return self._builtins

    # ---- ticks: the kernel's turn while the program computes (kernel/ticks.py) ----------------

    def ticks(self):
        """A fresh `__ticks__` for the program: counts its steps and calls the
        kernel every block, or raises the exit if the process leaves its program."""
        ticks = host_module("kernel.ticks")
        if self.p.unwinding is not None:
            return ticks.Raiser(self.p.unwinding)
        return ticks.counter()

    def exec_main(self, path: str, source: bytes | str | None, argv: list[str], file: str | None,
                  config: pyconfig.Config) -> NoReturn:
        """The interpreter hands over to its script (runpy._run_main): the process's
        program becomes source, as __main__, in a fresh user space -- as exec does,
        but without the system call: the kernel sees one program, `python SCRIPT`.
        file is its __file__ (None for -c), config how the interpreter was started."""
        from kernel.errors import ExecImage
        from kernel.proc import Image
        try:
            code = self.k.loader.compile_source(b"" if source is None else source, path,
                                                config.flags.optimize)
        except SyntaxError as e:
            code = e                              # reported as the program's own error
        real = file == path and not path.startswith("<")        # not -c, not <stdin>
        directory = self.k.loader.whereabouts(self.p, path)[1] if real else ""
        if config.run == "module":
            directory = vos.getcwd()
        elif config.run == "directory":
            directory = vpath.normpath(path)
        image = Image(path, list(argv), self.p.env, code=code, filename=path,
                      directory=directory)
        image.main = (file, config)
        image.std_closed = self.image.std_closed if self.image is not None else ()
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
            return _NATIVE_OS
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
        if file is None:
            file = self.sys.stdout
            if file is None:        # CPython prints nothing (the host's print would use ITS stdout)
                return
        host_builtins.print(*args, sep=sep, end=end, flush=flush, file=file)

    def input(self, prompt: object = NO_PROMPT) -> str:
        """CPython's input(): stderr flushed first (errors ignored), the prompt
        on stdout, stdout flushed."""
        sys = self.sys
        for name in ("stdin", "stdout", "stderr"):
            if getattr(sys, name, None) is None:
                raise RuntimeError(f"input(): lost sys.{name}")
        fin, fout, ferr = sys.stdin, sys.stdout, sys.stderr
        try:
            ferr.flush()
        except Unwind:
            raise
        except Exception:
            pass
        if prompt is not NO_PROMPT:
            fout.write(str(prompt))
        fout.flush()
        line = fin.readline()
        if not line:
            raise EOFError("EOF when reading a line")
        return line[:-1] if line.endswith("\n") else line

    def open(self, *args, **kwargs):
        return streams.open(*args, **kwargs)

    def keep_file(self, f) -> None:
        """Remember a file the program writes (shutdown.free_main closes it)."""
        if self.files is None:
            self.files = weakref.WeakValueDictionary()
        self.files[id(f)] = f

    def compile(self, source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kw):
        """CPython's compile(), with the caller's __future__ flags; in "single" mode
        (doctest's) an expression's value goes to the process's sys.displayhook --
        the compiler's own code would call the host's."""
        if not dont_inherit:
            flags |= host_sys._getframe(1).f_code.co_flags & FUTURE_FLAGS
        if mode == "single" and not flags & PyCF_ONLY_AST:
            source = later("repl").displayed(host_builtins.compile(
                source, filename, mode, flags | PyCF_ONLY_AST, True, optimize, **kw))
        return host_builtins.compile(source, filename, mode, flags, True, optimize, **kw)

    def flush_std(self) -> None:
        if self._sys is not None:
            self._sys.flush_std()

    # ---- signals ---------------------------------------------------------------------------

    def run_handler(self, sig: int) -> None:
        """The kernel's upcall: run the program's handler for sig, given the frame
        it interrupted, as CPython does."""
        handler = self.handlers.get(sig)
        if not callable(handler):
            return
        if self.wakeup_fd >= 0:
            vsignal._wake(self.wakeup_fd, sig)
        in_flight = host_sys.exc_info()[1]        # the kernel's own (EINTR), if any
        frame = later("tracebacks").interrupted(host_sys._getframe(1))
        cpu = self.k.cpu
        base = self.recursion_base
        if base is not None:            # the handler is the program's code, with its limit
            self.set_recursion_base(recursion_depth())  # above the kernel's frames
            cpu.resume(self.p)
        try:
            handler(sig, frame)
        except BaseException as e:
            if in_flight is not None:
                later("tracebacks").detach(e, in_flight)    # not the program's story
            raise
        finally:
            if base is not None:
                self.set_recursion_base(base)
            cpu.kernel_room()

    def release(self) -> None:
        """The process is gone: free its memory now.  Its builtins' bound methods,
        its sys and its modules all point back here; dropping them lets
        reference counting free the lot at once instead of leaving a cycle for
        the collector to find (about 20 objects a process)."""
        if self._builtins is not None:
            # the program's frames (kept by the exception that ended it) hold the
            # dict itself, and it holds this runtime's print and the exit's raiser
            self._builtins.clear()
        self._builtins = self._builtins_module = None
        if self._sys is not None:
            self._sys.__dict__.clear()      # its _rt, modules, streams: the same story
        self._sys = None
        self._traceback = self._private = self.at_fork = None
        self.modules.clear()
        self.handlers.clear()

    # ---- running a program -----------------------------------------------------------------

    def run_python(self, image, code) -> int:
        """Run a compiled program as __main__, then end the interpreter as CPython's
        Py_RunMain does (kernel/libpy/shutdown.py); return the exit status."""
        file, module = image.filename, None
        if image.main is not None:               # a script that /bin/python runs
            file, self._config = image.main
            module = self._config.module
        main = self.main_module(file)
        try:
            if module is None:
                self.run_program(exec, code, main.__dict__)
            else:                                # -m: runpy finds the module and runs it
                runner = later("runpy")._module_runner(self)
                self.run_program(runner, module, self.config.run == "module")
            error = None
        except Unwind:
            raise
        except BaseException as e:               # SystemExit, or the program crashed
            error = e
            if isinstance(e, MemoryError) and self.k.cpu.memory_guard is not None:
                self.k.cpu.memory_guard.out_of_memory(self.k)    # ulimit -v: room to end in
        if self.config.run == "interactive" or self.config.flags.inspect:
            error = self.inspect(main.__dict__, error)
        shutdown = later("shutdown")
        status = shutdown.finish(self, error)
        self.finalized = True  # as CPython at shutdown: finalizers run now, in this process
        if self.modules.get("__main__") is main:
            del self.modules["__main__"]
        held = [main]          # free_main must hold __main__'s only references
        del main, error
        return shutdown.free_main(self, held, status)

    def inspect(self, namespace: dict, error: BaseException | None) -> BaseException | None:
        """python -i (or `python` at a terminal): after the program -- whose error,
        SystemExit too, is reported first -- the interactive prompt, in its
        namespace (kernel/libpy/repl.py); what ends the prompt ends the program."""
        shutdown, repl = later("shutdown"), later("repl")
        if error is not None:
            shutdown.report(self, error)
        config = self.config
        try:
            if config.run == "interactive":
                self.run_program(repl.startup, self, namespace)
            self.run_program(repl.interact, self, namespace,
                             config.run == "interactive" and not config.flags.quiet)
        except Unwind:
            raise
        except BaseException as e:               # SystemExit
            return e
        return None

    def main_module(self, file: str | None) -> types.ModuleType:
        """__main__ as CPython makes it: its module attributes, __annotations__,
        the builtins module, and for a file its __file__, __cached__ and loader."""
        main = self.modules["__main__"] = types.ModuleType("__main__")
        ns = main.__dict__
        self.builtins  # noqa: B018  (the property makes the builtins module)
        ns["__annotations__"], ns["__builtins__"] = {}, self._builtins_module
        ns["__loader__"] = later("runpy")._loader(file)
        if file is not None:
            ns["__file__"], ns["__cached__"] = file, None
        return main

    def run_program(self, fn, *args) -> None:
        """fn(*args) -- exec(code, __main__'s namespace) -- with its depth counted
        from the program's first frame, as CPython counts it for the recursion limit."""
        cpu = self.k.cpu
        if cpu.program_base is None:
            cpu.measure_program_base()
        # (a program starts with the default limit: the same stack_limit for all)
        self.recursion_base, self.stack_limit = cpu.program_base, cpu.program_limit
        self.on_stack(partial(fn, *args))

    def set_recursion_base(self, base: int) -> None:
        """The program's frames count from depth base (see cpu.resume)."""
        self.recursion_base = base
        self.stack_limit = stack_limit(base, self.recursion_limit)

    def call_from_c(self, fn, *args, **kwargs):
        """fn(*args, **kwargs) as CPython's C code calls a program's function (its
        sys.excepthook, an atexit handler): on a stack of its own, at the depth
        python3 gives it -- that of a script's first frame, which on the stack
        is one C call (exec's) deeper than fn's."""
        if not callable(fn):                     # (partial's own message is not CPython's)
            raise TypeError(f"'{type(fn).__name__}' object is not callable")
        base = self.recursion_base
        if base is None:
            return self.on_stack(partial(fn, *args, **kwargs))
        self.set_recursion_base(base - 1)
        try:
            return self.on_stack(partial(fn, *args, **kwargs))
        finally:
            self.set_recursion_base(base)

    def on_stack(self, task):
        """task() on a stack of its own, whose first frame is the program's, so
        that the program's bottom frame has no caller (f_back is None) -- the
        kernel's frames below are not there for it to see (kernel/stacks.py)."""
        p = self.p
        cpu = self.k.cpu
        spare = cpu.spare_stacks
        stack = spare.pop() if spare else cpu.new_stack()
        kernel = stack.parent = p.context        # (the running context: where the result goes)
        p.context = stack
        cpu.resume(p)                            # the program's own recursion limit
        try:
            result = stack.switch(task)
        finally:
            p.context = kernel
            cpu.kernel_room()
        if len(spare) < SPARE_STACKS:            # it returned: the stack is free again
            spare.append(stack)
        return result

    def report(self, e: BaseException) -> None:
        """An uncaught exception: its traceback on the process's stderr."""
        later("shutdown").report(self, e)

    def report_unraisable(self, message: str | None, obj: object, e: BaseException) -> None:
        """An exception that cannot be raised (in an atexit handler, say): shown as ignored."""
        later("shutdown").report_unraisable(self, message, obj, e)

    def unraisable(self, info) -> None:
        """An exception the host could not raise, if it is this program's (its code
        raised it): to the program's sys.unraisablehook."""
        later("shutdown").unraisable(self, info)

    def print_exception(self, exc_type, value: BaseException, tb) -> None:
        """sys.__excepthook__: the traceback python3 prints, on sys.stderr."""
        later("shutdown").print_exception(self, exc_type, value, tb)

    def flushed_sys(self) -> VirtualSys | None:
        """sys, if the program has made it (else nothing was printed)."""
        return self._sys

    def traceback_module(self):
        """The process's private copy of the traceback module, for its reports:
        the program's own modules (a traceback.py or linecache.py of its own)
        cannot change how its crash is shown, as they cannot in CPython."""
        if self._traceback is None:
            builtins = dict(self.builtins, __import__=self._private_import)
            self._private = {"sys": self.sys, "os": self.module("os"), "io": self.module("io")}
            self._private["linecache"] = self.run_source(
                "linecache", host_os.path.join(LIBPY, "linecache.py"), builtins, register=False,
                _host=host_module("linecache"))
            origin = host_module("traceback").__file__
            self._traceback = later("tracebacks").adapt(
                self.run_source("traceback", origin, builtins, register=False))
        return self._traceback

    def _private_import(self, name: str, globals=None, locals=None, fromlist=(), level=0):
        """The report's imports: the process's sys, os, io and linecache, the host's others."""
        module = self._private.get(name) if self._private else None
        if module is not None:
            return module
        module = host_module(name)
        return module if fromlist else host_module(name.partition(".")[0])

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
        # As in CPython, the script's directory comes before the standard library,
        # except for the modules the interpreter has imported before the program runs.
        module = None if name.partition(".")[0] in STARTUP else self.user_module(name)
        if module is None:
            module = self.virtual_module(name, importer)
        if module is None:
            if _refused(name, importer):
                raise refusal(name)
            module = self.fresh_module(name, importer)
        self.modules[name] = module
        package = self.modules.get(parent)
        if package is not None and package is not host_sys.modules.get(parent):
            setattr(package, child, module)       # as import does, in the process's own package
        return module

    def virtual_module(self, name: str, importer: str = ""):
        if name == "os":
            m = _module("os", _OS_TEMPLATE)
            _frozen_os(m)
            m.environ = self.environ
            m.environb = vos._EnvironB(m.environ)
            m.sys = self.sys                            # (CPython's os imports sys)
            m.path = self.modules.get("os.path")
            if m.path is None:
                m.path = self.modules["os.path"] = _module("posixpath", _PATH_TEMPLATE)
                m.path.os, m.path.sys = m, self.sys     # CPython's posixpath names them
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
            self.builtins  # noqa: B018  (the property makes the builtins module)
            return self._builtins_module
        if name in OPENING:
            return _module(name, _opening_template(name))
        if name == "posix":
            m = _module("posix", _OS_TEMPLATE)
            del m.path
            m.environ = {vos.fsencode(k): vos.fsencode(v) for k, v in self.environ.items()}
            return m
        if name in LATER or name in LIBRARY_ONLY and not _refused(name, importer):
            return _module(name, _later_template(name))
        if name in OWN:
            given = ({"_report": self.report_unraisable, "_call": self.call_from_c}
                     if name == "atexit" else {"_host": host_module(name)})
            m = self.run_source(name, host_os.path.join(LIBPY, name + ".py"), self.builtins,
                                **given)
            m.__file__ = getattr(given.get("_host"), "__file__", None)    # CPython's
            if m.__file__ is None:
                del m.__file__
            return m
        if name in PURE:
            return self.pure_module(name)
        if name == "traceback":
            return later("tracebacks").adapt(self.fresh_module(name, ""))
        return None

    def run_source(self, name: str, origin: str, builtins: dict, register: bool = True,
                   **names):
        """A module of this process made by running a source file of the host (it is
        registered under name at once, so that circular imports see it)."""
        code = self.importer_cache.get(origin)
        if code is None:
            self.p.in_kernel += 1              # loading, once per machine: not the program's time
            try:
                with host_io.open(origin, "rb") as f:
                    code = self.importer_cache[origin] = compile(f.read(), origin, "exec",
                                                                 dont_inherit=True)
            finally:
                self.p.in_kernel -= 1
        m = types.ModuleType(name)
        m.__dict__.update(names, __file__=origin, __builtins__=builtins)
        if register:
            self.modules[name] = m
        try:
            exec(code, m.__dict__)
        except BaseException:
            if register:
                self.modules.pop(name, None)
            raise
        return m

    def pure_module(self, name: str):
        """A standard module in Python -- CPython's own pure implementation, which
        its C accelerator replaces -- run in this process, over its clock and its
        stderr: datetime.now() reads the kernel's clock, warnings print on the
        process's stderr (the C versions read the host's)."""
        util = host_module("importlib.util")
        spec = util.find_spec("_py" + name) or util.find_spec(name)     # 3.12+: _pydatetime
        builtins = dict(self.builtins, __import__=self.import_without_accelerators)
        return self.run_source(name, spec.origin, builtins)

    def import_without_accelerators(self, name: str, *args, **kwargs):
        if name in PURE.values():
            raise ImportError(f"vshell: {name} is not used: its module runs in Python")
        return self.import_(name, *args, **kwargs)

    def user_module(self, name: str):
        """A module next to the program, in the virtual file system."""
        if "." in name:
            return None
        for d in self.sys.path:
            # '': the cwd; a relative entry made absolute (FileFinder's, 3.10+)
            if not d.startswith("/"):
                d = vpath.normpath(vpath.join(vos.getcwd(), d))
            path = vpath.join(d, name + ".py")
            try:
                with self.open(path, "rb") as f:
                    source = f.read()
            except OSError:
                continue
            code = self.k.loader.compile_source(source, path, self.config.flags.optimize)
            m = types.ModuleType(name)
            m.__file__ = path
            m.__builtins__ = self.builtins  # type: ignore[attr-defined]  # (a module takes any)
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
        m.__builtins__ = self.builtins  # type: ignore[attr-defined]  # (a module takes any)
        m.__package__ = name if is_pkg else name.rpartition(".")[0]
        if is_pkg:
            m.__path__ = [host_os.path.dirname(origin)]
        self.modules[name] = m
        try:
            exec(code, m.__dict__)
        except BaseException:
            self.modules.pop(name, None)
            raise
        if name == "pathlib":
            _unbound_accessor(m)
        return m


def _unbound_accessor(pathlib: types.ModuleType) -> None:
    """Python 3.10's pathlib calls os through a class (_NormalAccessor: stat =
    os.stat, open = io.open), where CPython's C functions do not bind; the
    virtual ones are Python functions, which would get the accessor as their
    first argument: there they are static methods.  (3.11 calls os directly.)"""
    accessor = getattr(pathlib, "_NormalAccessor", None)
    for key, value in list(vars(accessor).items()) if accessor is not None else ():
        if isinstance(value, types.FunctionType) and value.__module__ != pathlib.__name__:
            setattr(accessor, key, staticmethod(value))


def refusal(name: str) -> ModuleNotFoundError:
    return ModuleNotFoundError(f"No module named '{name}' in vshell: a virtual process may not "
                               "use it (it would reach the host behind the kernel's back)",
                               name=name)


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


# The functions CPython's os module writes in Python (its frozen os.py) whose
# every step the virtual os has: they are CPython's own code, run over the
# process's os -- so a traceback through one shows `File "<frozen os>", line
# 225, in makedirs`, as python3's does.
FROZEN_OS = ("makedirs", "removedirs", "renames")


def _frozen_os(m: types.ModuleType) -> None:
    for name in FROZEN_OS:
        fn = getattr(host_os, name)
        setattr(m, name, types.FunctionType(fn.__code__, m.__dict__, name, fn.__defaults__))


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


LATER = ("termios", "getpass", "pwd", "grp", "runpy", "resource", "fcntl",  # virtual too, loaded
         "select", "_posixsubprocess", "_thread", "errno")                      # when first asked for
# Virtual modules with state of their own: kernel/libpy/NAME.py runs in each
# process that imports it, over the process's os, time and builtins; the host's
# module of the same name is handed in as _host.
OWN = frozenset({"atexit", "random", "uuid", "linecache"})
LIBPY = host_os.path.dirname(host_os.path.abspath(__file__))
# Standard modules run in Python in each process, without their C accelerator,
# which would read the host's clock or write on the host's stderr.
PURE = {"datetime": "_datetime", "warnings": "_warnings",
        "pickle": "_pickle"}            # (whose C half finds classes in the host's __main__)
# What the interpreter imports before the program runs: a module of the same
# name beside the program cannot shadow these (it shadows every other).
STARTUP = frozenset("""sys builtins os posixpath genericpath stat io abc codecs encodings
time marshal posix zipimport site""".split())
_LATER_TEMPLATES: dict[str, dict] = {}


def _later_template(name: str) -> dict:
    template = _LATER_TEMPLATES.get(name)
    if template is None:
        module = host_module(f"kernel.libpy.{name}")
        private = ("__doc__",) + getattr(module, "_EXPORTED", ())
        template = _LATER_TEMPLATES[name] = {
            k: v for k, v in vars(module).items() if not k.startswith("_") or k in private}
        template["__file__"] = host_file(name)
        if template["__file__"] is None:         # a built-in module has none
            del template["__file__"]
    return template


def host_file(name: str) -> str | None:
    """The file the host's module of this name comes from (None for a built-in one)."""
    spec = host_module("importlib.util").find_spec(name)
    return spec.origin if spec is not None and spec.has_location else None


def _module(name: str, template: dict):
    m = types.ModuleType(name)
    m.__dict__.update(template)
    m.__name__ = name
    return m


# Native code (the shell, init) shares one os module, whose functions are the
# ones written here, without the wrappers that give a program's wrong call
# CPython's message (kernel/libpy/clinic.py): native code's calls are the
# kernel's own and always fit, and a wrapper costs every call a frame.
_NATIVE_OS = _module(vos.__name__, unchecked(vars(vos)))
