"""The shell's lexer and parser: text to a syntax tree (POSIX's grammar, dash's messages).

The lexer cuts the text into words and operators, keeping each word exactly as
written -- quotes, `$(...)` and all -- because expansion happens only when the
command runs.  The parser is recursive descent over the POSIX grammar and hands
out one complete command at a time, so a script runs up to the line where a
syntax error is, as dash does.

Nesting costs no Python stack: each rule is a generator that yields the rules
it needs (vshell/trampoline.py), and the lexer keeps what a word is inside
(quotes, `${`, `$((`, backquotes) on a list.  A `$(...)` in a word is parsed
as a command list when it is read, as dash does, so that the `)` of a `case`
pattern or a comment inside it does not end it.
"""
from __future__ import annotations

import re

from .ast import (AndOr, Case, For, FuncDef, Group, If, ListNode, Loop, Node, Pipeline,
                  Record, Redirect, Simple, Subshell)
from .trampoline import drive

OPERATORS = ["<<-", "&&", "||", ";;", ";&", "<<", ">>", "<&", ">&", "<>", ">|",
             "|", "&", ";", "<", ">", "(", ")"]
METACHARS = frozenset(" \t\n;&|<>()")
OPERATOR_START = frozenset("<>&|;()")
OPERATOR_PREFIXES = {op[:k] for op in OPERATORS for k in range(1, len(op) + 1)}
FUNCDEF_PARENS = re.compile(r"[ \t]*\(")
PLAIN_RUN = re.compile(r"[^ \t\n;&|<>()\\'\"`$]+")     # characters that stand for themselves
TRIM = re.compile(r"\$\{(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])[#%]")   # ${x#..., ${x%...
HEREDOC_RUN = re.compile(r"[^\\`$\n]+")                  # ... in a here-document
QUOTED_RUN = re.compile(r"[^\\\"`$\n]+")               # ... inside double quotes
RESERVED = {"if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while",
            "until", "for", "in", "{", "}", "!"}
COMPOUND_RULES = {"{": "group", "if": "if_", "while": "loop", "until": "loop", "for": "for_",
                  "case": "case"}              # the reserved words that start a command
LIST_END = {"then", "else", "elif", "fi", "do", "done", "esac", "}"}   # (and ")", ";;", EOF)
SPECIAL_BUILTINS = {":", ".", "break", "continue", "eval", "exec", "exit", "export", "readonly",
                    "return", "set", "shift", "times", "trap", "unset", "local"}    # no function has their names
REDIRECT_OPS = {"<", ">", ">>", "<>", ">|", "<&", ">&", "<<", "<<-"}
MAX_NESTING = 50_000          # commands inside commands (dash's C stack ends near 100,000)
MAX_SUBST_NESTING = 500       # $(...) inside $(...): each one runs in a process of its own


class ShellSyntaxError(Exception):
    """A syntax error, with dash's wording (`"|" unexpected`)."""

    def __init__(self, message: str, lineno: int) -> None:
        super().__init__(message)
        self.lineno = lineno


class Incomplete(ShellSyntaxError):
    """The input ended inside a construct: an interactive shell asks for more."""
    in_subst = False        # inside a $( ): a here-document's error is past its end


class Token(Record):
    __slots__ = ("kind", "text", "lineno")

    def __init__(self, kind: str, text: str, lineno: int) -> None:
        self.kind = kind        # WORD, OP, IO_NUMBER, NEWLINE, EOF
        self.text = text
        self.lineno = lineno


