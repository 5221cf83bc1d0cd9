#!/usr/bin/env python3
"""less: show a file (or standard input) a screenful at a time.

usage: less [-N] [-i] [-F] [-E] [-X] [-R] [-S] [-s] [FILE...]

  -N  number the lines          -i  searches ignore case (unless the pattern has capitals)
  -F  quit at once if the text fits on one screen
  -E  quit when moving forward past the end       -X  leave the text on the screen at the end
  -R  let colour escape sequences through         -S  chop long lines instead of folding them
  -s  squeeze runs of blank lines into one

Keys (as in GNU less):
  space f PageDown  forward a screen        b PageUp      back a screen
  Enter j e Down    forward a line          k y Up        back a line
  d                 forward half a screen   u             back half a screen
  g < Home          the first line          G > End       the last line
  /PATTERN          search forward          ?PATTERN      search backward
  n                 the next match          N             the previous match
  :n  :p            the next / previous file             = where am I
  q Q ZZ            quit                     h            this help

The input is read as far as the screen needs, so `yes | less` works.  When
standard output is not a terminal, less copies its input there, as cat would.
"""
import getopt
import os
import re
import signal
import sys
import termios

CHUNK = 65536
ALT_ON, ALT_OFF = "\x1b[?1049h", "\x1b[?1049l"       # the terminal's alternate screen
KEYS = {"\x1b[A": "k", "\x1bOA": "k", "\x1b[B": "j", "\x1bOB": "j", "\x1b[5~": "b",
        "\x1b[6~": " ", "\x1b[H": "g", "\x1b[1~": "g", "\x1b[F": "G", "\x1b[4~": "G",
        "\x1bv": "b", "\r": "j", "\n": "j", "e": "j", "\x0e": "j", "\x05": "j", "y": "k",
        "\x10": "k", "\x19": "k", "\x0b": "k", "f": " ", "\x06": " ", "\x16": " ",
        "\x02": "b", "\x04": "d", "\x15": "u", "<": "g", ">": "G", "Q": "q",
        "\x0c": "r", "\x12": "r"}


class Interrupted(Exception):
    """Ctrl-C: stop what less is doing (reading to the end, searching), not less."""


def interrupt(signum, frame) -> None:
    raise Interrupted


def fail(msg: str) -> None:
    sys.stderr.write(f"less: {msg}\n")
    sys.exit(1)


class Text:
    """One input, read lazily, as the rows of the screen: long lines fold at the
    screen's width, tabs stop every 8 columns, control characters show as ^X."""

    def __init__(self, name: str, fd: int, width: int, opts: dict) -> None:
        self.name, self.fd, self.width = name, fd, width
        self.number, self.chop = opts.get("N", False), opts.get("S", False)
        self.squeeze = opts.get("s", False)
        self.controls = re.compile(r"[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f]" if opts.get("R")
                                   else r"[\x00-\x08\x0b-\x1f\x7f]")
        self.rows: list[str] = []       # what the screen shows
        self.starts: list[int] = []     # the line number (1-based) each row starts, or 0
        self.pending = b""
        self.lines = 0
        self.eof = False

    def need(self, n: int) -> bool:
        """Read until there are n rows (or the end); True if there are."""
        while len(self.rows) < n and not self.eof:
            chunk = os.read(self.fd, CHUNK)
            if not chunk:
                self.eof = True
                if self.pending:
                    self.add(self.pending)
                break
            *whole, self.pending = (self.pending + chunk).split(b"\n")
            for line in whole:
                self.add(line)
        return len(self.rows) >= n

    def all(self) -> int:
        while not self.eof:
            self.need(len(self.rows) + 1000)
        return len(self.rows)

    def add(self, raw: bytes) -> None:
        self.lines += 1
        if self.squeeze and not raw.strip() and self.rows and not self.rows[-1].strip():
            return
        line = self.controls.sub(lambda m: "^" + chr(ord(m.group()) ^ 0x40),
                                 raw.decode("utf-8", "replace").expandtabs(8))
        if self.number:
            line = f"{self.lines:7d} {line}"
        first = True
        while True:
            self.rows.append(line[:self.width])
            self.starts.append(self.lines if first else 0)
            line, first = line[self.width:], False
            if not line or self.chop:
                break

    def line_of(self, row: int) -> int:
        while row > 0 and not self.starts[row]:
            row -= 1
        return self.starts[row] if self.starts else 0


