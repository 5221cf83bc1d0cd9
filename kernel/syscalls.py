"""The trap table: system call name -> the kernel function that does it.

One small function per system call, in sysproc.py (processes, signals, time),
sysfile.py (files, descriptors, pipes, directories) and sysfd.py (more calls on
open descriptors), as in xv6, and syspoll.py and epoll.py (waiting on several
files at once).
"""
from __future__ import annotations

from . import epoll, sysfd, sysfile, syspoll  # noqa: F401  (they register their system calls)
from .sysproc import table

SYSCALLS = table
