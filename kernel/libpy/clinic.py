"""Argument errors as CPython's C functions give them.

CPython's `os` and `signal` functions are written in C, and their arguments
are checked by code that Argument Clinic generates: a wrong call gets
`dup2() missing required argument 'fd2' (pos 2)` or `lseek expected 3
arguments, got 2`, not Python's own `missing 1 required positional argument`.
A program that prints such an error must print the same thing in vshell.

So each virtual function that stands for a C one is wrapped: a call that does
not fit its parameters (the same as the host function's, which a test checks)
is answered with the message the host's function would give for it, worked out
from the host function's text signature.  Only the failing call pays for that;
a good one costs one more Python frame.
"""
from __future__ import annotations

from operator import index

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

# Functions parsed by PyArg_ParseTuple-style code (their pid_t arguments need
# it), which words its errors in the old way: "kill() takes exactly 2 arguments".
OLD_STYLE = frozenset({"kill", "killpg", "setpgid", "sched_setaffinity", "sched_setparam",
                       "sched_setscheduler", "tcsetpgrp", "waitid", "waitpid"})
# ... and those that take keywords too, which convert each argument given
# before they see that one is missing
CONVERT_FIRST = frozenset({"wait4"})


def checked(prefix: str, host: Any) -> Callable[[Callable], Callable]:
    """Decorator: give fn the argument errors of host (a builtin of module prefix)."""
    def wrap(fn: Callable) -> Callable:
        def call(*args, **kwargs):
            try:
                # (without keywords, no dict is merged for the call: most calls of
                # os's functions have none, and every system call passes here)
                return fn(*args, **kwargs) if kwargs else fn(*args)
            except TypeError as e:
                if e.__traceback__ is not None and e.__traceback__.tb_next is None:
                    # the call itself did not fit fn's parameters: raised right here
                    raise TypeError(message(prefix, host, args, kwargs)) from None
                raise
        # functools.wraps, but only what a program can see (start-up is budgeted)
        call.__name__, call.__qualname__, call.__doc__ = fn.__name__, fn.__qualname__, fn.__doc__
        call.__module__ = fn.__module__
        call.__wrapped__ = fn  # type: ignore[attr-defined]  # (a function takes any attribute)
        return call
    return wrap


def wrap_all(namespace: dict, prefix: str, host_module: Any, names: list[str]) -> None:
    """Wrap namespace's functions of these names like host_module's."""
    for name in names:
        namespace[name] = checked(prefix, getattr(host_module, name))(namespace[name])


_CALL = checked("", None)(lambda: None).__code__        # the code of every wrapper


def unchecked(namespace: dict) -> dict:
    """A copy of namespace with the functions themselves instead of their wrappers
    (also in its sets of functions, such as os.supports_fd)."""
    def bare(value):
        return value.__wrapped__ if getattr(value, "__code__", None) is _CALL else value
    return {name: {bare(f) for f in value} if isinstance(value, set) else bare(value)
            for name, value in namespace.items()}


def parameters(host: Any) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]], list[str]]:
    """(positional-only, positional-or-keyword, keyword-only) parameters of a builtin,
    each (name, required), read from its __text_signature__."""
    text = host.__text_signature__ or "($module, /)"
    posonly: list[tuple[str, bool]] = []
    poskw: list[tuple[str, bool]] = []
    kwonly: list[str] = []
    current: list[tuple[str, bool]] | None = poskw
    for part in text.strip("()").split(","):
        part = part.strip()
        if part in ("$module", ""):
            continue
        if part == "/":
            posonly, poskw = poskw, []
            current = poskw
        elif part == "*":
            current = None
        else:
            name, _, default = part.partition("=")
            if current is None:
                kwonly.append(name)
            else:
                current.append((name, not default))
    return posonly, poskw, kwonly


def message(prefix: str, host: Any, args: tuple, kwargs: dict) -> str:
    name = host.__name__
    if name in CONVERT_FIRST:
        for arg in args:
            index(arg)
    posonly, poskw, kwonly = parameters(host)
    nargs = len(args)
    if not poskw and not kwonly:
        if kwargs:
            return f"{prefix}.{name}() takes no keyword arguments"
        if not posonly:
            return f"{prefix}.{name}() takes no arguments ({nargs} given)"
        least = sum(required for _, required in posonly)
        most = len(posonly)
        if name in OLD_STYLE:
            return (f"{name}() takes {_bound(least, most, nargs)} {_count(least, most, nargs)} "
                    f"argument{_s(least, most, nargs)} ({nargs} given)")
        if most == least == 1:
            return f"{prefix}.{name}() takes exactly one argument ({nargs} given)"
        bound = "" if least == most else _bound(least, most, nargs) + " "
        return (f"{name} expected {bound}{_count(least, most, nargs)} "
                f"argument{_s(least, most, nargs)}, got {nargs}")
    return _keywords(name, posonly, poskw, kwonly, args, kwargs)


def _keywords(name: str, posonly, poskw, kwonly, args: tuple, kwargs: dict) -> str:
    """_PyArg_UnpackKeywords's errors, in its order."""
    fname = name + "()"
    nargs, nkwargs = len(args), len(kwargs)
    positional = posonly + poskw
    maxpos = len(positional)
    maxargs = maxpos + len(kwonly)
    minpos = sum(required for _, required in positional)
    minposonly = min(len(posonly), minpos)
    if nargs + nkwargs > maxargs:
        return (f"{fname} takes at most {maxargs} {'keyword ' if nargs == 0 else ''}"
                f"argument{'' if maxargs == 1 else 's'} ({nargs + nkwargs} given)")
    if nargs > maxpos:
        if maxpos == 0:
            return f"{fname} takes no positional arguments"
        return (f"{fname} takes {'at most' if minpos < maxpos else 'exactly'} {maxpos} "
                f"positional argument{'' if maxpos == 1 else 's'} ({nargs} given)")
    if nargs < minposonly:
        return (f"{fname} takes {'at least' if minposonly < maxpos else 'exactly'} "
                f"{minposonly} positional argument{'' if minposonly == 1 else 's'} "
                f"({nargs} given)")
    keywords = [n for n, _ in poskw] + kwonly
    for i in range(max(nargs, len(posonly)), maxpos):
        pname, required = positional[i]
        if pname not in kwargs and required:
            return f"{fname} missing required argument '{pname}' (pos {i + 1})"
    for i in range(len(posonly), nargs):
        pname = positional[i][0]
        if pname in kwargs:
            return f"argument for {fname} given by name ('{pname}') and position ({i + 1})"
    for key in kwargs:
        if key not in keywords:
            return f"'{key}' is an invalid keyword argument for {fname}"
    return f"{fname}: bad arguments"


def _bound(least: int, most: int, given: int) -> str:
    if least == most:
        return "exactly"
    return "at least" if given < least else "at most"


def _count(least: int, most: int, given: int) -> int:
    return least if given < least else most


def _s(least: int, most: int, given: int) -> str:
    return "" if _count(least, most, given) == 1 else "s"
