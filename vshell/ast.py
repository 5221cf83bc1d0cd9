"""The shell's syntax tree: what the parser builds and the runner walks.

xv6's sh.c has five kinds of command (exec, redir, pipe, list, back); POSIX
grows that into the nodes below.  Words are kept as written (quotes and all):
expansion happens when a command runs, not when it is parsed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union


@dataclass
class Redirect:
    """`n>word`, `n<word`, `n>>word`, `n<>word`, `n>|word`, `n>&m`, `n<&m`, `n<<word`."""
    fd: int
    op: str                     # < > >> <> >| >& <& << <<-
    target: str                 # a word (or the here-document's delimiter)
    heredoc: Optional[str] = None    # the here-document's body
    quoted: bool = False        # a quoted delimiter: no expansion in the body


@dataclass
class Simple:
    """A simple command: assignments, words, redirections (xv6's execcmd + redircmd)."""
    assigns: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    redirects: list[Redirect] = field(default_factory=list)
    lineno: int = 0


@dataclass
class Pipeline:
    """cmd | cmd | ...; `!` negates the status."""
    commands: list["Node"]
    negate: bool = False


@dataclass
class AndOr:
    """p1 && p2 || p3: run left to right, each step depending on the last status."""
    first: "Node"
    rest: list[tuple[str, "Node"]]


@dataclass
class ListNode:
    """Commands separated by ; or newlines, or started in the background with &."""
    items: list[tuple["Node", bool]]        # (command, in the background?)


@dataclass
class Group:
    """{ list; } run in the shell itself."""
    body: "Node"
    redirects: list[Redirect] = field(default_factory=list)


@dataclass
class Subshell:
    """( list ) run in a child process."""
    body: "Node"
    redirects: list[Redirect] = field(default_factory=list)


@dataclass
class If:
    branches: list[tuple["Node", "Node"]]   # (condition, body) for if and each elif
    orelse: Optional["Node"] = None
    redirects: list[Redirect] = field(default_factory=list)


@dataclass
class Loop:
    """while (until=False) or until (until=True)."""
    cond: "Node"
    body: "Node"
    until: bool = False
    redirects: list[Redirect] = field(default_factory=list)


@dataclass
class For:
    var: str
    words: Optional[list[str]]              # None: "$@"
    body: "Node"
    redirects: list[Redirect] = field(default_factory=list)


@dataclass
class Case:
    word: str
    arms: list[tuple[list[str], Optional["Node"]]]
    redirects: list[Redirect] = field(default_factory=list)


@dataclass
class FuncDef:
    name: str
    body: "Node"
    source: str = ""


Node = Union[Simple, Pipeline, AndOr, ListNode, Group, Subshell, If, Loop, For, Case, FuncDef]
