"""Ticks: preemption points counted in the program's own execution.

A process that computes without making system calls must still be preempted,
and -- with a seed -- at the same points on every run.  A host timer cannot
promise that: where it fires depends on the host's speed.  So the loader
compiles ticks into every program, as some real systems count instructions
(IBM's virtual machines, Go's loop preemption): `__tick__(__ticks__, True)` at
the top of every loop body, every comprehension step and every function body.
Every TICK_EDGES of them make one tick of CPU time for the kernel: it charges
the tick, lets timers expire, preempts a process whose slice is used up and
delivers pending signals -- always at the same points of the program.

The call is cheap because it is C all the way: `__tick__` is the builtin
`next` and `__ticks__` an itertools pipeline over blocks of TICK_EDGES items;
only the last item of a block runs Python code (the kernel's `compute_tick`,
when compress() tests its truth).  `next` is one of the calls CPython makes
without a recursion check, so a program's RecursionError reads as under
python3.  (Only a block's last tick, in a frame exactly at the program's
recursion limit, cannot even start its Python code: it raises that
RecursionError -- once in TICK_EDGES such steps -- and the count goes on.)

Every `except` and `finally` block begins with `__except__()`, which does
nothing (it is `tuple`: C, no frame, no recursion check) -- until the process
leaves its program (exit, exec, a fatal signal): then it, and `__ticks__`, are
replaced by ones that raise the exit again, so that no handler of the program
runs: `except BaseException: pass` cannot survive SIGKILL, and -- as on Unix --
finally blocks do not run when a process is killed or calls `os._exit`.
"""
from __future__ import annotations

import ast
import sys
from itertools import chain, compress, repeat

from kernel.cpu import machine

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

TICK_EDGES = 1000           # loop steps and calls per tick of CPU time
TICK, TICKS, EXCEPT = "__tick__", "__ticks__", "__except__"     # names in a program's builtins
ONLY_AST = ast.PyCF_ONLY_AST
CHECKED_C_CALLS = sys.version_info < (3, 11)    # a C call counts against the limit (_tick_statement)


# ---- the compiler pass --------------------------------------------------------------------

def instrument(tree: ast.Module, preemption: bool = True) -> ast.Module:
    """Add ticks to a program's syntax tree: in loops and function bodies when
    preemption points are wanted, in except and finally blocks always."""
    tree = _Ticks(preemption).visit(tree)
    return ast.fix_missing_locations(tree)


def _tick(where: ast.AST) -> ast.Call:
    """__tick__(__ticks__, True), placed where the statement it precedes is."""
    return _located(ast.Call(_located(ast.Name(TICK, ast.Load()), where),
                             [_located(ast.Name(TICKS, ast.Load()), where),
                              _located(ast.Constant(True), where)], []), where)


def _tick_statement(where: ast.AST) -> ast.stmt:
    """A tick as a statement (a function's or a loop's first).  Python 3.10
    checks the recursion limit when a frame calls a C function such as `next`
    (3.11 calls it directly), so in a frame exactly at the program's limit the
    call would raise RecursionError where python3.10's program runs on: there
    the statement is `for [] in __ticks__: break`, whose step is C code with no
    check (each item unpacks to nothing)."""
    if not CHECKED_C_CALLS:
        return ast.copy_location(ast.Expr(_tick(where)), where)
    target = _located(ast.List([], ast.Store()), where)
    ticks = _located(ast.Name(TICKS, ast.Load()), where)
    return _located(ast.For(target, ticks, [_located(ast.Break(), where)], []), where)


def _except(where: ast.AST) -> ast.Call:
    return _located(ast.Call(_located(ast.Name(EXCEPT, ast.Load()), where), [], []), where)


def _located(node, where: ast.AST):
    ast.copy_location(node, where)
    node.end_lineno = getattr(where, "end_lineno", None)
    node.end_col_offset = getattr(where, "end_col_offset", None)
    return node


def _prepend(body: list[ast.stmt], call=_tick, skip_docstring: bool = False) -> None:
    """A call before the first statement (after a docstring, which must stay first)."""
    first = 1 if skip_docstring and _is_docstring(body[0]) and len(body) > 1 else 0
    where = body[first]
    if call is _tick:
        body.insert(first, _tick_statement(where))
    else:
        body.insert(first, ast.copy_location(ast.Expr(call(where)), where))


def _is_docstring(stmt: ast.stmt) -> bool:
    return (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str))


class _Ticks(ast.NodeTransformer):
    def __init__(self, preemption: bool) -> None:
        self.preemption = preemption

    def _loop(self, node):
        self.generic_visit(node)
        if self.preemption:
            _prepend(node.body)
        return node

    visit_For = visit_AsyncFor = visit_While = _loop

    def _function(self, node):
        self.generic_visit(node)
        if self.preemption:
            _prepend(node.body, skip_docstring=True)
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = _function

    def visit_comprehension(self, node: ast.comprehension) -> ast.comprehension:
        self.generic_visit(node)
        if self.preemption:
            node.ifs.append(_tick(node.target))       # always true: a tick per step
        return node

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> ast.ExceptHandler:
        self.generic_visit(node)
        _prepend(node.body, _except)
        return node

    def _try(self, node):
        self.generic_visit(node)
        if node.finalbody:
            _prepend(node.finalbody, _except)
        return node

    visit_Try = _try
    if hasattr(ast, "TryStar"):
        visit_TryStar = _try


# ---- the counter a process's program calls ------------------------------------------------

class _Tick:
    """The last item of a block: testing its truth is the kernel's turn."""
    __slots__ = ()

    def __bool__(self) -> bool:
        cpu = machine.cpu
        try:
            sys.setrecursionlimit(cpu.kernel_limit)     # room for the kernel (cpu.resume)
        except RecursionError:      # the program is a frame from its limit: python3 would
            return True             # not fail here, so the kernel's turn waits a block
        cpu.compute_tick()
        return True


BLOCK = (True,) * (TICK_EDGES - 1) + (_Tick(),)
STEP: Iterator[object] = iter(())     # every item of __ticks__: true, and it unpacks to nothing (_tick_statement)


def counter() -> Iterator[object]:
    """`__ticks__`: a true item (STEP) at every step, and every TICK_EDGES steps
    the kernel's turn first (a signal handler may tick meanwhile: the count goes on).  If
    the kernel's turn raises, the exception goes to the program at that tick."""
    return compress(repeat(STEP), chain.from_iterable(repeat(BLOCK)))


class Raiser:
    """`__ticks__` and `__except__` of a process leaving its program: raise exc again."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def __iter__(self) -> Raiser:
        return self

    def __next__(self) -> bool:
        raise self.exc

    def __call__(self) -> None:
        raise self.exc
