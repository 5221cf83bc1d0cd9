"""The host guard: a PEP 578 audit hook that refuses host side effects while a
virtual process runs.

A program's open(), os, io and tempfile are virtual (kernel/libpy), so an
honest program never touches the host.  But CPython has no sandbox: a program
can reach the host's own modules through any object that holds one
(inspect.os, warnings.sys.modules, object.__subclasses__(), a host module's
__builtins__).  Before CPython opens a file, changes the file system, starts a
process, opens a socket or loads native code, it raises an audit event; this
hook sees every one and refuses the side effect -- with a PermissionError the
program sees -- unless the host itself is acting.

Who is acting is decided from what a program cannot change:
  - the thread: the host's main thread, the one where the machine first ran,
    and those vshell trusts (its line editor).  Any other thread -- as a
    program may start -- is not trusted.
  - the greenlet: on vshell's thread every virtual process runs on a greenlet
    of its own; only the kernel, and the host program around it, run on the
    thread's main greenlet.
Anywhere else -- a process's context, or a thread of a program's -- the hook
allows only what the kernel itself needs on a process's behalf, and what is
harmless: reading Python's library and vshell's own files (imports,
tracebacks), loading native modules of the library other than those that act
on the host unaudited, and a host mount (read it; change it if mounted :rw).

The hook is registered once, and no Python code can fetch it: everything it
uses is captured in its closure when it is made (C functions, frozen sets,
tuples of roots), so a program that replaces builtins or module attributes
does not change its decisions.  The kernel adds mounts and trusted threads by
raising audit events of its own, which the hook accepts only from trusted
code.  mknod, mkfifo and _posixsubprocess.fork_exec, which CPython does not
audit, are sealed: they ask the hook to make the call.

It cannot stop what CPython does not audit otherwise (os.write on an fd the
host holds open, signal handlers, the terminal's modes), nor code that a
program manages to run outside its process -- a finalizer the collector runs
while the kernel works, a kernel function replaced by one of its own, an
exception thrown into the kernel's greenlet.  The README says so.
"""
from __future__ import annotations

import os
import sys
from _thread import get_ident as _get_ident

_installed = False

# Events that are frequent and harmless: they return at once.  Any other event is
# refused to a program unless allowed() says otherwise -- so an event a newer
# CPython adds is refused until it is known.  (3.12's collections.namedtuple and
# enum ask sys._getframemodulename for the caller's module.)
HARMLESS = frozenset("""builtins.id sys._getframe sys._getframemodulename object.__getattr__
object.__setattr__ object.__delattr__ exec compile code.__new__ function.__new__ marshal.loads marshal.load
marshal.dumps pickle.find_class array.__new__ time.sleep os.walk os.fwalk glob.glob glob.glob/2
sys.excepthook sys.unraisablehook tempfile.mkstemp tempfile.mkdtemp shutil.copyfile
shutil.copymode shutil.copystat shutil.copytree shutil.rmtree shutil.move shutil.chown
shutil.make_archive shutil.unpack_archive cpython._PySys_ClearAuditHooks
cpython.run_command cpython.run_file cpython.run_module cpython.run_startup
cpython.run_stdin cpython.run_interactivehook""".split())

# The file-system changes a read-write mount allows, and the arguments that name files.
CHANGES = {"os.mkdir": 1, "os.rmdir": 1, "os.remove": 1, "os.rename": 2, "os.truncate": 1,
           "os.chmod": 1, "os.chown": 1, "os.utime": 1}

# Native modules that would act on the host without an audit event, or reach
# into the interpreter: refused to programs even from the library.
UNAUDITED_NATIVE = frozenset("""_posixsubprocess _ctypes _xxsubinterpreters _testcapi
_testinternalcapi _testmultiphase _testbuffer _testimportmultiple _ctypes_test _posixshmem
_multiprocessing _gdbm _dbm readline _curses _curses_panel _tkinter spwd ossaudiodev
nis _xxinterpchannels _xxinterpqueues _interpreters _interpchannels _interpqueues""".split())
# (the last five: 3.12's and 3.13's names for subinterpreters, whose code runs
# without this interpreter's audit hook)

