"""The shell's syntax tree: what the parser builds and the runner walks.

xv6's sh.c has five kinds of command (exec, redir, pipe, list, back); POSIX
grows that into the nodes below.  Words are kept as written (quotes and all):
expansion happens when a command runs, not when it is parsed.

The nodes are plain classes with __slots__, not dataclasses, for start-up's
sake: importing dataclasses and building the classes took ~25 ms of what was a
73 ms `vshell -c true` (it is ~30 ms now).
"""
from __future__ import annotations


class Record:
    """What the nodes share: a repr that shows their fields, as a dataclass's does."""
    __slots__: tuple[str, ...] = ()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Redirect(Record):
    """`n>word`, `n<word`, `n>>word`, `n<>word`, `n>|word`, `n>&m`, `n<&m`, `n<<word`."""
    __slots__ = ("fd", "op", "target", "heredoc", "quoted")

    def __init__(self, fd: int, op: str, target: str, heredoc: str | None = None,
                 quoted: bool = False) -> None:
        self.fd = fd
        self.op = op                # < > >> <> >| >& <& << <<-
        self.target = target        # a word (or the here-document's delimiter)
        self.heredoc = heredoc      # the here-document's body
        self.quoted = quoted        # a quoted delimiter: no expansion in the body


class Simple(Record):
    """A simple command: assignments, words, redirections (xv6's execcmd + redircmd)."""
    __slots__ = ("assigns", "words", "redirects", "lineno")

    def __init__(self, assigns: list[str] | None = None, words: list[str] | None = None,
                 redirects: list[Redirect] | None = None, lineno: int = 0) -> None:
        self.assigns = [] if assigns is None else assigns
        self.words = [] if words is None else words
        self.redirects = [] if redirects is None else redirects
        self.lineno = lineno


class Pipeline(Record):
    """cmd | cmd | ...; `!` negates the status."""
    __slots__ = ("commands", "negate")

    def __init__(self, commands: list[Node], negate: bool = False) -> None:
        self.commands = commands
        self.negate = negate


class AndOr(Record):
    """p1 && p2 || p3: run left to right, each step depending on the last status."""
    __slots__ = ("first", "rest")

    def __init__(self, first: Node, rest: list[tuple[str, Node]]) -> None:
        self.first = first
        self.rest = rest


class ListNode(Record):
    """Commands separated by ; or newlines, or started in the background with &."""
    __slots__ = ("items",)

    def __init__(self, items: list[tuple[Node, bool]]) -> None:
        self.items = items          # (command, in the background?)


class Group(Record):
    """{ list; } run in the shell itself."""
    __slots__ = ("body", "redirects", "lineno")

    def __init__(self, body: Node, redirects: list[Redirect] | None = None) -> None:
        self.body = body
        self.redirects = [] if redirects is None else redirects
        self.lineno = 0


class Subshell(Record):
    """( list ) run in a child process."""
    __slots__ = ("body", "redirects", "lineno")

    def __init__(self, body: Node, redirects: list[Redirect] | None = None) -> None:
        self.body = body
        self.redirects = [] if redirects is None else redirects
        self.lineno = 0


class If(Record):
    __slots__ = ("branches", "orelse", "redirects", "lineno")

    def __init__(self, branches: list[tuple[Node, Node]], orelse: Node | None = None,
                 redirects: list[Redirect] | None = None) -> None:
        self.branches = branches    # (condition, body) for if and each elif
        self.orelse = orelse
        self.redirects = [] if redirects is None else redirects
        self.lineno = 0


class Loop(Record):
    """while (until=False) or until (until=True)."""
    __slots__ = ("cond", "body", "until", "redirects", "lineno")

    def __init__(self, cond: Node, body: Node, until: bool = False,
                 redirects: list[Redirect] | None = None) -> None:
        self.cond = cond
        self.body = body
        self.until = until
        self.redirects = [] if redirects is None else redirects
        self.lineno = 0


class For(Record):
    __slots__ = ("var", "words", "body", "redirects", "lineno")

    def __init__(self, var: str, words: list[str] | None, body: Node,
                 redirects: list[Redirect] | None = None) -> None:
        self.var = var
        self.words = words          # None: "$@"
        self.body = body
        self.redirects = [] if redirects is None else redirects
        self.lineno = 0


class Case(Record):
    __slots__ = ("word", "arms", "redirects", "lineno", "fallthrough")

    def __init__(self, word: str, arms: list[tuple[list[str], Node | None]],
                 redirects: list[Redirect] | None = None,
                 fallthrough: set[int] | None = None) -> None:
        self.word = word
        self.arms = arms
        self.fallthrough = set() if fallthrough is None else fallthrough   # arms ending in ;&
        self.redirects = [] if redirects is None else redirects
        self.lineno = 0         # where it starts: its errors are reported there, as dash does


class FuncDef(Record):
    __slots__ = ("name", "body", "source")

    def __init__(self, name: str, body: Node, source: str = "") -> None:
        self.name = name
        self.body = body
        self.source = source


Node = Simple | Pipeline | AndOr | ListNode | Group | Subshell | If | Loop | For | Case | FuncDef
