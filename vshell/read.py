"""read [-r] [-d DELIM] [-p PROMPT] NAME...: a line of standard input into variables.

The line is read a byte at a time, so that what follows it is left for the
next reader (a script's `cat`, the next `read`); without -r a backslash
quotes the next character and joins lines.  It is split on IFS as dash's
ifsbreakup splits it with a count: as field splitting does, except that the
last NAME takes the rest of the line.  -d (POSIX 2024's, bash's) ends the
"line" at DELIM's first character instead of a newline (at a NUL byte if
DELIM is empty).
"""
from __future__ import annotations

from .common import CommandError
from .parser import is_name
from .state import ReadonlyError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .runner import Shell


def b_read(sh: Shell, args: list[str]) -> int:
    """read [-r] [-p PROMPT] NAME...: one line of standard input, split on IFS
    as dash splits it, into the NAMEs (the last takes the rest of the line).
    Without -r a backslash quotes the next character (and joins lines).
    Status 1 at end of input."""
    rest = args[1:]
    raw = False
    prompt = None
    delim = b"\n"
    while rest and rest[0].startswith("-") and rest[0] != "-":
        word = rest.pop(0)
        if word == "--":
            break
        for k, letter in enumerate(word[1:], 1):
            if letter == "r":
                raw = True
            elif letter == "p":
                prompt = word[k + 1:] or (rest.pop(0) if rest else None)
                if prompt is None:
                    raise CommandError("read: No arg for -p option")
                break
            elif letter == "d":
                given = word[k + 1:] or (rest.pop(0) if rest else None)
                if given is None:
                    raise CommandError("read: No arg for -d option")
                delim = given.encode("utf-8", "surrogateescape")[:1] or b"\0"
                break
            else:
                raise CommandError(f"read: Illegal option -{letter}")
    if prompt is not None and sh.os.isatty(0):
        sh.say(2, prompt)
    if not rest:
        raise CommandError("read: arg count")
    chars, eof = _read_line(sh, raw, delim)
    ifs = sh.state.get("IFS")
    fields = _read_fields(chars, IFS_DEFAULT if ifs is None else ifs, len(rest))
    for k, name in enumerate(rest):
        if not is_name(name):
            raise CommandError(f"read: {name}: bad variable name")
        try:
            sh.state.assign(name, fields[k] if k < len(fields) else "")
        except ReadonlyError as e:
            raise CommandError(f"read: {e}")
    return 1 if eof else 0


IFS_DEFAULT = " \t\n"


def _read_line(sh: Shell, raw: bool, delim: bytes = b"\n") -> tuple[list[tuple[str, bool]], bool]:
    """One line (up to delim) from fd 0, a byte at a time so that nothing
    after it is consumed: its characters, each with whether a backslash
    quoted it; and whether the input ended first.  NUL bytes are dropped,
    as dash does (unless NUL is the delimiter)."""
    runs: list[tuple[bytes, bool]] = []      # plain bytes, and single quoted ones
    plain = bytearray()
    eof = False
    while True:
        b = sh.os.read(0, 1)
        if not b:
            eof = True
            break
        if b == delim:
            break
        if b == b"\0":
            continue
        if b == b"\\" and not raw:
            nxt = sh.os.read(0, 1)
            while nxt == b"\0" and delim != b"\0":
                nxt = sh.os.read(0, 1)
            if not nxt:
                eof = True
                break
            if nxt != b"\n":                  # (backslash-newline: the line goes on)
                runs.append((bytes(plain), False))
                runs.append((nxt, True))
                plain = bytearray()
            continue
        plain += b
    runs.append((bytes(plain), False))
    chars = [(c, quoted) for data, quoted in runs
             for c in data.decode("utf-8", "surrogateescape")]
    return chars, eof


def _read_fields(chars: list[tuple[str, bool]], ifs: str, count: int) -> list[str]:
    """The line split into at most count fields, dash's way (ifsbreakup with
    maxargs): as in field splitting, but once count-1 fields are made the
    last takes the rest, less trailing IFS white space, and less a last
    separator that only white space follows."""
    text = "".join(c for c, _ in chars)
    fields: list[str] = []
    start, r, white_sep, left = 0, None, False, count
    for q, (c, quoted) in enumerate(chars):
        p = q + 1
        is_ifs = not quoted and c in ifs
        is_white = is_ifs and c in IFS_DEFAULT
        if left == 0:                      # reading the last field
            if is_white:
                if r is None:
                    r = q
                continue
            if not (is_ifs and white_sep):
                r = None
            white_sep = False
            continue
        if white_sep:
            if is_ifs:
                q = p
            start = q
            if is_white:
                continue
            is_ifs = False
        if is_ifs:
            white_sep = is_white
            if q == start and white_sep:   # IFS white space that starts a field
                start = p
                white_sep = False
                continue
            left -= 1
            if left == 0:
                r = q
                continue
            fields.append(text[start:q])
            start = p
            continue
        white_sep = False
    end = len(text) if r is None else r
    if start < end:
        fields.append(text[start:end])
    return fields