# How a refusal names what was refused (others: the event's own name).
WHAT = {
    "open": "opening the host file", "os.listdir": "listing the host directory",
    "os.scandir": "listing the host directory", "import": "loading the native module",
    "os.system": "starting a host process", "os.exec": "starting a host process",
    "os.spawn": "starting a host process", "os.posix_spawn": "starting a host process",
    "os.fork": "starting a host process", "os.forkpty": "starting a host process",
    "subprocess.Popen": "starting a host process", "fork_exec": "starting a host process",
    "mknod": "creating the host file", "mkfifo": "creating the host file",
    "os.kill": "signalling a host process", "os.killpg": "signalling a host process",
    "signal.pthread_kill": "signalling a host thread", "os.putenv": "changing the host's environment",
    "os.unsetenv": "changing the host's environment", "os.chdir": "changing the host's directory",
    "sys.settrace": "tracing the host", "sys.setprofile": "profiling the host",
    "sys.addaudithook": "adding an audit hook", "builtins.input": "reading the host's terminal",
    "gc.get_objects": "the host's objects", "gc.get_referrers": "the host's objects",
    "gc.get_referents": "the host's objects", "sys._current_frames": "the host's threads",
    "os.link": "linking host files", "os.symlink": "linking host files",
    **{event: "changing the host file" for event in CHANGES},
}

LIBRARY_DIRS_EXTRA = ("/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo",
                      "/etc/zoneinfo")        # zoneinfo's time-zone data, public like the library


def install() -> None:
    """Register the hook (once per host process), from vshell's own thread."""
    global _installed
    if not _installed:
        _installed = True
        threading = sys.modules.get("threading")       # the host's main thread is trusted too
        main = {threading.main_thread().ident} if threading else set()
        sys.addaudithook(_make_hook(_library_roots(), _path_dirs(), main))
    _seal()


def allow_mount(host_path: str, writable: bool) -> None:
    """A host directory is mounted: programs may read it (and change it if writable)."""
    install()
    sys.audit("vshell.mount", os.path.realpath(host_path), bool(writable))


def trust_thread(ident: int) -> None:
    """A thread vshell started (its line editor, the web server) acts for the
    host, as vshell's does.  One that ends before the host process must say so
    (forget_thread): a thread started later could be given its number."""
    install()
    sys.audit("vshell.trust_thread", ident)


def forget_thread() -> None:
    """The trusted thread calling this is about to end: its number is no longer
    trusted.  (Only a trusted thread can ask, as for trust_thread.)"""
    sys.audit("vshell.forget_thread", _get_ident())


# ---- the hook ------------------------------------------------------------------------------

def _make_hook(library: tuple, path_dirs: tuple, threads: set):
    """The audit hook, with everything it uses bound here, out of a program's reach."""
    from _thread import get_ident
    from stat import S_ISLNK

    from greenlet import getcurrent, greenlet
    lstat = os.lstat
    parent_of = greenlet.__dict__["parent"].__get__    # no greenlet subclass can override it
    str_, int_, type_, tuple_, len_ = str, int, type, tuple, len
    OSError_, PermissionError_ = OSError, PermissionError
    harmless, what, changes, unaudited = HARMLESS, dict(WHAT), dict(CHANGES), UNAUDITED_NATIVE
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    trusted = {get_ident(), *threads}
    wrapped: dict = {}                                 # name -> the unaudited original
    readable, listable = library, library + path_dirs
    mounts: dict = {}                                  # host root -> writable
    mounted: tuple = ()
    writable: tuple = ()

    def normal(path):
        """path made absolute and clean, or None (relative, or with '..')."""
        if type_(path) is not str_ or not path.startswith("/") or "\0" in path:
            return None
        parts = [p for p in path.split("/") if p and p != "."]
        if ".." in parts:
            return None
        return "/" + "/".join(parts)

    def inside(path, under, no_links: bool) -> bool:
        for root in under:
            if path == root or path.startswith(root + "/"):
                if no_links:       # a host link inside a mount must not lead out of it
                    prefix = root
                    for part in path[len_(root) + 1:].split("/") if path != root else ():
                        prefix = prefix + "/" + part
                        try:
                            if S_ISLNK(lstat(prefix).st_mode):
                                return False
                        except OSError_:
                            break
                return True
        return False

    def allowed(event, args) -> bool:
        if event == "open":
            path, flags = normal(args[0]), args[2]
            if path is None or type_(flags) is not int_:
                return False
            if flags & writing:
                return inside(path, writable, True)
            return inside(path, readable, False) or inside(path, mounted, True)
        if event in ("os.listdir", "os.scandir"):
            path = normal(args[0])
            return path is not None and (inside(path, listable, False)
                                         or inside(path, mounted, True))
        if event == "import":          # a native module's file, or None while searching
            name, filename = args[0], args[1]
            if filename is None:
                return True
            path = normal(filename)
            return (path is not None and type_(name) is str_
                    and name.rpartition(".")[2] not in unaudited and inside(path, library, False))
        n = changes.get(event)
        if n:
            for arg in args[:n]:
                path = normal(arg)
                if path is None or not inside(path, writable, True):
                    return False
            return True
        return False

    def refuse(event, args):
        if event == "vshell.call" and type_(args[0]) is str_ and type_(args[1]) is tuple_:
            event, args = args[0], args[1]            # a sealed function, by its name
        detail = what.get(event)
        if detail is None:
            return PermissionError_(1, f"not available in vshell: {event} on the host")
        if args and type_(args[0]) is str_:
            detail = f"{detail} {args[0]!r}"
        return PermissionError_(1, f"not available in vshell: {detail}")

    def register(event, args) -> None:
        """The kernel's own events: a mount, a trusted thread, an unaudited call."""
        nonlocal mounted, writable
        if event == "vshell.mount":
            mounts[args[0]] = args[1]
            mounted = tuple_(mounts)
            writable = tuple_(root for root, rw in mounts.items() if rw)
        elif event == "vshell.trust_thread":
            trusted.add(args[0])
        elif event == "vshell.forget_thread":
            trusted.discard(args[0])
        elif event == "vshell.wrap":
            wrapped[args[0]] = args[1]
        elif event == "vshell.call":
            name, call_args, call_kwargs, box = args
            box.append(wrapped[name](*call_args, **call_kwargs))

    def hook(event, args):
        if event in harmless:
            return
        if get_ident() in trusted and parent_of(getcurrent()) is None:
            if event.startswith("vshell."):
                register(event, args)
            return
        if not event.startswith("vshell.") and allowed(event, args):
            return
        raise refuse(event, args)

    return hook


