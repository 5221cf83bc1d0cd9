"""The `runpy` module as a virtual process sees it: running Python files of the machine.

`run_path` runs a file of the virtual file system in a namespace of its own, as
CPython's does.  `_run_main` is how `/bin/python` starts a script: like the C
code of CPython's `python SCRIPT`, it makes the script the process's program,
running as `__main__` -- the interpreter's own frames are gone, so the script
dies of signals, exits and reports exceptions exactly as `./SCRIPT` would.
"""
from __future__ import annotations

from kernel.libpy import os as _os

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
    exec(rt.k.loader.compile_source(source, path), namespace)
    return namespace


def _run_main(path: str, source: bytes | str, argv: list[str], file: str | None = None,
              unbuffered: bool = False) -> None:
    """Become the program `source` (named path in tracebacks) with sys.argv argv;
    never returns.  file is its __file__ (None for -c)."""
    _os._rt().exec_main(path, source, argv, file, unbuffered)
