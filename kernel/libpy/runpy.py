"""The `runpy` module as a virtual process sees it: running Python files of the machine.

`run_path` runs a file of the virtual file system in a namespace of its own, as
CPython's does.  `_run_main` is how `/bin/python` starts a script: like the C
code of CPython's `python SCRIPT`, it makes the script the process's program,
running as `__main__` -- the interpreter's own frames are gone, so the script
dies of signals, exits and reports exceptions exactly as `./SCRIPT` would.

`python -m MODULE` (and `python DIR`, which runs DIR/__main__.py) hands over
the same way, and then runs CPython's own runpy._run_module_as_main -- its
code, so its messages and its `<frozen runpy>` frames are CPython's -- over
the process's sys and imports: MODULE is a module beside the program (a file
of the machine) or a standard one.
"""
from __future__ import annotations

import runpy as _host_runpy
import types as _types
from importlib import machinery as _machinery
from importlib import util as _util

from kernel.libpy import os as _os
from kernel.libpy import path as _path
from kernel.libpy import pyconfig as _pyconfig

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

    from kernel.libpy.runtime import Runtime

_EXPORTED = ("_run_main",)          # private, as CPython's _run_module_as_main


def run_path(path_name, init_globals: dict | None = None, run_name: str | None = None) -> dict:
    """Run the Python file path_name; return its globals."""
    path = _os._path("run_path", path_name)
    rt = _os._rt()
    with rt.open(path, "rb") as f:
        source = f.read()
    namespace = dict(init_globals or {})
    namespace.update(__name__=run_name or "<run_path>", __file__=path, __cached__=None,
                     __loader__=None, __package__=None, __spec__=None,
                     __builtins__=rt.builtins)
    rt.sources[path] = source.decode("utf-8", "replace")
    exec(rt.k.loader.compile_source(source, path, rt.config.flags.optimize), namespace)
    return namespace


def _run_main(path: str, source: bytes | str | None, argv: list[str], file: str | None = None,
              options: tuple = (), run: str = "file") -> NoReturn:
    """Become the program `source` (named path in tracebacks) with sys.argv argv;
    never returns.  file is its __file__ (None for -c); options the interpreter's
    command-line options, as (letter, value) pairs; run what it runs ("file",
    "stdin", "command"; "module" names the module path, "directory" runs
    path/__main__.py: source is None)."""
    rt: Runtime = _os._rt()
    config = _pyconfig.Config(rt.p.env, options, run)
    if run == "module":
        config.module = path
    rt.exec_main(path, source, argv, file, config)


def _module_runner(rt):
    """CPython's runpy._run_module_as_main(name, alter_argv) for this process:
    the host's code, with the process's sys and builtins and a find_spec that
    looks in the machine first."""
    names = {"__builtins__": rt.builtins, "__name__": "runpy", "sys": rt.sys,
             "_Error": _host_runpy._Error,
             "importlib": _types.SimpleNamespace(util=_types.SimpleNamespace(
                 find_spec=lambda name, package=None: _find_spec(rt, name)))}
    for name in ("_run_module_as_main", "_run_code", "_get_module_details",
                 "_get_main_module_details"):
        fn = getattr(_host_runpy, name)
        names[name] = _types.FunctionType(fn.__code__, names, name, fn.__defaults__,
                                          fn.__closure__)
    return names["_run_module_as_main"]


def _find_spec(rt, name: str):
    """A module's spec: a file NAME.py in a directory of sys.path (the machine's),
    else a standard module's; None if neither."""
    parent = name.rpartition(".")[0]
    if parent:
        rt.import_(parent)                  # as importlib's find_spec: the parent first
    else:
        for directory in rt.sys.path:
            if not directory.startswith("/"):           # '' or relative: from the cwd
                directory = _path.normpath(_path.join(_os.getcwd(), directory))
            path = _path.join(directory, name + ".py")
            if _path.isfile(path):
                return _util.spec_from_file_location(name, path,
                                                     loader=_MainLoader(name, path))
    from kernel.libpy.runtime import _refused, refusal
    if _refused(name, ""):
        raise refusal(name)
    return _util.find_spec(name)


def _loader(file: str | None):
    """__main__'s __loader__: a SourceFileLoader for a script's file, else (-c,
    stdin) the BuiltinImporter, as CPython's pythonrun.c sets it."""
    if file is None or file.startswith("<"):
        return _machinery.BuiltinImporter
    return _MainLoader("__main__", file)


class _MainLoader(_machinery.SourceFileLoader):
    """CPython's SourceFileLoader, reading the machine's files (get_source works)."""

    def get_data(self, path):
        with _os._rt().open(path, "rb") as f:
            return f.read()

    def get_code(self, fullname):
        """The module's code, with its ticks (kernel/loader.py)."""
        path = self.get_filename(fullname)
        rt = _os._rt()
        return rt.k.loader.compile_source(self.get_data(path), path, rt.config.flags.optimize)

    def path_stats(self, path) -> dict:
        st = _os.stat(path)
        return {"mtime": st.st_mtime, "size": st.st_size}

    def set_data(self, path, data, *, _mode=0o666) -> None:
        """No bytecode is written (__cached__ is None)."""


_MainLoader.__module__ = _machinery.SourceFileLoader.__module__
_MainLoader.__name__ = _MainLoader.__qualname__ = "SourceFileLoader"
