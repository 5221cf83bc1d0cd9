"""Deep nesting without deep recursion.

dash runs 3,000 nested braces and functions that call themselves 1,000 deep;
Python's stack holds a few thousand frames.  So the parser and the runner are
written as generators: where a recursive function would call itself, they
yield the call instead --

    body = yield self.compound_list("}")        # (the parser)
    status = yield self.run(node.body)          # (the runner)

-- and `drive` runs what was yielded and sends its result back.  The nesting
lives on a list, not on Python's stack, as in Beazley's coroutine OS, where
`yield` is the trap into the scheduler.  An exception unwinds the list as it
would unwind the stack: it is thrown into each waiting generator in turn, so
their `try`/`finally` blocks run as usual.  A yielded plain value (a builtin's
status, say) is sent straight back.
"""
from __future__ import annotations

from types import GeneratorType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Generator

    Steps = Generator[Any, Any, Any]


def drive(steps: Any) -> Any:
    """Run steps (a generator, or already a value) to its result."""
    if type(steps) is not GeneratorType:
        return steps
    waiting: list[Steps] = []          # the callers, innermost last
    current: Steps = steps
    value: Any = None
    error: BaseException | None = None
    while True:
        try:
            if error is None:
                call = current.send(value)
            else:
                thrown, error = error, None
                call = current.throw(thrown)
        except StopIteration as stop:
            if not waiting:
                return stop.value
            current, value = waiting.pop(), stop.value
            continue
        except BaseException as e:
            if not waiting:
                raise
            current, error = waiting.pop(), e
            continue
        if type(call) is GeneratorType:
            waiting.append(current)
            current, value = call, None
        else:
            value = call
