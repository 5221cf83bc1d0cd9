"""The host side of the virtual terminal: the real stdin, stdout and stderr."""
from __future__ import annotations

import os
import signal
import sys

from kernel import abi

TYPE_CHECKING = False
if TYPE_CHECKING:
    from vshell.frontend import LineEditor


class HostConsole:
    """Connects the kernel's terminal device to this process's own fds 0, 1, 2.

    `input_fd` is None when the host's stdin already carried the script, so
    the terminal gives programs EOF instead of eating the script."""

    def __init__(self, input_fd: int | None = 0) -> None:
        self.input_fd = input_fd
        self.interactive = input_fd is not None and os.isatty(input_fd)
        self._tty = {fd: os.isatty(fd) for fd in (0, 1, 2)}
        self.wakeup_fd: int | None = None    # written by host signal handlers
        self.saved_modes: list | None = None   # the host terminal's, before echo was changed
        self.recording: list[str] | None = None   # --record: everything shown

    def set_modes(self, modes: list) -> None:
        """The virtual terminal's modes, on the host terminal: a password typed at
        the virtual terminal is not shown on the real one either, and a program
        that reads key by key (less, edit) gets each key as it is typed."""
        fd = self.input_fd
        if fd is None or not os.isatty(fd):
            return
        import termios as T
        mirrored = (T.BRKINT | T.ICRNL | T.IXON | T.INLCR | T.IGNCR, T.OPOST,
                    0, T.ICANON | T.ECHO | T.ISIG | T.IEXTEN)
        try:
            host = T.tcgetattr(fd)
            if self.saved_modes is None:
                self.saved_modes = T.tcgetattr(fd)
            for i, bits in enumerate(mirrored):
                host[i] = host[i] & ~bits | modes[i] & bits
            for i in (T.VMIN, T.VTIME):
                host[6][i] = modes[6][i]
            T.tcsetattr(fd, T.TCSANOW, host)
        except (T.error, IndexError, TypeError):
            pass

    def size(self) -> tuple[int, int]:
        """The host terminal's rows and columns (TIOCGWINSZ)."""
        for fd in (1, 0, 2):
            try:
                columns, rows = os.get_terminal_size(fd)
                return rows, columns
            except OSError:
                continue
        return 24, 80

    def restore(self) -> None:
        """Leave the host terminal as it was found (echo back on if a program left it off)."""
        if self.saved_modes is not None and self.input_fd is not None:
            import termios
            try:
                termios.tcsetattr(self.input_fd, termios.TCSANOW, self.saved_modes)
            except termios.error:
                pass
            self.saved_modes = None

    def attach_signals(self, post) -> None:
        """Forward Ctrl-C, Ctrl-\\ and Ctrl-Z typed on the host terminal to the
        kernel's terminal, which signals its foreground process group."""
        r, w = os.pipe()
        os.set_blocking(w, False)
        os.set_blocking(r, False)
        signal.set_wakeup_fd(w)
        self.wakeup_fd = r
        self.wakeup_w = w
        # the host's numbers for these keys, the machine's for the kernel
        keys: dict[int, int] = {signal.SIGINT: abi.SIGINT, signal.SIGQUIT: abi.SIGQUIT, signal.SIGTSTP: abi.SIGTSTP}
        for sig in keys:
            signal.signal(sig, lambda signum, frame: post(keys[signum]))

    def read(self, timeout: float | None) -> bytes | None:
        if self.input_fd is None:
            return b""
        import select                          # here: a session that reads nothing never needs it
        fds = [self.input_fd] + ([self.wakeup_fd] if self.wakeup_fd is not None else [])
        ready, _, _ = select.select(fds, [], [], timeout)
        if self.wakeup_fd in ready:
            try:
                os.read(self.wakeup_fd, 512)
            except BlockingIOError:
                pass
            return None
        if not ready:
            return None
        data = os.read(self.input_fd, 65536)
        if not data and self._tty.get(0):
            return b"\x04"           # Ctrl-D typed on a terminal: one end of input, not the last
        return data

    def record(self, text: str) -> None:
        if self.recording is not None:
            self.recording.append(text)

    def write(self, channel: int, data: bytes) -> None:
        self.record(data.decode("utf-8", "replace"))
        fd = 2 if channel == 2 else 1
        view = memoryview(data)
        try:
            while view:
                n = os.write(fd, view)
                view = view[n:]
        except BrokenPipeError:
            os._exit(141)          # the reader went away: die quietly, as of SIGPIPE

    def isatty(self, channel: int) -> bool:
        return self._tty.get(channel, False)


