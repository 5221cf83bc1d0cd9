"""Word expansion, in POSIX's order: tilde, parameters, command substitution and
arithmetic; then field splitting on IFS, pathname expansion against the virtual
file system, and quote removal.

A word is expanded into pieces that remember how they were quoted: quoted text
is never split or globbed, the result of an unquoted expansion is both, and
unquoted literal text is globbed but not split.
"""
from __future__ import annotations

import fnmatch

from kernel.libpy.runtime import host_module

from .parser import is_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell

LIT, QUOTED, EXP = 0, 1, 2          # how a piece of a word was written
BREAK = (None, -1)                  # a field boundary inside "$@"
GLOB_CHARS = set("*?[")
SPECIAL_CHARS = frozenset("$'\"\\`*?[~")     # a word without these expands to itself


class ExpansionError(Exception):
    """${x?message}, a bad substitution, set -u: the shell reports it (status 2)."""


class Expander:
    def __init__(self, sh: "Shell") -> None:
        self.sh = sh

    # ---- the entry points --------------------------------------------------------

    def fields(self, words: list[str]) -> list[str]:
        """Full expansion of command words: may give more or fewer fields."""
        out: list[str] = []
        for word in words:
            if SPECIAL_CHARS.isdisjoint(word):    # a plain word is itself
                out.append(word)
                continue
            for pieces in self.split(self.pieces(word)):
                out.extend(self.glob(pieces))
        return out

    def string(self, word: str) -> str:
        """Expansion without splitting or globbing (assignments, redirections, case)."""
        return "".join(text for text, kind in self.pieces(word) if kind != -1)

    def pattern(self, word: str) -> str:
        """A case or ${x#pattern} pattern: quoted characters match only themselves."""
        return "".join(_escape(text) if kind == QUOTED else text
                       for text, kind in self.pieces(word) if kind != -1)

    def heredoc(self, body: str) -> str:
        """A here-document's body: parameters, substitutions, arithmetic, backslashes."""
        return "".join(text for text, kind in self.scan(body, in_heredoc=True) if kind != -1)

    # ---- scanning a word into pieces ------------------------------------------------

    def pieces(self, word: str) -> list[tuple]:
        return self.scan(word)

    def scan(self, word: str, quoted: bool = False, in_heredoc: bool = False) -> list[tuple]:
        out: list[tuple] = []
        i, n = 0, len(word)
        if not quoted and not in_heredoc and word.startswith("~"):
            i = self.tilde(word, out)
        while i < n:
            c = word[i]
            if c == "\\":
                if in_heredoc or quoted:
                    nxt = word[i + 1:i + 2]
                    if nxt in ("$", "`", "\\", "\n") or (nxt == '"' and quoted):
                        out.append((nxt if nxt != "\n" else "", QUOTED))
                        i += 2
                    else:
                        out.append(("\\", QUOTED))
                        i += 1
                else:
                    out.append((word[i + 1:i + 2], QUOTED))
                    i += 2
            elif c == "'" and not quoted and not in_heredoc:
                end = word.find("'", i + 1)
                if end < 0:
                    raise ExpansionError("Syntax error: Unterminated quoted string")
                out.append((word[i + 1:end], QUOTED))
                i = end + 1
            elif c == '"' and not quoted and not in_heredoc:
                end = _matching_quote(word, i)
                inner = self.scan(word[i + 1:end], quoted=True)
                if inner != [("", -2)]:
                    out.append(("", QUOTED))      # "" is still a (empty) field
                out.extend(inner)
                i = end + 1
            elif c == "$":
                i = self.dollar(word, i, out, quoted or in_heredoc)
            elif c == "`":
                end = _matching_backquote(word, i)
                body = _unescape_backquote(word[i + 1:end])
                out.append((self.sh.command_substitution(body), QUOTED if quoted or in_heredoc else EXP))
                i = end + 1
            else:
                j = i + 1
                while j < n and word[j] not in "\\'\"$`":
                    j += 1
                out.append((word[i:j], QUOTED if quoted or in_heredoc else LIT))
                i = j
        return out

    def tilde(self, word: str, out: list) -> int:
        end = word.find("/")
        end = len(word) if end < 0 else end
        user = word[1:end]
        if any(c in user for c in "\\'\"$`"):
            return 0
        if not user:
            home = self.sh.state.get("HOME")
        else:
            home = self.sh.home_of(user)
        if home is None:
            return 0
        out.append((home, QUOTED))
        return end

    # ---- $ expansions ------------------------------------------------------------

    def dollar(self, word: str, i: int, out: list, quoted: bool) -> int:
        kind = QUOTED if quoted else EXP
        n = len(word)
        nxt = word[i + 1:i + 2]
        if word.startswith("$((", i):
            end = _matching(word, i + 3, "(", ")", 2)
            expr = self.string_in_arith(word[i + 3:end - 1])
            arith = host_module("vshell.arith")      # loaded on first use (start-up)
            try:
                value = arith.evaluate(expr, self.sh.state)
            except arith.IllegalNumber as e:
                raise ExpansionError(str(e))
            except arith.ArithError as e:
                raise ExpansionError(f"arithmetic expression: {e}: \"{expr}\"")
            out.append((str(value), kind))
            return end + 1
        if nxt == "(":
            end = _matching(word, i + 2, "(", ")", 1)
            out.append((self.sh.command_substitution(word[i + 2:end]), kind))
            return end + 1
        if nxt == "{":
            end = _matching(word, i + 2, "{", "}", 1, quoted)
            self.braced(word[i + 2:end], out, quoted)
            return end + 1
        if nxt and (nxt.isalpha() or nxt == "_"):
            j = i + 1
            while j < n and (word[j].isalnum() or word[j] == "_"):
                j += 1
            self.param(word[i + 1:j], out, quoted)
            return j
        if nxt and (nxt.isdigit() or nxt in "@*#?$!-"):
            self.param(nxt, out, quoted)
            return i + 2
        out.append(("$", QUOTED if quoted else LIT))
        return i + 1

    def string_in_arith(self, expr: str) -> str:
        return "".join(text for text, kind in self.scan(expr, in_heredoc=True) if kind != -1)

    def value(self, name: str):
        """A parameter's value: a string, or None if unset ("@" and "*" give lists)."""
        st = self.sh.state
        if name in ("@", "*"):
            return list(st.positional)
        if name.isdigit():
            k = int(name)
            if k == 0:
                return st.argv0
            return st.positional[k - 1] if k <= len(st.positional) else None
        special = {"#": lambda: str(len(st.positional)), "?": lambda: str(st.status),
                   "$": lambda: str(st.pid), "!": lambda: str(st.last_bg) if st.last_bg else None,
                   "-": lambda: "".join(sorted(st.options))}
        if name in special:
            return special[name]()
        return st.get(name)

    def param(self, name: str, out: list, quoted: bool) -> None:
        v = self.value(name)
        if isinstance(v, list):
            self.emit_list(name, v, out, quoted)
            return
        if v is None:
            if "u" in self.sh.state.options and name not in ("@", "*", "!"):
                raise ExpansionError(f"{name}: parameter not set")
            v = ""
        out.append((v, QUOTED if quoted else EXP))

    def emit_list(self, name: str, values: list[str], out: list, quoted: bool) -> None:
        if quoted and name == "@":
            for k, v in enumerate(values):
                if k:
                    out.append(BREAK)
                out.append((v, QUOTED))
            if not values:
                out.append(("", -2))          # "$@" with no parameters: no field at all
            return
        if quoted:
            ifs = self.sh.state.get("IFS")
            sep = " " if ifs is None else ifs[:1]
            out.append((sep.join(values), QUOTED))
            return
        for k, v in enumerate(values):
            if k:
                out.append(BREAK)
            out.append((v, EXP))

    def braced(self, body: str, out: list, quoted: bool) -> None:
        """${name}, ${#name}, ${name:-word} and the rest of POSIX's forms."""
        if body.startswith("#") and len(body) > 1:
            name = body[1:]
            v = self.value(name)
            if isinstance(v, list):
                v = " ".join(v)               # dash: ${#@} is the length of "$*"
            if v is None:
                if "u" in self.sh.state.options:
                    raise ExpansionError(f"{name}: parameter not set")
                v = ""
            out.append((str(len(v)), QUOTED if quoted else EXP))
            return
        j = 0
        if body[:1] in "@*#?$!-" and body[:1]:
            j = 1
        elif body[:1].isdigit():
            while j < len(body) and body[j].isdigit():
                j += 1
        else:
            while j < len(body) and (body[j].isalnum() or body[j] == "_"):
                j += 1
        name, rest = body[:j], body[j:]
        if not name:
            raise ExpansionError("Bad substitution")
        if not rest:
            self.param(name, out, quoted)
            return
        op = rest[:2] if rest[:2] in (":-", ":=", ":?", ":+", "##", "%%") else rest[:1]
        arg = rest[len(op):]
        if op not in (":-", ":=", ":?", ":+", "-", "=", "?", "+", "#", "##", "%", "%%"):
            raise ExpansionError("Bad substitution")
        v = self.value(name)
        if isinstance(v, list):
            v = " ".join(v) if v else None if name == "@" else ""
            if v is None and name in ("@", "*"):
                v = None
        unset = v is None
        null = unset or (op.startswith(":") and v == "")
        kind = QUOTED if quoted else EXP
        if op in (":-", "-"):
            if null if op == ":-" else unset:
                out.extend(self.word_arg(arg, quoted))
            else:
                self.param(name, out, quoted)
        elif op in (":=", "="):
            if null if op == ":=" else unset:
                if not is_name(name):
                    raise ExpansionError(f"{name}: bad variable name")
                value = self.string(arg) if not quoted else "".join(
                    t for t, k in self.scan(arg, quoted=True) if k != -1)
                self.sh.state.assign(name, value)
                out.append((value, kind))
            else:
                self.param(name, out, quoted)
        elif op in (":?", "?"):
            if null if op == ":?" else unset:
                message = self.string(arg) if arg else "parameter not set" if unset else "parameter null"
                raise ExpansionError(f"{name}: {message}")
            self.param(name, out, quoted)
        elif op in (":+", "+"):
            if not (null if op == ":+" else unset):
                out.extend(self.word_arg(arg, quoted))
            else:
                out.append(("", kind))
        else:
            if unset and "u" in self.sh.state.options:
                raise ExpansionError(f"{name}: parameter not set")
            out.append((_remove(v or "", self.pattern(arg), op), kind))

    def word_arg(self, arg: str, quoted: bool) -> list[tuple]:
        """The word of ${x:-word}: expanded, and (unquoted) split like any expansion."""
        if not arg:
            return [("", QUOTED if quoted else EXP)]
        pieces = self.scan(arg, quoted=quoted)
        return pieces if quoted else [(t, EXP if k == LIT else k) for t, k in pieces]

    # ---- field splitting and pathname expansion -----------------------------------

    def split(self, pieces: list[tuple]) -> list[list[tuple]]:
        """Split on IFS where unquoted expansions left separators."""
        ifs = self.sh.state.get("IFS")
        if ifs is None:
            ifs = " \t\n"
        white = {c for c in ifs if c in " \t\n"}
        fields: list[list[tuple]] = []
        cur: list[tuple] = []
        has = False                       # does the current field exist?
        for text, kind in pieces:
            if kind == -1:
                fields.append(cur)
                cur, has = [], False
                continue
            if kind == -2:
                continue
            if kind != EXP or not ifs:
                cur.append((text, kind))
                has = has or kind == QUOTED or bool(text)
                continue
            start = 0
            k = 0
            while k < len(text):
                c = text[k]
                if c in ifs:
                    if k > start:
                        cur.append((text[start:k], EXP))
                        has = True
                    if c in white:
                        if has:
                            fields.append(cur)
                            cur, has = [], False
                        while k + 1 < len(text) and text[k + 1] in white:
                            k += 1
                        if k + 1 < len(text) and text[k + 1] in ifs and text[k + 1] not in white:
                            k += 1
                            fields.append(cur)
                            cur, has = [], False
                    else:
                        fields.append(cur)
                        cur, has = [], False
                    start = k + 1
                k += 1
            if start < len(text):
                cur.append((text[start:], EXP))
                has = True
        if has:
            fields.append(cur)
        return fields

    def glob(self, pieces: list[tuple]) -> list[str]:
        word = "".join(text for text, _ in pieces)
        if "f" in self.sh.state.options or not any(
                kind != QUOTED and GLOB_CHARS & set(text) for text, kind in pieces):
            return [word]
        pattern = "".join(_escape(t) if k == QUOTED else t for t, k in pieces)
        matches = self.sh.glob(pattern)
        return matches or [word]


