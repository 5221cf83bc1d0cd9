"""All of the shell's own memory, in one object.

Variables, exported names, functions, positional parameters, options, traps,
jobs and the last status live here and nowhere else, so that a subshell --
a real child process -- starts with a copy of its parent's memory, as on Unix.
"""
from __future__ import annotations

from .ast import FuncDef, Record


class Job(Record):
    __slots__ = ("id", "pgid", "pids", "command", "state", "status", "alive", "notified")

    def __init__(self, id: int, pgid: int, pids: list[int], command: str,
                 state: str = "Running", status: int = 0, alive: set[int] | None = None,
                 notified: bool = False) -> None:
        self.id = id
        self.pgid = pgid
        self.pids = pids
        self.command = command
        self.state = state          # Running, Stopped or Done
        self.status = status        # how it stopped or ended (a wait status)
        self.alive = set() if alive is None else alive
        self.notified = notified    # its last change of state has been shown


class State:
    __slots__ = ("vars", "exported", "readonly", "functions", "positional", "argv0", "options",
                 "status", "pid", "last_bg", "traps", "jobs", "lineno", "interactive",
                 "loop_depth", "func_depth", "name", "hash",
                 "current_job", "previous_job", "exit_ok",
                 "aliases", "locals", "getopts", "history", "parent_traps")

    def __init__(self, vars: dict[str, str] | None = None, exported: set[str] | None = None,
                 readonly: set[str] | None = None, functions: dict[str, FuncDef] | None = None,
                 positional: list[str] | None = None, argv0: str = "vshell",
                 options: set[str] | None = None, status: int = 0, pid: int = 0,
                 last_bg: int = 0, traps: dict[str, str] | None = None,
                 jobs: list[Job] | None = None, lineno: int = 0, interactive: bool = False,
                 loop_depth: int = 0, func_depth: int = 0,
                 name: str = "vshell", hash: dict[str, str] | None = None,
                 aliases: dict[str, str] | None = None) -> None:
        self.vars = {} if vars is None else vars
        self.exported = set() if exported is None else exported
        self.readonly = set() if readonly is None else readonly
        self.functions = {} if functions is None else functions
        self.positional = [] if positional is None else positional
        self.argv0 = argv0
        self.options = set() if options is None else options
        self.status = status
        self.pid = pid                  # $$: the shell's pid, also in subshells
        self.last_bg = last_bg          # $!
        self.traps = {} if traps is None else traps
        self.jobs = [] if jobs is None else jobs
        self.lineno = lineno
        self.interactive = interactive
        self.loop_depth = loop_depth
        self.func_depth = func_depth
        self.name = name                # the name error messages start with
        self.parent_traps: dict[str, str] | None = None   # (a subshell's: State.copy)
        self.hash = {} if hash is None else hash    # command -> path, as dash remembers
        self.current_job = 0            # the job numbers `jobs` marks + and - (vshell/jobs.py)
        self.previous_job = 0
        self.exit_ok = False            # exit leaves at once, stopped jobs or not (vshell/jobs.py)
        self.aliases = {} if aliases is None else aliases      # alias name -> its text
        self.locals: list[dict[str, tuple]] = []    # per function call: what `local` saved
        self.getopts = [1, -1]          # getopts: the word it is at, where in it (dash's optind, optoff)
        self.history: list[str] = []    # the commands typed at the prompt (vshell/history.py)

    def get(self, name: str) -> str | None:
        return self.vars.get(name)

    def assign(self, name: str, value: str) -> None:
        if name in self.readonly:
            raise ReadonlyError(name)
        self.vars[name] = value
        if name == "PATH":
            self.hash.clear()
        elif name == "OPTIND":              # getopts starts again (dash's getoptsreset)
            self.getopts = [int(value) if value.isdigit() and int(value) else 1, -1]
        if "a" in self.options:
            self.exported.add(name)

    def unset(self, name: str) -> None:
        if name in self.readonly:
            raise ReadonlyError(name)
        self.vars.pop(name, None)
        self.exported.discard(name)

    def environ(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        # in the variables' order, not the set's: that would follow the host's hash
        # seed, and a seeded run's environment (env's output, the trace) must not
        exported = self.exported
        env = {k: v for k, v in self.vars.items() if k in exported}
        if extra:
            env.update(extra)
        return env

    def copy(self) -> "State":
        """The memory a subshell starts with (its jobs are not its own)."""
        copy = State(dict(self.vars), set(self.exported), set(self.readonly),
                     dict(self.functions), list(self.positional), self.argv0,
                     set(self.options) - {"i", "m"}, self.status, self.pid, self.last_bg,
                     {k: v for k, v in self.traps.items() if v == ""}, [], self.lineno,
                     False, self.loop_depth, self.func_depth, self.name, dict(self.hash),
                     dict(self.aliases))
        # what `trap` lists until the subshell sets one of its own: the traps
        # the shell had, so that `saved=$(trap)` saves them (POSIX)
        copy.parent_traps = dict(self.traps if self.parent_traps is None else self.parent_traps)
        copy.locals = [dict(frame) for frame in self.locals]
        copy.getopts = list(self.getopts)
        copy.history = list(self.history)     # (`history | grep x` shows the prompt's)
        return copy


class ReadonlyError(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(f"{name}: is read only")
