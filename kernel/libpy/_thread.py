"""`_thread` as a virtual process sees it: one thread, and locks that work in it.

A vshell process has one thread of control -- its context on the CPU -- so
threading, and the standard modules built on it (logging, subprocess, queue),
get locks that behave as CPython's do in a program that never starts a thread:
a free lock is taken at once; a held one is waited for as the only thread
would wait, asleep in the kernel (for ever, or until the timeout), where a
signal's handler still runs and may release it.  Starting a thread is refused:
its code would run on the host, outside every process and its kernel.
"""
from __future__ import annotations

from _thread import TIMEOUT_MAX  # noqa: F401
from operator import index as _index

from kernel.libpy.os import _trap

error = RuntimeError
_EXPORTED = ("_count", "_set_sentinel", "_local",     # what threading.py takes of the private ones
             "_ThreadHandle", "_make_thread_handle", "_get_main_thread_ident",     # (3.13's)
             "_is_main_interpreter", "_shutdown")
_IDENT = 1                  # get_ident(): the one thread's number (an address in CPython)


def start_new_thread(function, args, kwargs=None, /):
    """Refused: a vshell process has one thread."""
    raise RuntimeError("can't start new thread: a vshell process has one thread "
                       "(another would run on the host, outside the kernel)")


start_new = start_new_thread


def start_joinable_thread(function, handle=None, daemon=True):
    """Python 3.13's threading starts its threads here: refused, as start_new_thread."""
    return start_new_thread(function, ())


class _ThreadHandle:
    """Python 3.13's threading keeps a thread's ident and its end in a handle:
    here only the one thread's (and those of threads that never start)."""

    def __init__(self) -> None:
        self.ident: int | None = None
        self._done = False

    def is_done(self) -> bool:
        return self._done

    def _set_done(self) -> None:
        self._done = True

    def join(self, timeout: float | None = None) -> None:
        if not self._done:      # (threading refuses to join the current thread first)
            raise RuntimeError("Cannot join current thread")

    def __repr__(self) -> str:
        return f"<_thread._ThreadHandle object: ident={self.ident}>"


_ThreadHandle.__module__ = "_thread"


def _make_thread_handle(ident: int) -> _ThreadHandle:
    handle = _ThreadHandle()
    handle.ident = ident
    return handle


def _get_main_thread_ident() -> int:
    return _IDENT


def _is_main_interpreter() -> bool:
    return True


def _shutdown() -> None:
    """At exit, 3.13's threading waits here for the non-daemon threads: there are none."""


def get_ident() -> int:
    return _IDENT


def get_native_id() -> int:
    """The kernel's id of the thread: a process's only thread has its pid, as on Linux."""
    return _trap("getpid")


def _count() -> int:
    return 0                            # threads started by start_new_thread and still running


def stack_size(size: int = 0, /) -> int:
    size = _index(size)
    if size != 0 and size < 32768:
        raise ValueError(f"size not valid: {size} bytes")
    return 0


def exit() -> None:
    raise SystemExit


exit_thread = exit


def interrupt_main(signum: int = 2, /) -> None:
    _trap("kill", _trap("getpid"), _index(signum))


def daemon_threads_allowed() -> bool:
    return True


class LockType:
    """A lock (threading.Lock).  Held by the one thread or free."""
    __slots__ = ("_locked", "__weakref__")

    def __init__(self) -> None:
        self._locked = False

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        """Take the lock; if it is held, wait for it (up to timeout seconds)."""
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be positive")
        if self._locked and blocking:
            _wait_for(self, None if timeout == -1 else timeout)
        if self._locked:
            return False
        self._locked = True
        return True

    def release(self) -> None:
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    def locked(self) -> bool:
        return self._locked

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()

    def _at_fork_reinit(self) -> None:
        self._locked = False

    def __repr__(self) -> str:
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


def _wait_for(lock: LockType, timeout: float | None) -> None:
    """The only thread waits for a lock it holds itself: nothing but a signal's
    handler can release it.  Sleep in the kernel until one has, or time is up."""
    deadline = None if timeout is None else _trap("monotonic") + timeout
    while lock._locked:
        if deadline is None:
            try:
                _trap("pause")
            except InterruptedError:
                continue
        elif _trap("monotonic") >= deadline:
            return
        else:
            try:
                _trap("nanosleep", deadline)
            except InterruptedError:
                continue


LockType.__name__ = LockType.__qualname__ = "lock"
LockType.__module__ = "_thread"


def allocate_lock() -> LockType:
    return LockType()


allocate = allocate_lock
_set_sentinel = allocate_lock


class RLock:
    """A reentrant lock: its owner may take it again; released as often as taken."""

    def __init__(self) -> None:
        self._block = LockType()
        self._owner = 0
        self._count = 0

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        me = get_ident()
        if self._owner == me and self._count:
            self._count += 1
            return True
        if not self._block.acquire(blocking, timeout):
            return False
        self._owner, self._count = me, 1
        return True

    def release(self) -> None:
        if self._owner != get_ident() or not self._count:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = 0
            self._block.release()

    __enter__ = acquire

    def __exit__(self, *exc) -> None:
        self.release()

    def _is_owned(self) -> bool:
        return self._count > 0 and self._owner == get_ident()

    def _release_save(self) -> tuple[int, int]:
        if not self._count:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count, self._owner = 0, 0
        self._block.release()
        return state

    def _acquire_restore(self, state: tuple[int, int]) -> None:
        self._block.acquire()
        self._count, self._owner = state

    def _at_fork_reinit(self) -> None:
        self._block._at_fork_reinit()
        self._owner, self._count = 0, 0

    def __repr__(self) -> str:
        state = "locked" if self._block.locked() else "unlocked"
        return (f"<{state} _thread.RLock object owner={self._owner} count={self._count} "
                f"at {id(self):#x}>")


RLock.__module__ = "_thread"


class _local:
    """threading.local: with one thread, its attributes are simply the object's."""

    def __new__(cls, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        return object.__new__(cls)


_local.__module__ = "_thread"