class InteractiveConsole(HostConsole):
    """A terminal with a line editor: the shell's prompts are edited with
    prompt_toolkit in a thread while the kernel keeps running processes."""

    def __init__(self, kernel_ref, private: bool) -> None:
        super().__init__(0)
        self.kernel_ref = kernel_ref
        self.private = private
        self.editor: LineEditor | None = None
        self.editing = False

    def session(self):
        """Output from any process appears above the prompt, never inside it.
        The line editor is made here, by vshell's main thread, before the
        machine runs (kernel/hostguard.py: the host trusts its thread)."""
        from prompt_toolkit.patch_stdout import patch_stdout

        from vshell.frontend import LineEditor
        self.editor = LineEditor(self.kernel_ref(), self.private, self.wake)
        return patch_stdout(raw=True)

    def restore(self) -> None:
        super().restore()
        if self.editor is not None:
            self.editor.close()

    def wake(self) -> None:
        try:
            os.write(self.wakeup_w, b"!")
        except (OSError, AttributeError):
            pass

    def start_readline(self, prompt: str, info: dict) -> None:
        if self.editor is None:
            from vshell.frontend import LineEditor
            self.editor = LineEditor(self.kernel_ref(), self.private, self.wake)
        self.editing = True
        self.prompt = prompt
        self.editor.start(prompt, info)

    def cancel_readline(self) -> None:
        app = self.editor.session.app if self.editor else None
        if app is not None and app.is_running and app.loop is not None:
            app.loop.call_soon_threadsafe(lambda: app.exit(exception=KeyboardInterrupt()))

    def take_edited(self) -> list:
        if self.editor is None:
            return []
        lines = self.editor.take()
        if lines:
            self.editing = False
            for line in lines:                  # the prompt and what was typed, as seen
                typed = "^C\n" if line == b"\x03" else "^D\n" if line is None else \
                    line.decode("utf-8", "replace")
                self.record(getattr(self, "prompt", "") + typed)
        return lines

    def read(self, timeout: float | None) -> bytes | None:
        wakeup = self.wakeup_fd
        if not self.editing or wakeup is None:
            return super().read(timeout)
        import select
        try:                                   # the editor owns stdin: wait for it
            ready, _, _ = select.select([wakeup], [], [], timeout)
        except (OSError, ValueError):
            return None
        if ready:
            try:
                os.read(wakeup, 512)
            except BlockingIOError:
                pass
        return None

    def write(self, channel: int, data: bytes) -> None:
        if not self.editing:                   # no prompt on the screen: write in order
            super().write(channel, data)
            return
        self.record(data.decode("utf-8", "replace"))
        stream = sys.stderr if channel == 2 else sys.stdout     # above the prompt
        try:
            stream.write(data.decode("utf-8", "replace"))
            stream.flush()
        except BrokenPipeError:
            os._exit(141)


def save_recording(chunks: list[str], path: str, width: int = 100) -> None:
    """--record FILE: the session as the terminal showed it, through rich's export
    (.svg and .html keep the colours; anything else is plain text)."""
    import io
    from rich.console import Console
    from rich.text import Text
    console = Console(record=True, width=width, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor")
    console.print(Text.from_ansi("".join(chunks)), end="")
    if path.lower().endswith(".svg"):
        console.save_svg(path, title="vshell")
    elif path.lower().endswith((".html", ".htm")):
        console.save_html(path)
    else:
        console.save_text(path)
