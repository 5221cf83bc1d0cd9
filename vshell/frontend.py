"""The interactive front end: a prompt_toolkit prompt assembled from small parts.

- `VirtualPathCompleter` completes commands and paths of the *virtual* file
  system (never the host's),
- `ShellLexer` (pygments) colours the line and shows unknown commands as errors,
- history is kept in the XDG state directory (none with --private), with
  suggestions from it as you type; a command typed over several lines (a
  here-document and its body, a loop) is one entry, as in bash,
- a bottom toolbar shows the user, the directory, the jobs and the last status.

It runs in a thread of its own while the kernel keeps running processes, so
background jobs go on and their output appears above the prompt.  vshell's
main thread starts that thread once, and tells the host guard to trust it
(kernel/hostguard.py): it writes the history file, which a thread started
from a process's context may not.
"""
from __future__ import annotations

import os
import posixpath
import queue
import re
import threading
from typing import Callable, Iterable, Optional

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.completion import Completer, Completion
from prompt_toolkit.formatted_text import ANSI
from prompt_toolkit.history import FileHistory, History, InMemoryHistory
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.lexers import PygmentsLexer
from prompt_toolkit.styles import Style
from pygments.lexer import Lexer as PygmentsBase
from pygments.token import Comment, Error, Keyword, Name, Operator, String, Text

from kernel import hostguard

from .builtins import BUILTINS, KEYWORDS, SPECIAL


def history_path() -> str:
    base = os.environ.get("XDG_STATE_HOME") or os.path.expanduser("~/.local/state")
    return os.path.join(base, "vshell", "history")


def rc_path() -> str:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
    return os.path.join(base, "vshell", "rc")


class VirtualFS:
    """Read-only looks into the kernel's file system for completion and colouring."""

    def __init__(self, kernel) -> None:
        self.k = kernel

    def listdir(self, path: str) -> list[tuple[str, bool]]:
        d = self._lookup(path)
        if d is None or not d.is_dir:
            return []
        try:
            names = d.names()
        except Exception:
            return []
        out = []
        for name in names:
            child = d.lookup(name)
            out.append((name, bool(child is not None and child.is_dir)))
        return out

    def is_command(self, name: str, path_var: str, cwd: str) -> bool:
        if "/" in name:
            inode = self._lookup(name if name.startswith("/") else posixpath.join(cwd, name))
            return inode is not None and inode.is_file
        for d in path_var.split(":"):
            inode = self._lookup(posixpath.join(d or cwd, name))
            if inode is not None and inode.is_file:
                return True
        return False

    def _lookup(self, path: str):
        node = self.k.fs.root
        for part in [p for p in posixpath.normpath(path).split("/") if p]:
            if not node.is_dir:
                return None
            node = node.parent if part == ".." else node.lookup(part)
            if node is None:
                return None
        return node


class VirtualPathCompleter(Completer):
    """Commands in command position, $names of variables, virtual paths
    everywhere else (only directories after cd); a name with a space or
    another special character is completed with backslashes, as bash does."""

    def __init__(self, vfs: VirtualFS, context: Callable[[], dict]) -> None:
        self.vfs = vfs
        self.context = context

    def get_completions(self, document, complete_event) -> Iterable[Completion]:
        text = document.text_before_cursor
        word = last_word(text)
        before = text[:len(text) - len(word)]
        command_position = not before.strip() or before.rstrip()[-1:] in "|;&(" or \
            before.rstrip().endswith(("&&", "||", "then", "do", "else"))
        info = self.context()
        cwd = info.get("cwd", "/")
        variable = VARIABLE.search(word)
        if variable:
            name = variable.group(2) or ""
            for known in sorted(info.get("variables", "").split()):
                if known.startswith(name):
                    yield Completion(known + ("}" if variable.group(1) else ""), -len(name))
            return
        if command_position and "/" not in word:
            names = set(BUILTINS) | set(SPECIAL) | set(info.get("functions", "").split())
            for d in info.get("path", "/bin").split(":"):
                names.update(n for n, _ in self.vfs.listdir(d or cwd))
            for name in sorted(names):
                if name.startswith(word):
                    yield Completion(name, -len(word))
            return
        only_dirs = re.split(r"[;&|(]", before)[-1].split()[:1] in (["cd"], ["rmdir"], ["pushd"])
        home = info.get("home", "")
        plain = UNESCAPE.sub(r"\1", word)
        expanded = home + plain[1:] if plain.startswith("~") and home else plain
        head, _, prefix = expanded.rpartition("/")
        typed = word[len(word) - len(word.rpartition("/")[2]):]
        directory = (head or "/") if expanded.startswith("/") else posixpath.join(cwd, head)
        for name, is_dir in sorted(self.vfs.listdir(directory)):
            if name.startswith(prefix) and (prefix.startswith(".") or not name.startswith(".")) \
                    and (is_dir or not only_dirs):
                shown = name + ("/" if is_dir else "")
                yield Completion(SPECIAL_CHARACTER.sub(r"\\\g<0>", name) + ("/" if is_dir else ""),
                                 -len(typed), display=shown)


