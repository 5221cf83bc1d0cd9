#!/usr/bin/env python3
"""sed [-n] [-E] [-i[SUFFIX]] [-e SCRIPT]... [-f FILE]... [SCRIPT] [FILE]...: the
stream editor.  Each input line goes into the pattern space, the script's
commands run on it, and (without -n) the pattern space is printed.

Addresses: N, $, /RE/ (or \\cREc), ADDR1,ADDR2, ADDR! (not these lines).
Commands:  { }  =  a\\ TEXT  i\\ TEXT  c\\ TEXT  b LABEL  t LABEL  : LABEL
           d  D  g  G  h  H  x  l  n  N  p  P  q [N]  Q [N]  r FILE  w FILE
           s/RE/REPLACEMENT/[g p N I w FILE]  y/SOURCE/DEST/  z  # comment
  -n  print only what p, P, l, = and s///p say     -E / -r  extended regexes
  -i  edit the files in place (SUFFIX: keep a copy of each with it)
  -s  take the files one by one (each its own line numbers and $)

Status 0; 1 for a bad script, 2 if an input file could not be read; q N's N.
"""
import getopt
import io
import os
import re
import sys
import typing

from proglib import posix_regex, regex_message

NO_ARGUMENT = set("=dDgGhHlnNpPxz")
USAGE = ("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n"
         "Try 'sed --help' for more information.\n")


class ScriptError(Exception):
    """A bad script: `sed: -e expression #N, char M: what`, status 1."""


class Command:
    """One command of the script, with its addresses."""

    def __init__(self) -> None:
        self.addresses: list = []
        self.negate = False
        self.name = ""
        self.arg: object = None
        self.in_range = False
        self.range_end = 0
        self.target = 0          # b, t, {: where to go; }: nothing


# ---- reading the script ----------------------------------------------------------------------

