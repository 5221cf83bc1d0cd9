"""Signal names as the shell reads and writes them: `kill -l`, `kill -s TERM`,
`trap 'cmd' INT`, `trap` listing its actions.

dash's table: EXIT is 0, then the names of the machine's signals without
their SIG (case does not matter when they are read), the real-time ones as
RTMIN, RTMIN+1 ... RTMAX-1, RTMAX, and a number for the few it has no name
for (16, 32, 33).
"""
from __future__ import annotations

from kernel.abi import SIGNAMES

NSIG = 65
UNNAMED = {16, 32, 33}          # dash's table has no name for these


def _names() -> list[str]:
    names = ["EXIT"]
    for n in range(1, NSIG):
        if n in UNNAMED:
            names.append(str(n))
        elif n < 32:
            names.append(SIGNAMES[n][3:])
        elif n == 34:
            names.append("RTMIN")
        elif n == 64:
            names.append("RTMAX")
        elif n < 50:
            names.append(f"RTMIN+{n - 34}")
        else:
            names.append(f"RTMAX-{64 - n}")
    return names


NAMES = _names()
BY_NAME = {name.upper(): n for n, name in enumerate(NAMES) if not name.isdigit()}


def decode(text: str, lowest: int = 0) -> int | None:
    """The signal text names (a number or a name), or None; names below
    lowest do not count (kill's lowest is 1: EXIT is no signal)."""
    if text.isdigit() and text.isascii():
        n = int(text)
        return n if n < NSIG else None
    named = BY_NAME.get(text.upper())
    return named if named is not None and named >= lowest else None
