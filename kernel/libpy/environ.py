"""The environment, as the `os` module offers it.  Part of the virtual os module
(kernel/libpy/os.py).

Two environments, as in CPython: os.environ, a mapping of str to str (and
os.environb, the same one seen as bytes), and the C library's environ, which
exec and system pass on.  putenv and unsetenv change only the C-level one;
setting or deleting a key of os.environ (or os.environb) changes both.
"""
from __future__ import annotations

from _collections_abc import Mapping as _Mapping, MutableMapping as _MutableMapping
from os import fsdecode as _fsdecode, fsencode as _fsencode, fspath as _fspath

from kernel import abi as _abi
from kernel.errors import oserror as _oserror
from kernel.libpy.os import _rt


def getenv(key, default=None):
    """os.environ's value for key, or default."""
    return _rt().environ.get(key, default)


def getenvb(key, default=None):
    """os.environb's value for key, or default."""
    return _EnvironB(_rt().environ).get(key, default)


def putenv(name, value, /) -> None:
    _putenv(_rt().c_environ, name, value)


def unsetenv(name, /) -> None:
    _unsetenv(_rt().c_environ, name)


def _putenv(c_environ: dict, name, value) -> None:
    name, value = _env_str(name), _env_str(value)
    if "=" in name:
        raise ValueError("illegal environment variable name")
    if not name:
        raise _oserror(_abi.EINVAL)
    c_environ[name] = value


def _unsetenv(c_environ: dict, name) -> None:
    name = _env_str(name)
    if not name or "=" in name:
        raise _oserror(_abi.EINVAL)
    c_environ.pop(name, None)


def _env_str(s) -> str:
    if isinstance(s, (bytes, bytearray)):
        s = _fsdecode(bytes(s))
    elif not isinstance(s, str):
        s = _fspath(s)
        if not isinstance(s, str):
            s = _fsdecode(s)
    if "\0" in s:
        raise ValueError("embedded null byte")
    return s


def _check(value, kind: type) -> None:
    if not isinstance(value, kind):
        raise TypeError(f"{kind.__name__} expected, not {type(value).__name__}")


class _Environ(_MutableMapping):
    """os.environ: CPython's mapping over the C-level environment."""

    def __init__(self, data: dict[str, str], c_environ: dict[str, str]) -> None:
        self._data = data
        self._c_environ = c_environ

    def __getitem__(self, key: str) -> str:
        _check(key, str)
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value: str) -> None:
        _check(key, str)
        _check(value, str)
        _putenv(self._c_environ, key, value)
        self._data[key] = value

    def __delitem__(self, key: str) -> None:
        _check(key, str)
        _unsetenv(self._c_environ, key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        items = ", ".join(f"{key!r}: {value!r}" for key, value in self._data.items())
        return f"environ({{{items}}})"

    def copy(self) -> dict:
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


class _EnvironB(_Environ):
    """os.environb: os.environ's very data, with bytes for keys and values (a
    change through either shows in both, as in CPython).  A subclass that takes
    bytes where its base takes str: as CPython's two are one class, so type(...)
    is the same, and the checker is told so below."""

    def __init__(self, environ: _Environ) -> None:
        self._environ = environ
        self._data = environ._data
        self._c_environ = environ._c_environ

    def __getitem__(self, key: bytes) -> bytes:  # type: ignore[override]
        _check(key, bytes)
        try:
            return _fsencode(self._data[_fsdecode(key)])
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key: bytes, value: bytes) -> None:  # type: ignore[override]
        _check(key, bytes)
        _check(value, bytes)
        self._environ[_fsdecode(key)] = _fsdecode(value)

    def __delitem__(self, key: bytes) -> None:  # type: ignore[override]
        _check(key, bytes)
        try:
            del self._environ[_fsdecode(key)]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter([_fsencode(k) for k in self._data])

    def __repr__(self) -> str:
        items = ", ".join(f"{_fsencode(k)!r}: {_fsencode(v)!r}" for k, v in self._data.items())
        return f"environ({{{items}}})"


_Environ.__module__ = _EnvironB.__module__ = "os"
_EnvironB.__name__ = _EnvironB.__qualname__ = "_Environ"      # as type(os.environb) says