def _escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def _remove(value: str, pattern: str, op: str) -> str:
    """${x#p} ${x##p} ${x%p} ${x%%p}: strip the shortest/longest matching prefix/suffix."""
    n = len(value)
    if op in ("#", "##"):
        rng = range(0, n + 1) if op == "#" else range(n, -1, -1)
        for k in rng:
            if fnmatch.fnmatchcase(value[:k], pattern):
                return value[k:]
    else:
        rng = range(n, -1, -1) if op == "%" else range(0, n + 1)
        for k in rng:
            if fnmatch.fnmatchcase(value[k:], pattern):
                return value[:k]
    return value


def _matching(word: str, i: int, open_: str, close: str, depth: int, quoted: bool = False) -> int:
    """Index of the close that balances an opening before i (quotes respected;
    single quotes are ordinary characters in ${...} inside double quotes)."""
    n = len(word)
    while i < n:
        c = word[i]
        if c == "\\":
            i += 2
            continue
        if c == "'" and (open_ == "(" or not quoted):
            end = word.find("'", i + 1)
            if end < 0:
                raise ExpansionError("Syntax error: Unterminated quoted string")
            i = end + 1
            continue
        if c == '"':
            i = _matching_quote(word, i) + 1
            continue
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ExpansionError("Missing '" + close + "'")


def _matching_quote(word: str, i: int) -> int:
    j = i + 1
    while j < len(word):
        c = word[j]
        if c == "\\":
            j += 2
            continue
        if c == '"':
            return j
        if c == "$" and word.startswith(("$(", "${"), j):
            open_, close = word[j + 1], ")" if word[j + 1] == "(" else "}"
            j = _matching(word, j + 2, open_, close, 1, quoted=True) + 1
            continue
        if c == "`":
            j = _matching_backquote(word, j) + 1
            continue
        j += 1
    return len(word)


def _matching_backquote(word: str, i: int) -> int:
    j = i + 1
    while j < len(word):
        if word[j] == "\\":
            j += 2
            continue
        if word[j] == "`":
            return j
        j += 1
    return len(word)


def _unescape_backquote(body: str) -> str:
    out, i = [], 0
    while i < len(body):
        if body[i] == "\\" and body[i + 1:i + 2] in ("$", "`", "\\"):
            out.append(body[i + 1])
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)
