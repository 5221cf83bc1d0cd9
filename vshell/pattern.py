"""Shell patterns (POSIX 2.13): what `case`, `${x#pattern}` and pathname
expansion match with.

`*` matches any string, `?` any one character, `[...]` one character of a set
(`[!...]` or `[^...]` one not in it; ranges `a-z`; classes `[:digit:]`;
collating symbols `[.a.]` and equivalence classes `[=a=]`, which in the C
locale are the one character they name), and a
backslash makes the next character stand for itself.  A `[` that no `]` closes
is an ordinary character.  fnmatch is close but not the same: it knows neither
backslashes nor classes, and looks for the `]` of every `[` again, which made a
word of 16,000 `[` take seconds.  Here a pattern becomes a regular expression
in one pass, and is kept for the next time.
"""
from __future__ import annotations

import re
from functools import lru_cache

CLASSES = {
    "alpha": "a-zA-Z", "digit": "0-9", "alnum": "a-zA-Z0-9", "upper": "A-Z", "lower": "a-z",
    "space": " \\t\\n\\r\\f\\v", "blank": " \\t", "xdigit": "0-9A-Fa-f",
    "punct": re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"), "cntrl": "\\x00-\\x1f\\x7f",
    "print": " -~", "graph": "!-~",
}
SPECIAL = frozenset("\\*?[")          # what makes a pattern more than a string
QUOTE = frozenset("\\*?[]!^-")        # what a quoted character is escaped from


def quote(text: str) -> str:
    """text as a pattern that matches only itself (quoted characters are literal)."""
    if QUOTE.isdisjoint(text):
        return text
    return "".join("\\" + c if c in QUOTE else c for c in text)


def has_magic(pattern: str) -> bool:
    """Could pattern match anything but one string (an unescaped * ? or [)?"""
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c in "*?[":
            return True
        i += 1
    return False


def unescape(pattern: str) -> str:
    """The string a pattern without magic matches."""
    if "\\" not in pattern:
        return pattern
    return re.sub(r"\\(.?)", r"\1", pattern, flags=re.S)


def match(pattern: str, text: str) -> bool:
    return compile(pattern).fullmatch(text) is not None


@lru_cache(maxsize=512)
def compile(pattern: str, caret: bool = True) -> re.Pattern:
    return re.compile(translate(pattern, caret), re.S)


def translate(pattern: str, caret: bool = True) -> str:
    """The regular expression for pattern, in one pass over it.  caret: `[^...]`
    is `[!...]`, as in case patterns (dash's globbing, glibc's, has only `!`)."""
    out: list[str] = []
    i, n = 0, len(pattern)
    last_close = pattern.rfind("]")       # no `[` after it can be closed
    while i < n:
        c = pattern[i]
        i += 1
        if c == "\\":
            out.append(re.escape(pattern[i:i + 1] or "\\"))
            i += 1
        elif c == "*":
            if not out or out[-1] != ".*":
                out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[" and i <= last_close:
            bracket, end = _bracket(pattern, i, caret)
            if bracket is None:
                out.append("\\[")
            else:
                out.append(bracket)
                i = end
        else:
            out.append(re.escape(c))
    return "".join(out)


def _bracket(pattern: str, i: int, caret: bool) -> tuple[str | None, int]:
    """The set that starts after the `[` at i-1, as a regular expression, and
    where the pattern goes on; None if no `]` closes it."""
    n = len(pattern)
    negate = i < n and (pattern[i] == "!" or (caret and pattern[i] == "^"))
    if negate:
        i += 1
    items: list[str] = []          # regex pieces of the set
    chars: list[str] = []          # the single characters, for ranges
    first = True
    while i < n:
        c = pattern[i]
        if c == "]" and not first:
            body = "".join(items)
            if not body:
                return ("[^\\s\\S]" if not negate else "[\\s\\S]"), i + 1
            return f"[{'^' if negate else ''}{body}]", i + 1
        first = False
        element = _element(pattern, i)
        if element is not None:                 # [.a.] [=a=]: a character (dash has neither)
            c, i = element
            items.append(_in_set(c))
            chars.append(c)
            continue
        if c == "[" and pattern[i + 1:i + 2] == ":":
            end = pattern.find(":]", i + 2)
            if end >= 0:
                items.append(CLASSES.get(pattern[i + 2:end], ""))   # an unknown class: nothing
                chars.append("")
                i = end + 2
                continue
        if c == "\\" and i + 1 < n:
            i += 1
            c = pattern[i]
        i += 1
        if c == "-" and chars and chars[-1] and i < n and pattern[i] != "]":
            hi = pattern[i]
            element = _element(pattern, i)
            if element is not None:
                hi, i = element
                i -= 1
            elif hi == "\\" and i + 1 < n:
                i += 1
                hi = pattern[i]
            elif hi == "[" and pattern[i + 1:i + 2] == ":":
                items.append("\\-")
                continue
            i += 1
            lo = chars.pop()
            items.pop()
            if lo <= hi:
                items.append(f"{_in_set(lo)}-{_in_set(hi)}")
            chars.append("")
            continue
        items.append(_in_set(c))
        chars.append(c)
    return None, i


def _element(pattern: str, i: int) -> tuple[str, int] | None:
    """A collating symbol `[.c.]` or equivalence class `[=c=]` at i: its one
    character and where the set goes on.  The C locale has no element of more
    than one character, so `[.ab.]` is no element (its `[` stands for itself)."""
    kind = pattern[i + 1:i + 2]
    if pattern[i:i + 1] != "[" or kind not in (".", "=") or i + 5 > len(pattern):
        return None
    if pattern[i + 3:i + 5] != kind + "]":
        return None
    return pattern[i + 2], i + 5


def _in_set(c: str) -> str:
    return "\\" + c if c in "\\]^-[" else c
