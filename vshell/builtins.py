"""Builtins: the commands that must run in the shell process itself.

`cd` must change the shell's own directory (a child's chdir would be lost when
it exits); `exit`, `export`, `set`, `trap`, `wait`, `jobs`, `fg`, `bg` work on
the shell's own memory.  `echo`, `printf`, `test` are builtins for speed, as in
dash.  Each takes the shell and its words and returns a status.

Here are the special builtins and the everyday ones; `test` and `[` are in
test.py, job control in jobs.py, and the lecture-mode commands that talk to
/proc (`trace`, `sched`, `help` ...) in lecture.py.  The tables at the end list
every builtin.
"""
from __future__ import annotations

import posixpath

from kernel import limits
from kernel.libpy.runtime import host_module

from . import signames
from .parser import is_name
from .runner import BreakLoop, CommandError, ContinueLoop, Fatal, FuncReturn, Shell, ShellExit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

def _number(sh: Shell, name: str, text: str) -> int:
    """A non-negative decimal number, as dash's number() reads one."""
    if text.isdigit() and text.isascii():
        return int(text)
    raise CommandError(f"{name}: Illegal number: {text}")


KILL_USAGE = ("kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\n"
              "kill -l [exitstatus]")


def kill_options(sh: Shell, args: list[str]) -> tuple[int, list[str]] | None:
    """kill's options, as dash reads them: `-SIG`, `-s SIG`, or `-l [STATUS]`
    (which lists the names, or names the signal that killed a command that
    exited with STATUS: then None).  The signal and the pids or jobs."""
    rest = args[1:]
    if not rest:
        raise CommandError(KILL_USAGE)
    sig = None
    listing = False
    if rest[0].startswith("-"):
        sig = signames.decode(rest[0][1:], 1)
        if sig is None:
            while rest and rest[0].startswith("-") and rest[0] != "-":
                word = rest.pop(0)
                if word == "--":
                    break
                for k, letter in enumerate(word[1:], 1):
                    if letter == "l":
                        listing = True
                    elif letter == "s":
                        name = word[k + 1:] or (rest.pop(0) if rest else None)
                        if name is None:
                            raise CommandError("kill: No arg for -s option")
                        sig = signames.decode(name, 1)
                        if sig is None:
                            raise CommandError(f"kill: invalid signal number or name: {name}")
                        break
                    else:
                        raise CommandError(f"kill: Illegal option -{letter}")
        else:
            rest = rest[1:]
    if not listing and sig is None:
        sig = 15
    if (sig is None or not rest) != listing:
        raise CommandError(KILL_USAGE)
    if not listing:
        return sig, rest
    if not rest:
        sh.say(1, "0\n" + "".join(name + "\n" for name in signames.NAMES[1:]))
        return None
    n = _number(sh, "kill", rest[0])
    n = n - 128 if n > 128 else n
    if not 0 < n < signames.NSIG:
        raise CommandError(f"kill: invalid signal number or exit status: {rest[0]}")
    sh.say(1, signames.NAMES[n] + "\n")
    return None


# ---- special builtins ---------------------------------------------------------------------

def b_colon(sh: Shell, args: list[str]) -> int:
    return 0


def b_exit(sh: Shell, args: list[str]) -> int:
    status = _number(sh, "exit", args[1]) & 0xFF if len(args) > 1 else sh.state.status
    raise ShellExit(status)


def b_export(sh: Shell, args: list[str]) -> int:
    st_ = sh.state
    names = args[1:]
    if not names or names == ["-p"]:
        for name in sorted(st_.exported):
            if name in st_.vars:
                sh.say(1, f"export {name}={_quote(st_.vars[name])}\n")
        return 0
    for item in names:
        name, eq, value = item.partition("=")
        if not is_name(name):
            raise CommandError(f"export: {name}: bad variable name")
        if eq:
            st_.assign(name, value)
        st_.exported.add(name)
    return 0


