"""edit: a small full-screen text editor, a native program of the machine.

It is assembled from prompt_toolkit's parts (a TextArea with line numbers and a
pygments lexer, a search toolbar, a status line, the keys along the bottom) and
runs as a process like any other: it is in `ps`, it opens, reads and writes its
file with system calls (so the file's permissions hold), and it talks to the
terminal only through its file descriptors 0 and 1, in the terminal's
non-canonical mode (termios, kernel/tty.py), as a real editor does.

prompt_toolkit runs on an asyncio event loop.  The loop here waits in the
kernel: its selector is the `select` system call on the process's own
(virtual) file descriptors, and its clock is the machine's, so while the
editor waits for a key the process is BLOCKED and the other processes run.
"""
from __future__ import annotations

import asyncio
import selectors
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from prompt_toolkit.application import Application, create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.document import Document
from prompt_toolkit.filters import Condition
from prompt_toolkit.input.base import Input
from prompt_toolkit.input.vt100_parser import Vt100Parser
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.key_binding.key_processor import KeyPress
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.lexers import PygmentsLexer
from prompt_toolkit.output.vt100 import Vt100_Output
from prompt_toolkit.search import SearchDirection, start_search
from prompt_toolkit.styles import Style
from prompt_toolkit.widgets import SearchToolbar, TextArea
from pygments.lexers.python import PythonLexer
from pygments.lexers.shell import BashLexer

from .edit import plural

KEYS = [("^S", "Save"), ("^Q", "Quit"), ("^F", "Find"), ("^N", "Next"), ("^G", "Go to line"),
        ("^Z", "Undo"), ("^K", "Cut line"), ("^U", "Paste")]
class KernelSelector(selectors.BaseSelector):
    """asyncio's selector over the process's virtual fds: waiting is the kernel's
    select system call, so the process sleeps in the kernel like any reader."""

    def __init__(self, select: Callable) -> None:
        self.select_call = select
        self.keys: dict[int, selectors.SelectorKey] = {}
        self.loop: asyncio.AbstractEventLoop | None = None

    def register(self, fileobj, events, data=None) -> selectors.SelectorKey:
        fd = fileobj if isinstance(fileobj, int) else fileobj.fileno()
        key = selectors.SelectorKey(fileobj, fd, events, data)
        self.keys[fd] = key
        return key

    def unregister(self, fileobj) -> selectors.SelectorKey:
        fd = fileobj if isinstance(fileobj, int) else fileobj.fileno()
        return self.keys.pop(fd)

    def get_map(self):
        return self.keys

    def select(self, timeout: float | None = None) -> list:
        readers = [fd for fd, k in self.keys.items() if k.events & selectors.EVENT_READ]
        # While this process sleeps, another may run an event loop of its own
        # on the same host thread: the running loop is this greenlet's only.
        asyncio.events._set_running_loop(None)
        try:
            ready, _, _ = self.select_call(readers, [], [], None if timeout is None
                                           else max(timeout, 0))
        except InterruptedError:
            ready = []
        finally:
            asyncio.events._set_running_loop(self.loop)
        return [(self.keys[fd], selectors.EVENT_READ) for fd in ready if fd in self.keys]

    def close(self) -> None:
        self.keys.clear()


