"""Word expansion, in POSIX's order: tilde, parameters, command substitution and
arithmetic; then field splitting on IFS, pathname expansion against the virtual
file system, and quote removal.

A word is expanded into pieces that remember how they were quoted: quoted text
is never split or globbed, the result of an unquoted expansion is both, and
unquoted literal text is globbed but not split.

The scan of a word goes from left to right over a range of it; a `${x:-word}`
scans its word as a range of the same text, and where each quoted string or
substitution ends was found once, by the lexer (`_ends`), so a word costs time
in proportion to its length however deep its ${...} nest.  As in the parser and
the runner, the nesting is kept by the trampoline, not on Python's stack.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kernel.libpy.runtime import host_module

from . import pattern as shpat
from .parser import Lexer, ShellSyntaxError, is_name, unescape_backquote
from .trampoline import drive

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell

LIT, QUOTED, EXP = 0, 1, 2          # how a piece of a word was written
BREAK = (None, -1)                  # a field boundary inside "$@"
NOTHING = ("", -2)                  # "$@" with no parameters: not even an empty field
GLOB_CHARS = frozenset("*?[")
SPECIAL_CHARS = frozenset("$'\"\\`*?[~")     # a word without these expands to itself
IFS_WHITE = " \t\n"
OPTION_ORDER = "pubaCEVvxsnmiIhfe"   # the order $- lists options in (dash's, backwards; and -h)
PARAM_NAME = re.compile(r"[@*#?$!-]|[0-9]+|[A-Za-z_][A-Za-z0-9_]*")
OPS = (":-", ":=", ":?", ":+", "-", "=", "?", "+", "##", "#", "%%", "%")


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
        """Expansion without splitting or globbing (redirections, case words)."""
        return self.joined(self.pieces(word))

    def assignment(self, value: str) -> str:
        """The value of NAME=value: a string, with ~ expanded after each `:` too."""
        if SPECIAL_CHARS.isdisjoint(value):
            return value
        return self.joined(drive(self.scan(value, 0, len(value), assign=True)))

    def pattern(self, word: str) -> str:
        """A case or ${x#pattern} pattern: quoted characters match only themselves."""
        return "".join(shpat.quote(text) if kind == QUOTED else text
                       for text, kind in self.pieces(word) if kind >= 0)

    def heredoc(self, body: str) -> str:
        """A here-document's body: parameters, substitutions, arithmetic, backslashes."""
        return self.joined(drive(self.scan(body, 0, len(body), heredoc=True)))

    def joined(self, pieces: list[tuple]) -> str:
        """Pieces as one string: where no fields are made, "$@" is joined by
        IFS's first character, as "$*" is (dash)."""
        if not any(kind == -1 for _, kind in pieces):
            return "".join(text for text, kind in pieces if kind >= 0)
        ifs = self.sh.state.get("IFS")
        sep = " " if ifs is None else ifs[:1]
        return "".join(sep if kind == -1 else text for text, kind in pieces if kind != -2)

    def pieces(self, word: str) -> list[tuple]:
        return drive(self.scan(word, 0, len(word)))

    # ---- scanning a word into pieces ------------------------------------------------

    def scan(self, word: str, i: int, n: int, quoted: bool = False, heredoc: bool = False,
             in_braces: bool = False, assign: bool = False):
        """word[i:n] as pieces.  quoted: inside double quotes (in_braces: in the
        word of a "${x:-word}", where double quotes still quote, as in dash);
        heredoc: a here-document's body, quoted but for its expansions;
        assign: an assignment's value, where ~ may follow a `:`."""
        out: list[tuple] = []
        inert = quoted or heredoc                 # no splitting, no globbing
        if not inert and word.startswith("~", i):
            i = self.tilde(word, i, n, out, assign)
        while i < n:
            c = word[i]
            if c == "\\":
                if inert:
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
            elif c == "'" and not inert:
                end = _end(word, i, heredoc)
                out.append((word[i + 1:end - 1], QUOTED))
                i = end
            elif c == '"' and (not quoted or in_braces) and not heredoc:
                end = _end(word, i, heredoc)
                inner = yield self.scan(word, i + 1, end - 1, quoted=True)
                if inner != [NOTHING]:
                    out.append(("", QUOTED))      # "" is still a (empty) field
                out.extend(inner)
                i = end
            elif c == "$":
                i = yield self.dollar(word, i, out, inert, heredoc)
            elif c == "`":
                end = _end(word, i, heredoc)
                body = unescape_backquote(word[i + 1:end - 1], quoted or heredoc)
                out.append((self.sh.command_substitution(body), QUOTED if inert else EXP))
                i = end
            else:
                j = i + 1
                while j < n and word[j] not in "\\'\"$`":
                    if assign and word[j] == ":" and not inert and word.startswith("~", j + 1):
                        break
                    j += 1
                if assign and word[i] == ":" and not inert and word.startswith("~", i + 1):
                    out.append((":", LIT))
                    i = self.tilde(word, i + 1, n, out, assign)
                    continue
                out.append((word[i:j], QUOTED if inert else LIT))
                i = j
        return out

    def tilde(self, word: str, i: int, n: int, out: list, assign: bool) -> int:
        """~ or ~user at word[i], up to a `/` (or, in an assignment, a `:`): a home
        directory, unless part of it is quoted or there is no such user."""
        end = i + 1
        while end < n and word[end] != "/" and not (assign and word[end] == ":"):
            end += 1
        user = word[i + 1:end]
        if any(c in user for c in "\\'\"$`"):
            return i
        home = self.sh.state.get("HOME") if not user else self.sh.home_of(user)
        if home is None:
            return i
        if home:
            out.append((home, QUOTED))        # (not split or globbed; an empty one is no field)
        return end

    # ---- $ expansions ------------------------------------------------------------

    def dollar(self, word: str, i: int, out: list, quoted: bool, heredoc: bool = False):
        """$name, ${...}, $(...), $((...)) at word[i]: its pieces onto out; where the word goes on."""
        kind = QUOTED if quoted else EXP
        nxt = word[i + 1:i + 2]
        if nxt == "'" and not quoted:
            end = _end(word, i, heredoc)
            out.append((dollar_quote(word[i + 2:end - 1]), QUOTED))
            return end
        if nxt == "(":
            end = _end(word, i, heredoc)
            if word.startswith("$((", i):
                expr = yield self.arith_text(word, i + 3, end - 2)
                out.append((str(self.arithmetic(expr)), kind))
            else:
                out.append((self.sh.command_substitution(word[i + 2:end - 1]), kind))
            return end
        if nxt == "{":
            end = _end(word, i, heredoc)
            yield self.braced(word, i + 2, end - 1, out, quoted)
            return end
        if nxt and (nxt.isalpha() or nxt == "_"):
            j = i + 2
            while j < len(word) and (word[j].isalnum() or word[j] == "_") and word[j].isascii():
                j += 1
            self.param(word[i + 1:j], out, quoted)
            return j
        if nxt and (nxt.isdigit() or nxt in "@*#?$!-"):
            self.param(nxt, out, quoted)
            return i + 2
        out.append(("$", QUOTED if quoted else LIT))
        return i + 1

    def arith_text(self, word: str, i: int, n: int):
        """The text of $((...)), expanded as in double quotes, for arith.py."""
        return self.joined((yield self.scan(word, i, n, heredoc=True)))

    def arithmetic(self, expr: str) -> int:
        arith = host_module("vshell.arith")      # loaded on first use (start-up)
        try:
            return arith.evaluate(expr, self.sh.state)
        except arith.IllegalNumber as e:
            raise ExpansionError(str(e))
        except arith.ArithError as e:
            raise ExpansionError(f"arithmetic expression: {e}: \"{expr}\"")

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
        if name == "#":
            return str(len(st.positional))
        if name == "?":
            return str(st.status)
        if name == "$":
            return str(st.pid)
        if name == "!":
            return str(st.last_bg) if st.last_bg else None
        if name == "-":
            return "".join(c for c in OPTION_ORDER if c in st.options)
        if name == "LINENO" and "LINENO" not in st.vars:
            return str(st.lineno)       # POSIX's current line (dash 0.5.12, built without it, has none)
        return st.get(name)

    def param(self, name: str, out: list, quoted: bool) -> None:
        v = self.value(name)
        if isinstance(v, list):
            self.emit_list(name, v, out, quoted)
            return
        if v is None:
            if "u" in self.sh.state.options and name not in ("@", "*"):
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
                out.append(NOTHING)
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

    def braced(self, word: str, i: int, n: int, out: list, quoted: bool):
        """${name}, ${#name}, ${name:-word} and the rest of POSIX's forms: the
        text between the braces is word[i:n]."""
        if word.startswith("#", i) and i + 1 < n and _param_name(word, i + 1, n) == n:
            name = word[i + 1:n]
            v = self.value(name)
            if isinstance(v, list):
                v = " ".join(v)               # dash: ${#@} is the length of "$*"
            if v is None:
                if "u" in self.sh.state.options:
                    raise ExpansionError(f"{name}: parameter not set")
                v = ""
            out.append((str(len(v)), QUOTED if quoted else EXP))
            return
        j = _param_name(word, i, n)
        name = word[i:j]
        if not name:
            raise ExpansionError("Bad substitution")
        if j == n:
            self.param(name, out, quoted)
            return
        op = next((op for op in OPS if word.startswith(op, j)), None)
        if op is None:
            raise ExpansionError("Bad substitution")
        start = j + len(op)                       # the word after the operator: word[start:n]
        v = self.value(name)
        if isinstance(v, list):
            v = " ".join(v) if v or name == "*" else None
        unset = v is None
        null = unset or (op.startswith(":") and v == "")
        kind = QUOTED if quoted else EXP
        if op in (":-", "-"):
            if null if op == ":-" else unset:
                out.extend((yield self.word_arg(word, start, n, quoted)))
            else:
                self.param(name, out, quoted)
        elif op in (":=", "="):
            if null if op == ":=" else unset:
                if not is_name(name):
                    raise ExpansionError(f"{name}: bad variable name")
                value = self.joined((yield self.scan(word, start, n, quoted=quoted, in_braces=quoted)))
                self.sh.state.assign(name, value)
                out.append((value, kind))
            else:
                self.param(name, out, quoted)
        elif op in (":?", "?"):
            if null if op == ":?" else unset:
                message = self.joined((yield self.scan(word, start, n))) if start < n else \
                    "parameter not set" + (" or null" if op == ":?" else "")
                raise ExpansionError(f"{name}: {message}")
            self.param(name, out, quoted)
        elif op in (":+", "+"):
            if not (null if op == ":+" else unset):
                out.extend((yield self.word_arg(word, start, n, quoted)))
            else:
                out.append(("", kind))
        else:
            if unset and "u" in self.sh.state.options:
                raise ExpansionError(f"{name}: parameter not set")
            pieces = yield self.scan(word, start, n)
            pattern = "".join(shpat.quote(t) if k == QUOTED else t for t, k in pieces if k >= 0)
            out.append((_remove(v or "", pattern, op), kind))

    def word_arg(self, word: str, i: int, n: int, quoted: bool):
        """The word of ${x:-word}: expanded, and (unquoted) split like any expansion."""
        if i >= n:
            return [("", QUOTED if quoted else EXP)]
        pieces = yield self.scan(word, i, n, quoted=quoted, in_braces=quoted)
        return pieces if quoted else [(t, EXP if k == LIT else k) for t, k in pieces]

    # ---- field splitting and pathname expansion -----------------------------------

    def split(self, pieces: list[tuple]) -> list[list[tuple]]:
        """Split on IFS where unquoted expansions left separators, as dash does:
        IFS white space at the start of a field is skipped; a separator takes
        the white space after it, and one other IFS character if it was white
        space itself (so `a : b` is two fields, `a::b` three)."""
        ifs = self.sh.state.get("IFS")
        if ifs is None:
            ifs = IFS_WHITE
        fields: list[list[tuple]] = []
        cur: list[tuple] = []
        exists = False                    # does the current field exist (yet)?
        for text, kind in pieces:
            if kind < 0:
                if kind == -1 and exists:     # between two parameters of "$@"
                    fields.append(cur)
                    cur, exists = [], False
                continue
            if kind != EXP or not ifs:
                cur.append((text, kind))
                exists = exists or kind == QUOTED or bool(text)
                continue
            start = k = 0
            n = len(text)
            while k < n:
                c = text[k]
                if c not in ifs:
                    k += 1
                    continue
                white = c in IFS_WHITE
                if white and not exists and k == start:
                    k += 1                    # white space that starts a field
                    start = k
                    continue
                cur.append((text[start:k], EXP))
                fields.append(cur)
                cur, exists = [], False
                k += 1
                while k < n and text[k] in ifs:
                    if text[k] not in IFS_WHITE:
                        if not white:
                            break
                        white = False
                    k += 1
                start = k
            if start < n:
                cur.append((text[start:], EXP))
                exists = True
        if exists:
            fields.append(cur)
        return fields

    def glob(self, pieces: list[tuple]) -> list[str]:
        word = "".join(text for text, _ in pieces)
        if "f" in self.sh.state.options or not any(
                kind != QUOTED and not GLOB_CHARS.isdisjoint(text) for text, kind in pieces):
            return [word]
        pattern = "".join(shpat.quote(t) if k == QUOTED else t for t, k in pieces)
        matches = pathnames(self.sh.os, pattern)
        return matches or [word]


def pathnames(os, pattern: str) -> list[str]:
    """The names pattern matches, sorted (the file system read by os's
    listdir, as dash's expmeta reads it a directory at a time)."""
    absolute = pattern.startswith("/")
    parts = [p for p in pattern.split("/") if p]
    paths = ["/" if absolute else ""]
    for i, part in enumerate(parts):
        nxt = []
        has_magic = shpat.has_magic(part)
        matches = shpat.compile(part, False).fullmatch if has_magic else None
        hidden = part.startswith((".", "\\."))     # a leading . is matched only explicitly
        for base in paths:
            if matches is None:
                lit = shpat.unescape(part)
                candidate = base + lit if base.endswith("/") or not base else base + "/" + lit
                if i < len(parts) - 1 or _exists(os, candidate):
                    nxt.append(candidate)
                continue
            try:
                names = os.listdir(base or ".")
            except OSError:
                continue
            if hidden:
                names += [".", ".."]
            for name in sorted(names):
                if name.startswith(".") and not hidden:
                    continue
                if matches(name):
                    nxt.append(base + name if base.endswith("/") or not base else base + "/" + name)
        paths = nxt
        if not paths:
            return []
    if pattern.endswith("/"):
        paths = [p + "/" for p in paths if _isdir(os, p)]
    return sorted(paths)


def _exists(os, path: str) -> bool:
    try:
        os.lstat(path)
        return True
    except OSError:
        return False


def _isdir(os, path: str) -> bool:
    try:
        return os.stat(path).st_mode & 0o170000 == 0o040000
    except OSError:
        return False


def _param_name(word: str, i: int, n: int) -> int:
    """Where the parameter's name that starts a ${...} at word[i] ends."""
    m = PARAM_NAME.match(word, i, n)
    return m.end() if m else i


def _remove(value: str, pattern: str, op: str) -> str:
    """${x#p} ${x##p} ${x%p} ${x%%p}: strip the shortest/longest matching prefix/suffix."""
    n = len(value)
    matches = shpat.compile(pattern).fullmatch
    if op in ("#", "##"):
        rng = range(0, n + 1) if op == "#" else range(n, -1, -1)
        for k in rng:
            if matches(value, 0, k):
                return value[k:]
    else:
        rng = range(n, -1, -1) if op == "%" else range(0, n + 1)
        for k in rng:
            if matches(value, k):
                return value[:k]
    return value


ESCAPES = {"a": "\a", "b": "\b", "e": "\x1b", "E": "\x1b", "f": "\f", "n": "\n", "r": "\r",
           "t": "\t", "v": "\v", "\\": "\\", "'": "'", '"': '"', "?": "?"}
DOLLAR_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{1,4})"
                           r"|U([0-9A-Fa-f]{1,8})|c(.)|(.))", re.S)