def b_readonly(sh: Shell, args: list[str]) -> int:
    for item in args[1:]:
        name, eq, value = item.partition("=")
        if eq:
            sh.state.assign(name, value)
        sh.state.readonly.add(name)
    return 0


def b_unset(sh: Shell, args: list[str]) -> int:
    names = args[1:]
    functions = False
    if names and names[0] in ("-f", "-v"):
        functions = names[0] == "-f"
        names = names[1:]
    for name in names:
        if functions:
            sh.state.functions.pop(name, None)
        else:
            sh.state.unset(name)
    return 0


# set -o's names, in dash's order, and the letters that stand for them
LONG_OPTIONS = [("errexit", "e"), ("noglob", "f"), ("ignoreeof", "I"), ("interactive", "i"),
                ("monitor", "m"), ("noexec", "n"), ("stdin", "s"), ("xtrace", "x"),
                ("verbose", "v"), ("vi", "V"), ("emacs", "E"), ("noclobber", "C"),
                ("allexport", "a"), ("notify", "b"), ("nounset", "u"), ("privileged", "p"),
                ("nolog", "nolog"), ("debug", "debug")]
OPTION_LETTERS = {letter for _, letter in LONG_OPTIONS if len(letter) == 1}


def b_set(sh: Shell, args: list[str]) -> int:
    """set [-+options] [-o name] [--] [args]: the shell's options, and the
    positional parameters; `set -` turns -x and -v off, as dash's does."""
    st_ = sh.state
    rest = args[1:]
    if not rest:
        for name in sorted(st_.vars):
            sh.say(1, f"{name}={_quote(st_.vars[name])}\n")
        return 0
    while rest:
        word = rest[0]
        if word[:1] not in ("-", "+"):
            break
        rest = rest[1:]
        on = word[0] == "-"
        if on and word in ("-", "--"):
            if word == "-":
                st_.options -= {"x", "v"}
            elif not rest:
                st_.positional = []
            break
        for letter in word[1:]:
            if letter == "o":
                name = rest.pop(0) if rest else None
                _set_long_option(sh, name, on)
            elif letter in OPTION_LETTERS:
                (st_.options.add if on else st_.options.discard)(letter)
            else:
                raise CommandError(f"set: Illegal option {word[0]}{letter}")
    if rest:
        st_.positional = list(rest)
    return 0


def _set_long_option(sh: Shell, name: str | None, on: bool) -> None:
    """set -o NAME / +o NAME; without a NAME, the list (-o) or the commands that
    would restore the options (+o)."""
    options = sh.state.options
    if name is None:
        if on:
            sh.say(1, "Current option settings\n" + "".join(
                f"{long:<16}{'on' if letter in options else 'off'}\n" for long, letter in LONG_OPTIONS))
        else:
            sh.say(1, "".join(f"set {'-o' if letter in options else '+o'} {long}\n"
                              for long, letter in LONG_OPTIONS))
        return
    letter = dict(LONG_OPTIONS).get(name)
    if letter is None:
        raise CommandError(f"set: Illegal option -o {name}")
    (options.add if on else options.discard)(letter)


def b_shift(sh: Shell, args: list[str]) -> int:
    n = _number(sh, "shift", args[1]) if len(args) > 1 else 1
    if n > len(sh.state.positional):
        raise CommandError("shift: can't shift that many")
    sh.state.positional = sh.state.positional[n:]
    return 0


def b_eval(sh: Shell, args: list[str]):
    text = " ".join(args[1:])
    if not text.strip():
        return 0
    return (yield nested(sh, "eval", sh.evalstring(text, sh.state.lineno, context="eval: ")))


MAX_TEXT_NESTING = 10_000     # eval inside eval, . inside . (dash's C stack ends sooner)


