"""The `signal` module as a virtual process sees it.

The kernel keeps each signal's disposition (default, ignore, or caught) and
the blocked and pending sets; the handler functions themselves live here, in
the process's own memory, and the kernel asks for one to run (an upcall) when
it delivers a caught signal.
"""
from __future__ import annotations

import signal as _host
from operator import index as _index

from kernel.cpu import machine as _machine
from signal import (  # noqa: F401
    Signals, Handlers, Sigmasks, SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK, NSIG, strsignal,
    valid_signals, default_int_handler,
)

SIG_DFL = _host.SIG_DFL
SIG_IGN = _host.SIG_IGN
_CATCH = 2
_UNCATCHABLE = (_host.SIGKILL, _host.SIGSTOP)

# every signal name as a module constant: SIGINT, SIGTERM, ...
globals().update({s.name: s for s in Signals})
ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF = _host.ITIMER_REAL, _host.ITIMER_VIRTUAL, _host.ITIMER_PROF
ItimerError = _host.ItimerError


def _trap(call: str, *args):
    return _machine.cpu.trap(call, args)


def _rt():
    return _machine.cpu.current.runtime


def _signum(signalnum) -> int:
    sig = _index(signalnum)
    if not 1 <= sig < NSIG:
        raise ValueError("signal number out of range")
    return sig


def signal(signalnum, handler):
    """Install handler (SIG_DFL, SIG_IGN or a function) and return the previous one."""
    sig = _signum(signalnum)
    if handler in (SIG_DFL, SIG_IGN):
        disposition = int(handler)
    elif callable(handler):
        disposition = _CATCH
    else:
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, "
                        "or a callable object")
    if sig in _UNCATCHABLE:
        raise OSError(22, "Invalid argument")
    old = _trap("sigaction", sig, disposition)
    handlers = _rt().handlers
    previous = handlers.pop(sig, None)
    if disposition == _CATCH:
        handlers[sig] = handler
    return _handler(old, previous)


def getsignal(signalnum):
    """The handler installed for a signal.  The kernel keeps the disposition
    (an ignored signal stays ignored across exec); the function lives here."""
    sig = _signum(signalnum)
    handler = _rt().handlers.get(sig)
    if handler is not None:
        return handler
    return _handler(_trap("sigaction", sig, -1), None)


def _handler(disposition: int, function):
    if disposition == _CATCH:
        return function                   # None: not installed from Python, as CPython says
    return Handlers(disposition)


def pthread_sigmask(how: int, mask) -> set:
    old = _trap("sigprocmask", _index(how), frozenset(_signum(s) for s in mask))
    return {Signals(s) for s in old}


sigprocmask = pthread_sigmask


def sigpending() -> set:
    return {Signals(s) for s in _trap("sigpending")}


def pause() -> None:
    """Sleep until a signal is caught; return after its handler ran."""
    try:
        _trap("pause")
    except InterruptedError:
        pass


def alarm(seconds: int) -> int:
    return _trap("alarm", _index(seconds))


def setitimer(which: int, seconds: float, interval: float = 0.0) -> tuple[float, float]:
    """The real-time interval timer: SIGALRM in seconds, then every interval seconds
    (0 disarms it); returns the old (delay, interval).  vshell's processes have
    no CPU-time timers (ITIMER_VIRTUAL, ITIMER_PROF)."""
    seconds, interval = float(seconds), float(interval)
    if which != ITIMER_REAL or seconds < 0 or interval < 0:
        raise ItimerError(22, "Invalid argument")
    return _trap("setitimer", seconds, interval)


def getitimer(which: int) -> tuple[float, float]:
    if which != ITIMER_REAL:
        raise ItimerError(22, "Invalid argument")
    return _trap("getitimer")


def raise_signal(signalnum) -> None:
    _trap("kill", _trap("getpid"), _signum(signalnum))


def pthread_kill(thread_id: int, signalnum) -> None:
    raise_signal(signalnum)


def siginterrupt(signalnum, flag: bool) -> None:
    pass
