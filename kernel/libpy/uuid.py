"""The `uuid` module as a virtual process sees it (run in each process that imports it).

CPython's UUID class and name-based uuid3/uuid5, with uuid1 and uuid4 made
from the kernel's clock and entropy -- so a seeded machine repeats them and a
child rebuilt by fork replay holds its parent's values -- and this machine's
network address: CPython's getnode() would run the host's `ip` command.
"""
import os
import time

_host = globals()["_host"]
UUID, SafeUUID = _host.UUID, _host.SafeUUID
uuid3, uuid5 = _host.uuid3, _host.uuid5
NAMESPACE_DNS, NAMESPACE_URL = _host.NAMESPACE_DNS, _host.NAMESPACE_URL
NAMESPACE_OID, NAMESPACE_X500 = _host.NAMESPACE_OID, _host.NAMESPACE_X500
RESERVED_NCS, RFC_4122 = _host.RESERVED_NCS, _host.RFC_4122
RESERVED_MICROSOFT, RESERVED_FUTURE = _host.RESERVED_MICROSOFT, _host.RESERVED_FUTURE

NODE = 0x525400123456       # the machine's network card: QEMU's first, 52:54:00:12:34:56
_last_timestamp = None


def getnode():
    """The hardware address of this machine's network interface, as a 48-bit integer."""
    return NODE


def uuid1(node=None, clock_seq=None):
    """A UUID from a host ID, sequence number, and the current time."""
    global _last_timestamp
    nanoseconds = time.time_ns()
    # 0x01b21dd213814000 is the number of 100-ns intervals between the
    # UUID epoch 1582-10-15 00:00:00 and the Unix epoch 1970-01-01 00:00:00.
    timestamp = nanoseconds // 100 + 0x01b21dd213814000
    if _last_timestamp is not None and timestamp <= _last_timestamp:
        timestamp = _last_timestamp + 1
    _last_timestamp = timestamp
    if clock_seq is None:
        import random
        clock_seq = random.getrandbits(14)          # instead of stable storage
    time_low = timestamp & 0xffffffff
    time_mid = (timestamp >> 32) & 0xffff
    time_hi_version = (timestamp >> 48) & 0x0fff
    clock_seq_low = clock_seq & 0xff
    clock_seq_hi_variant = (clock_seq >> 8) & 0x3f
    if node is None:
        node = getnode()
    return UUID(fields=(time_low, time_mid, time_hi_version,
                        clock_seq_hi_variant, clock_seq_low, node), version=1)


def uuid4():
    """A random UUID."""
    return UUID(bytes=os.urandom(16), version=4)
