"""The trap table: system call name -> the kernel function that does it.

One small function per system call, in sysproc.py (processes, signals, time),
sysfile.py (files, descriptors, pipes, directories) and sysfd.py (more calls on
open descriptors), as in xv6.
"""
from __future__ import annotations

from . import sysfd, sysfile  # noqa: F401  (register the file system calls)
from .sysproc import table

SYSCALLS = table
