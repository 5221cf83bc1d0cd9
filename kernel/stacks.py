"""A program's stack: where CPython's C code calls a program's own code.

CPython calls a program's __main__, its sys.excepthook and its atexit
handlers from C: the program's first frame has no caller (f_back is None),
and its depth counts from there.  So the kernel runs such code on a stack of
its own -- a greenlet whose first Python frame is the program's -- and the
kernel's frames below are not there for the program to see.

A greenlet is cheap to make, but its first Python call costs CPython a fresh
frame stack: an mmap, and a munmap when it ends, about 8 us together, a sixth
of a whole fork + exec + wait.  So a stack whose code returned is kept for the
next program (the CPU keeps a few: Runtime.on_stack).  To be used again a
stack must loop, and its loop must be C code, or its frame would be the
program's caller.  The loop is

    deque(maxlen=1).extend(map(CALL, tasks))

extend keeps the last result; map calls each task (a zero-argument partial)
through CALL, C code too; tasks is a generator that hands the last result
back to whoever asked and waits there for the next task -- suspended while a
task runs, so not in the program's chain of frames.  A program that raises
ends its stack: the exception leaves through the C loop to the caller, as a
fresh greenlet's would, and the next program gets a new stack.

Every stack starts from the limiter's shallow stack (kernel/cpu.py), so the
first frame of every program is at the same depth, whoever asked for it.
"""
from __future__ import annotations

from collections import deque
from operator import methodcaller

from greenlet import greenlet, getcurrent

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterator

# Calls a task: C code, as operator.call (3.11+) is, on every Python version.
CALL = methodcaller("__call__")


def new_stack(limiter: greenlet, limit: int) -> greenlet:
    """A new stack, started from the limiter (at recursion limit limit) and
    left waiting for its first task: switch(task) runs task() on it and
    returns its result, to the stack's parent, which the caller sets to itself."""
    results: deque = deque(maxlen=1)
    stack = greenlet(results.extend)
    limiter.switch(stack, limit, (map(CALL, _tasks(results)),))
    return stack


def _tasks(results: deque) -> Iterator[Callable[[], Any]]:
    """The stack's side of a call: the next task, after handing back the last
    one's result.  (Only the running greenlet is named: a stack that kept a
    reference to itself here would be a cycle for the collector.)"""
    task = getcurrent().parent.switch()         # started: back to its maker
    while True:
        yield task
        # a stack waits for its next task without the last one: what that holds
        # (a program's __main__, freed at exit) must not outlive it
        del task
        task = getcurrent().parent.switch(results.pop())
