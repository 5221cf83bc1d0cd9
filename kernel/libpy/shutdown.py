"""The end of a Python program in a virtual process, as CPython's Py_RunMain has it.

When a script (a file, or stdin) ends, sys.stderr and then sys.stdout are
flushed, errors ignored (pythonrun.c's flush_io) -- so what the program
printed comes before the traceback of an uncaught exception, which
sys.excepthook prints next (`-c` and `-m` skip that flush: there the
traceback comes first).  A SystemExit's code that is not a number is printed.
Then Py_FinalizeEx: the atexit handlers run, last registered first; then
sys.stdout and sys.stderr are flushed.  A stdout that cannot be flushed (its fd was closed: OSTEP's homework)
is reported as CPython reports it, "Exception ignored in: <stdout>", and the
exit status becomes 120.  A program ended by an uncaught KeyboardInterrupt then
dies of SIGINT, as CPython makes it.  os._exit, exec and death by a signal skip
all of it -- which is how students see exit() differ from _exit().  Last,
__main__'s objects are freed: their __del__ methods run and print.
"""
from __future__ import annotations

import gc
import io
import types
import weakref

from kernel.abi import SIGINT
from kernel.errors import Unwind
from kernel.libpy import os as vos
from kernel.libpy import tracebacks

TYPE_CHECKING = False
if TYPE_CHECKING:
    from kernel.libpy.runtime import Runtime

FLUSH_FAILED = 120                  # CPython's status when flushing at exit fails
MISSING = object()


def exit_status(rt: Runtime, e: SystemExit) -> int:
    """sys.exit's argument as an exit status: None is 0, an int is itself, anything
    else is printed on stderr and gives 1."""
    code = e.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        rt.sys.stderr.write(f"{code}\n")
    except Unwind:
        raise
    except Exception:
        pass
    return 1


def finish(rt: Runtime, error: BaseException | None) -> int:
    """The program ended, by its last line (error None), SystemExit or an uncaught
    exception: report it, then shut Python down; return the exit status."""
    if error is None and rt.flushed_sys() is None and "atexit" not in rt.modules:
        return 0        # nothing printed, nothing registered: nothing left to do
    if rt.config.run in ("file", "stdin", "interactive"):
        flush_io(rt)
    interrupted = False
    if error is None:
        status = 0
    elif isinstance(error, SystemExit):
        status = exit_status(rt, error)
    else:
        status = report(rt, error)
        interrupted = status == 1 and isinstance(error, KeyboardInterrupt)
    return finalize(rt, status, interrupted)


def flush_io(rt: Runtime) -> None:
    """sys.stderr, then sys.stdout, flushed; a failure is ignored here (the
    flush at finalization reports it)."""
    sys = rt.flushed_sys()
    if sys is None:
        return
    for fd in (2, 1):
        stream = sys.current(fd)
        try:
            if stream is not None and not stream.closed:
                stream.flush()
        except Unwind:
            raise
        except Exception:
            pass


def finalize(rt: Runtime, status: int, interrupted: bool = False) -> int:
    """Python's shutdown after the program: atexit handlers, then the flush."""
    atexit = rt.modules.get("atexit")
    if atexit is not None and hasattr(atexit, "_run_exitfuncs"):
        atexit._run_exitfuncs()
    status = flush_std(rt, status)
    if interrupted:
        status = die_of_sigint()
    return status


def flush_std(rt: Runtime, status: int) -> int:
    """Flush sys.stdout, then sys.stderr; a failure makes the status 120 (stdout's
    is reported first)."""
    sys = rt.flushed_sys()
    if sys is None:
        return status
    for fd in (1, 2):
        stream = sys.current(fd)
        try:
            if stream is None or stream.closed:
                continue
            stream.flush()
        except Unwind:
            raise
        except Exception as e:
            if fd == 1:
                report_unraisable(rt, None, stream, e)
            status = FLUSH_FAILED
    return status


def free_main(rt: Runtime, held: list, status: int) -> int:
    """The end of Py_FinalizeEx: __main__ is freed.  Its functions and its
    namespace make a cycle, so CPython's collector frees it, and calls every
    __del__ (a generator's finally, too) while the namespace is still whole;
    what they print is flushed once more.  The host's collector does the same
    here -- only when there is a finalizer to run, the pass costs milliseconds.
    (CPython's streams are freed last, flushed by their close: an error is silent.)
    held: [__main__], emptied here."""
    namespace = held.pop().__dict__
    if rt.flushed_sys() is not None:        # (their frames hold the program's objects)
        for name in ("last_type", "last_value", "last_traceback"):
            setattr(rt.sys, name, None)
    if rt.files and not all(f.closed for f in rt.files.values()):
        # the cycles the program dropped go first, as CPython's collector takes
        # them at its start: a file in one is closed before its buffer is flushed
        gc.collect()
    if not any(map(_finalizable, namespace.values())):
        namespace.clear()                   # reference counting frees the lot
    else:
        alive = weakref.ref(_Probe(namespace))
        namespace = None
        gc.collect()
        probe = alive()
        if probe is not None:               # held elsewhere (a signal handler, say)
            probe.namespace.clear()
    close_files(rt)
    flush_io(rt)
    return status


