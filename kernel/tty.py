"""The terminal device and its line discipline, and the other character devices.

The terminal sits between a *console* (the host side: the real terminal, or a
pipe, or a buffer in tests) and the processes that read and write it.  It
knows the foreground process group: keys such as Ctrl-C become signals to that
group, and a background process that tries to read gets SIGTTIN instead.
"""
from __future__ import annotations

import time as host_time
from collections import deque

from . import abi
from .abi import SIGINT, SIGQUIT, SIGTSTP, SIGTTIN
from .errors import oserror

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Protocol

    from .files import OpenFile
    from .kernel import Kernel
    from .proc import Proc

    class Console(Protocol):
        """The host side of the terminal (a protocol for the type checker only:
        MemoryConsole below, and vshell's host consoles, have these methods)."""
        interactive: bool

        def read(self, timeout: float | None) -> bytes | None:
            """Input typed so far: None if nothing came within timeout, b'' at EOF."""

        def write(self, channel: int, data: bytes) -> None:
            """Show output; channel 1 is standard output, 2 standard error."""

        def isatty(self, channel: int) -> bool: ...


INTR, QUIT, SUSP, EOF = b"\x03", b"\x1c", b"\x1a", b"\x04"


class MemoryConsole:
    """A console for tests and embedding: input given up front, output collected."""
    interactive = False

    def __init__(self, input: bytes = b"", tty: bool = False) -> None:
        self.input = input
        self.tty = tty
        self.out: list[bytes] = []
        self.err: list[bytes] = []
        self.both: list[bytes] = []

    def read(self, timeout: float | None) -> bytes | None:
        data, self.input = self.input, b""
        return data

    def write(self, channel: int, data: bytes) -> None:
        (self.err if channel == 2 else self.out).append(data)
        self.both.append(data)

    def isatty(self, channel: int) -> bool:
        return self.tty

    @property
    def stdout(self) -> str:
        return b"".join(self.out).decode(errors="replace")

    @property
    def stderr(self) -> str:
        return b"".join(self.err).decode(errors="replace")


