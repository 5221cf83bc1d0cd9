"""The shell's lexer and parser: text to a syntax tree (POSIX's grammar, dash's messages).

The lexer cuts the text into words and operators, keeping each word exactly as
written -- quotes, `$(...)` and all -- because expansion happens only when the
command runs.  The parser is recursive descent over the POSIX grammar and hands
out one complete command at a time, so a script runs up to the line where a
syntax error is, as dash does.
"""
from __future__ import annotations

import re

from .ast import (AndOr, Case, For, FuncDef, Group, If, ListNode, Loop, Node, Pipeline,
                  Record, Redirect, Simple, Subshell)

OPERATORS = ["<<-", "&&", "||", ";;", "<<", ">>", "<&", ">&", "<>", ">|",
             "|", "&", ";", "<", ">", "(", ")"]
METACHARS = set(" \t\n;&|<>()")
OPERATOR_START = set("<>&|;()")
FUNCDEF_PARENS = re.compile(r"[ \t]*\([ \t]*\)")
PLAIN_RUN = re.compile(r"[^ \t\n;&|<>()\\'\"`$]+")     # characters that stand for themselves
RESERVED = {"if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while",
            "until", "for", "in", "{", "}", "!"}
COMPOUND_RULES = {"{": "group", "if": "if_", "while": "loop", "until": "loop", "for": "for_",
                  "case": "case"}              # the reserved words that start a command
NOT_A_COMMAND = RESERVED - COMPOUND_RULES.keys() - {"!"}     # then, fi, done, in...
REDIRECT_OPS = {"<", ">", ">>", "<>", ">|", "<&", ">&", "<<", "<<-"}


class ShellSyntaxError(Exception):
    """A syntax error, with dash's wording (`"|" unexpected`)."""

    def __init__(self, message: str, lineno: int) -> None:
        super().__init__(message)
        self.lineno = lineno


class Incomplete(ShellSyntaxError):
    """The input ended inside a construct: an interactive shell asks for more."""


class Token(Record):
    __slots__ = ("kind", "text", "lineno")

    def __init__(self, kind: str, text: str, lineno: int) -> None:
        self.kind = kind        # WORD, OP, IO_NUMBER, NEWLINE, EOF
        self.text = text
        self.lineno = lineno


