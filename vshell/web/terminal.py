"""The machine's terminal in the browser: `vshell --web`'s console.

The kernel's terminal device talks to a console (vshell/console.py); this one
is the page's terminal (xterm.js over a WebSocket) instead of the host's.  It
is the interactive console with its input and output swapped: the shell's
prompts are edited by the same prompt_toolkit line editor, given a pipe for
input and a VT100 output into the page, as prompt_toolkit's own SSH and telnet
servers run it.  What the host terminal did by itself is done here: echo and
line editing (backspace, Ctrl-U) of input read in canonical mode, \\n -> \\r\\n
on output (OPOST), and the window's size.

Everything the terminal shows goes to the `Hub`, which keeps the recent screen
output (for viewers who connect later) and is read by the web server's thread.
"""
from __future__ import annotations

import codecs
import queue
import termios
import threading

from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from kernel.abi import SIGWINCH
from vshell.console import InteractiveConsole

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

SCROLLBACK = 256 * 1024             # characters of output a viewer who connects later gets
ERASE, KILL, WERASE = "\x7f\b", "\x15", "\x17"
SIGNAL_KEYS = "\x03\x1a\x1c"        # Ctrl-C, Ctrl-Z, Ctrl-\\: passed on at once


class Hub:
    """Terminal output on its way to the page, and the page's keys on their way in.

    Written by the machine's thread and the line editor's; read by the web
    server's thread: a lock and plain lists, nothing asynchronous."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pending: list[str] = []
        self.scrollback: list[str] = []
        self.kept = 0
        self.rows, self.columns = 24, 80
        self.serial = 0                 # output so far, in chunks: viewers know what is new
        self.typed: Callable[[str], None] = lambda keys: None     # set by the console
        self.resized: Callable[[], None] = lambda: None             # set by the console
        self.ended = False

    def output(self, text: str) -> None:
        if text:
            with self.lock:
                self.pending.append(text)

    def take(self) -> str:
        """The output since the last take (the server's thread); from now on
        it is part of the screen a page that connects later is sent."""
        with self.lock:
            text = "".join(self.pending)
            self.pending.clear()
            if text:
                self.scrollback.append(text)
                self.kept += len(text)
                while self.kept > SCROLLBACK and len(self.scrollback) > 1:
                    self.kept -= len(self.scrollback.pop(0))
            return text

    def screen(self) -> str:
        """The recent output up to the last take."""
        with self.lock:
            return "".join(self.scrollback)

    def size(self) -> Size:
        return Size(rows=self.rows, columns=self.columns)

    def resize(self, rows: int, columns: int) -> None:
        """The page's terminal has a new size (the server's thread)."""
        size = max(2, min(rows, 500)), max(10, min(columns, 1000))
        if size != (self.rows, self.columns):
            self.rows, self.columns = size
            self.resized()


class Screen:
    """The file prompt_toolkit's VT100 output writes to: the hub."""
    encoding = "utf-8"

    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def write(self, text: str) -> int:
        self.hub.output(text)
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        raise OSError("the web terminal has no file descriptor")


