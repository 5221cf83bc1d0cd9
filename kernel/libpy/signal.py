"""The `signal` module as a virtual process sees it.

The kernel keeps each signal's disposition (default, ignore, or caught) and
the blocked and pending sets; the handler functions themselves live here, in
the process's own memory, and the kernel asks for one to run (an upcall) when
it delivers a caught signal.  Arguments are checked, and errors worded, as
CPython's `signal` and `_signal` do.
"""
from __future__ import annotations

import signal as _host
import sys as _sys
from enum import IntEnum as _IntEnum
from operator import index as _index
from types import SimpleNamespace as _Namespace

from kernel import abi as _abi
from kernel.errors import oserror as _oserror
from kernel.cpu import machine as _machine
from kernel.libpy import clinic as _clinic
from signal import (  # noqa: F401  (the same everywhere: not numbers of the machine)
    default_int_handler, struct_siginfo, ItimerError, ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF,
)

NSIG = _abi.NSIG
_CATCH = 2
_UNCATCHABLE = (_abi.SIGKILL, _abi.SIGSTOP)

# The enums as CPython's signal.py makes them, but of the machine's numbers, not
# the host's (SIGTSTP is 20 on a macOS host too).  Like CPython's, _convert_
# makes each member a module constant: SIGINT, SIGTERM, ..., the aliases SIGCLD,
# SIGIOT and SIGPOLL, SIG_DFL and SIG_IGN, SIG_BLOCK, SIG_UNBLOCK and SIG_SETMASK.
# (Their __module__ is this module, where pickle, which looks in the host's
# sys.modules, finds them: the host's `signal` has the host's enums.)
_convert = _IntEnum._convert_  # type: ignore[attr-defined]  # (CPython's signal.py's way; typeshed omits it)
_NUMBERS = _Namespace(**{n: v for n, v in vars(_abi).items() if isinstance(v, int)})
Signals = _convert("Signals", __name__, lambda name: name.isupper() and (
    name.startswith("SIG") and not name.startswith("SIG_")), source=_NUMBERS)
Handlers = _convert("Handlers", __name__, lambda name: name in (
    "SIG_DFL", "SIG_IGN"), source=_NUMBERS)
Sigmasks = _convert("Sigmasks", __name__, lambda name: name in (
    "SIG_BLOCK", "SIG_UNBLOCK", "SIG_SETMASK"), source=_NUMBERS)
SIG_DFL, SIG_IGN = Handlers.SIG_DFL, Handlers.SIG_IGN


def _trap(call: str, *args):
    return _machine.cpu.trap(call, args)


def _rt():
    return _machine.cpu.current.runtime


def _retry(call: str, *args):
    """PEP 475: retry a call a signal interrupted, once its handler has run."""
    while True:
        try:
            return _machine.cpu.trap(call, args)
        except InterruptedError:
            continue


def _signum(signalnum) -> int:
    sig = _index(signalnum)
    if not 1 <= sig < NSIG:
        raise ValueError("signal number out of range")
    return sig


# (Python 3.10's message does not give the range; 3.11 added it)
_SIGSET_RANGE = "" if _sys.version_info < (3, 11) else f" [1; {NSIG - 1}]"


def _sigset(sigset) -> frozenset:
    """A set of signals, converted as _signal's sigset converter does."""
    sigs = set()
    for s in sigset:
        sig = _index(s)
        if not 1 <= sig < NSIG:
            raise ValueError(f"signal number {sig} out of range{_SIGSET_RANGE}")
        sigs.add(sig)
    return frozenset(sigs)


def _to_signal(sig: int):
    try:
        return Signals(sig)
    except ValueError:
        return sig


def strsignal(signalnum, /):
    """Return the system description of the given signal."""
    return _abi.strsignal(_index(signalnum))


def valid_signals() -> set:
    """Every signal the machine has (glibc keeps 32 and 33 for itself)."""
    return {_to_signal(s) for s in range(1, NSIG) if not 32 <= s < _abi.SIGRTMIN}


def signal(signalnum, handler):
    """Install handler (SIG_DFL, SIG_IGN or a function) and return the previous one."""
    sig = _signum(signalnum)
    if handler == SIG_IGN or handler == SIG_DFL:
        disposition = int(handler)
    elif callable(handler):
        disposition = _CATCH
    else:
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, "
                        "or a callable object")
    if sig in _UNCATCHABLE:
        raise _oserror(_abi.EINVAL)
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


