"""The trap table: system call name -> the kernel function that does it.

One small function per system call, in sysproc.py (processes, signals, time)
and sysfile.py (files, descriptors, pipes, directories), as in xv6.
"""
from __future__ import annotations

from . import sysfile  # noqa: F401  (registers the file system calls)
from .sysproc import table

SYSCALLS = table
