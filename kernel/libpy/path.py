"""os.path for virtual processes: CPython's own posixpath and genericpath, run
over the virtual os.

Rather than imitate them, this runs the host's very modules (their compiled
code) in a namespace where `os` is the virtual os module: exists, isdir,
realpath, expanduser, ... ask the kernel, and every function -- bytes paths,
errors and all -- is CPython's.  `os.environ` is the calling process's (see
os.__getattr__), `import pwd` in expanduser imports the process's pwd, and
`sys` is the process's sys.
"""
from __future__ import annotations

import genericpath as _host_genericpath
import posix as _host_posix
import posixpath as _host_posixpath
import stat as _stat
import types as _types

from kernel.libpy import os as _os

TYPE_CHECKING = False
if TYPE_CHECKING:
    # the names are posixpath's (put into this module's globals at the end)
    from posixpath import *  # noqa: F403


class _ProcessSys:
    """posixpath's `sys`: the calling process's."""
    platform = "linux"                  # (also asked while the module is made)

    def __getattr__(self, name: str):
        return getattr(_os._rt().sys, name)


def _import(name: str, globals=None, locals=None, fromlist=(), level: int = 0):
    """The modules posixpath and genericpath import: the virtual ones."""
    fixed = _MODULES.get(name)
    if fixed is not None:
        return fixed
    return _os._rt().import_(name, globals, locals, fromlist, level)


def _code(module):
    """A host module's compiled code: frozen in CPython 3.11, else from its .pyc."""
    import _imp
    try:
        return _imp.get_frozen_object(module.__name__)
    except ImportError:
        return module.__spec__.loader.get_code(module.__name__)


def _run(module) -> _types.ModuleType:
    m = _types.ModuleType(module.__name__)
    m.__dict__.update(__builtins__=_BUILTINS, __spec__=module.__spec__,
                      __loader__=module.__loader__)
    exec(_code(module), m.__dict__)
    return m


_SYS = _ProcessSys()
_BUILTINS = dict(vars(__builtins__) if isinstance(__builtins__, _types.ModuleType)
                 else __builtins__, __import__=_import)
_MODULES = {"os": _os, "sys": _SYS, "stat": _stat,
            # normpath's C version, a pure string function (3.11+)
            "posix": _types.SimpleNamespace(**{n: getattr(_host_posix, n) for n in
                                               ("_path_normpath",) if hasattr(_host_posix, n)})}
_MODULES["genericpath"] = _run(_host_genericpath)
globals().update({k: v for k, v in vars(_run(_host_posixpath)).items()
                  if k not in ("__builtins__", "__file__", "__name__", "__spec__", "__loader__")})
del annotations
