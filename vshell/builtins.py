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

import signal as host_signal

from kernel import limits
from kernel.libpy.runtime import host_module

from .parser import is_name
from .runner import BreakLoop, CommandError, ContinueLoop, FuncReturn, Shell, ShellExit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

SIGNALS = {s.name[3:]: int(s) for s in host_signal.Signals if not s.name.startswith("SIG_")}


def _number(sh: Shell, name: str, text: str) -> int:
    try:
        value = int(text)
        if value < 0:
            raise ValueError
        return value
    except ValueError:
        raise CommandError(f"{name}: Illegal number: {text}")


def _signal_number(name: str):
    if name.isdigit():
        n = int(name)
        return n if 0 <= n < 65 else None
    name = name.upper()
    if name.startswith("SIG"):
        name = name[3:]
    return SIGNALS.get(name)


# ---- special builtins ---------------------------------------------------------------------

def b_colon(sh: Shell, args: list[str]) -> int:
    return 0


def b_exit(sh: Shell, args: list[str]) -> int:
    status = _number(sh, "exit", args[1]) & 0xFF if len(args) > 1 else sh.state.status
    if not may_exit(sh):                 # "There are stopped jobs." (an interactive shell)
        return 1
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


OPTION_LETTERS = set("eufxvCnam")


def b_set(sh: Shell, args: list[str]) -> int:
    st_ = sh.state
    rest = args[1:]
    if not rest:
        for name in sorted(st_.vars):
            sh.say(1, f"{name}={_quote(st_.vars[name])}\n")
        return 0
    while rest:
        arg = rest[0]
        if arg == "--":
            st_.positional = rest[1:]
            return 0
        if arg in ("-o", "+o"):
            names = {"errexit": "e", "nounset": "u", "noglob": "f", "xtrace": "x",
                     "verbose": "v", "noclobber": "C", "noexec": "n", "allexport": "a",
                     "monitor": "m"}
            if len(rest) < 2:
                for long, letter in sorted(names.items()):
                    sh.say(1, f"{long:<16}{'on' if letter in st_.options else 'off'}\n")
                return 0
            letter = names.get(rest[1])
            if letter is None:
                raise CommandError(f"set: Illegal option -o {rest[1]}")
            (st_.options.add if arg == "-o" else st_.options.discard)(letter)
            rest = rest[2:]
            continue
        if arg[:1] in "-+" and len(arg) > 1:
            for letter in arg[1:]:
                if letter not in OPTION_LETTERS:
                    raise CommandError(f"set: Illegal option {arg[0]}{letter}")
                (st_.options.add if arg[0] == "-" else st_.options.discard)(letter)
            rest = rest[1:]
            continue
        st_.positional = rest
        return 0
    return 0


def b_shift(sh: Shell, args: list[str]) -> int:
    n = _number(sh, "shift", args[1]) if len(args) > 1 else 1
    if n > len(sh.state.positional):
        raise CommandError("shift: can't shift that many")
    sh.state.positional = sh.state.positional[n:]
    return 0


def b_eval(sh: Shell, args: list[str]) -> int:
    text = " ".join(args[1:])
    return sh.run_text(text, sh.state.lineno, context="eval: ") if text.strip() else 0


def b_dot(sh: Shell, args: list[str]) -> int:
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
        return sh.run_text(text)
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
    """exec CMD: the shell becomes CMD.  Bare exec: its redirections stay (done by caller)."""
    if len(args) == 1:
        raise KeepRedirections()
    status = sh.exec_external(args[1:], sh.state.environ(), [])
    raise ShellExit(status)


class KeepRedirections(Exception):
    """`exec 3>file`: the redirections are made permanent."""


def b_trap(sh: Shell, args: list[str]) -> int:
    st_ = sh.state
    rest = args[1:]
    if not rest:
        for key, action in st_.traps.items():
            name = "EXIT" if key == "EXIT" else host_signal.Signals(int(key)).name[3:]
            sh.say(1, f"trap -- {_quote(action)} {name}\n")
        return 0
    action = rest[0]
    conditions = rest[1:]
    if _signal_number(action) is not None and not conditions:
        conditions, action = rest, "-"
    status = 0
    for cond in conditions:
        sig = 0 if cond in ("EXIT", "0") else _signal_number(cond)
        if sig is None:
            sh.error(f"trap: {cond}: bad trap")
            status = 1
            continue
        key = "EXIT" if sig == 0 else str(sig)
        signal_mod = sh.rt.signal
        if action == "-":
            st_.traps.pop(key, None)
            if sig:
                signal_mod.signal(sig, signal_mod.SIG_DFL)
        else:
            st_.traps[key] = action
            if sig:
                handler = signal_mod.SIG_IGN if action == "" else (
                    lambda s, f: sh.trap_signal(s))
                signal_mod.signal(sig, handler)
    return status


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


def b_cd(sh: Shell, args: list[str]) -> int:
    st_ = sh.state
    rest = [a for a in args[1:] if a not in ("-L", "-P")]
    target = rest[0] if rest else st_.get("HOME")
    if target is None:
        raise CommandError("cd: HOME not set")
    if target == "-":
        target = st_.get("OLDPWD") or "."
        sh.say(1, target + "\n")
    try:
        sh.os.chdir(target)
    except OSError:
        raise CommandError(f"cd: can't cd to {target}")
    old = st_.get("PWD")
    if old is not None:
        st_.assign("OLDPWD", old)
        st_.exported.add("OLDPWD")          # dash's cd exports both, as setvar(..., VEXPORT)
    st_.assign("PWD", sh.os.getcwd())
    st_.exported.add("PWD")
    return 0


def b_pwd(sh: Shell, args: list[str]) -> int:
    sh.say(1, sh.os.getcwd() + "\n")
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
    rest = args[1:]
    if rest and rest[0] in ("-v", "-V"):
        verbose = rest[0] == "-V"
        status = 0
        for name in rest[1:]:
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
    if not rest:
        return 0
    name = rest[0]
    if name in SPECIAL:
        return sh.builtin(SPECIAL[name], rest)
    if name in BUILTINS:
        return sh.builtin(BUILTINS[name], rest)
    pid = sh.fork(lambda child: child.exec_external(rest, sh.state.environ(), []))
    return sh.wait_foreground([pid], " ".join(rest))


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
from .jobtable import may_exit
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
