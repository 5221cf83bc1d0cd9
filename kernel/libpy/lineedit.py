"""The terminal's line editor, as a library call: GNU readline's place.

On a real Unix a shell links a line-editing library that reads keys one by
one.  vshell's editor lives in the console (the host's terminal), so the
library is one system call: tty_readline gives the console the prompt and
what to show and complete with (passed through, never read, by the kernel),
sleeps until the line is edited, and returns it.  The shell's prompt and
Python's `>>>` both read their lines here.
"""
from __future__ import annotations

from kernel.libpy.os import _trap


def readline(fd: int, prompt: str, context: dict) -> bytes:
    """One edited line, with its newline; b"" at the end of input; b"\\x04" if
    Ctrl-D ended input (its line left on the screen); b"\\x03" if Ctrl-C
    abandoned the line.  OSError (ENOTTY) if fd is no terminal with an editor;
    InterruptedError if a signal came first."""
    return _trap("tty_readline", fd, prompt, context)
