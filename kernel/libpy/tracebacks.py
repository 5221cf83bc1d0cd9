"""What a program sees of its stack: its frames, and tracebacks as CPython prints them.

A program's code calls into the kernel (a system call is a Python call), and
the kernel calls back into it (a signal handler, an imported module's body), so
one Python stack interleaves the two.  CPython has no such frames -- its kernel
is C -- so wherever a program meets frames (a traceback, a signal handler's
frame argument, traceback.print_stack()) the kernel's are left out, and so are
the standard library's frames that the kernel, not the program, called, and
those of /bin/python, which stands for CPython itself when it runs a script.

Tracebacks are made by the standard traceback module's own code -- position
lines (~~~^^^), chained exceptions, SyntaxError's layout and all -- run in the
process over those frames, with source lines from the process's linecache
(kernel/libpy/linecache.py), which reads the program's files from the virtual
file system.
"""
from __future__ import annotations

import os as _host_os

from functools import partial
from posixpath import basename as _basename

from kernel.cpu import KERNEL_DIRS, machine
from kernel.libpy.sys import PYTHONS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import FrameType, ModuleType, TracebackType
    from typing import Iterable, Iterator

KERNEL = KERNEL_DIRS[0]                                  # kernel/ (and its libpy/)
STDLIB = _host_os.path.dirname(_host_os.__file__) + _host_os.sep


def is_kernel(filename: str) -> bool:
    return filename.startswith(KERNEL)


def is_stdlib(filename: str) -> bool:
    return filename.startswith(STDLIB) or filename.startswith("<frozen ")


def interpreter() -> str | None:
    """The running program's file, when that program is the Python interpreter
    itself (/bin/python running a script): its frames stand for CPython's C."""
    p = machine.cpu.current if machine.cpu is not None else None
    image = p.image if p is not None else None
    if image is None or image.inode is None or _basename(image.path) not in PYTHONS:
        return None
    return image.filename


def shown(frame: FrameType) -> bool:
    """Is this frame the program's (or a standard module's that the program called)?"""
    filename = frame.f_code.co_filename
    if is_kernel(filename) or filename == interpreter() or in_c(filename, frame.f_code.co_name):
        return False
    if not is_stdlib(filename) or frame.f_code.co_name == "<module>":
        return True                            # the program's code, or a module being imported
    caller = frame.f_back
    while caller is not None and is_stdlib(caller.f_code.co_filename):
        caller = caller.f_back
    return caller is None or not is_kernel(caller.f_code.co_filename)


_C_STANDINS: list[dict[str, frozenset[str] | None]] = []     # made on first use


def in_c(filename: str, function: str) -> bool:
    """Is this a function of a standard module that a process runs in Python where
    CPython runs its C accelerator (kernel/libpy/runtime.py's PURE)?  C has no
    frames.  All of datetime is C; of warnings, warn and warn_explicit (C calls
    back into warnings.py's _showwarnmsg, whose frame python3 shows)."""
    if not _C_STANDINS:
        from importlib import import_module
        from importlib.util import find_spec
        from kernel.libpy.runtime import PURE
        standins: dict[str, frozenset[str] | None] = {}
        for name, accelerator in PURE.items():
            spec = find_spec("_py" + name) or find_spec(name)
            if spec is not None and spec.origin is not None and find_spec(accelerator) is not None:
                standins[spec.origin] = None if name == "datetime" else frozenset(
                    n for n in dir(import_module(accelerator)) if not n.startswith("__"))
        _C_STANDINS.append(standins)
    standins = _C_STANDINS[0]
    if filename not in standins:
        return False
    names = standins[filename]
    return names is None or function in names


def interrupted(frame: FrameType | None) -> FrameType | None:
    """The program's frame running at or below frame (what a signal interrupted)."""
    while frame is not None and not shown(frame):
        frame = frame.f_back
    return frame


def only_shown(frame_gen: Iterable) -> Iterator:
    """(frame, position) pairs as the traceback module walks them, the kernel's left out."""
    for item in frame_gen:
        if shown(item[0]):
            yield item


