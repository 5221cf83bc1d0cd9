#!/usr/bin/env python3
"""more: show files (or standard input) a screenful at a time, forward.

usage: more [FILE...]

Keys:
  space     the next screen            Enter     the next line
  d         the next half screen       b         back a screen (files only)
  /PATTERN  the next line that matches n         the next match again
  =         the current line number    q         quit            h  this help

more ends by itself at the end of the text.  Several files are shown one after
the other, each under a header.  When standard output is not a terminal, more
copies its input there, as cat would.
"""
import getopt
import os
import re
import sys
import termios

CHUNK = 65536


def write(text: str) -> None:
    data = text.encode("utf-8", "replace")
    while data:
        data = data[os.write(1, data):]


def read_all(fd: int) -> bytes:
    parts: list[bytes] = []
    while True:
        chunk = os.read(fd, CHUNK)
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)


class More:
    """One text, printed forward from `shown` rows; the prompt says how far."""

    def __init__(self, lines: list[str], tty: int, rows: int, back: bool) -> None:
        self.lines, self.tty, self.page, self.can_go_back = lines, tty, rows - 1, back
        self.shown = 0
        self.pattern: re.Pattern | None = None

    def print(self, n: int) -> None:
        end = min(self.shown + n, len(self.lines))
        write("".join(line + "\n" for line in self.lines[self.shown:end]))
        self.shown = end

    def prompt(self, message: str = "") -> str:
        percent = 100 * self.shown // max(len(self.lines), 1)
        text = message or f"--More--({percent}%)"
        write(f"\x1b[7m{text}\x1b[27m")
        key = os.read(self.tty, 64).decode("utf-8", "replace")
        write("\r\x1b[K")
        return key

    def ask(self, prefix: str) -> str:
        typed = ""
        while True:
            write(f"\r\x1b[K{prefix}{typed}")
            key = os.read(self.tty, 64).decode("utf-8", "replace")
            for c in key:
                if c in "\r\n":
                    write("\r\x1b[K")
                    return typed
                if c in "\x7f\x08":
                    typed = typed[:-1]
                elif c.isprintable():
                    typed += c

    def search(self) -> str:
        """The page from two lines above the next match, as util-linux more shows it."""
        if self.pattern is None:
            return "No previous regular expression"
        for i in range(self.shown, len(self.lines)):
            if self.pattern.search(self.lines[i]):
                write("...skipping\n")
                self.shown = max(i - 2, 0)
                self.print(self.page)
                return ""
        return "Pattern not found"

    def run(self) -> bool:
        """False if the user quit."""
        self.print(self.page)
        message = ""
        while self.shown < len(self.lines):
            key, message = self.prompt(message), ""
            if key in ("q", "Q", "\x03"):
                return False
            if key == " " or key == "f":
                self.print(self.page)
            elif key in ("\r", "\n", "j"):
                self.print(1)
            elif key == "d":
                self.print(self.page // 2)
            elif key == "b" and self.can_go_back:
                self.shown = max(0, self.shown - 2 * self.page)
                write("...back 1 page\n")
                self.print(self.page)
            elif key == "=":
                message = str(self.shown)
            elif key == "/":
                typed = self.ask("/")
                try:
                    self.pattern = re.compile(typed) if typed else self.pattern
                    message = self.search()
                except re.error as e:
                    message = f"Invalid pattern: {e}"
            elif key == "n":
                message = self.search()
            elif key == "h":
                write(__doc__.split("\n\n", 1)[1] + "\n")
        return True


def copy(fd: int) -> None:
    while True:
        chunk = os.read(fd, CHUNK)
        if not chunk:
            return
        while chunk:
            chunk = chunk[os.write(1, chunk):]


def main() -> int:
    try:
        opts, files = getopt.gnu_getopt(sys.argv[1:], "", ["help"])
    except getopt.GetoptError as e:
        sys.stderr.write(f"more: {e.msg}\nTry 'more --help' for more information.\n")
        return 1
    if opts:
        print(__doc__, end="")
        return 0
    terminal = os.isatty(1)
    if not files and os.isatty(0):
        sys.stderr.write("more: bad usage\nTry 'more --help' for more information.\n")
        return 1
    tty, saved = -1, None               # (no terminal: the text is copied through)
    if terminal:
        tty = os.open("/dev/tty", os.O_RDONLY)          # the keys: stdin may be the text
        saved = termios.tcgetattr(tty)
        keys = termios.tcgetattr(tty)
        keys[3] &= ~(termios.ICANON | termios.ECHO)
        termios.tcsetattr(tty, termios.TCSAFLUSH, keys)
    status = 0
    rows = os.get_terminal_size(1).lines if terminal else 24
    try:
        for name in files or ["-"]:
            try:
                if os.path.isdir(name):
                    raise IsADirectoryError(21, "is a directory")
                fd = 0 if name == "-" else os.open(name, os.O_RDONLY)
            except OSError as e:
                sys.stderr.write(f"more: cannot open {name}: {e.strerror}\n")
                status = 1
                continue
            if not terminal:
                copy(fd)
                continue
            text = read_all(fd).decode("utf-8", "replace").expandtabs(8)
            lines = text.split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            if len(files) > 1:
                lines = ["::::::::::::::", name, "::::::::::::::"] + lines
            if not More(lines, tty, max(rows, 2), name != "-").run():
                break
    finally:
        if saved is not None:
            termios.tcsetattr(tty, termios.TCSAFLUSH, saved)
    return status


if __name__ == "__main__":
    sys.exit(main())
