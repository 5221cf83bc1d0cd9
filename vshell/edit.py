"""edit FILE (also nano): the command line of vshell's editor (vshell/editor.py),
and vi's pointer to it.  Native programs, like the shell: they run as processes
of the machine and use its system calls."""
from __future__ import annotations

from typing import Any

from kernel import abi
from kernel.errors import oserror

USAGE = "usage: edit FILE\n"
HELP = """usage: edit FILE   (also: nano FILE)

A small full-screen editor.  Keys (shown at the bottom of the screen):
  Ctrl-S  save (also Ctrl-O)            Ctrl-Q  quit (also Ctrl-X); asks first if unsaved
  Ctrl-F  find (also Ctrl-W): type, Enter jumps; Ctrl-N finds the next one
  Ctrl-G  go to a line number           Ctrl-Z  undo
  Ctrl-K  cut the line                  Ctrl-U  paste the lines cut
  arrows, Home, End, PageUp, PageDown move; the mouse places the cursor where the
  terminal reports clicks.  Python and shell are coloured (by name or #! line).
"""


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def read_file(os_: Any, path: str) -> tuple[str, bool]:
    """The file's text, and whether it is new."""
    try:
        fd = os_.open(path, os_.O_RDONLY)
    except FileNotFoundError:
        return "", True
    try:
        if os_.path.isdir(path):
            raise oserror(abi.EISDIR)
        parts = []
        while True:
            chunk = os_.read(fd, 65536)
            if not chunk:
                break
            parts.append(chunk)
    finally:
        os_.close(fd)
    return b"".join(parts).decode("utf-8", "surrogateescape"), False


def vi(rt) -> int:
    """vi's keys are modal (`:wq`), which a modeless editor cannot honour: say
    which editor there is rather than open one where `:wq` would be text."""
    fd = 1 if rt.argv[1:] == ["--help"] else 2
    rt.os.write(fd, b"vi: vshell has no vi; its editor is edit (or nano):  edit FILE\n"
                   b"    Ctrl-S saves, Ctrl-Q quits, Ctrl-F finds; the keys are shown at the bottom.\n")
    return 0 if fd == 1 else 127


def main(rt) -> int:
    """The entry point exec runs: edit FILE."""
    os_, argv = rt.os, rt.argv
    name = argv[0].rsplit("/", 1)[-1]

    def say(fd: int, text: str) -> None:
        os_.write(fd, text.encode())
    args = argv[1:]
    if args[:1] in (["--help"], ["-h"]):
        say(1, HELP)
        return 0
    if len(args) != 1 or args[0].startswith("-") and args[0] != "-":
        say(2, f"{name}: {'give one file to edit' if len(args) != 1 else 'unknown option ' + args[0]}\n"
               f"{USAGE}Try '{name} --help' for more information.\n")
        return 2
    path = args[0]
    if not (os_.isatty(0) and os_.isatty(1)):
        say(2, f"{name}: the editor needs a terminal (standard input and output)\n")
        return 1
    try:
        text, new = read_file(os_, path)
    except OSError as e:
        say(2, f"{name}: {path}: {e.strerror}\n")
        return 1
    read_only = not new and not os_.access(path, os_.W_OK)
    from kernel.libpy.runtime import host_module     # prompt_toolkit: only when a screen is
    editor = host_module("vshell.editor")           # wanted, imported in one go
    return editor.run(rt, path, text, new, read_only)
