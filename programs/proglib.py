"""proglib: what several programs in /bin share, so that each says it once.

- `Command`: a program's messages and exit status, GNU style (cp, mv, rm,
  head, tail): `fail` for a usage error, `complain` for an error that lets the
  program go on, `options` to parse its command line, `run` to run its main.
- `amount` and `each_file`: head's and tail's counts (-n 5, -c 2K) and their
  loop over files with ==> name <== headers.
- `sources_and_target`: cp's and mv's operands (SOURCE DEST, or SOURCE...
  DIRECTORY).

It lives beside them (/bin/proglib.py in vshell, programs/proglib.py in
vshell's source), and a program's own directory comes first on sys.path: so
`import proglib` finds it both in vshell and under the host's python3.

The set-user-ID programs (su, login, sudo, passwd) share their password
check in its own module beside it, shadow.py.
"""
import getopt
import os
import re
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

# head's and tail's size suffixes, as GNU's
SUFFIXES = {"": 1, "b": 512, "kB": 1000, "K": 1024, "KiB": 1024, "MB": 1000 ** 2,
            "M": 1024 ** 2, "MiB": 1024 ** 2, "GB": 1000 ** 3, "G": 1024 ** 3}


class Command:
    """A program's name (for its messages) and its exit status so far."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.status = 0

    def fail(self, msg: str, usage: bool = True) -> "NoReturn":
        """A usage error: say so, and exit with status 1."""
        sys.stderr.write(f"{self.name}: {msg}\n")
        if usage:
            sys.stderr.write(f"Try '{self.name} --help' for more information.\n")
        sys.exit(1)

    def complain(self, msg: str) -> None:
        """An error the program goes on after; it exits with status 1."""
        sys.stderr.write(f"{self.name}: {msg}\n")
        self.status = 1

    def options(self, argv: list, short: str, long: list) -> tuple:
        """getopt.gnu_getopt, with GNU's messages for a bad option."""
        try:
            return getopt.gnu_getopt(argv, short, long)
        except getopt.GetoptError as e:
            if len(e.opt) > 1:
                self.fail(f"unrecognized option '--{e.opt}'")
            if "requires" in e.msg:
                self.fail(f"option requires an argument -- '{e.opt}'")
            self.fail(f"invalid option -- '{e.opt}'")

    def run(self, main) -> None:
        """Run main() and exit with its status -- with status 1 and one line if
        standard output could not be written (a full disk, say)."""
        try:
            status = main()
            sys.stdout.flush()
        except OSError as e:
            sys.stderr.write(f"{self.name}: write error: {e.strerror}\n")
            os._exit(1)             # (exiting would flush the unwritable output again)
        sys.exit(status)


def amount(cmd: Command, text: str, what: str, sign: str) -> tuple:
    """N, or N with a sign (with an optional size suffix): (N, was the sign `sign`)."""
    m = re.fullmatch(r"([-+]?)(\d+)([a-zA-Z]*)", text.strip())
    if not m or m.group(3) not in SUFFIXES:
        cmd.fail(f"invalid number of {what}: ‘{text}’", usage=False)
    return int(m.group(2)) * SUFFIXES[m.group(3)], m.group(1) == sign


def each_file(cmd: Command, files: list, headers: bool, body) -> None:
    """body(f, out) for each file ("-": standard input), binary, with a header
    `==> name <==` before each if headers; errors are complained of."""
    out = sys.stdout.buffer
    for i, name in enumerate(files):
        try:
            f = sys.stdin.buffer if name == "-" else open(name, "rb")
        except OSError as e:
            cmd.complain(f"cannot open '{name}' for reading: {e.strerror}")
            continue
        if headers:
            out.write(b"%s==> %s <==\n" % (b"\n" if i else b"",
                                           b"standard input" if name == "-" else name.encode()))
        try:
            body(f, out)
        except OSError as e:
            cmd.complain(f"error reading '{name}': {e.strerror}")
        if f is not sys.stdin.buffer:
            f.close()