class Lexer:
    def __init__(self, text: str, lineno: int = 1) -> None:
        self.text = text
        self.pos = 0
        self.lineno = lineno
        self.pending_heredocs: list[Redirect] = []
        self.unfinished: tuple[str, int] | None = None    # a here-document cut off by the end

    def error(self, message: str, incomplete: bool = False):
        """A syntax error found here; one that ran into the end of the text is
        reported at the last line, as dash does."""
        cls = Incomplete if incomplete else ShellSyntaxError
        if not message.startswith("Syntax error"):
            message = "Syntax error: " + message
        lineno = self.lineno + (self.text.count("\n", self.pos) if incomplete else 0)
        return cls(message, lineno)

    def next(self) -> Token:
        text = self.text
        n = len(text)
        while self.pos < n:
            c = text[self.pos]
            if c in " \t":
                self.pos += 1
            elif c == "\\" and text.startswith("\\\n", self.pos):
                self.pos += 2
                self.lineno += 1
            elif c == "#":
                while self.pos < n and text[self.pos] != "\n":
                    self.pos += 1
            else:
                break
        if self.pos >= n:
            if self.pending_heredocs:
                self.read_heredocs()
            return Token("EOF", "", self.lineno)
        c = text[self.pos]
        if c == "\n":
            self.pos += 1
            tok = Token("NEWLINE", "\n", self.lineno)
            self.lineno += 1
            if self.pending_heredocs:
                self.read_heredocs()
            return tok
        if c in OPERATOR_START:
            for op in OPERATORS:
                if text.startswith(op, self.pos):
                    self.pos += len(op)
                    return Token("OP", op, self.lineno)
        start_line = self.lineno
        word = self.read_word()
        if word.isdigit() and self.pos < n and text[self.pos] in "<>":
            return Token("IO_NUMBER", word, start_line)
        return Token("WORD", word, start_line)

    # -- words --

    def read_word(self) -> str:
        text, n = self.text, len(self.text)
        start = self.pos
        out = []
        while self.pos < n:
            c = text[self.pos]
            if c in METACHARS:
                break
            if c == "\\":
                if self.pos + 1 < n and text[self.pos + 1] == "\n":
                    self.pos += 2
                    self.lineno += 1
                    continue
                out.append(text[self.pos:self.pos + 2])
                self.pos += 2
            elif c == "'":
                end = text.find("'", self.pos + 1)
                if end < 0:
                    raise self.error("Unterminated quoted string", True)
                out.append(text[self.pos:end + 1])
                self.lineno += text.count("\n", self.pos, end)
                self.pos = end + 1
            elif c == '"':
                out.append(self.read_double())
            elif c == "`":
                out.append(self.read_backquote())
            elif c == "$":
                out.append(self.read_dollar())
            else:
                m = PLAIN_RUN.match(text, self.pos)
                out.append(m.group())
                self.pos = m.end()
        assert self.pos > start or out
        return "".join(out)

    def read_double(self) -> str:
        text, n = self.text, len(self.text)
        start = self.pos
        self.pos += 1
        while True:
            if self.pos >= n:
                raise self.error("Unterminated quoted string", True)
            c = text[self.pos]
            if c == '"':
                self.pos += 1
                return text[start:self.pos]
            if c == "\\":
                self.pos += 2
            elif c == "$":
                self.read_dollar(quoted=True)
            elif c == "`":
                self.read_backquote()
            else:
                if c == "\n":
                    self.lineno += 1
                self.pos += 1

    def read_backquote(self) -> str:
        text, n = self.text, len(self.text)
        start = self.pos
        self.pos += 1
        while True:
            if self.pos >= n:
                raise self.error('Syntax error: EOF in backquote substitution', True)
            c = text[self.pos]
            if c == "\\":
                self.pos += 2
                continue
            self.pos += 1
            if c == "\n":
                self.lineno += 1
            if c == "`":
                return text[start:self.pos]

    def read_dollar(self, quoted: bool = False) -> str:
        """$name, ${...}, $(...) or $((...)), as written.  Inside ${...}, quotes
        quote as they do outside it -- single quotes too, unless the whole is
        in double quotes, where they are ordinary characters (as in dash)."""
        text = self.text
        start = self.pos
        if text.startswith("$((", self.pos):
            self.pos += 3
            self.skip_balanced("(", ")", depth=2)
        elif text.startswith("$(", self.pos):
            self.pos += 2
            self.skip_balanced("(", ")", depth=1)
        elif text.startswith("${", self.pos):
            self.pos += 2
            self.skip_balanced("{", "}", depth=1, quoted=quoted)
        else:
            self.pos += 1
        return text[start:self.pos]

    def skip_balanced(self, open_: str, close: str, depth: int, quoted: bool = False) -> None:
        text, n = self.text, len(self.text)
        while depth:
            if self.pos >= n:
                what = "Missing '}'" if open_ == "{" else \
                    'end of file unexpected (expecting ")")'
                raise self.error(f"Syntax error: {what}", True)
            c = text[self.pos]
            if c == "\\":
                self.pos += 2
                continue
            if c == "'" and not quoted:
                end = text.find("'", self.pos + 1)
                if end < 0:
                    raise self.error("Unterminated quoted string", True)
                self.pos = end + 1
                continue
            if c == '"':
                self.read_double()
                continue
            if c == "`":
                self.read_backquote()
                continue
            if c == "$" and text.startswith(("$(", "${"), self.pos):
                self.read_dollar(quoted)
                continue
            if c == open_:
                depth += 1
            elif c == close:
                depth -= 1
            elif c == "\n":
                self.lineno += 1
            self.pos += 1

    # -- here-documents: their bodies follow the line that asked for them --

    def read_heredocs(self) -> None:
        at = self.lineno - (self.text[self.pos - 1:self.pos] == "\n")     # the operators' line
        for r in self.pending_heredocs:
            lines = []
            while True:
                if self.pos >= len(self.text):
                    if self.unfinished is None:
                        self.unfinished = (r.target, at)
                    break                 # dash accepts a here-document ended by EOF
                end = self.text.find("\n", self.pos)
                if end < 0:
                    end = len(self.text)
                line = self.text[self.pos:end]
                self.pos = end + 1
                self.lineno += 1
                check = line.lstrip("\t") if r.op == "<<-" else line
                if check == r.target:
                    break
                lines.append(check + "\n")
            r.heredoc = "".join(lines)
        self.pending_heredocs = []


