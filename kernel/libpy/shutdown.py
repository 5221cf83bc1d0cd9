"""The end of a Python program in a virtual process, as CPython's Py_FinalizeEx has it.

When the program ends -- after its last line, sys.exit(), or an uncaught
exception, whose traceback (sys.excepthook) is printed first -- the atexit
handlers run, last registered first; then sys.stdout and sys.stderr are
flushed.  A stdout that cannot be flushed (its fd was closed: OSTEP's homework)
is reported as CPython reports it, "Exception ignored in: <stdout>", and the
exit status becomes 120.  A program ended by an uncaught KeyboardInterrupt then
dies of SIGINT, as CPython makes it.  os._exit, exec and death by a signal skip
all of it -- which is how students see exit() differ from _exit().
"""
from __future__ import annotations

import signal as host_signal

from kernel.errors import Unwind
from kernel.libpy import os as vos
from kernel.libpy import tracebacks

TYPE_CHECKING = False
if TYPE_CHECKING:
    from kernel.libpy.runtime import Runtime

SIGINT = host_signal.SIGINT
FLUSH_FAILED = 120                  # CPython's status when flushing at exit fails


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


def finish(rt: Runtime, status: int, interrupted: bool = False) -> int:
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


def die_of_sigint() -> int:
    """CPython ends a program stopped by Ctrl-C by SIGINT, so that its parent knows
    (with SIGINT blocked, by exit status 130)."""
    vos._trap("sigaction", SIGINT, 0)
    vos.kill(vos.getpid(), SIGINT)
    return 128 + SIGINT


def report(rt: Runtime, e: BaseException) -> None:
    """An uncaught exception: sys.excepthook prints it (by default, its traceback)."""
    sys = rt.sys
    hook = getattr(sys, "excepthook", None)
    try:
        if hook is None:
            rt.sys.stderr.write("sys.excepthook is missing\n")
            hook = sys.__excepthook__
        try:
            hook(type(e), e, e.__traceback__)
        except Unwind:
            raise
        except BaseException as failure:
            tracebacks.detach(failure, e)         # CPython calls the hook outside any except
            err = sys.stderr
            err.write("Error in sys.excepthook:\n")
            err.write(tracebacks.format_exception(rt.traceback_module(), failure))
            err.write("\nOriginal exception was:\n")
            sys.__excepthook__(type(e), e, e.__traceback__)
        sys.stderr.flush()
    except Unwind:
        raise
    except BaseException:
        pass


def print_exception(rt: Runtime, exc_type, value: BaseException, tb) -> None:
    """sys.__excepthook__: the traceback, on sys.stderr."""
    if value is None:
        return
    if value.__traceback__ is not tb and tb is not None:
        value = value.with_traceback(tb)
    rt.sys.stderr.write(tracebacks.format_exception(rt.traceback_module(), value))


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
        err.write(text + tracebacks.format_exception(rt.traceback_module(), e, chain=False))
        err.flush()
    except Unwind:
        raise
    except BaseException:
        pass
