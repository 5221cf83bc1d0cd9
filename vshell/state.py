"""All of the shell's own memory, in one object.

Variables, exported names, functions, positional parameters, options, traps,
jobs and the last status live here and nowhere else, so that a subshell --
a real child process -- starts with a copy of its parent's memory, as on Unix.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .ast import FuncDef


@dataclass
class Job:
    id: int
    pgid: int
    pids: list[int]
    command: str
    state: str = "Running"          # Running, Stopped, Done, Killed...
    status: int = 0
    alive: set[int] = field(default_factory=set)
    notified: bool = False


@dataclass
class State:
    vars: dict[str, str] = field(default_factory=dict)
    exported: set[str] = field(default_factory=set)
    readonly: set[str] = field(default_factory=set)
    functions: dict[str, FuncDef] = field(default_factory=dict)
    positional: list[str] = field(default_factory=list)
    argv0: str = "vshell"
    options: set[str] = field(default_factory=set)
    status: int = 0
    pid: int = 0                     # $$: the shell's pid, also in subshells
    last_bg: int = 0                 # $!
    traps: dict[str, str] = field(default_factory=dict)
    jobs: list[Job] = field(default_factory=list)
    lineno: int = 0
    interactive: bool = False
    subshell: bool = False
    loop_depth: int = 0
    func_depth: int = 0
    name: str = "vshell"             # the name error messages start with
    hash: dict[str, str] = field(default_factory=dict)   # command -> path, as dash remembers

    def get(self, name: str) -> Optional[str]:
        return self.vars.get(name)

    def assign(self, name: str, value: str) -> None:
        if name in self.readonly:
            raise ReadonlyError(name)
        self.vars[name] = value
        if name == "PATH":
            self.hash.clear()
        if "a" in self.options:
            self.exported.add(name)

    def unset(self, name: str) -> None:
        if name in self.readonly:
            raise ReadonlyError(name)
        self.vars.pop(name, None)
        self.exported.discard(name)

    def environ(self, extra: Optional[dict[str, str]] = None) -> dict[str, str]:
        env = {k: self.vars[k] for k in self.exported if k in self.vars}
        if extra:
            env.update(extra)
        return env

    def copy(self) -> "State":
        """The memory a subshell starts with (its jobs are not its own)."""
        return State(dict(self.vars), set(self.exported), set(self.readonly),
                     dict(self.functions), list(self.positional), self.argv0,
                     set(self.options) - {"i", "m"}, self.status, self.pid, self.last_bg,
                     {k: v for k, v in self.traps.items() if v == ""}, [], self.lineno,
                     False, True, self.loop_depth, self.func_depth, self.name, dict(self.hash))


class ReadonlyError(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(f"{name}: is read only")
