"""fork by deterministic replay.

CPython cannot copy a running frame, so a forked child rebuilds its user-space
memory by running the same program again from the start.  The kernel keeps,
for every process running a Python program, a record of each system call it
made since exec (name, arguments, result) and of each signal handler it ran.
The child starts the same image; every system call it makes is answered from
that record without being performed -- the files were already written, the
pipes already read -- until it reaches the fork, which answers 0.  From there
the child is live, with every variable exactly as the parent had it.

If the child asks for something else than the record holds, its program does
not depend only on its system calls (it used the host's clock, say), and the
child is killed with a message naming the line, never left in a wrong state.
The record is bounded: past RECORD_LIMIT bytes of results it is dropped and a
later fork fails with ENOMEM, so that `cat` of a large file stays streaming.
"""
from __future__ import annotations

from collections import namedtuple

from . import abi
from .errors import oserror

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .kernel import Kernel
    from .proc import Proc

RECORD_LIMIT = 8 << 20          # bytes of results kept for replay
ENTRY_COST = 64                 # bytes charged per recorded call


# One recorded call: name is the system call, or "signal" for a handler run;
# key the arguments as compared on replay; result what it returned or raised
# (error says which).  A plain tuple, so that the garbage collector can stop
# tracking it: a long record costs the collector nothing.
Entry = namedtuple("Entry", ["name", "key", "result", "error"], defaults=[False])


def _entry(values: tuple) -> Entry:
    return _new(Entry, values)


_new = tuple.__new__        # an Entry without namedtuple's checks (Record.note's hot path)


# The shared entries of argumentless calls that answered an int (Record.note):
# by call, then by answer (pids, user ids), up to ARGLESS_KEPT answers a call.
_ARGLESS: dict[str, dict[int, Entry]] = {}
ARGLESS_KEPT = 4096

_PLAIN = frozenset({int, str, float, bool, type(None)})
_DATA = (bytes, bytearray, memoryview)


def args_key(args: tuple) -> tuple:
    """What a replayed call must match: the arguments, with data by length only."""
    if len(args) == 2 and type(args[1]) is bytes:
        return (args[0], len(args[1]))      # write(fd, data): by length
    for a in args:
        if type(a) not in _PLAIN:
            break
    else:
        return args                 # the usual case: fds, sizes, paths
    return tuple(len(a) if isinstance(a, _DATA) else
                 a if type(a) in _PLAIN or isinstance(a, tuple) else type(a).__name__
                 for a in args)


def _size(result: Any) -> int:
    t = type(result)
    if t in (bytes, str, bytearray):
        return len(result)
    if t is list:
        return sum(_size(x) + 8 for x in result)
    return 0


def _fresh(result: Any, error: bool) -> Any:
    """A copy the program may change without changing the record."""
    if error:
        return OSError(*result.args) if isinstance(result, OSError) else result
    t = type(result)
    if t is list:
        return list(result)
    if t is dict:
        return dict(result)
    return result


class Record:
    def __init__(self, entries: list[Entry] | None = None, size: int = 0) -> None:
        self.entries: list[Entry] = entries if entries is not None else []
        self.size = size            # what the entries' results weigh (the parent's, for a child)
        self.dropped = False

    def note(self, name: str, args: tuple, result: Any, error: bool) -> None:
        if self.dropped:
            return
        t = type(result)
        if t is int and not args and not error:
            # getpid() and its kind, often in a loop: entries are immutable, so the
            # same call with the same answer shares one rather than building it
            same = _ARGLESS.get(name)
            if same is None:
                same = _ARGLESS[name] = {}
            entry = same.get(result)
            if entry is None:
                entry = _entry((name, (), result, False))
                if len(same) < ARGLESS_KEPT:
                    same[result] = entry
            self.entries.append(entry)
            self.size += ENTRY_COST
        else:
            if t is list or t is dict or error:
                result = _fresh(result, error)
            self.entries.append(_new(Entry, (name, args_key(args), result, error)))
            self.size += ENTRY_COST + (len(result) if t is bytes or t is str else
                                       0 if t is int else _size(result))
        if self.size > RECORD_LIMIT:
            self.dropped = True
            self.entries = []

    def note_signal(self, sig: int, at: int | str | None) -> None:
        """A handler ran: after the last call (at None), at the program's at-th
        tick (an int), or at a host timer interrupt ("interrupt": not repeatable)."""
        if not self.dropped:
            self.entries.append(Entry("signal", (sig, at), None))

    def for_child(self) -> list[Entry]:
        """The child's script: everything so far, then a fork that answers 0."""
        return self.entries + [Entry("fork", (), 0)]


class Divergence(Exception):
    """The child asked for something else than the parent did."""


class Replay:
    """A child's cursor through its parent's record."""

    def __init__(self, entries: list[Entry], size: int = 0) -> None:
        self.entries = entries
        self.size = size                    # the record's weight, handed on at go_live
        self.i = 0
        self.tick: int | None = None        # the tick at which the next handler runs
        self.at: tuple | None = None        # where the parent forked: the child's counter

    def answer(self, k: "Kernel", p: "Proc", name: str, args: tuple) -> Any:
        """The recorded answer to the child's next call.  Every call the parent made
        before its fork passes here once per fork (bench/run.py's replay slope), so
        the usual case -- no handler next, a result the program cannot change --
        is written out."""
        entries = self.entries
        e = entries[self.i]
        if e.name != name or e.key != args_key(args):
            k.replay_diverged(p, e, name, args)
        self.i += 1
        if self.i == len(entries):
            self.go_live(p)
        elif entries[self.i].name == "signal":
            self.run_handlers(k, p)
        else:
            self.tick = None
        result = e.result
        if e.error:
            raise _fresh(result, True)
        t = type(result)
        return _fresh(result, False) if t is list or t is dict else result

    def run_handlers(self, k: "Kernel", p: "Proc") -> None:
        """Signal handlers that ran in the parent right after this call run here
        too; one that ran at a tick of the program's computation waits for it."""
        entries = self.entries
        self.tick = None
        while self.i < len(entries) and entries[self.i].name == "signal":
            sig, at = entries[self.i].key
            if at == "interrupt":
                k.replay_diverged(p, entries[self.i], "", (), why=(
                    "the parent ran a signal handler at a timer interrupt, in the middle of "
                    "a computation, and the child cannot find that point again (with --seed, "
                    "vshell counts the program's steps and can)"))
            if at is not None and p.compute_ticks < at:
                self.tick = at
                return
            self.i += 1
            if self.i == len(entries):
                self.go_live(p)
            p.sig.blocked.add(sig)
            try:
                if p.upcall is not None:        # (always: the parent's handler ran)
                    p.upcall(sig)
            finally:
                p.sig.blocked.discard(sig)

    def go_live(self, p: "Proc") -> None:
        p.replay = None
        p.record = Record(self.entries, self.size)


def enomem_message() -> OSError:
    return oserror(abi.ENOMEM, strerror=(
        "Cannot allocate memory (fork by replay: this process has "
        f"read more than {RECORD_LIMIT >> 20} MiB since exec, so its memory "
        "cannot be rebuilt in a child)"))