def sources_and_target(cmd: Command, args: list) -> list:
    """cp's and mv's operands, SOURCE DEST or SOURCE... DIRECTORY, as (source,
    destination) pairs; a usage error or a bad target is complained of."""
    if not args:
        cmd.fail("missing file operand")
    if len(args) == 1:
        cmd.fail(f"missing destination file operand after '{args[0]}'")
    *sources, target = args
    if os.path.isdir(target):
        return [(src, os.path.join(target, os.path.basename(src.rstrip("/")))) for src in sources]
    if len(sources) > 1:
        if os.path.exists(target):
            cmd.complain(f"target '{target}' is not a directory")
        else:
            cmd.complain(f"target '{target}': No such file or directory")
        return []
    return [(sources[0], target)]



# ---- POSIX regular expressions (expr's and sed's), as Python's ----------------------------

BRACKET_CLASSES = {"alpha": "a-zA-Z", "digit": "0-9", "alnum": "a-zA-Z0-9", "upper": "A-Z",
                   "lower": "a-z", "space": r" \t\n\r\f\v", "blank": r" \t",
                   "punct": r"!-/:-@\[-`{-~", "xdigit": "0-9A-Fa-f",
                   "cntrl": r"\x00-\x1f\x7f", "print": r" -~", "graph": r"!-~"}

# GNU's words for what Python's re calls by other names
REGEX_MESSAGES = {"missing ), unterminated subpattern": "Unmatched ( or \\(",
                  "unbalanced parenthesis": "Unmatched ) or \\)",
                  "unterminated character set": "Unmatched [, [^, [:, [., or [=",
                  "nothing to repeat": "Invalid preceding regular expression",
                  "multiple repeat": "Invalid preceding regular expression"}


def regex_message(e: re.error) -> str:
    return REGEX_MESSAGES.get(e.msg, e.msg)


def _bracket(pattern: str, i: int) -> tuple:
    """The bracket expression at pattern[i] == '[', as Python's; and where it ends.
    Inside it a backslash is itself, and [:class:] names a class."""
    j, out = i + 1, "["
    if j == len(pattern):
        raise re.error("Invalid regular expression")
    if pattern[j:j + 1] == "^":
        out, j = "[^", j + 1
    if pattern[j:j + 1] == "]":
        out, j = out + r"\]", j + 1
    while j < len(pattern) and pattern[j] != "]":
        m = re.match(r"\[:(\w+):\]", pattern[j:])
        if m:
            if m.group(1) not in BRACKET_CLASSES:
                raise re.error("Invalid character class name")
            out, j = out + BRACKET_CLASSES[m.group(1)], j + m.end()
            continue
        out += "\\" + pattern[j] if pattern[j] in "\\[&~|" else pattern[j]
        j += 1
    if j >= len(pattern):
        raise re.error("Unmatched [, [^, [:, [., or [=")
    return out + "]", j + 1


def posix_regex(pattern: str, extended: bool = False) -> str:
    """A POSIX basic (BRE) or extended (ERE) regular expression, as Python's
    (to compile with re.S: POSIX's . matches a newline). In a BRE \\( \\) \\{ \\}
    (and GNU's \\| \\+ \\?) are the operators and ( ) { } | + ? are themselves;
    ^ anchors only first (or after \\( or \\|), $ only last (or before \\) or \\|),
    and * is itself where nothing precedes it."""
    ops = "(){}|+?"
    out: list = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        at_start = not out or out[-1] in ("(", "|", "^")
        if c == "[":
            part, i = _bracket(pattern, i)
            out.append(part)
            continue
        if c == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            i += 2
            if not extended and nxt in ops:
                if nxt == "{" and "\\}" not in pattern[i:]:
                    raise re.error("Unmatched \\{")
                out.append(nxt)
            elif nxt == "n":
                out.append("\n")
            elif nxt == "t":
                out.append("\t")
            elif nxt in "<>":
                out.append(r"\b")
            elif nxt == "`":
                out.append(r"\A")
            elif nxt == "'":
                out.append(r"\Z")
            elif nxt.isdigit() or nxt in "wWsSbB":
                out.append("\\" + nxt)
            else:
                out.append(re.escape(nxt))
            continue
        i += 1
        if c == "^" and (extended or at_start):
            out.append("^")
        elif c == "$" and (extended or i == n or pattern[i:i + 2] in ("\\)", "\\|")):
            out.append(r"\Z")
        elif c == "*" and at_start:
            out.append(r"\*")
        elif c in ops and not extended:
            out.append("\\" + c)
        elif c in "^$":
            out.append("\\" + c)
        else:
            out.append(c)
    return "".join(out)