class Parser:
    """The script's text (the -e and -f parts joined by newlines) as Commands."""

    def __init__(self, parts: list, extended: bool) -> None:
        self.parts = parts
        self.text = "\n".join(text for _, text in parts)
        self.i = 0
        self.extended = extended
        self.commands: list = []
        self.wfiles: dict = {}

    def error(self, msg: str, at: "int | None" = None) -> ScriptError:
        at = self.i if at is None else at
        start = 0
        for n, (where, text) in enumerate(self.parts):
            if at <= start + len(text) or n == len(self.parts) - 1:
                if where.startswith("-e"):
                    return ScriptError(f"-e expression #{where[2:]}, char {at - start}: {msg}")
                line = self.text[start:at].count("\n") + 1
                return ScriptError(f"file {where} line {line}: {msg}")
            start += len(text) + 1
        return ScriptError(msg)

    def peek(self) -> str:
        return self.text[self.i] if self.i < len(self.text) else ""

    def take(self) -> str:
        c = self.peek()
        self.i += 1 if c else 0
        return c

    def skip_blanks(self, newlines: bool = False) -> None:
        while self.peek() and self.peek() in (" \t\n;" if newlines else " \t"):
            self.i += 1

    def parse(self) -> list:
        blocks = []
        while True:
            self.skip_blanks(newlines=True)
            if not self.peek():
                break
            if self.peek() == "#":
                while self.peek() not in ("", "\n"):
                    self.i += 1
                continue
            cmd = self.command()
            if cmd.name == "{":
                blocks.append(len(self.commands))
            elif cmd.name == "}":
                if not blocks:
                    raise self.error("unexpected `}'")
                self.commands[blocks.pop()].target = len(self.commands) + 1
            self.commands.append(cmd)
        if blocks:
            raise self.error("unmatched `{'", at=0)
        self.resolve_labels()
        return self.commands

    def resolve_labels(self) -> None:
        labels = {c.arg: i for i, c in enumerate(self.commands) if c.name == ":"}
        for c in self.commands:
            if c.name in "btT":
                if c.arg and c.arg not in labels:
                    raise ScriptError(f"can't find label for jump to `{c.arg}'")
                c.target = labels[c.arg] if c.arg else len(self.commands)

    def command(self) -> Command:
        cmd = Command()
        address = self.address()
        if address is not None:
            cmd.addresses.append(address)
            self.skip_blanks()
            if self.peek() == ",":
                self.i += 1
                self.skip_blanks()
                second = self.address()
                if self.peek() == "+" and self.text[self.i + 1:self.i + 2].isdigit():
                    self.i += 1
                    second = ("+", self.address())
                if second is None:
                    raise self.error("unexpected `,'", at=self.i + 1)
                cmd.addresses.append(second)
        self.skip_blanks()
        while self.peek() == "!":
            self.i += 1
            cmd.negate = True
            self.skip_blanks()
        cmd.name = self.take()
        if not cmd.name:
            raise self.error("missing command")
        if cmd.name == "}" and cmd.addresses:
            raise self.error("} doesn't want any addresses")
        self.arguments(cmd)
        return cmd

    def address(self):
        c = self.peek()
        if c.isdigit():
            start = self.i
            while self.peek().isdigit():
                self.i += 1
            first = int(self.text[start:self.i])
            if self.peek() == "~" and self.text[self.i + 1:self.i + 2].isdigit():
                self.i += 1
                step = self.address()
                return ("~", first, step)
            return first
        if c == "$":
            self.i += 1
            return "$"
        if c in ("/", "\\"):
            self.i += 1
            delim = self.take() if c == "\\" else "/"
            regex = self.regex_until(delim, "unterminated address regex")
            flags = 0
            while self.peek() in ("I", "M"):
                flags |= re.I if self.take() == "I" else re.M
            return self.compile(regex, flags)
        return None

    def delimited(self, delim: str, what: str, regex: bool) -> str:
        """The text up to an unescaped delim (\\delim is delim itself); in a regex,
        a bracket expression may hold the delim."""
        out: list = []
        while True:
            c = self.take()
            if c == "" or (c == "\n" and not regex and False):
                raise self.error(what)
            if c == delim:
                return "".join(out)
            if c == "\\":
                nxt = self.take()
                if nxt == "":
                    raise self.error(what)
                if nxt == delim:
                    out.append(("\\" + delim if delim in ".*[]^$" else delim) if regex else delim)
                elif nxt == "\n" and regex:
                    out.append("\n")
                else:
                    out.append("\\" + nxt)
                continue
            if c == "[" and regex:
                out.append(self.bracket())
                continue
            out.append(c)

    def bracket(self) -> str:
        start = self.i - 1
        if self.peek() == "^":
            self.i += 1
        if self.peek() == "]":
            self.i += 1
        while self.peek() not in ("", "]"):
            if self.text.startswith(("[:", "[.", "[="), self.i):
                end = self.text.find(self.text[self.i + 1] + "]", self.i + 2)
                self.i = end + 2 if end >= 0 else len(self.text)
            else:
                self.i += 1
        if self.peek() == "]":
            self.i += 1
        return self.text[start:self.i]

    def regex_until(self, delim: str, what: str) -> str:
        return self.delimited(delim, what, regex=True)

    def compile(self, regex: str, flags: int):
        if regex == "":
            return None                   # the last regex used
        try:
            return re.compile(posix_regex(regex, self.extended), flags | re.S)
        except re.error as e:
            raise self.error(regex_message(e)) from None

    def end_of_command(self) -> None:
        self.skip_blanks()
        if self.peek() not in ("", "\n", ";", "}", "#"):
            raise self.error("extra characters after command", at=self.i + 1)
        if self.peek() == ";":
            self.i += 1

    def rest_of_line(self) -> str:
        start = self.i
        while self.peek() not in ("", "\n"):
            self.i += 1
        return self.text[start:self.i]

    def label(self) -> str:
        self.skip_blanks()
        start = self.i
        while self.peek() not in ("", "\n", ";"):
            self.i += 1
        return self.text[start:self.i].rstrip()

    def arguments(self, cmd: Command) -> None:
        name = cmd.name
        if name in NO_ARGUMENT or name in "{}":
            if name == "l":
                self.skip_blanks()
                start = self.i
                while self.peek().isdigit():
                    self.i += 1
                cmd.arg = int(self.text[start:self.i]) if self.i > start else None
            if name != "{":
                self.end_of_command()
        elif name in "aic":
            cmd.arg = self.text_argument(name)
        elif name == ":":
            if cmd.addresses:
                raise self.error(": doesn't want any addresses")
            cmd.arg = self.label()
            if not cmd.arg:
                raise self.error('":" lacks a label')
            if self.peek() == ";":
                self.i += 1
        elif name in "btT":
            cmd.arg = self.label()
            if self.peek() == ";":
                self.i += 1
        elif name in "qQ":
            self.skip_blanks()
            start = self.i
            while self.peek().isdigit():
                self.i += 1
            cmd.arg = int(self.text[start:self.i]) if self.i > start else 0
            self.end_of_command()
        elif name in "rRwW":
            self.skip_blanks()
            cmd.arg = self.rest_of_line()
            if name in "wW":
                self.open_w(cmd.arg)
        elif name == "s":
            self.substitute(cmd)
        elif name == "y":
            self.transliterate(cmd)
        else:
            raise self.error(f"unknown command: `{name}'")

    def text_argument(self, name: str) -> str:
        """a\\, i\\ and c\\'s text: the lines up to one that does not end in a
        backslash (GNU: also `a text` on one line)."""
        self.skip_blanks()
        if self.peek() == "\\":
            self.i += 1
            self.skip_blanks()
            if self.peek() == "\n":
                self.i += 1
        elif not self.peek() or self.peek() == "\n":
            raise self.error("expected \\ after `a', `c' or `i'")
        out = []
        while self.peek() not in ("", "\n"):
            c = self.take()
            if c == "\\":
                c = self.take()
            out.append(c)
        self.take()
        return "".join(out)

    def open_w(self, name: str) -> None:
        if name in self.wfiles or name in ("/dev/stdout", "/dev/stderr"):
            return
        try:
            self.wfiles[name] = open(name, "w", encoding="utf-8", errors="surrogateescape")
        except OSError as e:
            raise ScriptError(f"couldn't open file {name}: {e.strerror}") from None

    def substitute(self, cmd: Command) -> None:
        delim = self.take()
        if delim in ("", "\n", "\\"):
            raise self.error("unterminated `s' command")
        regex = self.regex_until(delim, "unterminated `s' command")
        replacement = self.delimited(delim, "unterminated `s' command", regex=False)
        flags, count, glob, show, wfile = 0, 1, False, False, None
        while True:
            c = self.peek()
            if c == "g":
                glob = True
            elif c == "p":
                show = True
            elif c in ("I", "i"):
                flags |= re.I
            elif c in ("M", "m"):
                flags |= re.M
            elif c.isdigit():
                start = self.i
                while self.peek().isdigit():
                    self.i += 1
                count = int(self.text[start:self.i])
                if count == 0:
                    raise self.error("number option to `s' command may not be zero")
                continue
            elif c == "w":
                self.i += 1
                self.skip_blanks()
                wfile = self.rest_of_line()
                self.open_w(wfile)
                break
            elif c in ("", "\n", ";", "}", "#", " ", "\t"):
                self.end_of_command()
                break
            else:
                raise self.error("unknown option to `s'", at=self.i + 1)
            self.i += 1
        compiled = self.compile(regex, flags)
        parts = self.replacement(replacement, compiled)
        cmd.arg = (compiled, parts, count, glob, show, wfile)

    def replacement(self, text: str, compiled) -> list:
        """The replacement as a list of strings and group numbers (0: & the match)."""
        parts: list = []
        i = 0
        groups = compiled.groups if compiled is not None else 9
        while i < len(text):
            c = text[i]
            if c == "&":
                parts.append(0)
            elif c == "\\" and i + 1 < len(text):
                i += 1
                c = text[i]
                if c.isdigit():
                    if int(c) > groups:
                        raise self.error(f"invalid reference \\{c} on `s' command's RHS")
                    parts.append(int(c))
                else:
                    parts.append({"n": "\n", "t": "\t", "a": "\a", "f": "\f", "r": "\r",
                                  "v": "\v"}.get(c, c))
            else:
                parts.append(c)
            i += 1
        return parts

    def transliterate(self, cmd: Command) -> None:
        delim = self.take()
        source = self.unescape(self.delimited(delim, "unterminated `y' command", regex=False))
        dest = self.unescape(self.delimited(delim, "unterminated `y' command", regex=False))
        if len(source) != len(dest):
            raise self.error("strings for `y' command are different lengths")
        cmd.arg = str.maketrans(source, dest)
        self.end_of_command()

    @staticmethod
    def unescape(text: str) -> str:
        return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)),
                      text, flags=re.S)