def nested(sh: Shell, what: str, steps):
    """Run text that eval or . read, counting how deep such texts are inside
    each other: an eval that evals itself ends in bash's error, not in memory
    running out."""
    if sh.text_depth >= MAX_TEXT_NESTING:
        raise Fatal(f"{what}: maximum {'source' if what == '.' else what} nesting level "
                    f"exceeded ({MAX_TEXT_NESTING})")
    sh.text_depth += 1
    try:
        return (yield steps)
    finally:
        sh.text_depth -= 1


def b_dot(sh: Shell, args: list[str]):
    if len(args) < 2:
        raise CommandError(".: not enough arguments")
    name = args[1]
    path = name if "/" in name else sh.find_command(name) or name
    try:
        with sh.rt.open(path) as f:
            text = f.read()
    except OSError:
        raise CommandError(f".: cannot open {name}: No such file", 2)
    saved = sh.state.positional
    if len(args) > 2:
        sh.state.positional = args[2:]
    try:
        return (yield nested(sh, ".", sh.evalstring(text)))
    except FuncReturn as e:
        return e.status
    finally:
        if len(args) > 2:
            sh.state.positional = saved


def b_return(sh: Shell, args: list[str]) -> int:
    status = _number(sh, "return", args[1]) if len(args) > 1 else sh.state.status
    raise FuncReturn(status & 0xFF)


def b_break(sh: Shell, args: list[str]) -> int:
    n = _number(sh, "break", args[1]) if len(args) > 1 else 1
    if not sh.state.loop_depth:
        return 0
    raise BreakLoop(min(n, sh.state.loop_depth) or 1)


def b_continue(sh: Shell, args: list[str]) -> int:
    n = _number(sh, "continue", args[1]) if len(args) > 1 else 1
    if not sh.state.loop_depth:
        return 0
    raise ContinueLoop(min(n, sh.state.loop_depth) or 1)


def b_exec(sh: Shell, args: list[str]) -> int:
    """exec CMD: the shell becomes CMD.  (The runner does it, since exec's
    redirections are for good: this is what `type` and the tables see.)"""
    if len(args) == 1:
        return 0
    raise ShellExit(sh.exec_external(args[1:], sh.state.environ(), []))


def b_trap(sh: Shell, args: list[str]) -> int:
    """trap [ACTION] CONDITION...: run ACTION when a signal comes (or at EXIT);
    `-` (or a first operand that is a number) resets, '' ignores.  Bare
    `trap` lists the actions, in dash's words and order."""
    st_ = sh.state
    rest = args[1:]
    if rest and rest[0].startswith("-") and rest[0] != "-":
        if rest[0] != "--":
            raise CommandError(f"trap: Illegal option {rest[0][:2]}")
        rest = rest[1:]
    if not rest:
        for sig in range(signames.NSIG):
            action = st_.traps.get("EXIT" if sig == 0 else str(sig))
            if action is not None:
                sh.say(1, f"trap -- {_quote(action)} {signames.NAMES[sig]}\n")
        return 0
    if len(rest) == 1 or (rest[0].isdigit() and rest[0].isascii()):
        action, conditions = "-", rest
    else:
        action, conditions = rest[0], rest[1:]
    for cond in conditions:
        sig = signames.decode(cond)
        if sig is None:
            sh.say(2, f"trap: {cond}: bad trap\n")
            return 1
        key = "EXIT" if sig == 0 else str(sig)
        if action == "-":
            st_.traps.pop(key, None)
        else:
            st_.traps[key] = action
        if sig:
            _set_handler(sh, sig, action)
    return 0


def _set_handler(sh: Shell, sig: int, action: str) -> None:
    """The process's disposition for a trapped signal: default, ignored, or a
    handler that has the shell run the action between commands."""
    signal_mod = sh.rt.signal
    handler = signal_mod.SIG_DFL if action == "-" else signal_mod.SIG_IGN if action == "" else (
        lambda s, f: sh.trap_signal(s))
    try:
        signal_mod.signal(sig, handler)
    except (OSError, ValueError):         # KILL and STOP cannot be caught (dash says nothing)
        pass