def close_files(rt: Runtime) -> None:
    """The files the program writes and left open where __main__ still reached
    them (a class attribute, a cycle), which CPython's teardown of the modules
    finalizes: closed (so flushed), in the order opened."""
    files = rt.files
    for f in list(files.values()) if files is not None else ():
        try:
            f.close()
        except Unwind:
            raise
        except Exception:                   # (silent, as a finalizer's close is)
            pass


class _Probe:
    """A weakly referenced object in the namespace's cycle: gone when the namespace is."""
    def __init__(self, namespace: dict) -> None:
        self.namespace = namespace
        namespace[" probe"] = self


def _finalizable(value: object) -> bool:
    """An object freeing __main__ has work for: a __del__, or a suspended generator."""
    if isinstance(value, types.GeneratorType):
        return value.gi_frame is not None
    return hasattr(type(value), "__del__") and not isinstance(value, (io.IOBase, type))


def die_of_sigint() -> int:
    """CPython ends a program stopped by Ctrl-C by SIGINT, so that its parent knows
    (with SIGINT blocked, by exit status 130)."""
    vos._trap("sigaction", SIGINT, 0)
    vos.kill(vos.getpid(), SIGINT)
    return 128 + SIGINT


def report(rt: Runtime, e: BaseException) -> int:
    """An uncaught exception: sys.excepthook prints it (by default, its traceback),
    as CPython's PyErr_Print does; the exit status is 1 (or, if the hook exits,
    its SystemExit's)."""
    sys = rt.sys
    tb = tracebacks.programs(e.__traceback__)
    e.__traceback__ = tb
    sys.last_type, sys.last_value, sys.last_traceback = type(e), e, tb
    hook = getattr(sys, "excepthook", MISSING)         # (None is a hook that fails)
    try:
        if hook is MISSING:
            rt.sys.stderr.write("sys.excepthook is missing\n")
            hook = sys.__excepthook__
        try:
            rt.call_from_c(hook, type(e), e, tb)
        except Unwind:
            raise
        except SystemExit as exit:
            return exit_status(rt, exit)
        except BaseException as failure:
            tracebacks.detach(failure, e)         # CPython calls the hook outside any except
            err = sys.stderr
            err.write("Error in sys.excepthook:\n")
            err.write(tracebacks.format_exception(rt.traceback_module(), failure))
            err.write("\nOriginal exception was:\n")
            sys.__excepthook__(type(e), e, tb)
        sys.stderr.flush()
    except Unwind:
        raise
    except BaseException:
        pass
    return 1


def print_exception(rt: Runtime, exc_type, value: BaseException, tb) -> None:
    """sys.__excepthook__: the traceback, on sys.stderr."""
    if value is None:
        return
    if value.__traceback__ is not tb and tb is not None:
        value = value.with_traceback(tb)
    rt.sys.stderr.write(tracebacks.format_exception(rt.traceback_module(), value))


def unraisable(rt: Runtime, info) -> None:
    """CPython's PyErr_WriteUnraisable in a process: if the exception came from the
    program's code (a frame of its traceback runs on its builtins), its
    sys.unraisablehook gets it."""
    tb = info.exc_traceback
    builtins = rt.builtins
    while tb is not None and tb.tb_frame.f_builtins is not builtins:
        tb = tb.tb_next
    if tb is None:
        return
    hook = getattr(rt.sys, "unraisablehook", None)
    if hook is not None:
        hook(info)


def report_unraisable(rt: Runtime, message: str | None, obj: object, e: BaseException) -> None:
    """An exception that cannot be raised (in an atexit handler, a failed flush at
    exit): sys.unraisablehook shows it, 'Exception ignored in: OBJ' and the rest."""
    if isinstance(e, Unwind):
        raise e                             # os._exit in an atexit handler, say: it happens
    try:
        err = rt.sys.stderr
        head = f"Exception ignored {message}" if message else "Exception ignored in"
        try:
            text = f"{head}: {obj!r}\n"
        except Exception:
            text = f"{head}: <object repr() failed>\n"
        err.write(text + tracebacks.format_exception(rt.traceback_module(), e, chain=False,
                                                     source=not rt.finalized))
        err.flush()
    except Unwind:
        raise
    except BaseException:
        pass
