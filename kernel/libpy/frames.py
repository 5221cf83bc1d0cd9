"""Which frames a program may see: its own and the standard library's, never the kernel's.

A program's code calls into the kernel (a system call is a Python call), and
the kernel calls back into it (a signal handler, an imported module's body), so
one Python stack interleaves the two.  CPython has no such frames -- its kernel
is C -- so wherever a program meets frames (a traceback, a signal handler's
frame argument, traceback.print_stack()) the kernel's are left out, and so are
the standard library's frames that the kernel, not the program, called.
"""
from __future__ import annotations

import os as _host_os

from kernel.cpu import KERNEL_DIRS

KERNEL = KERNEL_DIRS[0]                                  # kernel/ (and its libpy/)
STDLIB = _host_os.path.dirname(_host_os.__file__) + _host_os.sep


def is_kernel(filename: str) -> bool:
    return filename.startswith(KERNEL)


def is_stdlib(filename: str) -> bool:
    return filename.startswith(STDLIB) or filename.startswith("<frozen ")


def shown(frame) -> bool:
    """Is this frame the program's (or a standard module's the program called)?"""
    filename = frame.f_code.co_filename
    if is_kernel(filename):
        return False
    if not is_stdlib(filename) or frame.f_code.co_name == "<module>":
        return True                            # the program's code, or a module being imported
    caller = frame.f_back
    while caller is not None and is_stdlib(caller.f_code.co_filename):
        caller = caller.f_back
    return caller is None or not is_kernel(caller.f_code.co_filename)


def interrupted(frame):
    """The program's frame that is running at or below frame (what a signal interrupted)."""
    while frame is not None and not shown(frame):
        frame = frame.f_back
    return frame


def only_shown(frame_gen):
    """Filter (frame, position) pairs, as the traceback module walks them."""
    for item in frame_gen:
        if shown(item[0]):
            yield item