def programs(tb: TracebackType | None) -> TracebackType | None:
    """An uncaught exception's traceback from the program's first frame on: the
    kernel's frames that ran the program and caught it left out, as CPython's C."""
    while tb is not None and is_kernel(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    return tb


def detach(e: BaseException, kernels: BaseException) -> None:
    """Cut the kernel's exception out of e's context chain: it was being handled
    in kernel code when the program's code (a signal handler, a hook) raised e."""
    seen = set()
    link: BaseException | None = e
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        if link.__context__ is kernels:
            link.__context__ = None
            return
        link = link.__context__


def adapt(module: ModuleType) -> ModuleType:
    """Make a process's copy of the traceback module walk only the frames the
    program may see (every stack it extracts goes through one class method)."""
    summary = module.StackSummary
    name = ("_extract_from_extended_frame_gen"            # 3.11+
            if "_extract_from_extended_frame_gen" in vars(summary) else "extract")
    extract = getattr(summary, name).__func__

    def extract_shown(klass, frame_gen, *args, **kwargs):
        return extract(klass, only_shown(frame_gen), *args, **kwargs)
    setattr(summary, name, classmethod(extract_shown))
    return module


def format_exception(traceback: ModuleType, e: BaseException, chain: bool = True,
                     source: bool = True) -> str:
    """The text CPython prints for an uncaught exception (chain=False: for an
    ignored one, which CPython prints without its causes; source=False: without
    source lines, as while the interpreter is finalized)."""
    te = traceback.TracebackException(type(e), e, e.__traceback__, compact=True)
    if not hasattr(traceback, "_compute_suggestion_error"):     # 3.10, 3.11: C's, as pythonrun.c
        hint = suggestion(e)
        if hint is not None:
            te._str += f". Did you mean: '{hint}'?"
    if not source:
        for frame in te.stack:
            if hasattr(type(frame), "_lines"):      # 3.13 keeps them in _lines (__slots__)
                frame._lines = ""
            else:
                frame._line = ""
    if isinstance(e, SyntaxError):
        te._format_syntax_error = partial(_c_syntax_error, te, traceback.linecache)
    return "".join(te.format(chain=chain))


def _c_syntax_error(te, linecache: ModuleType, stype: str, **options) -> Iterator[str]:
    """A SyntaxError as pythonrun.c prints an uncaught one (traceback.py's layout
    differs a little): the line read from the file if the error has none;
    leading spaces, tabs and form feeds stripped, no caret left of the text; an
    IndentationError's caret one character wide.  (options: 3.13's traceback.py
    passes colorize=, which a file never gets.)"""
    if te.lineno is not None:
        yield f'  File "{te.filename or "<string>"}", line {te.lineno}\n'
    text = te.text
    if text is None and te.filename and te.lineno:
        text = linecache.getline(te.filename, int(te.lineno)) or None
    if text is not None:
        offset, end_offset = te.offset or 0, te.end_offset or 0
        carets = end_offset - offset if end_offset > offset else 1
        if issubclass(te.exc_type, IndentationError):
            carets = 1
        offset -= 1
        stripped = text.lstrip(" \t\f")
        offset -= len(text) - len(stripped)
        text = stripped
        length = len(text) - text.endswith("\n")
        offset = min(offset, length)
        while "\n" in text[:offset]:                 # past newlines inside the text
            skip = text.index("\n") + 1
            text, length, offset = text[skip:], length - skip, offset - skip
        yield "    " + text + ("" if text[length:length + 1] == "\n" else "\n")
        if offset >= 0:
            yield "    " + " " * offset + "^" * carets + "\n"
    yield f"{stype}: {te.msg or '<no detail available>'}\n"


# ---- "Did you mean": Python/suggestions.c ---------------------------------------
# CPython 3.10 and 3.11 add the hint when their C code prints an uncaught
# NameError or AttributeError (3.12 moved it into traceback.py, which a process
# then runs itself).  The same search, with the same costs and limits, so the
# same typo gets the same hint.

MAX_CANDIDATE_ITEMS = 750
MAX_STRING_SIZE = 40
MOVE_COST = 2
CASE_COST = 1


def _substitution_cost(a: int, b: int) -> int:
    if a & 31 != b & 31:
        return MOVE_COST
    if a == b:
        return 0
    if 65 <= a <= 90:
        a += 32
    if 65 <= b <= 90:
        b += 32
    return CASE_COST if a == b else MOVE_COST


def levenshtein(a: bytes, b: bytes, max_cost: int) -> int:
    """suggestions.c's levenshtein_distance: edits weighted, cut off past max_cost."""
    if a == b:
        return 0
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    end = 0
    while end < len(a) and end < len(b) and a[-1 - end] == b[-1 - end]:
        end += 1
    if end:
        a, b = a[:-end], b[:-end]
    if not a or not b:
        return (len(a) + len(b)) * MOVE_COST
    if len(a) > MAX_STRING_SIZE or len(b) > MAX_STRING_SIZE:
        return max_cost + 1
    if len(b) < len(a):
        a, b = b, a
    if (len(b) - len(a)) * MOVE_COST > max_cost:
        return max_cost + 1
    row = [(i + 1) * MOVE_COST for i in range(len(a))]
    result = 0
    for b_index, code in enumerate(b):
        distance = result = b_index * MOVE_COST
        minimum = None
        for index, char in enumerate(a):
            substitute = distance + _substitution_cost(code, char)
            distance = row[index]
            result = min(min(result, distance) + MOVE_COST, substitute)
            row[index] = result
            if minimum is None or result < minimum:
                minimum = result
        if minimum is not None and minimum > max_cost:
            return max_cost + 1
    return result


def closest(names: list, name: str) -> str | None:
    """calculate_suggestions: the nearest of names, if near enough."""
    if len(names) >= MAX_CANDIDATE_ITEMS:
        return None
    wanted = name.encode("utf-8", "surrogatepass")
    best, best_distance = None, None
    for item in names:
        if not isinstance(item, str) or item == name:
            continue
        candidate = item.encode("utf-8", "surrogatepass")
        max_distance = (len(wanted) + len(candidate) + 3) * MOVE_COST // 6
        if best_distance is not None:
            max_distance = min(max_distance, best_distance - 1)
        distance = levenshtein(wanted, candidate, max_distance)
        if distance > max_distance:
            continue
        if best_distance is None or distance < best_distance:
            best, best_distance = item, distance
    return best


def suggestion(e: BaseException) -> str | None:
    """_Py_Offer_Suggestions: a name near the missing one, for a NameError (the
    failing frame's locals, then its globals, then builtins) or an AttributeError
    (dir() of the object)."""
    name = getattr(e, "name", None)
    if not isinstance(name, str) or type(name) is not str:
        return None
    try:
        if isinstance(e, NameError):
            tb = e.__traceback__
            if tb is None:
                return None
            while tb.tb_next is not None:
                tb = tb.tb_next
            frame = tb.tb_frame
            for names in (frame.f_code.co_varnames, frame.f_globals, frame.f_builtins):
                hint = closest(list(names), name)
                if hint is not None:
                    return hint
            return None
        if isinstance(e, AttributeError):
            obj = getattr(e, "obj", None)
            return None if obj is None else closest(dir(obj), name)
    except Exception:                              # (a __dir__ that fails: no hint, as in C)
        return None
    return None