class Lexer:
    def __init__(self, text: str, lineno: int = 1, aliases: dict[str, str] | None = None) -> None:
        self.text = text
        self.pos = 0
        self.lineno = lineno
        self.pending_heredocs: list[Redirect] = []
        self.unfinished: tuple[str, int] | None = None    # a here-document cut off by the end
        self.substs = 0             # how many $( the lexer is inside
        self.ends: dict[int, int] | None = None     # see scan
        self.aliases = {} if aliases is None else aliases
        self.tok_start = 0          # where the last token read starts
        self.active: list[tuple[str, int]] = []     # aliases being read: (name, where its text ends)
        self.alias_after: int | None = None         # an alias ended in a blank: the word here is checked too

    # -- aliases: dash replaces a command word that names one by its text --

    def is_alias(self, word: str) -> bool:
        """Is word an alias that may be replaced where the last token starts
        (one is never replaced inside its own text: `alias ls='ls -l'`)?"""
        if word not in self.aliases or word in RESERVED or self.substs:
            return False          # (a $(...) is read again when it runs: its aliases then)
        at = self.tok_start
        self.active = [(name, end) for name, end in self.active if end > at]
        return all(name != word for name, end in self.active)

    def replace_alias(self, word: str) -> None:
        """The last token, an alias, becomes its text, to be read again."""
        value = self.aliases[word]
        start, stop = self.tok_start, self.pos
        self.text = self.text[:start] + value + self.text[stop:]
        shift = len(value) - (stop - start)
        self.active = [(name, end + shift) for name, end in self.active] + [(word, start + len(value))]
        self.pos = start
        self.alias_after = start + len(value) if value[-1:] in (" ", "\t") else None

    def error(self, message: str, incomplete: bool = False) -> ShellSyntaxError:
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
                end = text.find("\n", self.pos)
                self.pos = n if end < 0 else end
            else:
                break
        self.tok_start = self.pos
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
            return self.operator()
        start_line = self.lineno
        word = self.read_word()
        if len(word) == 1 and word.isdigit() and self.skip_continuations() < n and \
                text[self.pos] in "<>":
            return Token("IO_NUMBER", word, start_line)      # (one digit, as in dash)
        return Token("WORD", word, start_line)

    def operator(self) -> Token:
        """The longest operator at pos.  A backslash-newline may split one
        (`&\\<newline>&`): dash drops them as it reads its input."""
        text, start_line = self.text, self.lineno
        chars, ends = "", []
        while len(chars) < 3 and self.pos < len(text) and chars + text[self.pos] in OPERATOR_PREFIXES:
            chars += text[self.pos]
            self.pos += 1
            ends.append((self.pos, self.lineno))
            self.skip_continuations()
        for op in OPERATORS:
            if chars.startswith(op):
                self.pos, self.lineno = ends[len(op) - 1]
                return Token("OP", op, start_line)
        raise AssertionError(chars)

    def skip_continuations(self) -> int:
        """Past any backslash-newlines at pos; where that leaves pos."""
        while self.text.startswith("\\\n", self.pos):
            self.pos += 2
            self.lineno += 1
        return self.pos

    # -- words --

    def read_word(self) -> str:
        """A word as written, up to the first unquoted metacharacter, less its
        line continuations."""
        return self.scan("word")

    def scan(self, mode: str) -> str:
        """Scan text from pos: a "word" (to the first unquoted metacharacter),
        a "whole" text as one word, or a here-document's body ("heredoc":
        quotes are ordinary characters there).  `inside` says what
        the scan is in: '"' double quotes, '}' or '"}' a ${...} (the second
        inside double quotes, where single quotes are ordinary), [n] a
        $((...)) with n parentheses open, (start,) backquotes.  With `ends`
        set, where each construct ends is noted there, by where it starts."""
        text, n = self.text, len(self.text)
        out: list[str] = []         # the text, less its line continuations
        mark = self.pos             # text from mark to pos is still to be copied to out
        inside: list = []
        starts: list[int] = []      # where each of inside's constructs started
        ends = self.ends
        word, heredoc = mode == "word", mode == "heredoc"
        quoted_bottom = heredoc
        while self.pos < n:
            c = text[self.pos]
            top = inside[-1] if inside else None
            if c == "\\":
                if text.startswith("\\\n", self.pos):    # a line continuation: gone
                    out.append(text[mark:self.pos])
                    self.pos += 2
                    mark = self.pos
                    self.lineno += 1
                else:
                    self.pos += 2
                continue
            closed = False
            if top is None:
                if word and c in METACHARS:
                    break
                if heredoc and c not in "$`\n":
                    m = HEREDOC_RUN.match(text, self.pos)
                    self.pos = m.end() if m else self.pos + 1
                    continue
            elif type(top) is list:                       # $(( ... )): [open parens]
                if c == "(":
                    top[0] += 1
                elif c == ")":
                    if top[0] == 0 and text.startswith("))", self.pos):
                        self.pos += 2
                        closed = True
                    else:
                        top[0] = max(top[0] - 1, 0)     # (an unbalanced one: dash reads on)
            elif type(top) is tuple:                      # `...`: (where it started,)
                if c == "`":
                    self.pos += 1
                    closed = True
                else:
                    if c == "\n":
                        self.lineno += 1
                    self.pos += 1
                    continue
            elif top == '"':
                if c == '"':
                    self.pos += 1
                    closed = True
                elif c not in "$`":
                    m = QUOTED_RUN.match(text, self.pos)
                    if m:
                        self.lineno += m.group().count("\n")
                        self.pos = m.end()
                    else:
                        self.lineno += 1
                        self.pos += 1
                    continue
            elif c == "}":                                # top is '}' or '"}'
                self.pos += 1
                closed = True
            if closed:
                inside.pop()
                began = starts.pop()
                if ends is not None:
                    ends[began] = self.pos
                if type(top) is tuple:
                    self.check_backquote(began, '"' in inside or quoted_bottom)
                continue
            # what is left is the same at every level
            if c == "'" and top != '"' and top != '"}' and not (top is None and quoted_bottom):
                end = text.find("'", self.pos + 1)
                if end < 0:
                    raise self.error("Unterminated quoted string", True)
                self.lineno += text.count("\n", self.pos, end)
                if ends is not None:
                    ends[self.pos] = end + 1
                self.pos = end + 1
            elif c == '"' and not (top is None and heredoc):
                inside.append('"')
                starts.append(self.pos)
                self.pos += 1
            elif c == "`":
                inside.append((self.pos,))
                starts.append(self.pos)
                self.pos += 1
            elif c == "$":
                nxt = text[self.pos + 1:self.pos + 2]
                if nxt == "'" and top in (None, "}") and not (top is None and quoted_bottom):
                    self.dollar_single_quote()           # $'...' (POSIX 2024): escapes inside
                elif nxt == "{":
                    # in double quotes, single quotes are ordinary characters
                    # in ${x:-word}, but quote in ${x#pattern}, as in dash
                    dq = top in ('"', '"}') or (top is None and quoted_bottom)
                    if dq and TRIM.match(text, self.pos):
                        dq = False
                    inside.append('"}' if dq else "}")
                    starts.append(self.pos)
                    self.pos += 2
                elif nxt == "(" and text.startswith("$((", self.pos):
                    inside.append([0])
                    starts.append(self.pos)
                    self.pos += 3
                elif nxt == "(":
                    began = self.pos
                    self.pos += 2
                    self.command_substitution()
                    if ends is not None:
                        ends[began] = self.pos
                else:
                    self.pos += 1
            elif c == "\n":
                self.lineno += 1
                self.pos += 1
            elif top is None and word:
                m = PLAIN_RUN.match(text, self.pos)
                self.pos = m.end() if m else self.pos + 1
            else:
                self.pos += 1
        if inside:
            if heredoc:      # (quotes are not checked there, as in dash)
                inside = [t for t in inside if t != '"'] or inside
            raise self.error(_unclosed(inside[-1]), True)
        out.append(text[mark:self.pos])
        return "".join(out)

    def dollar_single_quote(self) -> None:
        """$'...' at pos: up to the first ' no backslash escapes."""
        text, start = self.text, self.pos
        k = start + 2
        while k < len(text) and text[k] != "'":
            k += 2 if text[k] == "\\" else 1
        if k >= len(text):
            raise self.error("Unterminated quoted string", True)
        self.lineno += text.count("\n", start, k)
        if self.ends is not None:
            self.ends[start] = k + 1
        self.pos = k + 1

    def command_substitution(self) -> None:
        """$( list ): parsed now, from this text (its here-documents too);
        the word keeps it as text, run when the word is expanded."""
        if self.substs >= MAX_SUBST_NESTING:
            raise self.error("too deeply nested")
        saved, self.pending_heredocs = self.pending_heredocs, []
        self.substs += 1
        try:
            parser = Parser(lexer=self)
            drive(parser.subst_body())
        except Incomplete as e:
            e.in_subst = True
            raise
        finally:
            self.substs -= 1
            self.pending_heredocs = saved + self.pending_heredocs

    def check_backquote(self, start: int, in_quotes: bool) -> None:
        """`list`: its text, less the backslashes that quote \\ ` $ (and " in
        double quotes), must parse, as dash checks it when it reads it."""
        body = unescape_backquote(self.text[start + 1:self.pos - 1], in_quotes)
        first = self.lineno - self.text.count("\n", start, self.pos)
        try:
            Parser(body, first, aliases=self.aliases).parse_all()
        except ShellSyntaxError as e:
            raise type(e)(str(e), e.lineno) from None

    # -- here-documents: their bodies follow the line that asked for them --

    def read_heredocs(self) -> None:
        at = self.lineno - (self.text[self.pos - 1:self.pos] == "\n")     # the operators' line
        for r in self.pending_heredocs:
            lines = []
            first = self.lineno
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
            if not r.quoted and ("$" in r.heredoc or "`" in r.heredoc):
                self.check_heredoc(r.heredoc, first)
        self.pending_heredocs = []

    def check_heredoc(self, body: str, first: int) -> None:
        """An unquoted here-document's substitutions must parse, as in a word.
        Its end ends its ${ and $(( (dash: `Missing '}'`), but a $( reads on
        through the rest of the script, as dash's does."""
        lexer = Lexer(body, first)
        try:
            lexer.scan("heredoc")
        except Incomplete as e:
            raise ShellSyntaxError(str(e), self.lineno + (
                self.text.count("\n", self.pos) if e.in_subst else 0)) from None