class Pager:
    def __init__(self, texts: list[Text], tty: int, height: int, opts: dict) -> None:
        self.texts, self.height, self.opts = texts, height, opts
        self.key = Keys(tty)
        self.index = 0
        self.text = texts[0]
        self.top = 0
        self.pattern: re.Pattern | None = None
        self.backward = False
        self.message = ""

    @property
    def page(self) -> int:
        return self.height - 1

    def show(self) -> None:
        t = self.text
        t.need(self.top + self.page)
        out = ["\x1b[H\x1b[2J"]
        for i in range(self.top, self.top + self.page):
            out.append((self.marked(t.rows[i]) if i < len(t.rows) else "~") + "\n")
        out.append("\x1b[7m" + self.prompt() + "\x1b[27m")
        write("".join(out))
        self.message = ""

    def marked(self, row: str) -> str:
        if self.pattern is None:
            return row
        return self.pattern.sub(lambda m: f"\x1b[7m{m.group()}\x1b[27m", row)

    def prompt(self) -> str:
        if self.message:
            return self.message
        t = self.text
        at_end = t.eof and self.top + self.page >= len(t.rows)
        if at_end:
            more = f" (file {self.index + 1} of {len(self.texts)})" if len(self.texts) > 1 else ""
            return f"(END){more}"
        if self.top == 0:
            return t.name if t.name != "-" else ":"
        return ":"

    def at_end(self) -> bool:
        t = self.text
        return not t.need(self.top + self.page + 1)

    def forward(self, n: int) -> bool:
        """Down n rows, stopping with the last row at the bottom; False to quit (-E)."""
        t = self.text
        if self.at_end() and self.opts.get("E"):
            return False
        t.need(self.top + self.page + n)
        self.top = max(0, min(self.top + n, len(t.rows) - self.page))
        return True

    def back(self, n: int) -> None:
        self.top = max(0, self.top - n)

    def search(self, backward: bool) -> None:
        """The next row that matches, below the top row (above it, backward),
        becomes the top row."""
        if self.pattern is None:
            self.message = "No previous regular expression"
            return
        t = self.text
        step = -1 if backward else 1
        row = self.top + step
        while row >= 0 and t.need(row + 1):
            if self.pattern.search(t.rows[row]):
                self.top = row
                t.need(row + self.page)
                return
            row += step
        self.message = "Pattern not found  (press RETURN)"

    def ask(self, prefix: str) -> str | None:
        """A line typed on the prompt line (Enter ends it, Escape or Ctrl-C drops it)."""
        typed = ""
        while True:
            write(f"\r\x1b[K{prefix}{typed}")
            key = self.key()
            if key in ("\r", "\n"):
                return typed
            if key in ("\x1b", "\x03", "\x07"):
                return None
            if key in ("\x7f", "\x08"):
                if not typed:
                    return None
                typed = typed[:-1]
            elif key.isprintable():
                typed += key

    def compile(self, text: str) -> None:
        flags = re.IGNORECASE if self.opts.get("i") and text == text.lower() else 0
        try:
            self.pattern = re.compile(text, flags)
        except re.error as e:
            self.message = f"Invalid pattern: {e}  (press RETURN)"

    def switch(self, step: int) -> None:
        i = self.index + step
        if not 0 <= i < len(self.texts):
            self.message = "No next file" if step > 0 else "No previous file"
            return
        self.index, self.text, self.top = i, self.texts[i], 0

    def fits(self) -> bool:
        """-F: one file, and all of it on one screen."""
        return len(self.texts) == 1 and not self.text.need(self.page + 1)

    def run(self) -> None:
        last = ""
        while True:
            try:
                self.show()
                typed = self.key()
                key = KEYS.get(typed, typed)
                if not key or key == "q" or key == "Z" and last == "Z" or not self.act(key):
                    return
                last = key
            except Interrupted:
                self.message = "Interrupted"

    def act(self, key: str) -> bool:
        """One command; False to quit."""
        if key in (" ", "j"):
            return self.forward(self.page if key == " " else 1)
        if key in ("d", "b", "k", "u"):
            n = {"d": self.page // 2, "b": self.page, "k": 1, "u": self.page // 2}[key]
            self.forward(n) if key == "d" else self.back(n)
        elif key == "g":
            self.top = 0
        elif key == "G":
            self.top = max(0, self.text.all() - self.page)
        elif key in ("/", "?"):
            typed = self.ask(key)
            if typed:
                self.compile(typed)
            self.backward = key == "?"
            if typed is not None and not self.message:
                self.search(self.backward)
        elif key in ("n", "N"):
            self.search(self.backward != (key == "N"))
        elif key == ":":
            typed = self.ask(":")
            if typed == "q":
                return False
            if typed in ("n", "p"):
                self.switch(1 if typed == "n" else -1)
        elif key == "=":
            t = self.text
            line = t.line_of(min(self.top + self.page, len(t.rows)) - 1)
            self.message = f"{t.name} line {line}" + ("" if not t.eof else f"/{t.lines}")
        elif key == "h":
            self.help()
        return True

    def help(self) -> None:
        rows = __doc__.split("\n")
        write("\x1b[H\x1b[2J" + "\n".join(rows[:self.page]) +
              "\n\x1b[7mHELP -- press any key to go back\x1b[27m")
        self.key()


class Keys:
    """Keys from the terminal, one at a time: what arrives together (a paste, a
    fast typist, an escape sequence) is split into keys."""
    SEQUENCE = re.compile(r"\x1b(\[[0-9;]*[~A-Za-z]|O[A-Za-z]|.)?", re.S)

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = ""

    def __call__(self) -> str:
        if not self.buffer:
            self.buffer = os.read(self.fd, 256).decode("utf-8", "replace")
            if not self.buffer:
                return ""
        m = self.SEQUENCE.match(self.buffer)
        n = m.end() if m else 1
        key, self.buffer = self.buffer[:n], self.buffer[n:]
        return key


def write(text: str) -> None:
    data = text.encode("utf-8", "replace")
    while data:
        data = data[os.write(1, data):]


def copy(files: list[str]) -> int:
    """Not a terminal: less is cat."""
    status = 0
    for name in files or ["-"]:
        try:
            fd = 0 if name == "-" else os.open(name, os.O_RDONLY)
        except OSError as e:
            sys.stderr.write(f"{name}: {e.strerror}\n")
            status = 1
            continue
        while True:
            chunk = os.read(fd, CHUNK)
            if not chunk:
                break
            while chunk:
                chunk = chunk[os.write(1, chunk):]
    return status


def main() -> int:
    try:
        opts, files = getopt.gnu_getopt(sys.argv[1:], "NiFEXRrSs", ["help"])
    except getopt.GetoptError as e:
        fail(f"{e.msg}\nTry 'less --help' for more information.")
    flags = {o.lstrip("-"): True for o, _ in opts}
    if flags.get("help"):
        print(__doc__, end="")
        return 0
    if not os.isatty(1):
        return copy(files)
    if not files and os.isatty(0):
        fail('missing filename ("less --help" for help)')
    rows, columns = os.get_terminal_size(1)[::-1]
    texts, status = [], 0
    for name in files or ["-"]:
        try:
            fd = 0 if name == "-" else os.open(name, os.O_RDONLY)
            if os.path.isdir(name):
                raise IsADirectoryError(21, "is a directory")
        except OSError as e:
            sys.stderr.write(f"{name}: {e.strerror}\n")
            status = 1
            continue
        texts.append(Text(name, fd, columns, flags))
    if not texts:
        return status
    pager = Pager(texts, -1, max(rows, 2), flags)
    if flags.get("F") and pager.fits():
        write("".join(row + "\n" for row in pager.text.rows))
        return status
    pager.key.fd = tty = os.open("/dev/tty", os.O_RDONLY)   # the keys: stdin may be the text
    saved = termios.tcgetattr(tty)
    keys = termios.tcgetattr(tty)
    keys[3] &= ~(termios.ICANON | termios.ECHO)     # ISIG stays: Ctrl-C stops a long read
    signal.signal(signal.SIGINT, interrupt)
    for sig in (signal.SIGQUIT, signal.SIGTSTP):     # the screen is less's until q
        signal.signal(sig, signal.SIG_IGN)
    keys[6][termios.VMIN], keys[6][termios.VTIME] = 1, 0
    termios.tcsetattr(tty, termios.TCSAFLUSH, keys)
    alternate = not flags.get("X")
    write(ALT_ON if alternate else "")
    try:
        pager.run()
    finally:
        write(ALT_OFF if alternate else "\r\x1b[K")
        termios.tcsetattr(tty, termios.TCSAFLUSH, saved)
    return status


if __name__ == "__main__":
    sys.exit(main())