def unquote_delimiter(word: str) -> tuple[str, bool]:
    quoted = any(c in word for c in "'\"\\")
    out, i = [], 0
    while i < len(word):
        c = word[i]
        if c == "\\" and i + 1 < len(word):
            out.append(word[i + 1])
            i += 2
        elif c in "'\"":
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out), quoted


class UnfinishedHeredoc(Incomplete):
    """The text ended inside a here-document's body, before its delimiter line."""

    def __init__(self, delimiter: str, lineno: int) -> None:
        super().__init__(f"here-document at line {lineno} delimited by end-of-file "
                         f"(wanted `{delimiter}')", lineno)
        self.delimiter = delimiter


def check_complete(text: str, lineno: int = 1) -> None:
    """Is text, as typed at a prompt, a whole command?  Raises Incomplete if it
    ends inside a construct, UnfinishedHeredoc if it ends inside a here-document
    (a script takes its end as the delimiter, as dash does; a prompt asks for
    more lines), ShellSyntaxError if it has an error."""
    parser = None
    try:
        parser = Parser(text, lineno)
        parser.parse_all()
    except Incomplete:
        if parser is None or parser.lexer.unfinished is None:
            raise
    if parser.lexer.unfinished is not None:
        raise UnfinishedHeredoc(*parser.lexer.unfinished)