def b_times(sh: Shell, args: list[str]) -> int:
    t = sh.os.times()

    def fmt(secs: float) -> str:
        return f"{int(secs // 60)}m{secs % 60:.3f}s"
    sh.say(1, f"{fmt(t.user)} {fmt(t.system)}\n{fmt(t.children_user)} {fmt(t.children_system)}\n")
    return 0


def b_umask(sh: Shell, args: list[str]) -> int:
    os = sh.os
    if len(args) == 1 or args[1] == "-S":
        mask = os.umask(0)
        os.umask(mask)
        if len(args) > 1:
            perms = ~mask & 0o777
            parts = []
            for who, shift in (("u", 6), ("g", 3), ("o", 0)):
                bits = (perms >> shift) & 7
                parts.append(who + "=" + "".join(c for c, b in (("r", 4), ("w", 2), ("x", 1)) if bits & b))
            sh.say(1, ",".join(parts) + "\n")
        else:
            sh.say(1, f"{mask:04o}\n")
        return 0
    try:
        os.umask(int(args[1], 8))
    except ValueError:
        raise CommandError(f"umask: Illegal number: {args[1]}")
    return 0


# ---- regular builtins -------------------------------------------------------------------------

def b_true(sh: Shell, args: list[str]) -> int:
    return 0


def b_false(sh: Shell, args: list[str]) -> int:
    return 1


def nextopt(args: list[str], letters: str, who: str) -> tuple[list[str], list[str]]:
    """A builtin's options, as dash's nextopt reads them: words like -xy up to
    `--` or the first other word.  The option letters, and the operands."""
    flags: list[str] = []
    rest = list(args)
    while rest and rest[0].startswith("-") and rest[0] != "-":
        word = rest.pop(0)
        if word == "--":
            break
        for letter in word[1:]:
            if letter not in letters:
                raise CommandError(f"{who}: Illegal option -{letter}")
            flags.append(letter)
    return flags, rest


def b_cd(sh: Shell, args: list[str]) -> int:
    """cd [-L|-P] [DIR | -]: change the shell's own directory.  -L (the
    default) follows the path as written, so `cd ..` after `cd link` goes back
    where the link is; a relative DIR is looked for along CDPATH.  The new
    directory is printed for `cd -` and for a CDPATH find, as in dash."""
    st_ = sh.state
    flags, rest = nextopt(args[1:], "LP", "cd")
    physical = bool(flags) and flags[-1] == "P"
    dest = rest[0] if rest else st_.get("HOME")
    show = False
    if dest == "-":
        dest = st_.get("OLDPWD")
        show = True
    dest = dest or ""
    candidates = []
    if not dest.startswith("/") and not _dotted(dest):
        for d in (st_.get("CDPATH") or "").split(":") if st_.get("CDPATH") is not None else []:
            candidates.append((f"{d}/{dest}" if d else dest or ".", bool(d)))
    candidates.append((dest or ".", False))
    for path, printed in candidates:
        if candidates[-1][0] != path and not _isdir(sh, path):
            continue
        if _chdir(sh, path, physical):
            if show or printed:
                sh.say(1, _cwd(sh) + "\n")
            return 0
        break
    raise CommandError(f"cd: can't cd to {dest}")


def _dotted(dest: str) -> bool:
    """`.`, `..` and paths that start with them are never looked for in CDPATH."""
    return dest in (".", "..") or dest.startswith(("./", "../"))


def _isdir(sh: Shell, path: str) -> bool:
    try:
        return sh.os.stat(path).st_mode & 0o170000 == 0o040000
    except OSError:
        return False


