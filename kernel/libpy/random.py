"""The `random` module as a virtual process sees it (run in each process that imports it).

CPython's own generator, seeded from the kernel's entropy instead of the host's:
the module's generator, Random() and random.seed() without a seed, and every
draw of SystemRandom come from os.urandom -- a system call.  So a seeded machine
repeats its random numbers, and a child rebuilt by fork replay holds exactly the
generator state its parent had (the module's own generator is then reseeded
in the child, as CPython does, so that the two draw different numbers).
"""
import os as _os
from os import urandom as _urandom

TYPE_CHECKING = False
if TYPE_CHECKING:
    import random as _host
else:
    _host = globals()["_host"]              # the host's random module, handed in by the runtime


class Random(_host.Random):
    """CPython's Mersenne Twister; without a seed it takes one from the kernel."""

    def seed(self, a=None, version=2):
        if a is None:
            a = int.from_bytes(_urandom(2496), "little")    # 624 words, as CPython reads
        super().seed(a, version)


class SystemRandom(Random):
    """Random numbers straight from the kernel's entropy (os.urandom), as CPython's."""

    def random(self):
        return (int.from_bytes(_urandom(7), "big") >> 3) * _host.RECIP_BPF

    def getrandbits(self, k):
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        numbytes = (k + 7) // 8
        x = int.from_bytes(_urandom(numbytes), "big")
        return x >> (numbytes * 8 - k)

    def randbytes(self, n):
        return _urandom(n)

    def seed(self, *args, **kwds):
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError("System entropy source does not have state.")

    getstate = setstate = _notimplemented


_inst = Random()
_os.register_at_fork(after_in_child=_inst.seed)     # as CPython: parent and child draw apart
# The module's functions are its generator's methods, and its constants CPython's.
for _name, _value in vars(_host).items():
    if getattr(_value, "__self__", None) is _host._inst:
        globals()[_name] = getattr(_inst, _name)
    elif _name.isupper() or _name == "__all__":
        globals()[_name] = _value
del _name, _value
