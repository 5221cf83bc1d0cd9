"""The `atexit` module as a virtual process sees it (run in each process that imports it).

The handlers live in the process's own memory (a forked child has its parent's)
and run at the end of the program's Python shutdown, last registered first:
after the program's last line, sys.exit or an uncaught exception -- not after
os._exit, exec or death by a signal (kernel/libpy/shutdown.py).
"""

_handlers = []  # type: list[tuple]  # (function, args, kwargs), in the order registered


def register(func, /, *args, **kwargs):
    """Register func to be called with args and kwargs at normal exit; return func."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _handlers.append((func, args, kwargs))
    return func


def unregister(func, /) -> None:
    """Remove every registration of func."""
    _handlers[:] = [h for h in _handlers if h[0] != func]


def _clear() -> None:
    del _handlers[:]


def _ncallbacks() -> int:
    return len(_handlers)


def _run_exitfuncs() -> None:
    """Call the handlers, last first, then forget them; a failing one is reported
    as CPython reports it ('Exception ignored in atexit callback') and the rest run."""
    for func, args, kwargs in reversed(list(_handlers)):
        try:
            _call(func, *args, **kwargs)        # from "C": no frame of the kernel's below
        except BaseException as e:                  # SystemExit too, as in CPython
            _report("in atexit callback", func, e)
    _clear()


_report = globals()["_report"]              # handed in by the runtime
_call = globals()["_call"]