class TTY:
    """The terminal: canonical (line-at-a-time) input, job-control signals.

    A program may turn canonical mode off (termios ICANON, as top, less and
    `tty.setcbreak` do): each key is then readable as it is typed; with ISIG
    off too (the editor, `tty.setraw`), Ctrl-C, Ctrl-\\ and Ctrl-Z are keys."""

    def __init__(self, k: "Kernel", console: Console) -> None:
        self.k = k
        self.console = console
        self.fg_pgrp = 0
        self.sid = 0
        self.lines: deque[bytes] = deque()      # complete lines, ready to read
        self.partial = b""                      # the line being typed
        self.eofs = 0                           # Ctrl-D presses not yet read
        self.console_eof = False
        self.editing = False                    # a line editor is showing a prompt
        self.echo = True                        # termios ECHO: what is typed is shown
        self.modes: list | None = None          # termios's seven fields as last set; None: sane
        self.canonical = True                   # ICANON: input by lines, with editing
        self.isig = True                        # ISIG: Ctrl-C, Ctrl-\\, Ctrl-Z are signals
        self.crnl = True                        # ICRNL: Enter's \r reads as \n
        self.vmin = 1                           # non-canonical reads wait for this many bytes
        self.readers = k.cpu.queue("tty")

    # ---- the device interface --------------------------------------------------

    def read(self, k: "Kernel", p: "Proc", f: "OpenFile", n: int) -> bytes:
        self.check_background(p, SIGTTIN)
        if not self.canonical:
            return self.read_raw(k, p, f, n)
        while not self.lines:
            if self.eofs:
                self.eofs -= 1
                return b""
            if self.console_eof:
                if self.partial:
                    self.lines.append(self.partial)
                    self.partial = b""
                    break
                return b""
            if f.nonblock:
                raise oserror(abi.EAGAIN)
            if k.cpu.sleep(p, self.readers, "terminal"):
                raise oserror(abi.EINTR)
            self.check_background(p, SIGTTIN)   # (it may have left the foreground meanwhile)
        line = self.lines[0]
        if len(line) <= n:
            return self.lines.popleft()
        self.lines[0] = line[n:]
        return line[:n]

    def read_raw(self, k: "Kernel", p: "Proc", f: "OpenFile", n: int) -> bytes:
        """Non-canonical input (termios VMIN 1, VTIME 0): whatever bytes have come,
        as soon as there is one -- a key, not a line.  VMIN 0 never waits."""
        while not self.lines:
            if self.console_eof or self.eofs or self.vmin == 0:
                if self.eofs:
                    self.eofs -= 1
                return b""
            if f.nonblock:
                raise oserror(abi.EAGAIN)
            if k.cpu.sleep(p, self.readers, "terminal"):
                raise oserror(abi.EINTR)
        data = b""
        while self.lines and len(data) < n:
            chunk = self.lines.popleft()
            take = n - len(data)
            data += chunk[:take]
            if len(chunk) > take:
                self.lines.appendleft(chunk[take:])
        return data

    def input_ready(self) -> bool:
        """poll's question: would a read return at once (a line, or the end of
        input)?  What the console has and the terminal has not yet taken in is
        taken in first, as the keyboard's interrupts would already have done."""
        if not (self.lines or self.eofs or self.console_eof):
            self.poll(0.0)
        return bool(self.lines or self.eofs or self.console_eof)

    # ---- the modes (termios) ------------------------------------------------------

    def getattr(self) -> list:
        """tcgetattr: [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]."""
        if self.modes is None:
            return sane_modes(self.echo)
        return [*self.modes[:6], list(self.modes[6])]

    def setattr(self, modes: list) -> None:
        """tcsetattr.  Every field is kept, so tcgetattr gives it back; the line
        discipline acts on ICANON (lines, or each key as it comes: what an editor
        or a pager asks for), ISIG, ECHO, ICRNL and VMIN.  A console on a real
        terminal puts the host terminal in the same modes, so that keys reach the
        machine as they are typed."""
        import termios as T
        iflag, lflag, cc = modes[0], modes[3], modes[6]
        canonical = bool(lflag & T.ICANON)
        if self.canonical and not canonical and self.partial:
            self.lines.append(self.partial)     # a half-typed line is readable at once
            self.partial = b""
        self.canonical, self.isig = canonical, bool(lflag & T.ISIG)
        self.echo, self.crnl = bool(lflag & T.ECHO), bool(iflag & T.ICRNL)
        vmin = cc[T.VMIN]
        self.vmin = vmin[0] if isinstance(vmin, bytes) and vmin else vmin if isinstance(vmin, int) else 1
        self.modes = [*modes[:6], list(cc)]
        if self.modes == sane_modes(self.echo):
            self.modes = None
        hook = getattr(self.console, "set_modes", None)
        if hook is not None:
            hook(self.getattr())
        self.k.cpu.wakeup(self.readers, "terminal modes")

    def set_echo(self, on: bool) -> None:
        """ECHO (termios c_lflag), turned off while a password is typed."""
        import termios as T
        modes = self.getattr()
        modes[3] = modes[3] | T.ECHO if on else modes[3] & ~T.ECHO
        self.setattr(modes)

    def sane(self) -> None:
        """What `stty sane` does: a program that died in raw mode or with echo
        off (say, su killed by Ctrl-C) leaves a terminal the next prompt can use."""
        if self.modes is not None or not self.echo:
            self.setattr(sane_modes(True))

    def winsize(self) -> tuple[int, int]:
        """(rows, columns): the host terminal's, when the console has one."""
        size = getattr(self.console, "size", None)
        return size() if size is not None else (24, 80)

    def readline(self, k: "Kernel", p: "Proc", f: "OpenFile", prompt: str, info: dict) -> bytes:
        """Read one edited line (a prompt: a shell's, Python's).  A console with a
        line editor shows prompt, edits, and hands over the line; otherwise the
        prompt is written and a line is read as usual.  b"" means end of input;
        b"\x04" that the editor ended input with Ctrl-D (and its line on the
        screen); b"\x03" that the line was abandoned with Ctrl-C."""
        self.sane()
        start = getattr(self.console, "start_readline", None)       # a line editor's
        cancel = getattr(self.console, "cancel_readline", None)
        if start is None or self.lines or self.console_eof:
            if prompt:
                self.console.write(2, prompt.encode("utf-8", "replace"))
            return self.read(k, p, f, 65536)
        self.check_background(p, SIGTTIN)
        start(prompt, info)
        self.editing = True
        try:
            while not self.lines and not self.console_eof and not self.eofs:
                if k.cpu.sleep(p, self.readers, "terminal"):
                    if cancel is not None:
                        cancel()
                    raise oserror(abi.EINTR)
                self.check_background(p, SIGTTIN)   # a line typed now is the foreground's
        finally:
            self.editing = False
        if self.eofs:
            self.eofs -= 1
            return EOF
        return self.lines.popleft() if self.lines else b""

    def edited(self, line: bytes | None) -> None:
        """The console's line editor finished: a line, None for Ctrl-D, b"\x03" for Ctrl-C."""
        if line is None:
            self.eofs += 1
        else:
            self.lines.append(line)
        self.k.cpu.wakeup(self.readers, "terminal input")

    def write(self, k: "Kernel", p: "Proc", f: "OpenFile", data: bytes) -> int:
        limits = k.run_limits
        if limits.output is not None and limits.written + len(data) > limits.output:
            part = bytes(data[:limits.output - limits.written])    # what fits, then the end
            limits.written += len(part)
            if part:
                self.console.write(f.channel or 1, part)
            k.over_limit("output")              # (returns only if noticed from the scheduler)
            return len(part)
        limits.written += len(data)
        self.console.write(f.channel or 1, bytes(data))
        return len(data)

    def isatty(self, f: "OpenFile") -> bool:
        return self.console.isatty(f.channel or 1)

    def open(self, k, p, f) -> None:
        f.channel = 2 if f.channel == 2 else 1

    def close(self, k, f) -> None:
        pass

    def check_background(self, p: "Proc", sig: int) -> None:
        """A background process of the terminal's session may not read it."""
        if self.fg_pgrp and p.sid == self.sid and p.pgid != self.fg_pgrp:
            if p.sig.ignores(sig) or sig in p.sig.blocked:
                raise oserror(abi.EIO)
            self.k.signals_to_group(None, p.pgid, sig)
            raise oserror(abi.EINTR)

    # ---- the driver side: input from the console --------------------------------

    def wants_input(self) -> bool:
        return bool(self.readers) and not self.console_eof

    def can_wait(self) -> bool:
        """Could waiting on the console ever make a process runnable?"""
        return self.wants_input() or getattr(self.console, "interactive", False)

    def poll(self, timeout: float | None) -> bool:
        """Wait up to timeout for console input and take it in.  True if any came."""
        if self.console_eof:
            if timeout and not self.k.clock.virtual:
                host_time.sleep(timeout)
            return False
        data = self.console.read(timeout)
        got = False
        take = getattr(self.console, "take_edited", None)
        if take is not None:                    # lines finished in the console's editor
            for line in take():
                self.edited(line)
                got = True
        if data is None:
            return got
        if data == b"":
            self.console_eof = True
            self.k.cpu.wakeup(self.readers, "terminal EOF")
            return True
        self.input(data)
        return True

    def input(self, data: bytes) -> None:
        """The line discipline: cook typed bytes into lines and signals.

        Input from a pipe or file (not a terminal) is passed on as it came."""
        if not self.console.isatty(0):
            self.lines.append(bytes(data))
            self.k.cpu.wakeup(self.readers, "terminal input")
            return
        if not self.canonical:
            self.input_raw(data)
            return
        for b in (data[i:i + 1] for i in range(len(data))):
            if b == b"\r" and self.crnl:
                b = b"\n"
            if b == INTR:
                self.partial = b""
                self.signal_foreground(SIGINT)
            elif b == QUIT:
                self.signal_foreground(SIGQUIT)
            elif b == SUSP:
                self.signal_foreground(SIGTSTP)
            elif b == EOF:
                if self.partial:
                    self.lines.append(self.partial)
                    self.partial = b""
                else:
                    self.eofs += 1
            else:
                self.partial += b
                if b == b"\n":
                    self.lines.append(self.partial)
                    self.partial = b""
        self.k.cpu.wakeup(self.readers, "terminal input")

    def input_raw(self, data: bytes) -> None:
        """Non-canonical: each byte is readable as it comes; with ISIG the
        signal keys still signal."""
        if self.crnl:
            data = data.replace(b"\r", b"\n")
        if self.isig:
            keys = {INTR: SIGINT, QUIT: SIGQUIT, SUSP: SIGTSTP}
            kept = bytearray()
            for c in data:
                sig = keys.get(bytes((c,)))
                if sig is None:
                    kept.append(c)
                else:
                    self.signal_foreground(sig)
            data = bytes(kept)
        if data:
            self.lines.append(data)
        self.k.cpu.wakeup(self.readers, "terminal input")

    def signal_foreground(self, sig: int) -> None:
        if self.fg_pgrp:
            self.k.signals_to_group(None, self.fg_pgrp, sig)