def _chdir(sh: Shell, path: str, physical: bool) -> bool:
    """chdir to path: as written (made absolute and tidied: -L) or as it is on
    disk (-P); then OLDPWD and PWD, which cd exports, as dash's does."""
    st_ = sh.state
    old = _cwd(sh)
    target = path
    if not physical:
        target = posixpath.normpath(path if path.startswith("/") else f"{old}/{path}")
        if target.startswith("///"):
            target = "/" + target.lstrip("/")
    try:
        sh.os.chdir(target)
    except OSError:
        return False
    st_.assign("OLDPWD", old)
    st_.exported.add("OLDPWD")
    st_.assign("PWD", sh.os.getcwd() if physical else target)
    st_.exported.add("PWD")
    return True


def _cwd(sh: Shell) -> str:
    """The shell's directory as cd last reached it ($PWD, symbolic links and
    all), if $PWD still names where the shell is; else getcwd()."""
    pwd = sh.state.get("PWD")
    os = sh.os
    if pwd and pwd.startswith("/"):
        try:
            a, b = os.stat(pwd), os.stat(".")
            if (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino):
                return pwd
        except OSError:
            pass
    return os.getcwd()


def b_pwd(sh: Shell, args: list[str]) -> int:
    flags, _ = nextopt(args[1:], "LP", "pwd")
    sh.say(1, (sh.os.getcwd() if flags and flags[-1] == "P" else _cwd(sh)) + "\n")
    return 0


def b_echo(sh: Shell, args: list[str]) -> int:
    """dash's echo: -n, and backslash escapes always interpreted."""
    words = args[1:]
    newline = True
    if words and words[0] == "-n":
        newline = False
        words = words[1:]
    out, stop = _escapes(" ".join(words), echo=True)
    sh.say(1, out + ("\n" if newline and not stop else ""))
    return 0


def _escapes(text: str, echo: bool = False) -> tuple[str, bool]:
    """Backslash escapes as echo and printf %b do; True if \\c stopped the output."""
    out, i = [], 0
    simple = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
              "\\": "\\", "e": "\x1b"}
    while i < len(text):
        c = text[i]
        if c != "\\" or i + 1 >= len(text):
            out.append(c)
            i += 1
            continue
        nxt = text[i + 1]
        if nxt == "c":
            return "".join(out), True
        if nxt in simple:
            out.append(simple[nxt])
            i += 2
        elif nxt == "0" or (not echo and nxt.isdigit() and nxt < "8"):
            j = i + 2 if nxt == "0" else i + 1
            digits = ""
            while j < len(text) and len(digits) < 3 and text[j] in "01234567":
                digits += text[j]
                j += 1
            out.append(chr(int(digits or "0", 8)))
            i = j
        else:
            out.append("\\" + nxt)
            i += 2
    return "".join(out), False


def b_printf(sh: Shell, args: list[str]) -> int:
    if len(args) < 2:
        raise CommandError("printf: usage: printf format [arg ...]", 2)
    fmt, values = args[1], args[2:]
    out: list[str] = []
    status = 0
    while True:
        used = 0
        i = 0
        while i < len(fmt):
            c = fmt[i]
            if c == "\\":
                text, stop = _escapes(fmt[i:i + 5] if fmt[i + 1:i + 2].isdigit() else fmt[i:i + 2])
                consumed = 2
                if fmt[i + 1:i + 2].isdigit():
                    j = i + 1
                    while j < len(fmt) and j < i + 4 and fmt[j] in "01234567":
                        j += 1
                    text = chr(int(fmt[i + 1:j], 8))
                    consumed = j - i
                out.append(text)
                i += consumed
                continue
            if c != "%":
                out.append(c)
                i += 1
                continue
            j = i + 1
            while j < len(fmt) and fmt[j] in "-+ #0123456789.":
                j += 1
            if j >= len(fmt):
                out.append(fmt[i:])
                break
            conv = fmt[j]
            spec = fmt[i + 1:j]
            i = j + 1
            if conv == "%":
                out.append("%")
                continue
            value = values[used] if used < len(values) else None
            used += 1 if conv != "%" else 0
            if conv in "diouxXc" or conv in "eEfgG":
                if conv == "c":
                    out.append(("%" + spec + "s") % ((value or "")[:1]))
                    continue
                try:
                    num = _printf_number(value, conv)
                except ValueError:
                    sh.error(f"printf: {value}: expected numeric value")
                    status = 1
                    num = 0
                py_conv = "d" if conv in "iu" else conv
                out.append(("%" + spec + py_conv) % num)
            elif conv == "s":
                out.append(("%" + spec + "s") % (value or ""))
            elif conv == "b":
                text, stop = _escapes(value or "")
                out.append(("%" + spec + "s") % text)
                if stop:
                    sh.say(1, "".join(out))
                    return status
            else:
                raise CommandError(f"printf: %{conv}: invalid directive", 1)
        values = values[used:]
        if not values or not used:
            break
    sh.say(1, "".join(out))
    return status