# ---- running it ------------------------------------------------------------------------------

class Input:
    """The input lines, one ahead, so that $ knows the last line."""

    def __init__(self, files: list) -> None:
        self.files = list(files)
        self.status = 0
        self.current: "typing.BinaryIO | None" = None
        self.name = ""
        self.ahead = self.read()

    def open_next(self) -> bool:
        while self.files:
            name = self.files.pop(0)
            try:
                self.current = sys.stdin.buffer if name == "-" else open(name, "rb")
                self.name = name
                return True
            except OSError as e:
                sys.stderr.write(f"sed: can't read {name}: {e.strerror}\n")
                self.status = 2
        return False

    def read(self):
        while True:
            if self.current is None and not self.open_next():
                return None
            assert self.current is not None
            line = self.current.readline()
            if line:
                newline = line.endswith(b"\n")
                return (line[:-1] if newline else line).decode("utf-8", "surrogateescape"), newline
            if self.current is not sys.stdin.buffer:
                self.current.close()
            self.current = None

    def next(self):
        line, self.ahead = self.ahead, self.read() if self.ahead is not None else None
        return line

    def last(self) -> bool:
        return self.ahead is None


class Quit(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


class Sed:
    """The machine: pattern and hold spaces, the line number, what to append."""

    def __init__(self, commands: list, quiet: bool, out, wfiles: dict) -> None:
        self.commands, self.quiet, self.out, self.wfiles = commands, quiet, out, wfiles
        self.hold = ""
        self.lineno = 0
        self.last_regex = None
        self.append: list = []
        self.newline = True
        self.missing_newline = False

    def write(self, text: str, newline: bool = True) -> None:
        """Write a line; one written without its newline (the input's last
        had none) gets it when more comes after it."""
        if self.missing_newline:
            self.out.write("\n")
        self.out.write(text + ("\n" if newline else ""))
        self.missing_newline = not newline

    def matches(self, regex, text: str):
        regex = regex if regex is not None else self.last_regex
        if regex is None:
            raise ScriptError("no previous regular expression")
        self.last_regex = regex
        return regex.search(text)

    def at(self, address, space: str, inp: Input) -> bool:
        if address == "$":
            return inp.last()
        if isinstance(address, int):
            return self.lineno == address
        if isinstance(address, tuple):             # GNU's FIRST~STEP
            _, first, step = address
            return self.lineno == first if step <= 0 else \
                self.lineno >= first and (self.lineno - first) % step == 0
        return self.matches(address, space) is not None

    def selected(self, cmd: Command, space: str, inp: Input) -> bool:
        hit = self.selects(cmd, space, inp)
        return hit != cmd.negate

    def selects(self, cmd: Command, space: str, inp: Input) -> bool:
        if not cmd.addresses:
            return True
        if len(cmd.addresses) == 1:
            return self.at(cmd.addresses[0], space, inp)
        first, second = cmd.addresses
        if cmd.in_range:
            if isinstance(second, tuple):
                second = cmd.range_end
            if isinstance(second, int):
                cmd.in_range = self.lineno < second
                return self.lineno <= second or not cmd.in_range and self.lineno <= second
            cmd.in_range = not self.at(second, space, inp)
            return True
        if not self.at(first, space, inp):
            return False
        if isinstance(second, tuple) and second[0] == "+":       # GNU's ADDR1,+N
            cmd.range_end = self.lineno + second[1]
            cmd.in_range = cmd.range_end > self.lineno
        elif isinstance(second, int):
            cmd.in_range = second > self.lineno
        else:
            cmd.in_range = not (second == "$" and inp.last())
        return True

    def run(self, inp: Input) -> int:
        space, restart = "", False
        while True:
            if not restart:
                got = inp.next()
                if got is None:
                    return 0
                space, self.newline = got
                self.lineno += 1
            restart = False
            try:
                outcome = self.cycle(space, inp)
            except Quit as q:
                self.flush_append()
                return q.status
            space, delete, restart = outcome
            if not delete and not self.quiet:
                self.write(space, self.newline or not inp.last())
            self.flush_append()

    def flush_append(self) -> None:
        for kind, text in self.append:
            if kind == "text":
                self.write(text)
            else:
                try:
                    with open(text, "rb") as f:
                        data = f.read().decode("utf-8", "surrogateescape")
                    if data:
                        self.write(data.removesuffix("\n"), data.endswith("\n"))
                except OSError:
                    pass                     # r of a missing file reads nothing, as POSIX says
        self.append = []

    def cycle(self, space: str, inp: Input):
        """Run the script on one pattern space: (the space, deleted?, restart
        without reading a line?)."""
        pc, replaced = 0, False
        while pc < len(self.commands):
            cmd = self.commands[pc]
            pc += 1
            if cmd.name in ":}" or not self.selected(cmd, space, inp):
                if cmd.name == "{":
                    pc = cmd.target
                continue
            name = cmd.name
            if name == "{":
                continue
            if name == "=":
                self.write(str(self.lineno))
            elif name == "a":
                self.append.append(("text", cmd.arg))
            elif name == "i":
                self.write(str(cmd.arg))
            elif name == "c":
                if not cmd.in_range or cmd.negate:
                    self.write(str(cmd.arg))
                return space, True, False
            elif name == "b":
                pc = cmd.target
            elif name in "tT":
                if replaced == (name == "t"):
                    pc = cmd.target
                replaced = False
            elif name == "d":
                return space, True, False
            elif name == "D":
                if "\n" not in space:
                    return space, True, False
                self.flush_append()
                return space.split("\n", 1)[1], True, True
            elif name == "g":
                space = self.hold
            elif name == "G":
                space += "\n" + self.hold
            elif name == "h":
                self.hold = space
            elif name == "H":
                self.hold += "\n" + space
            elif name == "x":
                space, self.hold = self.hold, space
            elif name == "l":
                self.write(escaped(space, 70 if cmd.arg is None else cmd.arg))
            elif name == "n":
                if inp.last():
                    raise self.quit_at_end(space)
                if not self.quiet:
                    self.write(space)
                self.flush_append()
                space, self.newline = inp.next()
                self.lineno += 1
            elif name == "N":
                if inp.last():
                    raise self.quit_at_end(space)
                self.flush_append()
                more, self.newline = inp.next()
                space += "\n" + more
                self.lineno += 1
            elif name == "p":                      # (the last line's missing newline stays missing)
                self.write(space, self.newline)
            elif name == "P":
                self.write(space.split("\n", 1)[0], "\n" in space or self.newline)
            elif name in "qQ":
                if name == "q" and not self.quiet:
                    self.write(space, self.newline or not inp.last())
                raise Quit(int(str(cmd.arg)))
            elif name in "rR":
                self.append.append(("file", cmd.arg))
            elif name in "wW":
                self.write_to(str(cmd.arg), space if name == "w" else space.split("\n")[0])
            elif name == "s":
                space, did = self.substitute(cmd.arg, space)
                replaced = replaced or did
            elif name == "y":
                space = space.translate(cmd.arg)
            elif name == "z":
                space = ""
        return space, False, False

    def quit_at_end(self, space: str) -> Quit:
        """n or N with no next line: GNU prints the pattern space and ends."""
        if not self.quiet:
            self.write(space, self.newline)
        return Quit(0)

    def write_to(self, name: str, text: str) -> None:
        if name == "/dev/stdout":
            self.write(text)
        elif name == "/dev/stderr":
            sys.stderr.write(text + "\n")
        else:
            self.wfiles[name].write(text + "\n")
            self.wfiles[name].flush()

    def substitute(self, arg, space: str):
        regex, parts, count, glob, show, wfile = arg
        regex = regex if regex is not None else self.last_regex
        if regex is None:
            raise ScriptError("no previous regular expression")
        self.last_regex = regex
        result, did = replace(regex, parts, space, count, glob)
        if did and show:
            self.write(result, self.newline)
        if did and wfile:
            self.write_to(wfile, result)
        return result, did


def replace(regex, parts: list, text: str, count: int, glob: bool):
    """s///'s substitution as POSIX has it: the count-th match (and with g all
    after it); an empty match right after a match is not one."""
    out, pos, n, did, previous_end = [], 0, 0, False, -1
    while pos <= len(text):
        m = regex.search(text, pos)
        if m is None:
            break
        if m.start() == m.end() == previous_end:
            if m.start() >= len(text):
                break
            out.append(text[pos:m.start() + 1])
            pos = m.start() + 1
            continue
        n += 1
        if n >= count:
            out.append(text[pos:m.start()])
            out.append("".join(p if isinstance(p, str) else (m.group(p) or "") for p in parts))
            did = True
        else:
            out.append(text[pos:m.end()])
        previous_end = m.end()
        if m.start() == m.end():
            out.append(text[m.end():m.end() + 1])
            pos = m.end() + 1
        else:
            pos = m.end()
        if did and not glob:
            break
    out.append(text[pos:])
    return "".join(out), did


def escaped(text: str, width: int) -> str:
    """l's view of the pattern space: escapes, octal, lines folded at width, a $."""
    names = {"\\": "\\\\", "\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
             "\t": "\\t", "\v": "\\v"}
    pieces = []
    for c in text:
        if c in names:
            pieces.append(names[c])
        elif " " <= c <= "~":
            pieces.append(c)
        else:
            pieces.extend(f"\\{b:03o}" for b in c.encode("utf-8", "surrogateescape"))
    lines, line = [], ""
    for piece in pieces:
        if width > 1 and len(line) + len(piece) > width - 1:
            lines.append(line + "\\")
            line = ""
        line += piece
    return "\n".join(lines + [line + "$"])


def usage_error(msg: str = "") -> int:
    if msg:
        sys.stderr.write(f"sed: {msg}\n")
    sys.stderr.write(USAGE)
    return 1


def in_place(commands: list, quiet: bool, files: list, suffix: str, wfiles: dict) -> int:
    """-i: each file's output replaces it (a copy kept with the suffix)."""
    status = 0
    for name in files:
        inp = Input([name])
        if inp.status:
            status = inp.status
            continue
        tmp = os.path.join(os.path.dirname(name) or ".", f".sed{os.getpid()}")
        with open(tmp, "w", encoding="utf-8", errors="surrogateescape") as out:
            code = Sed(commands, quiet, out, wfiles).run(inp)
        if suffix:
            os.replace(name, name + suffix if "*" not in suffix else
                       suffix.replace("*", os.path.basename(name)))
        os.replace(tmp, name)
        if code:
            return code
    return status


def main() -> int:
    if isinstance(sys.stdout, io.TextIOWrapper):   # the bytes of the input, not only UTF-8
        sys.stdout.reconfigure(errors="surrogateescape")
    # -i's suffix is optional, which getopt cannot say: -iSUFFIX is --in-place=SUFFIX
    argv = [f"--in-place={a[2:]}" if a.startswith("-i") else a for a in sys.argv[1:]]
    try:
        opts, args = getopt.gnu_getopt(argv, "ne:f:Ersl:",
                                       ["help", "quiet", "silent", "expression=", "file=",
                                        "regexp-extended", "in-place=", "separate",
                                        "line-length=", "posix"])
    except getopt.GetoptError as e:
        return usage_error(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1 else
                           f"invalid option -- '{e.opt}'")
    parts: list = []
    quiet, extended, suffix, separate = False, False, None, False
    for opt, value in opts:
        if opt == "--help":
            print(__doc__)
            return 0
        if opt in ("-n", "--quiet", "--silent"):
            quiet = True
        elif opt in ("-e", "--expression"):
            parts.append((f"-e{len(parts) + 1}", value))
        elif opt in ("-f", "--file"):
            try:
                with open(value, encoding="utf-8", errors="surrogateescape") as f:
                    parts.append((value, f.read().removesuffix("\n")))
            except OSError as e:
                sys.stderr.write(f"sed: couldn't open file {value}: {e.strerror}\n")
                return 1
        elif opt in ("-E", "-r", "--regexp-extended"):
            extended = True
        elif opt in ("-i", "--in-place"):
            suffix = value
        elif opt in ("-s", "--separate"):
            separate = True
    if not parts:
        if not args:
            return usage_error()
        parts.append(("-e1", args.pop(0)))
    try:
        parser = Parser(parts, extended)
        commands = parser.parse()
        if suffix is not None:
            if not args:
                sys.stderr.write("sed: no input files\n")
                return 1
            return in_place(commands, quiet, args, suffix, parser.wfiles)
        files = args or ["-"]
        status = 0
        for group in ([[f] for f in files] if separate else [files]):
            inp = Input(group)
            code = Sed(commands, quiet, sys.stdout, parser.wfiles).run(inp)
            status = max(status, inp.status)
            if code:
                return code
        return status
    except ScriptError as e:
        sys.stderr.write(f"sed: {e}\n")
        return 1 if "can't find label" not in str(e) else 4


try:
    status = main()
    sys.stdout.flush()
except OSError as e:            # standard output could not be written (a full disk)
    sys.stderr.write(f"sed: couldn't write: {e.strerror}\n")
    os._exit(4)
sys.exit(status)