class KernelLoop(asyncio.SelectorEventLoop):
    """An event loop with no host resources: no self-pipe (nothing wakes it from
    another thread) and no host signal handlers; its clock is the machine's."""

    def __init__(self, selector: KernelSelector, clock: Callable[[], float]) -> None:
        self.clock = clock
        super().__init__(selector)
        selector.loop = self

    def run_forever(self) -> None:
        """asyncio's loop, without installing host-wide async-generator hooks
        (a program may not change the host interpreter's hooks).  It is made of
        BaseEventLoop's private parts, which asyncio's type stubs do not name."""
        self._check_closed()  # type: ignore[attr-defined]
        self._check_running()  # type: ignore[attr-defined]
        self._thread_id = threading.get_ident()
        asyncio.events._set_running_loop(self)
        try:
            while True:
                self._run_once()  # type: ignore[attr-defined]
                if self._stopping:  # type: ignore[has-type]
                    break
        finally:
            self._stopping = False
            self._thread_id = None  # type: ignore[assignment]
            asyncio.events._set_running_loop(None)

    def _make_self_pipe(self) -> None:
        pass

    def _close_self_pipe(self) -> None:
        pass

    def _write_to_self(self) -> None:
        pass

    def time(self) -> float:
        return self.clock()

    # (the stubs type the callback with TypeVarTuple, which Python 3.10 has not)
    def add_signal_handler(self, sig: int, callback: Callable[..., object], *args: Any) -> None:  # type: ignore[override]
        pass

    def remove_signal_handler(self, sig) -> bool:
        return False


class TerminalInput(Input):
    """Keys from the process's fd 0, a terminal put in non-canonical mode."""

    def __init__(self, os_: Any, termios: Any, fd: int = 0) -> None:
        self.os, self.termios, self.fd = os_, termios, fd
        self.keys: list[KeyPress] = []
        self.parser = Vt100Parser(self.keys.append)
        self._closed = False

    def fileno(self) -> int:
        return self.fd

    def typeahead_hash(self) -> str:
        return f"vshell-tty-{self.fd}"

    def read_keys(self) -> list[KeyPress]:
        data = self.os.read(self.fd, 4096)
        if not data:
            self._closed = True
        self.parser.feed(data.decode("utf-8", "replace"))
        keys, self.keys[:] = list(self.keys), []
        return keys

    def flush_keys(self) -> list[KeyPress]:
        self.parser.flush()
        keys, self.keys[:] = list(self.keys), []
        return keys

    @property
    def closed(self) -> bool:
        return self._closed

    @contextmanager
    def raw_mode(self) -> Iterator[None]:
        """Every key as it is typed, none of them a signal, no flow control."""
        t = self.termios
        saved = t.tcgetattr(self.fd)
        raw = t.tcgetattr(self.fd)
        raw[0] &= ~(t.IXON | t.ICRNL | t.INLCR | t.IGNCR)
        raw[3] &= ~(t.ICANON | t.ECHO | t.ISIG | t.IEXTEN)
        raw[6][t.VMIN], raw[6][t.VTIME] = 1, 0
        t.tcsetattr(self.fd, t.TCSANOW, raw)
        try:
            yield
        finally:
            t.tcsetattr(self.fd, t.TCSANOW, saved)

    @contextmanager
    def cooked_mode(self) -> Iterator[None]:
        yield

    @contextmanager
    def attach(self, callback: Callable[[], None]) -> Iterator[None]:
        loop = asyncio.get_running_loop()
        loop.add_reader(self.fd, callback)
        try:
            yield
        finally:
            loop.remove_reader(self.fd)

    @contextmanager
    def detach(self) -> Iterator[None]:
        loop = asyncio.get_running_loop()
        loop.remove_reader(self.fd)
        yield


class _NoStream:
    """Vt100_Output wants a stream; TerminalOutput's flush writes the fd instead."""
    encoding = "utf-8"

    def write(self, data: str) -> int:
        raise RuntimeError("TerminalOutput writes with the write system call")

    def flush(self) -> None:
        pass


class TerminalOutput(Vt100_Output):
    """Escape sequences written to the process's fd 1 with the write system call."""

    def __init__(self, os_: Any, fd: int = 1) -> None:
        self.os = os_
        self.out_fd = fd
        super().__init__(_NoStream(), self.size, term="xterm", enable_cpr=False)  # type: ignore[arg-type]

    def size(self) -> Size:
        columns, rows = self.os.get_terminal_size(self.out_fd)
        return Size(rows=rows, columns=columns)

    def fileno(self) -> int:
        return self.out_fd

    def flush(self) -> None:
        if not self._buffer:
            return
        data = "".join(self._buffer).encode("utf-8", "replace")
        self._buffer = []
        while data:
            data = data[self.os.write(self.out_fd, data):]


