"""The `time` module as a virtual process sees it: the kernel's clock."""
from __future__ import annotations

import time as _host
from time import (  # noqa: F401  (pure conversions and the clocks' descriptions, shared)
    struct_time, asctime, strptime, timezone, altzone, daylight, tzname, get_clock_info,
    clock_getres, CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME,
    CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID, CLOCK_TAI,
)

from kernel import abi as _abi
from kernel.errors import oserror as _oserror
from kernel.cpu import machine as _machine


def _trap(call: str, *args):
    return _machine.cpu.trap(call, args)


def time() -> float:
    return _trap("time")


def time_ns() -> int:
    return int(time() * 1e9)


def monotonic() -> float:
    return _trap("monotonic")


def monotonic_ns() -> int:
    return int(monotonic() * 1e9)


perf_counter = monotonic
perf_counter_ns = monotonic_ns


def process_time() -> float:
    return _trap("times")[0]


def process_time_ns() -> int:
    return int(process_time() * 1e9)


thread_time = process_time              # one thread per process
thread_time_ns = process_time_ns


def clock_gettime(clk_id: int) -> float:
    """The kernel's clocks by their Linux names (CLOCK_REALTIME, CLOCK_MONOTONIC, ...)."""
    clock = _CLOCKS.get(clk_id)
    if clock is None:
        raise _oserror(_abi.EINVAL)
    return clock()


def clock_gettime_ns(clk_id: int) -> int:
    return int(clock_gettime(clk_id) * 1e9)


_CLOCKS = {CLOCK_REALTIME: time, CLOCK_MONOTONIC: monotonic, CLOCK_MONOTONIC_RAW: monotonic,
           CLOCK_BOOTTIME: monotonic, CLOCK_PROCESS_CPUTIME_ID: process_time,
           CLOCK_THREAD_CPUTIME_ID: process_time}


def sleep(secs: float) -> None:
    """Block for secs on the kernel's clock; a handled signal does not cut it short (PEP 475)."""
    if not isinstance(secs, (int, float)):
        raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")
    if secs != secs:
        raise ValueError("Invalid value NaN (not a number)")
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    deadline = monotonic() + secs
    while True:
        try:
            _trap("nanosleep", deadline)
            return
        except InterruptedError:
            continue


def gmtime(secs=None) -> struct_time:
    return _host.gmtime(time() if secs is None else secs)


def localtime(secs=None) -> struct_time:
    return _host.localtime(time() if secs is None else secs)


def mktime(t) -> float:
    return _host.mktime(t)


def ctime(secs=None) -> str:
    return _host.ctime(time() if secs is None else secs)


def strftime(fmt: str, t=None) -> str:
    return _host.strftime(fmt, localtime() if t is None else t)