def last_word(text: str) -> str:
    """The word the cursor is in: from the last blank that no backslash escapes."""
    start = i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i].isspace():
            start = i + 1
        i += 1
    return text[start:]


VARIABLE = re.compile(r"\$(\{?)([A-Za-z_][A-Za-z0-9_]*)?$")
UNESCAPE = re.compile(r"\\(.)")
SPECIAL_CHARACTER = re.compile(r"[\s'\"\\$`&|;()<>*?\[\]#{}!]")


class ShellLexer(PygmentsBase):
    """A lexer for vshell's language; a command that does not exist is an Error.

    It advances on every character it looks at, so it ends on any input."""
    name = "vshell"
    aliases = ["vshell"]

    def __init__(self, is_command: Optional[Callable[[str], bool]] = None, **options) -> None:
        super().__init__(**options)
        self.is_command = is_command or (lambda name: True)

    def get_tokens_unprocessed(self, text: str):
        i, n = 0, len(text)
        command_position = True
        while i < n:
            c = text[i]
            if c in " \t\n":
                j = i
                while j < n and text[j] in " \t\n":
                    j += 1
                if "\n" in text[i:j]:
                    command_position = True
                yield i, Text, text[i:j]
                i = j
            elif c == "#" and (i == 0 or text[i - 1] in " \t\n;"):
                j = text.find("\n", i)
                j = n if j < 0 else j
                yield i, Comment, text[i:j]
                i = j
            elif c in "|&;()<>":
                j = i + 1
                while j < n and text[j] in "|&;<>" and j - i < 3:
                    j += 1
                op = text[i:j]
                yield i, Operator, op
                command_position = op not in ("<", ">", ">>", "<<", ">&", "<&", ")")
                i = j
            else:
                j = i
                while j < n and text[j] not in " \t\n|&;()<>":
                    if text[j] in "'\"":
                        close = text.find(text[j], j + 1)
                        j = n if close < 0 else close + 1
                    elif text[j] == "\\":
                        j += 2
                    else:
                        j += 1
                j = min(j, n)
                word = text[i:j]
                if command_position and "=" in word and not word.startswith(("=", "'", '"')):
                    yield i, Name.Variable, word
                elif command_position and word in KEYWORDS:
                    yield i, Keyword, word
                elif command_position:
                    known = word in BUILTINS or word in SPECIAL or self.is_command(word)
                    yield i, (Name.Builtin if known else Error), word
                    command_position = False
                elif word[:1] in "'\"":
                    yield i, String, word
                elif word.startswith("$"):
                    yield i, Name.Variable, word
                else:
                    yield i, Text, word
                i = j


class CommandHistory(History):
    """Whole commands, as bash keeps them: the lines of a command typed at
    continuation prompts are added to the entry it began, which is saved (to
    the history file) once the command is whole."""

    def __init__(self, store: History) -> None:
        super().__init__()
        self.store = store
        self.continuing = False           # the line being edited continues the last entry
        self.unsaved: Optional[str] = None

    def load_history_strings(self) -> Iterable[str]:
        return self.store.load_history_strings()

    def store_string(self, string: str) -> None:
        self.store.store_string(string)

    def append_string(self, string: str) -> None:
        """A line accepted at the prompt."""
        if self.continuing and self.unsaved is not None:
            self._loaded_strings[0] += "\n" + string
        else:
            self.save()
            self._loaded_strings.insert(0, string)
        self.unsaved = self._loaded_strings[0]

    def save(self) -> None:
        if self.unsaved is not None:
            self.store_string(self.unsaved)
            self.unsaved = None


