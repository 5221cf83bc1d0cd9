"""Where a command is: a search of PATH, remembered (dash's exec.c find_command
and its hash table).

`ls` is looked for in each directory of $PATH in turn, the first executable
regular file wins, and the answer is kept in the shell's hash (`hash` lists
it) until PATH changes or the file goes.  These are methods of the Shell (a
mixin), as the redirections are.
"""
from __future__ import annotations

import posixpath
import stat as st_mod
from collections.abc import Iterator

from . import ast, builtins

# `command -p`'s PATH: the machine's standard directories, whatever $PATH says
# (dash's _PATH_STDPATH; the login's PATH, system.py's, is the same).
STD_PATH = "/bin:/usr/bin"

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from .state import State


class CommandSearch:
    # what the Shell this is part of has
    os: Any
    state: State
    searched: str | None
    say: Callable[[int, str], None]

    def lookup(self, name: str, search: str | None = None) -> str | None:
        """Where a command is: remembered (hashed) after the first search of
        PATH, and searched for again if it has gone (dash's exec goes on along
        PATH).  search: a PATH given with the command (`PATH=... cmd`)."""
        self.searched = search               # (for not_found: what was searched)
        if "/" in name:
            return name
        if search is not None:
            return self.find_command(name, search)
        hash = self.state.hash
        path = hash.get(name)
        if path is not None and self.runnable(path):
            return path
        search = None
        if path is not None:                      # it has gone: on along PATH from there,
            dirs = (self.state.get("PATH") or "").split(":")     # as dash's shellexec goes
            where = posixpath.dirname(path)
            found = [k for k, d in enumerate(dirs) if (d or ".") == where]
            search = ":".join(dirs[found[0]:]) if found else None
        self.searched = search
        path = self.find_command(name, search)
        if path is None:
            hash.pop(name, None)
        else:
            hash[name] = path
        return path

    def runnable(self, path: str) -> bool:
        try:
            st = self.os.stat(path)
        except OSError:
            return False
        return st.st_mode & 0o170000 == 0o100000 and self.os.access(path, 1)

    def find_command(self, name: str, search: str | None = None) -> str | None:
        """Search PATH for an executable regular file (the shell's `which`).
        An empty entry (or an unset PATH, as in dash) is the current directory."""
        if "/" in name:
            return name
        for d in ((self.state.get("PATH") if search is None else search) or "").split(":"):
            path = f"{d or '.'}/{name}"
            if self.runnable(path):
                return path
        return None

    def hash_commands(self, body: ast.Node) -> None:
        """set -h: when a function is defined, look up the utilities it runs
        (POSIX's -h) -- each literal command name that is no builtin or function."""
        for name in command_names(body):
            if (name not in builtins.BUILTINS and name not in builtins.SPECIAL
                    and name not in self.state.functions):
                self.lookup(name)

    def not_found(self, name: str, search: str | None = None) -> str:
        """Why a search of PATH failed, in dash's words: a file that is there
        but cannot run is "Permission denied" (status 127 all the same)."""
        for d in ((self.state.get("PATH") if search is None else search) or "").split(":"):
            try:
                self.os.stat(f"{d or '.'}/{name}")
                return "Permission denied"
            except OSError:
                continue
        return "not found"

    def suggest_here(self, name: str) -> None:
        """At a prompt, after `p1.py: not found` when ./p1.py is there: the hint
        bash's command-not-found handler gives (Debian's runs at a prompt only,
        so scripts' stderr stays dash's).  Commands are looked for along $PATH
        only, never in the current directory."""
        if "/" in name or not name:
            return
        try:
            if not st_mod.S_ISREG(self.os.stat(name).st_mode):
                return
        except OSError:
            return
        self.say(2, f"vshell: did you mean ./{name}? (commands are looked for in $PATH, "
                    "not in the current directory)\n")


def command_names(node: ast.Node | None) -> Iterator[str]:
    """The command names written in a function's body that need no expansion."""
    if isinstance(node, ast.Simple):
        if node.words and not set(node.words[0]) & set("$`'\"\\*?[~"):
            yield node.words[0]
        return
    if isinstance(node, ast.FuncDef) or node is None:
        return                                  # (a function defined inside: when it is)
    parts: list[ast.Node | None]
    if isinstance(node, ast.If):
        parts = [*(n for pair in node.branches for n in pair), node.orelse]
    elif isinstance(node, ast.Pipeline):
        parts = list(node.commands)
    elif isinstance(node, ast.AndOr):
        parts = [node.first, *(n for _, n in node.rest)]
    elif isinstance(node, ast.ListNode):
        parts = [n for n, _ in node.items]
    elif isinstance(node, ast.Loop):
        parts = [node.cond, node.body]
    elif isinstance(node, ast.Case):
        parts = [n for _, n in node.arms]
    else:                                       # Group, Subshell, For
        parts = [node.body]
    for part in parts:
        yield from command_names(part)