def lexer_for(path: str, text: str):
    """Python or shell, by the file's name or its #! line; None for anything else."""
    first = text.split("\n", 1)[0]
    if path.endswith((".py", ".pyw")) or first.startswith("#!") and "python" in first:
        return PygmentsLexer(PythonLexer)
    if path.endswith((".sh", ".bash", "rc", ".profile")) or first.startswith("#!") and \
            first.rstrip().endswith(("sh", "bash", "dash")):
        return PygmentsLexer(BashLexer)
    return None


class Editor:
    """One file in a TextArea; the file is read and written through the kernel."""

    def __init__(self, os_: Any, path: str, text: str, new: bool, read_only: bool,
                 input: Input, output: Vt100_Output) -> None:
        self.os, self.path = os_, path
        self.saved_text = text
        self.message = "New file" if new else plural(text.count("\n"), "line") + \
            ("  [read-only: you may not write this file]" if read_only else "")
        self.asking: tuple[str, Callable[[str], None]] | None = None   # a question, and its answer
        self.answer = ""
        self.clipboard: list[str] = []
        self.search = SearchToolbar()
        self.area = TextArea(text=text, lexer=lexer_for(path, text), line_numbers=True,
                             scrollbar=True, search_field=self.search, focus_on_click=True,
                             wrap_lines=False)
        status = Window(FormattedTextControl(self.status), height=1, style="class:status")
        hints = Window(FormattedTextControl(self.hints), height=1)
        self.app: Application = Application(
            layout=Layout(HSplit([self.area, self.search, status, hints]), focused_element=self.area),
            key_bindings=self.bindings(), full_screen=True, mouse_support=True,
            input=input, output=output,
            style=Style.from_dict({"status": "reverse", "key": "reverse bold",
                                   "line-number": "#888888", "question": "bold"}))

    @property
    def modified(self) -> bool:
        return self.area.text != self.saved_text

    def status(self):
        if self.asking is not None:
            return [("class:question", f" {self.asking[0]}{self.answer}")]
        doc = self.area.document
        name = self.path + (" (modified)" if self.modified else "")
        where = f"line {doc.cursor_position_row + 1}/{doc.line_count}, col {doc.cursor_position_col + 1}"
        return f" {name}   {where}   {self.message}"

    def hints(self):
        out: list = []
        for key, what in KEYS:
            out += [("class:key", key), ("", f" {what}  ")]
        return out

    def save(self) -> bool:
        """Write the text to the file, ending with a newline as nano and vi do
        (a last line without one is not quite a line to cat, wc or the shell)."""
        shown = self.area.text
        text = shown if not shown or shown.endswith("\n") else shown + "\n"
        os = self.os
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            try:
                data = text.encode("utf-8", "surrogateescape")
                while data:
                    data = data[os.write(fd, data):]
            finally:
                os.close(fd)
        except OSError as e:
            self.message = f"Cannot save {self.path}: {e.strerror}"
            return False
        self.saved_text = shown
        self.message = "Saved " + plural(text.count("\n"), "line")
        return True

    def ask(self, question: str, then: Callable[[str], None]) -> None:
        self.asking, self.answer = (question, then), ""

    def bindings(self) -> KeyBindings:
        keys = KeyBindings()
        asking = Condition(lambda: self.asking is not None)

        @keys.add("<any>", filter=asking, eager=True)
        def _typed(event) -> None:
            data = event.key_sequence[0].data
            if data in ("\r", "\n") and self.asking is not None:
                (_, then), self.asking = self.asking, None
                then(self.answer)
            elif data in ("\x1b", "\x03", "\x07"):
                self.asking, self.message = None, "Cancelled"
            elif data in ("\x7f", "\x08"):
                self.answer = self.answer[:-1]
            elif data.isprintable():
                self.answer += data

        @keys.add("c-s", filter=~asking, eager=True)
        @keys.add("c-o", filter=~asking, eager=True)
        def _save(event) -> None:
            self.save()

        @keys.add("c-q", filter=~asking, eager=True)
        @keys.add("c-x", filter=~asking, eager=True)
        def _quit(event) -> None:
            if not self.modified:
                event.app.exit(result=0)
                return

            def answered(answer: str) -> None:
                if answer.lower().startswith("y"):
                    if self.save():
                        self.app.exit(result=0)
                elif answer.lower().startswith("n"):
                    self.app.exit(result=0)
                else:
                    self.message = "Not quitting"
            self.ask("Save changes before quitting? (y/n, Esc to stay) ", answered)

        @keys.add("c-f", filter=~asking, eager=True)
        @keys.add("c-w", filter=~asking, eager=True)
        def _find(event) -> None:
            start_search(self.area.control, SearchDirection.FORWARD)

        @keys.add("c-n", filter=~asking, eager=True)
        def _next(event) -> None:
            state = event.app.current_search_state
            if not state.text:
                self.message = "Nothing to find yet: Ctrl-F first"
                return
            buffer = self.area.buffer
            buffer.apply_search(state, include_current_position=False, count=1)

        @keys.add("c-g", filter=~asking, eager=True)
        def _goto(event) -> None:
            def answered(answer: str) -> None:
                if not answer.strip().isdigit():
                    self.message = f"Not a line number: {answer!r}"
                    return
                doc = self.area.document
                row = min(max(int(answer) - 1, 0), doc.line_count - 1)
                self.area.buffer.cursor_position = doc.translate_row_col_to_index(row, 0)
            self.ask("Go to line: ", answered)

        @keys.add("c-z", filter=~asking, eager=True)
        def _undo(event) -> None:
            self.area.buffer.undo()

        @keys.add("c-k", filter=~asking, eager=True)
        def _cut(event) -> None:
            buffer = self.area.buffer
            doc = buffer.document
            lines = doc.lines
            row = doc.cursor_position_row
            if event.is_repeat:
                self.clipboard.append(lines[row])
            else:
                self.clipboard = [lines[row]]
            rest = lines[:row] + lines[row + 1:]
            text = "\n".join(rest)
            start = sum(len(line) + 1 for line in rest[:row])
            buffer.document = Document(text, min(start, len(text)))

        @keys.add("c-u", filter=~asking, eager=True)
        def _paste(event) -> None:
            if self.clipboard:
                buffer = self.area.buffer
                doc = buffer.document
                start = doc.cursor_position - doc.cursor_position_col
                pasted = "".join(line + "\n" for line in self.clipboard)
                buffer.document = Document(doc.text[:start] + pasted + doc.text[start:],
                                           start + len(pasted))

        @keys.add("c-c", filter=~asking, eager=True)
        def _interrupt(event) -> None:
            self.message = "Ctrl-Q quits"
        return keys


def run(rt, path: str, text: str, new: bool, read_only: bool) -> int:
    """Edit text (path's) on the terminal of fds 0 and 1 until the user quits."""
    os_ = rt.os
    terminal_in, terminal_out = TerminalInput(os_, rt.module("termios")), TerminalOutput(os_)
    loop = KernelLoop(KernelSelector(rt.module("select").select), rt.time.monotonic)
    # prompt_toolkit keeps "the running application" in an app session; the
    # default one is shared with the shell's line editor (another host thread),
    # so the editor makes its own, in this process's own context.
    with create_app_session(input=terminal_in, output=terminal_out):
        editor = Editor(os_, path, text, new, read_only, terminal_in, terminal_out)
        try:
            asyncio.events._set_running_loop(None)
            return loop.run_until_complete(editor.app.run_async(handle_sigint=False)) or 0
        finally:
            asyncio.events._set_running_loop(None)
            loop.close()