def dollar_quote(body: str) -> str:
    """The text of $'body' (POSIX 2024, bash): backslash escapes as in C --
    \\n \\t \\\\ \\' \\ddd \\xHH \\cX ...; an unknown one stays as written; a NUL ends it."""
    def one(m: re.Match) -> str:
        octal, hexa, u4, u8, ctrl, other = m.groups()
        if octal or hexa or u4 or u8:
            code = int(octal, 8) if octal else int(hexa or u4 or u8, 16)
            if octal or hexa:                      # a byte, as the locale's encoding keeps it
                return chr(code) if code < 128 else bytes([code & 0xFF]).decode("utf-8", "surrogateescape")
            return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""
        if ctrl is not None:
            return chr(ord(ctrl.upper()) ^ 0x40) if ctrl != "\\" else "\x1c"
        return ESCAPES.get(other, "\\" + other)
    return DOLLAR_ESCAPE.sub(one, body).split("\0", 1)[0]


def _end(word: str, i: int, heredoc: bool = False) -> int:
    """The index after the quoted string or substitution at word[i]."""
    try:
        return _ends(word, heredoc)[i]
    except ShellSyntaxError as e:          # (a word the parser did not see: PS1, say)
        raise ExpansionError(str(e)) from None
    except KeyError:                       # (the lexer saw no construct there)
        raise ExpansionError("Bad substitution") from None


@lru_cache(maxsize=256)
def _ends(word: str, heredoc: bool) -> dict[int, int]:
    """Where each quoted string and substitution in word ends, from one scan
    of it by the lexer: the expander's reading of a word is the parser's."""
    lexer = Lexer(word)
    lexer.ends = {}
    lexer.scan("heredoc" if heredoc else "whole")
    return lexer.ends
