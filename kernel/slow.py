"""/dev/slow: a device that moves one byte per tick.

OSTEP's process-run.py has processes issue I/O that takes a fixed number of
ticks, during which the process is BLOCKED and the CPU runs another one (or
idles).  /dev/slow is such a device, for real: a read or a write of N bytes
keeps the caller BLOCKED for N ticks of the CPU's clock (kernel/cpu.py's
sleep_ticks), then completes.  A read gives zero bytes of data, like
/dev/zero, only slowly.
"""
from __future__ import annotations


from . import abi
from .errors import oserror
from .tty import Null

WHY = "I/O"                 # what ps shows a process waiting for


class Slow(Null):
    def read(self, k, p, f, n: int) -> bytes:
        transfer(k, p, n)
        return bytes(n)

    def write(self, k, p, f, data: bytes) -> int:
        transfer(k, p, len(data))
        return len(data)


def transfer(k, p, ticks: int) -> None:
    if k.cpu.sleep_ticks(p, ticks, WHY):
        raise oserror(abi.EINTR)
