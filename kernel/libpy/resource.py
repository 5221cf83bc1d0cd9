"""The `resource` module as a virtual process sees it: the kernel's resource limits.

getrlimit, setrlimit and prlimit trap into the kernel, with CPython's checks and
errors (a ValueError for a bad resource or a refused limit, an OSError for a
missing or foreign process); RLIM_INFINITY is -1, as CPython shows it on Linux.
getrusage reports the CPU time the kernel counted; a virtual process has no
page faults or resident memory to report, so those fields are 0.
"""
from __future__ import annotations

from operator import index as _index
from resource import struct_rusage  # the host's record type

from kernel import abi as _abi
from kernel import limits as _limits
from kernel.libpy.os import _trap

from kernel.limits import (  # noqa: F401  (Linux's numbers)
    RLIMIT_AS, RLIMIT_CORE, RLIMIT_CPU, RLIMIT_DATA, RLIMIT_FSIZE, RLIMIT_MEMLOCK,
    RLIMIT_MSGQUEUE, RLIMIT_NICE, RLIMIT_NOFILE, RLIMIT_NPROC, RLIMIT_RSS, RLIMIT_RTPRIO,
    RLIMIT_RTTIME, RLIMIT_SIGPENDING, RLIMIT_STACK,
)

RLIMIT_OFILE = RLIMIT_NOFILE
RLIM_INFINITY = -1
RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_THREAD = 0, -1, 1
error = OSError
_WORD = 1 << 64                   # an rlim_t is an unsigned 64-bit number


def _resource(resource) -> int:
    resource = _index(resource)
    if not 0 <= resource < _limits.RLIM_NLIMITS:
        raise ValueError("invalid resource specified")
    return resource


def _from_kernel(value: int) -> int:
    """As CPython reads an rlim_t: -1 for infinity, else a signed 64-bit number."""
    if value == _limits.RLIM_INFINITY:
        return RLIM_INFINITY
    return value - _WORD if value >= _WORD >> 1 else value


def _to_kernel(limits) -> tuple[int, int]:
    """As CPython writes one: a C long long each, so -1 is every bit set."""
    pair = tuple(limits)
    if len(pair) != 2:
        raise ValueError("expected a tuple of 2 integers")
    out = []
    for value in pair:
        value = _index(value)
        if not -(_WORD >> 1) <= value < _WORD >> 1:
            raise OverflowError("Python int too large to convert to C long")
        out.append(value % _WORD)
    return out[0], out[1]


def _refused(e: OSError) -> Exception:
    if e.errno == _abi.EINVAL:
        return ValueError("current limit exceeds maximum limit")
    if e.errno == _abi.EPERM:
        return ValueError("not allowed to raise maximum limit")
    return e


def getrlimit(resource) -> tuple[int, int]:
    soft, hard = _trap("getrlimit", _resource(resource))
    return _from_kernel(soft), _from_kernel(hard)


def setrlimit(resource, limits) -> None:
    resource = _resource(resource)
    pair = _to_kernel(limits)
    try:
        _trap("setrlimit", resource, pair)
    except OSError as e:
        raise _refused(e) from None


def prlimit(pid, resource, limits=None) -> tuple[int, int]:
    pid, resource = _index(pid), _resource(resource)
    pair = None if limits is None else _to_kernel(limits)
    try:
        soft, hard = _trap("prlimit", pid, resource, pair)
    except OSError as e:
        if e.errno == _abi.EINVAL:
            raise ValueError("current limit exceeds maximum limit") from None
        raise
    return _from_kernel(soft), _from_kernel(hard)


def getrusage(who) -> struct_rusage:
    who = _index(who)
    if who not in (RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_THREAD):
        raise ValueError("invalid who parameter")
    own, children, _ = _trap("times")
    cpu = children if who == RUSAGE_CHILDREN else own
    return struct_rusage((cpu, 0.0) + (0,) * 14)


def getpagesize() -> int:
    return 4096