class WebConsole(InteractiveConsole):
    """The interactive console, its terminal a page's (see the module's doc)."""

    def __init__(self, kernel_ref: Callable[[], Any], private: bool, hub: Hub) -> None:
        super().__init__(kernel_ref, private)
        self.hub = hub
        self.interactive = True
        self._tty = {0: True, 1: True, 2: True}
        self.keys: queue.Queue[str | None] = queue.Queue()   # typed keys for the kernel; None wakes
        self.pipe_made = create_pipe_input()     # (a context manager: open for the session's life)
        self.pipe = self.pipe_made.__enter__()
        self.vt = Vt100_Output(Screen(hub), hub.size, term="xterm-256color",  # type: ignore[arg-type]
                               enable_cpr=False)   # (no page may be there to answer)
        self.modes: list | None = None          # the virtual terminal's termios modes
        self.line = ""                          # canonical mode: the line being typed
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.key_lock = threading.Lock()
        self.held = ""                          # keys typed after Enter, before the line is taken
        self.accepting: bool | None = None      # the prompt: None before it runs, True, False after
        self.above_lock = threading.Lock()
        self.above_text: list[str] = []
        hub.typed = self.typed
        hub.resized = self.resized
        self.post: Callable[[int], None] | None = None      # a signal to the terminal's group
        self.ending: Callable[[], None] | None = None     # the server's stop, at the session's end

    # ---- what the kernel's terminal asks of its console -------------------------------

    def session(self):
        """The line editor, made by vshell's main thread before the machine runs
        (kernel/hostguard.py trusts it), on the page's input and output."""
        from contextlib import nullcontext

        from vshell.frontend import LineEditor
        self.editor = LineEditor(self.kernel_ref(), self.private, self.wake,
                                 {"input": self.pipe, "output": self.vt})
        return nullcontext()

    def attach_signals(self, post: Callable[[int], None]) -> None:
        # Ctrl-C comes as a key, and the line discipline signals; a new window
        # size comes from the page, and is signalled from here (resized).
        self.post = post

    def resized(self) -> None:
        """The page's window changed size (the server's thread): as a terminal
        does, SIGWINCH to the foreground process group, which asks the size
        anew (kernel/tty.py's winsize asks size() below); and the line
        editor draws its prompt again for the new width, as prompt_toolkit's
        own SSH server has it do."""
        if self.post is not None:
            self.post(SIGWINCH)
            self.keys.put(None)                 # (wakes the kernel if it waits for keys)
        from prompt_toolkit.application.current import get_app_or_none
        app = get_app_or_none()
        loop = getattr(app, "loop", None) if app is not None and app.is_running else None
        if loop is not None:
            loop.call_soon_threadsafe(app._on_resize)   # type: ignore[union-attr]

    def set_modes(self, modes: list) -> None:
        self.modes = modes

    def size(self) -> tuple[int, int]:
        return self.hub.rows, self.hub.columns

    def restore(self) -> None:
        if self.editor is not None:
            self.editor.close()
        self.hub.ended = True
        if self.ending is not None:
            self.ending()

    def wake(self) -> None:
        """The line editor finished a line (its thread): the kernel takes it
        first; keys typed since are the kernel's, for whoever reads next."""
        with self.key_lock:
            self.editing = False
            self.keys.put(None)
            held, self.held = self.held, ""
            self.cook(held)

    def read(self, timeout: float | None) -> bytes | None:
        try:
            keys = self.keys.get(timeout=timeout) if timeout is None or timeout > 0 else \
                self.keys.get_nowait()
        except queue.Empty:
            return None
        return None if keys is None else keys.encode("utf-8", "surrogateescape")

    def write(self, channel: int, data: bytes) -> None:
        self.record(data.decode("utf-8", "replace"))
        text = self.decoder.decode(data)
        if self.flag(1, termios.OPOST):
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        if self.editing:
            self.above(text)
        else:
            self.hub.output(text)

    def isatty(self, channel: int) -> bool:
        return True

    # ---- the page's keys --------------------------------------------------------------

    def flag(self, field: int, bit: int) -> bool:
        """A termios flag of the virtual terminal (sane modes until a program sets them)."""
        if self.modes is None:
            return bit in (termios.OPOST, termios.ICANON, termios.ECHO, termios.ISIG)
        return bool(self.modes[field] & bit)

    def prompting(self) -> bool:
        """Does the line editor have the keyboard?  From the moment the kernel
        asks for a prompt until the editor accepts the line: keys typed after
        Enter are for whoever reads next (a command's `cat`), as on a terminal."""
        return self.editing and self.accepting is not False

    def start_readline(self, prompt: str, info: dict) -> None:
        """A line typed ahead but not finished goes to the prompt, to be edited
        there; the prompt's start and end are watched (see prompting)."""
        with self.key_lock:
            ahead = self.typed_ahead()
            if self.line:
                self.hub.output("\b \b" * len(self.line))
                ahead += self.line
                self.line = ""
            if ahead:
                self.pipe.send_text(ahead.replace("\n", "\r"))
            self.accepting = None
        editor = self.editor
        if editor is not None:
            python = info.get("mode") == "python"
            app = (editor.python_session() if python else editor.session).app
            app.pre_run_callables.append(lambda: self.prompt_runs(app))
        super().start_readline(prompt, info)

    def typed_ahead(self) -> str:
        """Keys cooked for the kernel that it has not read yet (the prompt takes them)."""
        keys: list[str] = []
        woken = False
        while True:
            try:
                item = self.keys.get_nowait()
            except queue.Empty:
                break
            if item is None:
                woken = True
            else:
                keys.append(item)
        if woken:
            self.keys.put(None)                 # (a wake-up is the kernel's, kept)
        return "".join(keys)

    def prompt_runs(self, app: Any) -> None:
        """(The editor's thread, as its prompt starts.)"""
        self.accepting = True

        def accepted(future: Any) -> None:
            with self.key_lock:
                self.accepting = False
        app.future.add_done_callback(accepted)

    def typed(self, keys: str) -> None:
        """Keys from the lecturer's page (the server's thread)."""
        with self.key_lock:
            if self.prompting():
                self.pipe.send_text(keys)       # the line editor has the keyboard
            elif self.editing:
                self.held += keys               # after the line just accepted: wait for it
            else:
                self.cook(keys)

    def cook(self, keys: str) -> None:
        if not keys:
            return
        if not self.flag(3, termios.ICANON):
            self.keys.put(keys)                 # raw: each key as it comes (edit, less)
            return
        for key in keys:
            self.cooked(key)

    def cooked(self, key: str) -> None:
        """Canonical mode, as a terminal's line discipline: a line is edited
        here and handed over at Enter; signal keys and Ctrl-D go at once."""
        echo = self.flag(3, termios.ECHO)
        if key in SIGNAL_KEYS or key == "\x04":
            if key == "\x04" and self.line:
                self.keys.put(self.line)        # Ctrl-D after text: that text, without a newline
                self.line = ""
                return
            if key == "\x03" and echo:
                self.hub.output("^C\r\n")
            self.line = ""
            self.keys.put(key)
        elif key in ERASE:
            if self.line:
                self.line = self.line[:-1]
                if echo:
                    self.hub.output("\b \b")
        elif key == KILL:
            if echo:
                self.hub.output("\b \b" * len(self.line))
            self.line = ""
        elif key in "\r\n":
            if echo:
                self.hub.output("\r\n")
            self.keys.put(self.line + "\n")
            self.line = ""
        else:
            self.line += key
            if echo:
                self.hub.output(key)

    # ---- output while a prompt is on the screen ---------------------------------------

    def above(self, text: str) -> None:
        """Output while the line editor shows a prompt goes above it: the
        editor's loop hides the prompt, writes, and draws it again (what
        prompt_toolkit's patch_stdout does on a real terminal)."""
        from prompt_toolkit.application.current import get_app_or_none
        app = get_app_or_none()
        loop = getattr(app, "loop", None) if app is not None and app.is_running else None
        if loop is None:
            self.hub.output(text)
            return
        with self.above_lock:
            first = not self.above_text
            self.above_text.append(text)
        if first:
            loop.call_soon_threadsafe(self.flush_above)

    def flush_above(self) -> None:
        from prompt_toolkit.application import run_in_terminal
        with self.above_lock:
            text = "".join(self.above_text)
            self.above_text.clear()
        if text:
            run_in_terminal(lambda: self.hub.output(text), in_executor=False)