class LineEditor:
    """Runs prompts in a thread; finished lines wait in a queue for the kernel.
    Made, and its thread started, by vshell's main thread (see the module's doc)."""

    def __init__(self, kernel, private: bool, wake: Callable[[], None], io: Optional[dict] = None) -> None:
        self.vfs = VirtualFS(kernel)
        self.io = io or {}                # input= and output= for prompt_toolkit (--web's terminal)
        self.info: dict = {}
        self.done: "queue.Queue[Optional[bytes]]" = queue.Queue()
        self.wake = wake
        store: History = InMemoryHistory()
        if not private:
            path = history_path()
            try:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                store = FileHistory(path)
            except OSError:
                pass
        self.history = CommandHistory(store)
        self.queued: list[str] = []       # the other lines of a multi-line entry, to hand over
        self.failures = 0                 # the editor's own errors in a row (see _run)
        lexer = ShellLexer(lambda word: self.vfs.is_command(
            word, self.info.get("path", "/bin"), self.info.get("cwd", "/")) or
            word in self.info.get("functions", "").split())
        self.session: PromptSession[str] = PromptSession(
            history=self.history, auto_suggest=AutoSuggestFromHistory(), prompt_continuation="> ",
            completer=VirtualPathCompleter(self.vfs, lambda: self.info),
            lexer=_StaticLexer(lexer),
            bottom_toolbar=self.toolbar, complete_while_typing=False, key_bindings=terminal_keys(),
            style=Style.from_dict({"pygments.error": "#ff5f5f bold underline",
                                   "pygments.keyword": "#d787ff bold",
                                   "pygments.name.variable": "#5fafff"}), **self.io)
        self.python: Optional[PromptSession] = None     # the Python prompt's (python_session)
        self.requests: "queue.Queue[str]" = queue.Queue()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        hostguard.trust_thread(self.thread.ident)  # type: ignore[arg-type]  # (start() set it)

    def toolbar(self):
        i = self.info
        jobs = i.get("jobs", "0")
        return (f" {i.get('user', '?')}  {i.get('cwd', '/')}   jobs: {jobs}   "
                f"last status: {i.get('status', '0')} ")

    def start(self, prompt: str, info: dict) -> None:
        self.info = info
        self.requests.put(prompt)

    def close(self) -> None:
        """The session ended: save the last command."""
        self.history.save()

    def _serve(self) -> None:
        while True:
            self._run(self.requests.get())

    def _run(self, prompt: str) -> None:
        """One line for the shell.  An entry recalled from history (or pasted)
        may hold several: they are handed over one a prompt, as if typed."""
        try:
            if self.queued:
                line = self.queued.pop(0)
            elif self.info.get("mode") == "python":
                line, *self.queued = self.python_session().prompt(ANSI(prompt)).split("\n")
            else:
                self.history.continuing = bool(self.info.get("continued"))
                if not self.history.continuing:
                    self.history.save()
                line, *self.queued = self.session.prompt(ANSI(prompt)).split("\n")
            result: Optional[bytes] = (line + "\n").encode("utf-8", "surrogateescape")
            self.failures = 0
        except KeyboardInterrupt:
            result = b"\x03"
        except EOFError:
            result = None
        except Exception as e:
            result = self._failed(e)
        self.done.put(result)
        self.wake()

    def _failed(self, error: Exception) -> Optional[bytes]:
        """A fault in the line editor itself (prompt_toolkit, the terminal) is
        said in one line and costs that line only: the shell gets an empty
        line and prompts again.  Three in a row end the input, as Ctrl-D
        would, rather than loop."""
        self.failures += 1
        words = f"vshell: line editor: {type(error).__name__}: {error}"
        if self.failures >= 3:
            words += " (giving up: end of input)"
        try:
            self.session.output.write_raw(words + "\r\n")
            self.session.output.flush()
        except Exception:       # the terminal itself is gone: nothing to say it on
            pass
        return b"\n" if self.failures < 3 else None

    def python_session(self) -> PromptSession:
        """The editor for `python`'s >>> prompt (kernel/libpy/repl.py asks with
        info mode "python"): Python's colours and a history of its own, kept
        for this session only (the shell's history file holds shell commands)."""
        if self.python is None:
            from pygments.lexers.python import PythonLexer
            self.python = PromptSession(history=InMemoryHistory(), lexer=PygmentsLexer(PythonLexer),
                                        key_bindings=terminal_keys(), **self.io)
        return self.python

    def take(self) -> list[Optional[bytes]]:
        out = []
        while True:
            try:
                out.append(self.done.get_nowait())
            except queue.Empty:
                return out


def terminal_keys() -> KeyBindings:
    """Keys as at bash's prompt: Ctrl-C leaves `^C` at the end of the abandoned
    line (a terminal echoes it), so it does not look as if it ran; Ctrl-Z and
    Ctrl-\\ signal the shell, which ignores them, so they do nothing (rather
    than type a control character into the line)."""
    keys = KeyBindings()

    @keys.add("c-z")
    @keys.add("c-\\")
    def _ignored(event) -> None:
        pass

    @keys.add("c-c")
    def _interrupt(event) -> None:
        buffer = event.app.current_buffer
        buffer.cursor_position = len(buffer.text)
        buffer.insert_text("^C")
        event.app.exit(exception=KeyboardInterrupt(), style="class:aborting")
    return keys


class _StaticLexer(PygmentsLexer):
    """PygmentsLexer around an already-built pygments lexer instance."""

    def __init__(self, lexer: PygmentsBase) -> None:
        super().__init__(ShellLexer)
        self.pygments_lexer = lexer