def sane_modes(echo: bool) -> list:
    """The terminal's modes as `stty sane` leaves them: canonical, signals, echo."""
    import termios as T
    cc = [b"\x00"] * T.NCCS
    for i, key in ((T.VINTR, INTR), (T.VQUIT, QUIT), (T.VERASE, b"\x7f"), (T.VKILL, b"\x15"),
                   (T.VEOF, EOF), (T.VSUSP, SUSP), (T.VMIN, b"\x01")):
        cc[i] = key
    lflag = T.ISIG | T.ICANON | T.IEXTEN | T.ECHOE | T.ECHOK | (T.ECHO if echo else 0)
    return [T.BRKINT | T.ICRNL | T.IXON, T.OPOST | T.ONLCR, T.CS8 | T.CREAD | T.B38400, lflag,
            T.B38400, T.B38400, cc]


class Null:
    """/dev/null: reads give EOF, writes vanish."""

    def read(self, k, p, f, n: int) -> bytes:
        return b""

    def write(self, k, p, f, data: bytes) -> int:
        return len(data)

    def isatty(self, f) -> bool:
        return False

    def open(self, k, p, f) -> None:
        pass

    def close(self, k, f) -> None:
        pass


class Zero(Null):
    """/dev/zero: an endless supply of zero bytes."""

    def read(self, k, p, f, n: int) -> bytes:
        return bytes(n)


class Full(Zero):
    """/dev/full: reads give zeros, and every write fails as on a full disk --
    the usual way to see how a program reports ENOSPC."""

    def write(self, k, p, f, data: bytes) -> int:
        raise oserror(abi.ENOSPC)


class Random(Null):
    """/dev/urandom: bytes from the kernel's generator (seeded runs repeat)."""

    def read(self, k, p, f, n: int) -> bytes:
        return k.random_bytes(n)
