"""Resource limits: how much of the machine one process may use (getrlimit(2)).

Each process has a soft and a hard limit for each resource.  The kernel
enforces the soft one; a process may lower either, and raise its soft limit up
to the hard one, but only root may raise a hard limit.  Limits are inherited by
fork and kept across exec -- which is how a shell's `ulimit` limits the
commands it runs, and why it can never get back what it gave up.

Six are enforced: RLIMIT_NPROC (fork: EAGAIN), RLIMIT_NOFILE (open, dup,
pipe: EMFILE), RLIMIT_FSIZE (write: SIGXFSZ, then EFBIG), RLIMIT_CPU
(SIGXCPU every second past the soft limit, SIGKILL at the hard one: watched
as a CPU-time timer, kernel/signals.py's cpu_limit), and RLIMIT_AS and
RLIMIT_DATA (MemoryError: the host's own address space is capped while the
process runs, kernel/memlimit.py).  The others are kept and reported, as a
program may ask for them.
"""
from __future__ import annotations

from . import abi
from .errors import oserror

# Linux's numbers, which Python's resource module exposes.
(RLIMIT_CPU, RLIMIT_FSIZE, RLIMIT_DATA, RLIMIT_STACK, RLIMIT_CORE, RLIMIT_RSS,
 RLIMIT_NPROC, RLIMIT_NOFILE, RLIMIT_MEMLOCK, RLIMIT_AS, RLIMIT_LOCKS,
 RLIMIT_SIGPENDING, RLIMIT_MSGQUEUE, RLIMIT_NICE, RLIMIT_RTPRIO, RLIMIT_RTTIME) = range(16)
RLIM_NLIMITS = 16
RLIM_INFINITY = 2**64 - 1         # an rlim_t with every bit set; Python shows it as -1
NOFILE_MAX = 1 << 20              # Linux's fs.nr_open: no fd table grows past this

INF = RLIM_INFINITY
DEFAULTS = {                      # (soft, hard) as a Linux login session starts
    RLIMIT_STACK: (8 << 20, INF), RLIMIT_CORE: (0, INF), RLIMIT_NOFILE: (1024, 4096),
    RLIMIT_MEMLOCK: (8 << 20, 8 << 20), RLIMIT_SIGPENDING: (63_000, 63_000),
    RLIMIT_MSGQUEUE: (819_200, 819_200), RLIMIT_NICE: (0, 0), RLIMIT_RTPRIO: (0, 0),
}


class Limits:
    """One process's limits: resource -> (soft, hard)."""
    __slots__ = ("table",)

    def __init__(self, nproc: int) -> None:
        self.table = [DEFAULTS.get(r, (INF, INF)) for r in range(RLIM_NLIMITS)]
        self.table[RLIMIT_NPROC] = (nproc, nproc)

    def copy(self) -> "Limits":
        """fork's copy (exec keeps the same one): the pairs are tuples, shared."""
        new = Limits.__new__(Limits)
        new.table = self.table.copy()
        return new

    def soft(self, resource: int) -> int:
        return self.table[resource][0]

    def get(self, resource: int) -> tuple[int, int]:
        check(resource)
        soft, hard = self.table[resource]
        return soft, hard

    def set(self, resource: int, soft: int, hard: int, privileged: bool) -> None:
        """setrlimit's rules: soft <= hard, and only root raises a hard limit."""
        check(resource)
        if soft > hard:
            raise oserror(abi.EINVAL)
        if hard > self.table[resource][1] and not privileged:
            raise oserror(abi.EPERM)
        if resource == RLIMIT_NOFILE and hard > NOFILE_MAX:
            raise oserror(abi.EPERM)            # as Linux: not beyond fs.nr_open, even root
        self.table[resource] = (soft, hard)


def check(resource: int) -> None:
    if not 0 <= resource < RLIM_NLIMITS:
        raise oserror(abi.EINVAL)