def pthread_sigmask(how, mask) -> set:
    how = _index(how)
    old = _trap("sigprocmask", how, _sigset(mask))
    return {_to_signal(s) for s in old}


def sigpending() -> set:
    return {_to_signal(s) for s in _trap("sigpending")}


def sigwait(sigset):
    """Wait for a signal of sigset to be pending (the program blocks them first),
    take it without running its handler, and return its number."""
    return _to_signal(_retry("sigtimedwait", _sigset(sigset), None)[0])


def sigwaitinfo(sigset, /) -> struct_siginfo:
    """sigwait, returning the signal's siginfo: who sent it, and why."""
    return struct_siginfo(_retry("sigtimedwait", _sigset(sigset), None))


def sigtimedwait(sigset, timeout, /) -> struct_siginfo | None:
    """sigwaitinfo for at most timeout seconds; None if no signal came."""
    sigs = _sigset(sigset)
    timeout = _seconds(timeout)
    if timeout < 0:
        raise ValueError("timeout must be non-negative")
    info = _retry("sigtimedwait", sigs, _trap("monotonic") + timeout)
    return None if info is None else struct_siginfo(info)


def _seconds(value) -> float:
    """A number of seconds, converted as CPython's _PyTime_FromSecondsObject does."""
    if isinstance(value, float):
        if value != value:
            raise ValueError("Invalid value NaN (not a number)")
        return value
    return float(_index(value))


def pause() -> None:
    """Sleep until a signal is caught; return after its handler ran."""
    try:
        _trap("pause")
    except InterruptedError:
        pass


def alarm(seconds, /) -> int:
    return _trap("alarm", _index(seconds))


def setitimer(which, seconds, interval=0.0, /) -> tuple[float, float]:
    """Arm interval timer which (ITIMER_REAL: SIGALRM; ITIMER_VIRTUAL: SIGVTALRM;
    ITIMER_PROF: SIGPROF) to fire after seconds, then every interval seconds (0
    disarms it); return the old (delay, interval)."""
    which = _index(which)
    seconds, interval = _seconds(seconds), _seconds(interval)
    if which not in (ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF) or seconds < 0 or interval < 0:
        raise ItimerError(_abi.EINVAL, _abi.strerror(_abi.EINVAL))
    return _trap("setitimer", which, seconds, interval)


def getitimer(which, /) -> tuple[float, float]:
    which = _index(which)
    if which not in (ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF):
        raise ItimerError(_abi.EINVAL, _abi.strerror(_abi.EINVAL))
    return _trap("getitimer", which)


def raise_signal(signalnum, /) -> None:
    sig = _index(signalnum)
    if not 0 <= sig < NSIG:
        raise _oserror(_abi.EINVAL)
    _trap("kill", _trap("getpid"), sig)


def pthread_kill(thread_id, signalnum, /) -> None:
    """A virtual process has one thread: signal it."""
    _index(thread_id)
    raise_signal(signalnum)


def siginterrupt(signalnum, flag, /) -> None:
    """Whether a signal interrupts system calls: they are retried anyway (PEP 475)."""
    _signum(signalnum)
    _index(flag)


def set_wakeup_fd(fd, /, *, warn_on_full_buffer=True) -> int:
    """Have each caught signal's number written, as one byte, to fd (a
    non-blocking pipe: how an event loop hears of signals); -1 stops it.
    Returns the fd set before."""
    fd = _index(fd)
    rt = _rt()
    if fd != -1:
        rt.os.fstat(fd)                     # EBADF, as CPython checks
        if rt.os.get_blocking(fd):
            raise ValueError(f"the fd {fd} must be in non-blocking mode")
    old, rt.wakeup_fd = rt.wakeup_fd, fd
    return old


def _wake(fd: int, sig: int) -> None:
    """A caught signal arrived: its byte to the wakeup fd (as CPython's C handler
    writes it, before the Python handler runs); a full pipe drops it."""
    try:
        _trap("write", fd, bytes([sig]))
    except OSError:
        pass


_clinic.wrap_all(globals(), "_signal", _host, [
    "sigwaitinfo", "sigtimedwait", "alarm", "setitimer", "getitimer", "raise_signal",
    "pthread_kill", "siginterrupt", "pause", "strsignal", "valid_signals"])
del annotations