def _unclosed(top) -> str:
    """What dash says when the text ends inside a word's construct."""
    if type(top) is list:
        return "Missing '))'"
    if type(top) is tuple:
        return "EOF in backquote substitution"
    if top == '"':
        return "Unterminated quoted string"
    return "Missing '}'"


def unescape_backquote(body: str, in_quotes: bool) -> str:
    r"""Inside `...`, a backslash quotes only \, ` and $ (and " in double quotes)."""
    specials = "\\`$\"" if in_quotes else "\\`$"
    return re.sub(r"\\(.)", lambda m: m.group(1) if m.group(1) in specials else m.group(),
                  body, flags=re.S)


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
    """Recursive descent over POSIX's shell grammar, the recursion kept on a
    list by the trampoline: each rule is a generator, and `x = yield
    self.rule()` parses a rule inside another."""

    def __init__(self, text: str = "", lineno: int = 1, lexer: Lexer | None = None,
                 aliases: dict[str, str] | None = None) -> None:
        self.lexer = Lexer(text, lineno, aliases) if lexer is None else lexer
        self.depth = 0              # how many commands the parser is inside
        self.tok: Token = self.lexer.next()

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
        if tok.kind == "EOF":
            what = "end of file unexpected" + (f' (expecting "{expecting}")' if expecting else "")
            return Incomplete(f"Syntax error: {what}", tok.lineno)
        shown = {"NEWLINE": "newline", "IO_NUMBER": "word"}.get(tok.kind, f'"{tok.text}"')
        if tok.text == ";&" and tok.kind == "OP":
            shown, expecting = '"&"', None  # (outside case, dash reads ; and then &)
        if tok.kind == "WORD" and tok.text not in RESERVED:
            shown = "word"
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

    def command_start(self, newlines: bool = True) -> None:
        """Where a command may start: newlines are skipped and an alias is
        replaced, as dash reads a command's first word (CHKNL | CHKALIAS) --
        so an alias may stand for nothing, a keyword, `!` or `;;`."""
        if newlines:
            self.linebreak()
        if not self.lexer.aliases:
            return
        while self.tok.kind == "WORD" and self.lexer.is_alias(self.tok.text):
            self.lexer.replace_alias(self.tok.text)
            self.tok = self.lexer.next()
            if newlines:
                self.linebreak()

    def at_list_end(self) -> bool:
        tok = self.tok
        return (tok.kind == "EOF" or (tok.kind == "OP" and tok.text in (")", ";;", ";&"))
                or (tok.kind == "WORD" and tok.text in LIST_END))

    # -- the entry points --

    def next_command(self) -> Node | None:
        """The next complete command (one line's worth), or None at the end."""
        self.command_start()
        if self.tok.kind == "EOF":
            return None
        node = drive(self.and_or_list(top=True))
        if self.tok.kind not in ("NEWLINE", "EOF"):
            raise self.unexpected()
        return node

    def at_end(self) -> bool:
        """Did the command just read end the text?  (As in dash, one followed
        by a newline is not known to be the last.)"""
        return self.tok.kind == "EOF"

    def parse_all(self) -> Node:
        items: list[tuple[Node, bool]] = []
        while (node := self.next_command()) is not None:
            items.append((node, False))
        return ListNode(items)

    def subst_body(self):
        """What $( ... ) holds: a list, maybe empty, then the `)`."""
        self.linebreak()
        if not self.is_op(")"):
            yield self.compound_list(")")
        if not self.is_op(")"):
            raise self.unexpected(")")

    # -- the grammar --

    def and_or_list(self, top: bool = False):
        """and_or ((';' | '&' | newline) and_or)* -- a list.  At the top, a
        newline ends it: one complete command at a time."""
        items: list[tuple[Node, bool]] = []
        while True:
            node = yield self.and_or()
            background = self.is_op("&")
            items.append((node, background))
            if background or self.is_op(";"):
                self.advance()
            elif self.tok.kind == "NEWLINE" and not top:
                self.linebreak()
            else:
                break
            self.command_start(newlines=not top)   # (an alias may stand for `}` or `done`)
            if top and self.tok.kind in ("NEWLINE", "EOF"):
                break
            if not top and self.at_list_end():
                break
        return items[0][0] if len(items) == 1 and not items[0][1] else ListNode(items)

    def compound_list(self, expecting: str):
        """A list inside a compound command.  Running into the end of the text
        says what was expected; a word that closes a construct where a command
        should be is just unexpected (`if true; then fi`: "fi" unexpected)."""
        self.command_start()
        if self.tok.kind == "EOF":
            raise self.unexpected(expecting)
        return (yield self.and_or_list())

    def and_or(self):
        first = yield self.pipeline()
        rest = []
        while self.is_op("&&", "||"):
            op = self.advance().text
            self.command_start()
            rest.append((op, (yield self.pipeline())))
        return AndOr(first, rest) if rest else first

    def pipeline(self):
        negate = False
        self.command_start(newlines=False)
        if self.is_word("!"):
            self.advance()
            negate = True
        commands = [(yield self.command())]
        while self.is_op("|"):
            self.advance()
            self.command_start()
            commands.append((yield self.command()))
        if len(commands) == 1 and not negate:
            return commands[0]
        return Pipeline(commands, negate)

    def alias(self) -> None:
        """The current word, in a command's first place, may be an alias."""
        lexer = self.lexer
        while self.tok.kind == "WORD" and lexer.is_alias(self.tok.text):
            lexer.replace_alias(self.tok.text)
            self.tok = lexer.next()

    def command(self):
        if self.lexer.aliases:
            self.alias()
        tok = self.tok
        if self.depth >= MAX_NESTING:
            raise ShellSyntaxError("Syntax error: too deeply nested", tok.lineno)
        self.depth += 1
        try:
            if tok.kind == "OP" and tok.text == "(":
                self.advance()
                body = yield self.compound_list(")")
                self.expect_op(")")
                node = Subshell(body)
                node.lineno = tok.lineno
                return self.with_redirects(node)
            if tok.kind == "WORD":
                rule = COMPOUND_RULES.get(tok.text)
                if rule is not None:
                    node = yield getattr(self, rule)()
                    node.lineno = tok.lineno
                    return self.with_redirects(node)
                if tok.text in RESERVED:
                    raise self.unexpected()
                if FUNCDEF_PARENS.match(self.lexer.text, self.lexer.pos) and \
                        not _is_assignment(tok.text):
                    return (yield self.funcdef())
            elif tok.kind != "IO_NUMBER" and not (tok.kind == "OP" and tok.text in REDIRECT_OPS):
                raise self.unexpected()
            return self.simple()
        finally:
            self.depth -= 1

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
            after = self.lexer.alias_after
            if after is not None and self.lexer.tok_start >= after:
                self.lexer.alias_after = None      # the word after an alias that ends in a blank
                self.alias()
                continue
            word = self.tok.text
            if not cmd.words and _is_assignment(word):
                cmd.assigns.append(self.advance().text)
                continue
            if not cmd.words and (cmd.assigns or cmd.redirects) and self.lexer.aliases \
                    and self.lexer.is_alias(word):
                self.alias()                       # (after `x=1` or `>f` too, as in dash)
                continue
            cmd.words.append(self.advance().text)
        if self.is_op("("):
            raise self.unexpected()
        if not cmd.words and not cmd.assigns and not cmd.redirects:
            raise self.unexpected()
        return cmd

    def funcdef(self):
        """NAME ( ) command: any command is a body, as in dash."""
        name = self.advance().text
        self.expect_op("(")
        self.expect_op(")")
        if not _is_name(name) or name in SPECIAL_BUILTINS:
            raise ShellSyntaxError("Syntax error: Bad function name", self.tok.lineno)
        self.linebreak()
        return FuncDef(name, (yield self.command()))

    def group(self):
        self.advance()
        body = yield self.compound_list("}")
        self.expect_word("}")
        return Group(body)

    def if_(self):
        self.advance()
        branches = []
        cond = yield self.compound_list("then")
        self.expect_word("then")
        body = yield self.compound_list("fi")
        branches.append((cond, body))
        orelse = None
        while True:
            if self.is_word("elif"):
                self.advance()
                cond = yield self.compound_list("then")
                self.expect_word("then")
                branches.append((cond, (yield self.compound_list("fi"))))
            elif self.is_word("else"):
                self.advance()
                orelse = yield self.compound_list("fi")
                self.expect_word("fi")
                break
            else:
                self.expect_word("fi")
                break
        return If(branches, orelse)

    def loop(self):
        until = self.advance().text == "until"
        cond = yield self.compound_list("do")
        body = yield self.do_group()
        return Loop(cond, body, until)

    def do_group(self):
        self.expect_word("do")
        body = yield self.compound_list("done")
        self.expect_word("done")
        return body

    def for_(self):
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
        return For(var, words, (yield self.do_group()))

    def case(self):
        self.advance()
        if self.tok.kind != "WORD":
            raise self.unexpected()
        word = self.advance().text
        self.linebreak()
        self.expect_word("in")
        self.linebreak()
        arms = []
        fallthrough = set()                  # arms ended by ;& (POSIX 2024): the next body runs too
        while not self.is_word("esac"):
            if self.is_op("("):
                self.advance()
            patterns = []
            while True:
                if self.tok.kind != "WORD":
                    raise self.unexpected(")" if self.tok.kind == "EOF" else None)
                patterns.append(self.advance().text)
                if self.is_op("|"):
                    self.advance()
                    continue
                break
            self.expect_op(")")
            self.command_start()
            body = None
            if not self.is_op(";;") and not self.is_op(";&") and not self.is_word("esac"):
                if self.tok.kind == "EOF":
                    raise self.unexpected(";;")
                body = yield self.and_or_list()
            arms.append((patterns, body))
            if self.is_op(";;") or self.is_op(";&"):
                if self.is_op(";&"):
                    fallthrough.add(len(arms) - 1)
                self.advance()
                self.linebreak()
            elif not self.is_word("esac"):
                raise self.unexpected(";;" if self.tok.kind == "EOF" else None)
        self.advance()
        return Case(word, arms, fallthrough=fallthrough)


def _is_name(s: str) -> bool:
    return bool(s) and (s[0].isalpha() or s[0] == "_") and all(c.isalnum() or c == "_" for c in s) \
        and s.isascii()


def _is_assignment(word: str) -> bool:
    name, eq, _ = word.partition("=")
    return bool(eq) and _is_name(name)


def is_name(s: str) -> bool:
    return _is_name(s)