def _printf_number(value, conv: str):
    if value is None or value == "":
        return 0.0 if conv in "eEfgG" else 0
    if value[:1] in "'\"":
        return ord(value[1:2] or "\0")
    if conv in "eEfgG":
        return float(value)
    v = value.strip()
    sign = -1 if v.startswith("-") else 1
    v = v.lstrip("+-")
    if v.lower().startswith("0x"):
        return sign * int(v, 16)
    if v.startswith("0") and len(v) > 1:
        return sign * int(v, 8)
    return sign * int(v)


def b_read(sh: Shell, args: list[str]) -> int:
    rest = args[1:]
    raw = False
    prompt = None
    while rest and rest[0].startswith("-") and len(rest[0]) > 1:
        opt = rest.pop(0)
        if opt == "-r":
            raw = True
        elif opt == "-p" and rest:
            prompt = rest.pop(0)
        else:
            raise CommandError(f"read: Illegal option {opt}")
    if prompt is not None:
        sh.say(2, prompt)
    names = rest or ["REPLY"]
    line, eof = _read_line(sh, raw)
    ifs = sh.state.get("IFS")
    ifs = " \t\n" if ifs is None else ifs
    fields = _split_read(line, ifs, len(names))
    for k, name in enumerate(names):
        if not is_name(name):
            raise CommandError(f"read: {name}: bad variable name")
        sh.state.assign(name, fields[k] if k < len(fields) else "")
    return 1 if eof else 0


def _read_line(sh: Shell, raw: bool) -> tuple[str, bool]:
    """One line from fd 0, a byte at a time so that nothing after it is consumed."""
    out = bytearray()
    while True:
        b = sh.os.read(0, 1)
        if not b:
            return out.decode("utf-8", "surrogateescape"), True
        if b == b"\\" and not raw:
            nxt = sh.os.read(0, 1)
            if nxt == b"\n" or not nxt:
                continue
            out += b"\\" + nxt
            continue
        if b == b"\n":
            break
        out += b
    text = out.decode("utf-8", "surrogateescape")
    if not raw:
        text = _unbackslash(text)
    return text, False