# ---- what CPython does not audit ---------------------------------------------------------

def _seal() -> None:
    """mknod and mkfifo create files, _posixsubprocess.fork_exec starts a process,
    and CPython raises no audit event for them.  Each is replaced (in posix and
    os, _posixsubprocess and subprocess) by a function that asks the hook to make
    the call: only the hook keeps the original.  fork_exec is sealed if it is
    loaded (the line editor's asyncio loads it); programs may not load it."""
    import posix
    targets: list[tuple[object, object, str]] = [(posix, os, "mknod"), (posix, os, "mkfifo")]
    if "_posixsubprocess" in sys.modules:
        targets.append((sys.modules["_posixsubprocess"], sys.modules.get("subprocess"), "fork_exec"))
    for module, user, name in targets:
        original = getattr(module, name)
        if getattr(original, "sealed", False):
            continue
        sys.audit("vshell.wrap", name, original)
        setattr(module, name, _sealed(name))
        if user is not None:
            setattr(user, "_fork_exec" if name == "fork_exec" else name, getattr(module, name))


def _sealed(name: str):
    def call(*args, **kwargs):
        box: list = []
        sys.audit("vshell.call", name, args, kwargs, box)
        if not box:
            raise PermissionError(1, "not available in vshell: the host guard is missing")
        return box[0]
    call.__name__ = call.__qualname__ = name
    call.sealed = True           # type: ignore[attr-defined]
    return call


# ---- the host's files a program may read ---------------------------------------------------

def _library_roots() -> tuple:
    """Python's library, site-packages, and vshell's own packages (whose files
    programs may read: imports and tracebacks do)."""
    dirs = {os.path.dirname(os.__file__)}
    site = sys.modules.get("site")
    if site is not None:
        dirs.update(site.getsitepackages())
        dirs.add(site.getusersitepackages())
    dirs.update(p for p in sys.path if p.endswith(("site-packages", "dist-packages")))
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    dirs.update(os.path.join(here, name) for name in ("kernel", "vshell", "programs"))
    dirs.update(LIBRARY_DIRS_EXTRA)
    return _normalised(dirs)


def _path_dirs() -> tuple:
    """The directories on the host's sys.path, which the import system lists
    (refusing a listing would leave it believing them empty)."""
    return _normalised(os.path.abspath(p or ".") for p in sys.path if isinstance(p, str))


def _normalised(dirs) -> tuple:
    """The directories as the import system names them: absolute, normalised."""
    return tuple(sorted({os.path.normpath(d) for d in dirs if d and os.path.isabs(d)}))