class Parser:
    """Recursive descent over POSIX's shell grammar."""

    def __init__(self, text: str, lineno: int = 1) -> None:
        self.lexer = Lexer(text, lineno)
        self.expecting: list[str] = []      # what the innermost open construct awaits
        self.tok: Token = self.lexer.next()
        self.text = text

    # -- token helpers --

    def advance(self) -> Token:
        tok = self.tok
        self.tok = self.lexer.next()
        return tok

    def is_op(self, *ops: str) -> bool:
        return self.tok.kind == "OP" and self.tok.text in ops

    def is_word(self, *words: str) -> bool:
        return self.tok.kind == "WORD" and self.tok.text in words

    def unexpected(self, expecting: str | None = None) -> ShellSyntaxError:
        tok = self.tok
        if expecting is None and self.expecting:
            expecting = self.expecting[-1]
        if tok.kind == "EOF":
            what = "end of file unexpected" + (f' (expecting "{expecting}")' if expecting else "")
            return Incomplete(f"Syntax error: {what}", tok.lineno)
        shown = "newline" if tok.kind == "NEWLINE" else f'"{tok.text}"'
        what = f"{shown} unexpected" + (f' (expecting "{expecting}")' if expecting else "")
        lineno = tok.lineno + 1 if tok.kind == "NEWLINE" else tok.lineno   # the newline was read
        return ShellSyntaxError(f"Syntax error: {what}", lineno)

    def expect_word(self, word: str) -> None:
        if not self.is_word(word):
            raise self.unexpected(word)
        self.advance()

    def expect_op(self, op: str) -> None:
        if not self.is_op(op):
            raise self.unexpected(op)
        self.advance()

    def linebreak(self) -> None:
        while self.tok.kind == "NEWLINE":
            self.advance()

    # -- the grammar --

    def next_command(self) -> Node | None:
        """The next complete command (one line's worth), or None at the end."""
        self.linebreak()
        if self.tok.kind == "EOF":
            return None
        node = self.and_or_list(top=True)
        if self.tok.kind not in ("NEWLINE", "EOF"):
            raise self.unexpected()
        return node

    def parse_all(self) -> Node:
        items: list[tuple[Node, bool]] = []
        while (node := self.next_command()) is not None:
            items.append((node, False))
        return ListNode(items)

    def and_or_list(self, top: bool = False, stop: tuple[str, ...] = ()) -> Node:
        """and_or ((';' | '&' | newline) and_or)* -- a list."""
        items: list[tuple[Node, bool]] = []
        while True:
            node = self.and_or()
            background = False
            if self.is_op("&"):
                background = True
                self.advance()
            elif self.is_op(";"):
                self.advance()
            elif self.tok.kind == "NEWLINE" and not top:
                self.linebreak()
            else:
                items.append((node, background))
                break
            items.append((node, background))
            if top and self.tok.kind in ("NEWLINE", "EOF"):
                break
            if not top:
                self.linebreak()
            if self.at_list_end(stop):
                break
        return items[0][0] if len(items) == 1 and not items[0][1] else ListNode(items)

    def at_list_end(self, stop: tuple[str, ...]) -> bool:
        tok = self.tok
        return (tok.kind == "EOF" or (tok.kind == "OP" and tok.text in (")", ";;"))
                or (tok.kind == "WORD" and tok.text in stop))

    def compound_list(self, *stop: str, expecting: str | None = None) -> Node:
        self.expecting.append(expecting or (stop[-1] if stop else ")"))
        try:
            self.linebreak()
            if self.at_list_end(stop):
                raise self.unexpected()
            return self.and_or_list(stop=stop)
        finally:
            self.expecting.pop()

    def and_or(self) -> Node:
        first = self.pipeline()
        rest = []
        while self.is_op("&&", "||"):
            op = self.advance().text
            self.linebreak()
            rest.append((op, self.pipeline()))
        return AndOr(first, rest) if rest else first

    def pipeline(self) -> Node:
        negate = False
        if self.is_word("!"):
            self.advance()
            negate = True
        commands = [self.command()]
        while self.is_op("|"):
            self.advance()
            self.linebreak()
            commands.append(self.command())
        if len(commands) == 1 and not negate:
            return commands[0]
        return Pipeline(commands, negate)

    def command(self) -> Node:
        tok = self.tok
        if tok.kind == "OP" and tok.text == "(":
            self.advance()
            body = self.compound_list()
            self.expect_op(")")
            return self.with_redirects(Subshell(body))
        if tok.kind == "WORD":
            rule = COMPOUND_RULES.get(tok.text)
            if rule is not None:
                return self.with_redirects(getattr(self, rule)())
            if tok.text in NOT_A_COMMAND:
                raise self.unexpected()
        elif tok.kind != "IO_NUMBER" and not (tok.kind == "OP" and tok.text in REDIRECT_OPS):
            raise self.unexpected()
        return self.simple()

    def with_redirects(self, node):
        while True:
            r = self.redirect()
            if r is None:
                return node
            node.redirects.append(r)

    def redirect(self) -> Redirect | None:
        fd = None
        if self.tok.kind == "IO_NUMBER":
            fd = int(self.advance().text)
        if not (self.tok.kind == "OP" and self.tok.text in REDIRECT_OPS):
            if fd is not None:
                raise self.unexpected()
            return None
        op = self.advance().text
        if self.tok.kind != "WORD":
            raise self.unexpected()
        target = self.tok.text
        if fd is None:
            fd = 0 if op in ("<", "<&", "<>", "<<", "<<-") else 1
        r = Redirect(fd, op, target)
        if op in ("<<", "<<-"):
            # registered before the next token is read: its body follows that newline
            r.target, r.quoted = unquote_delimiter(target)
            self.lexer.pending_heredocs.append(r)
        self.advance()
        return r

    def simple(self) -> Node:
        cmd = Simple(lineno=self.tok.lineno)
        while True:
            r = self.redirect()
            if r is not None:
                cmd.redirects.append(r)
                continue
            if self.tok.kind != "WORD":
                break
            word = self.tok.text
            if not cmd.words and _is_assignment(word):
                cmd.assigns.append(self.advance().text)
                continue
            if not cmd.words and not cmd.assigns and self.lookahead_funcdef():
                return self.funcdef()
            cmd.words.append(self.advance().text)
        if not cmd.words and not cmd.assigns and not cmd.redirects:
            raise self.unexpected()
        return cmd

    def lookahead_funcdef(self) -> bool:
        """NAME ( ) starts a function definition."""
        return FUNCDEF_PARENS.match(self.lexer.text, self.lexer.pos) is not None and \
            _is_name(self.tok.text)

    def funcdef(self) -> Node:
        name = self.advance().text
        start = self.lexer.pos
        self.expect_op("(")
        self.expect_op(")")
        self.linebreak()
        body = self.command()
        if not isinstance(body, (Group, Subshell, If, Loop, For, Case)):
            raise ShellSyntaxError("Syntax error: bad function body", self.tok.lineno)
        return FuncDef(name, body, self.lexer.text[start:self.lexer.pos])

    def group(self) -> Node:
        self.advance()
        body = self.compound_list("}")
        self.expect_word("}")
        return Group(body)

    def if_(self) -> Node:
        self.advance()
        branches = []
        cond = self.compound_list("then")
        self.expect_word("then")
        body = self.compound_list("elif", "else", "fi")
        branches.append((cond, body))
        orelse = None
        while True:
            if self.is_word("elif"):
                self.advance()
                cond = self.compound_list("then")
                self.expect_word("then")
                branches.append((cond, self.compound_list("elif", "else", "fi")))
            elif self.is_word("else"):
                self.advance()
                orelse = self.compound_list("fi")
                self.expect_word("fi")
                break
            else:
                self.expect_word("fi")
                break
        return If(branches, orelse)

    def loop(self) -> Node:
        until = self.advance().text == "until"
        cond = self.compound_list("do")
        body = self.do_group()
        return Loop(cond, body, until)

    def do_group(self) -> Node:
        self.expect_word("do")
        body = self.compound_list("done")
        self.expect_word("done")
        return body

    def for_(self) -> Node:
        self.advance()
        if self.tok.kind != "WORD" or not _is_name(self.tok.text):
            raise ShellSyntaxError("Syntax error: Bad for loop variable", self.tok.lineno)
        var = self.advance().text
        words = None
        self.linebreak()
        if self.is_word("in"):
            self.advance()
            words = []
            while self.tok.kind == "WORD":
                words.append(self.advance().text)
            if not self.is_op(";") and self.tok.kind != "NEWLINE":
                raise self.unexpected()
            self.advance()
            self.linebreak()
        elif self.is_op(";"):
            self.advance()
            self.linebreak()
        return For(var, words, self.do_group())

    def case(self) -> Node:
        self.advance()
        if self.tok.kind != "WORD":
            raise self.unexpected()
        word = self.advance().text
        self.linebreak()
        self.expect_word("in")
        self.linebreak()
        arms = []
        while not self.is_word("esac"):
            if self.is_op("("):
                self.advance()
            patterns = []
            while True:
                if self.tok.kind != "WORD":
                    raise self.unexpected()
                patterns.append(self.advance().text)
                if self.is_op("|"):
                    self.advance()
                    continue
                break
            self.expect_op(")")
            self.linebreak()
            body = None
            if not self.is_op(";;") and not self.is_word("esac"):
                body = self.and_or_list(stop=("esac",))
            arms.append((patterns, body))
            if self.is_op(";;"):
                self.advance()
                self.linebreak()
            elif not self.is_word("esac"):
                raise self.unexpected("esac" if self.tok.kind == "EOF" else None)
        self.advance()
        return Case(word, arms)


def _is_name(s: str) -> bool:
    return bool(s) and (s[0].isalpha() or s[0] == "_") and all(c.isalnum() or c == "_" for c in s) \
        and s.isascii()


def _is_assignment(word: str) -> bool:
    name, eq, _ = word.partition("=")
    return bool(eq) and _is_name(name)


def is_name(s: str) -> bool:
    return _is_name(s)