def _unbackslash(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append("\x00" + text[i + 1])       # marked: not an IFS separator
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _split_read(line: str, ifs: str, count: int) -> list[str]:
    white = "".join(c for c in ifs if c in " \t\n")
    fields: list[str] = []
    i, n = 0, len(line)
    while i < n and line[i] in white and line[i - 1:i] != "\x00":
        i += 1
    cur = []
    while i < n:
        c = line[i]
        if c == "\x00":
            cur.append(line[i + 1])
            i += 2
            continue
        if c in ifs and len(fields) < count - 1:
            fields.append("".join(cur))
            cur = []
            while i + 1 < n and line[i + 1] in white:
                i += 1
            i += 1
            continue
        cur.append(c)
        i += 1
    last = "".join(cur)
    if len(fields) == count - 1:
        last = last.rstrip(white) if white else last
    if last or fields or line:
        fields.append(last)
    return fields


def b_type(sh: Shell, args: list[str]) -> int:
    status = 0
    for name in args[1:]:
        if name in KEYWORDS:
            sh.say(1, f"{name} is a shell keyword\n")
        elif name in sh.state.functions:
            sh.say(1, f"{name} is a shell function\n")
        elif name in SPECIAL:
            sh.say(1, f"{name} is a special shell builtin\n")
        elif name in BUILTINS:
            sh.say(1, f"{name} is a shell builtin\n")
        else:
            path = sh.find_command(name)
            if path is None or ("/" in name and not _exists(sh, name)):
                sh.say(1, f"{name}: not found\n")
                status = 127
            else:
                sh.say(1, f"{name} is {path}\n")
    return status


def _exists(sh: Shell, path: str) -> bool:
    try:
        sh.os.stat(path)
        return True
    except OSError:
        return False


KEYWORDS = {"if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while",
            "until", "for", "in", "{", "}", "!"}


def b_command(sh: Shell, args: list[str]) -> int:
    """command -v NAME / -V NAME: what NAME is.  (`command NAME ARGS` is the
    runner's: it runs NAME, no function and not special.)"""
    rest = args[1:]
    flags = set()
    while rest and rest[0].startswith("-") and len(rest[0]) > 1:
        word = rest.pop(0)
        if word == "--":
            break
        for letter in word[1:]:
            if letter not in "pvV":
                raise CommandError(f"command: Illegal option -{letter}")
            flags.add(letter)
    if flags & {"v", "V"}:
        verbose = "V" in flags
        status = 0
        for name in rest:
            if verbose:
                status = b_type(sh, ["type", name])
            elif name in sh.state.functions or name in BUILTINS or name in SPECIAL or name in KEYWORDS:
                sh.say(1, name + "\n")
            else:
                path = sh.find_command(name)
                if path is None:
                    status = 127
                else:
                    sh.say(1, path + "\n")
        return status
    return 0


# dash's table: the option letter, the name -a shows, the resource, its unit in bytes
ULIMITS = [
    ("t", "time(seconds)", limits.RLIMIT_CPU, 1), ("f", "file(blocks)", limits.RLIMIT_FSIZE, 512),
    ("d", "data(kbytes)", limits.RLIMIT_DATA, 1024), ("s", "stack(kbytes)", limits.RLIMIT_STACK, 1024),
    ("c", "coredump(blocks)", limits.RLIMIT_CORE, 512), ("m", "memory(kbytes)", limits.RLIMIT_RSS, 1024),
    ("l", "locked memory(kbytes)", limits.RLIMIT_MEMLOCK, 1024),
    ("p", "process", limits.RLIMIT_NPROC, 1), ("n", "nofiles", limits.RLIMIT_NOFILE, 1),
    ("v", "vmemory(kbytes)", limits.RLIMIT_AS, 1024), ("w", "locks", limits.RLIMIT_LOCKS, 1),
    ("r", "rtprio", limits.RLIMIT_RTPRIO, 1),
]


def b_ulimit(sh: Shell, args: list[str]) -> int:
    """ulimit [-H|-S] [-a | -tfdscmlpnvwr] [LIMIT|unlimited]: the shell's resource
    limits, which every command it starts inherits (dash's; -u is bash's -p).  It
    sets both the soft and the hard limit unless -S or -H says which; it shows
    the soft one."""
    from kernel.libpy.os import _trap
    rest = args[1:]
    soft, hard, show_all, what = True, True, False, "f"
    letters = {opt[0] for opt in ULIMITS}
    while rest and rest[0].startswith("-") and len(rest[0]) > 1:
        word = rest.pop(0)
        if word == "--":
            break
        for letter in word[1:]:
            if letter in "HS":
                soft, hard = letter == "S", letter == "H"    # the last one wins, as in dash
            elif letter == "a":
                show_all = True
            elif letter in letters or letter == "u":
                what = "p" if letter == "u" else letter
            else:
                raise CommandError(f"ulimit: Illegal option -{letter}")
    if rest and (show_all or len(rest) > 1):
        raise CommandError("ulimit: too many arguments")
    if show_all:
        for _, name, resource, unit in ULIMITS:
            sh.say(1, f"{name:<20} {_limit_text(_trap('getrlimit', resource), soft, unit)}\n")
        return 0
    _, _, resource, unit = next(u for u in ULIMITS if u[0] == what)
    current = _trap("getrlimit", resource)
    if not rest:
        sh.say(1, _limit_text(current, soft, unit) + "\n")
        return 0
    if rest[0] == "unlimited":
        value = limits.RLIM_INFINITY
    elif rest[0].strip("0123456789") == "":                # (dash: "" is 0)
        value = min(int(rest[0] or "0") * unit, limits.RLIM_INFINITY)
    else:
        raise CommandError("ulimit: bad number")
    new = (value if soft else current[0], value if hard else current[1])
    try:
        _trap("setrlimit", resource, new)
    except OSError as e:
        raise CommandError(f"ulimit: error setting limit ({e.strerror})", 2)
    return 0


def _limit_text(pair: tuple[int, int], soft: bool, unit: int) -> str:
    value = pair[0] if soft else pair[1]
    return "unlimited" if value == limits.RLIM_INFINITY else str(value // unit)


def b_hash(sh: Shell, args: list[str]) -> int:
    """hash: the remembered command locations; -r forgets them; hash NAME looks one up."""
    if len(args) > 1 and args[1] == "-r":
        sh.state.hash.clear()
        return 0
    if len(args) > 1:
        status = 0
        for name in args[1:]:
            if sh.lookup(name) is None:
                sh.error(f"hash: {name}: not found")
                status = 1
        return status
    for name, path in sorted(sh.state.hash.items()):
        sh.say(1, path + "\n")
    return 0


def _quote(s: str) -> str:
    """As dash shows values in `set`, `export -p` and `trap`: always single-quoted."""
    return "'" + s.replace("'", "'\\''") + "'"


# test.py, jobs.py and lecture.py use the helpers above.  Importing them here,
# once those exist, lets them import from this module (as runner.py does us).
from .jobs import b_bg, b_fg, b_jobs, b_kill, b_wait
from .test import b_test

def lecture(name: str) -> Callable[[Shell, list[str]], int]:
    """A lecture-mode builtin of lecture.py, loaded when one is first used
    (most sessions use none, and start-up is budgeted).  host_module imports
    it in one go: a shell preempted halfway through an import would leave the
    module half-made for the next process."""
    def builtin(sh: Shell, args: list[str]) -> int:
        return getattr(host_module("vshell.lecture"), name)(sh, args)
    return builtin


SPECIAL: dict[str, Callable[[Shell, list[str]], int]] = {
    ":": b_colon, ".": b_dot, "break": b_break, "continue": b_continue, "eval": b_eval,
    "exec": b_exec, "exit": b_exit, "export": b_export, "readonly": b_readonly,
    "return": b_return, "set": b_set, "shift": b_shift, "times": b_times, "trap": b_trap,
    "unset": b_unset,
}
BUILTINS: dict[str, Callable[[Shell, list[str]], int]] = {
    "cd": b_cd, "pwd": b_pwd, "echo": b_echo, "printf": b_printf, "test": b_test, "[": b_test,
    "true": b_true, "false": b_false, "read": b_read, "wait": b_wait, "jobs": b_jobs,
    "fg": b_fg, "bg": b_bg, "kill": b_kill, "type": b_type, "command": b_command,
    "umask": b_umask, "ulimit": b_ulimit, "source": b_dot, "hash": b_hash,
    **{name: lecture(f"b_{name}") for name in
       ("help", "trace", "strace", "sched", "seed", "timeline", "step")},
}
