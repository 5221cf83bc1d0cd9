"""vshell's miniature kernel: processes, scheduling, signals, files, users.

    from kernel import Kernel
    k = Kernel(seed=1, virtual_time=True)
"""
from __future__ import annotations

from .kernel import Kernel
from .proc import Proc, State
from .tty import MemoryConsole

__all__ = ["Kernel", "Proc", "State", "MemoryConsole"]
