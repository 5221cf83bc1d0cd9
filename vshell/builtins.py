"""Builtins: the commands that must run in the shell process itself.

`cd` must change the shell's own directory (a child's chdir would be lost when
it exits); `exit`, `export`, `set`, `trap`, `wait`, `jobs`, `fg`, `bg` work on
the shell's own memory.  `echo`, `printf`, `test` are builtins for speed, as in
dash.  Each takes the shell and its words and returns a status.

Here are the special builtins and the everyday ones; `set` is in options.py,
`trap` (and kill's options) in traps.py, `read` in read.py, `getopts` in
getopts.py, `printf` in printf.py, `test` and `[` in test.py, job control in
jobs.py, and the lecture-mode commands that talk to /proc (`trace`, `sched`,
`help` ...) in lecture.py.  The tables at the end list every builtin.
"""
from __future__ import annotations

import posixpath
import re

from kernel import abi
from kernel import limits
from kernel.errors import oserror
from kernel.libpy.runtime import host_module

from .common import BreakLoop, CommandError, ContinueLoop, Fatal, FuncReturn, ShellExit, number, quote
from .history import b_history
from .jobtable import may_exit
from .lookup import STD_PATH
from .options import b_set
from .parser import is_name
from .state import ReadonlyError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

    from .runner import Shell


# ---- special builtins ---------------------------------------------------------------------

def b_colon(sh: Shell, args: list[str]) -> int:
    return 0


def b_exit(sh: Shell, args: list[str]) -> int:
    status = number("exit", args[1]) & 0xFF if len(args) > 1 else \
        sh.trap_status if sh.trap_status is not None else sh.state.status
    if not may_exit(sh):                 # "There are stopped jobs." (an interactive shell)
        return 1
    raise ShellExit(status)


def b_export(sh: Shell, args: list[str]) -> int:
    """export [-p] [NAME[=VALUE]...]: NAME goes into the environment of every
    command the shell starts from now on."""
    return _mark(sh, args, "export", sh.state.exported)


def b_readonly(sh: Shell, args: list[str]) -> int:
    """readonly [-p] [NAME[=VALUE]...]: NAME can no longer be set or unset."""
    return _mark(sh, args, "readonly", sh.state.readonly)


def _mark(sh: Shell, args: list[str], who: str, marked: set[str]) -> int:
    """export's and readonly's work: assign and mark each NAME, or (no NAME,
    or -p) list the marked ones as commands that would mark them again."""
    st_ = sh.state
    flags, names = nextopt(args[1:], "p", who)
    if flags or not names:
        for name in sorted(marked):
            value = st_.vars.get(name)
            sh.say(1, f"{who} {name}\n" if value is None else f"{who} {name}={quote(value)}\n")
        return 0
    for item in names:
        name, eq, value = item.partition("=")
        if not is_name(name):
            raise CommandError(f"{who}: {name}: bad variable name")
        if eq:
            try:
                st_.assign(name, value)
            except ReadonlyError as e:
                raise CommandError(f"{who}: {e}")
        marked.add(name)
    return 0


def b_unset(sh: Shell, args: list[str]) -> int:
    """unset [-f|-v] NAME...: forget variables (-v, the default) or functions (-f)."""
    flags, names = nextopt(args[1:], "fv", "unset")
    functions = bool(flags) and flags[-1] == "f"
    for name in names:
        if functions:
            sh.state.functions.pop(name, None)
            continue
        if not is_name(name):
            raise CommandError(f"unset: {name}: bad variable name")
        try:
            sh.state.unset(name)
        except ReadonlyError as e:
            raise CommandError(f"unset: {e}")
    return 0


def b_shift(sh: Shell, args: list[str]) -> int:
    n = number("shift", args[1]) if len(args) > 1 else 1
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
        raise Fatal(f"maximum {'source' if what == '.' else what} nesting level "
                    f"exceeded ({MAX_TEXT_NESTING})")      # (where it is says eval: or the file)
    sh.text_depth += 1
    try:
        return (yield steps)
    finally:
        sh.text_depth -= 1


def b_dot(sh: Shell, args: list[str]):
    """. FILE: run FILE's commands in this shell (a FILE without a / is looked
    for along PATH, readable is enough).  Its messages name it and count its
    own lines, as dash's do; `return` ends it."""
    if len(args) < 2:
        return 0
    name = args[1]
    path = name if "/" in name else _find_readable(sh, name) or name
    try:
        with sh.rt.open(path, "rb") as f:
            text = f.read().decode("utf-8", "surrogateescape")
    except OSError:
        raise CommandError(f".: cannot open {name}: No such file", 2)
    saved = sh.state.lineno
    try:
        return (yield nested(sh, ".", sh.evalstring(text, 1, f"{name}: ", read=True)))
    except FuncReturn as e:
        return e.status
    finally:
        sh.state.lineno = saved


def _find_readable(sh: Shell, name: str) -> str | None:
    """Where . finds a file: the first readable regular one along PATH."""
    for d in (sh.state.get("PATH") or "").split(":"):
        path = f"{d or '.'}/{name}"
        try:
            if sh.os.stat(path).st_mode & 0o170000 == 0o100000 and sh.os.access(path, 4):
                return path
        except OSError:
            continue
    return None


def b_return(sh: Shell, args: list[str]) -> int:
    """return [N]: leave the function (or the . script, or at the top the
    script itself) with status N, which dash does not cut to 8 bits."""
    status = number("return", args[1]) if len(args) > 1 else sh.state.status
    raise FuncReturn(status)


def b_break(sh: Shell, args: list[str]) -> int:
    return _loop_jump(sh, args, BreakLoop)


def b_continue(sh: Shell, args: list[str]) -> int:
    return _loop_jump(sh, args, ContinueLoop)


def _loop_jump(sh: Shell, args: list[str], jump) -> int:
    """break [N] / continue [N]: out of (or on with) the Nth enclosing loop of
    this function; outside any loop, nothing happens."""
    n = number(args[0], args[1]) if len(args) > 1 else 1
    if n < 1:
        raise CommandError(f"{args[0]}: Illegal number: {args[1]}")
    if not sh.state.loop_depth:
        return 0
    sh.state.status = 0                   # the loop's status is break's own, 0 (as dash's)
    raise jump(min(n, sh.state.loop_depth))


def b_exec(sh: Shell, args: list[str]) -> int:
    """exec CMD: the shell becomes CMD.  (The runner does it, since exec's
    redirections are for good: this is what `type` and the tables see.)"""
    if len(args) == 1:
        return 0
    raise ShellExit(sh.exec_external(args[1:], sh.state.environ(), []))


def b_times(sh: Shell, args: list[str]) -> int:
    t = sh.os.times()

    def fmt(secs: float) -> str:
        return f"{int(secs // 60)}m{secs % 60:.6f}s"
    sh.say(1, f"{fmt(t.user)} {fmt(t.system)}\n{fmt(t.children_user)} {fmt(t.children_system)}\n")
    return 0


def b_umask(sh: Shell, args: list[str]) -> int:
    """umask [-S] [MASK]: the bits new files' modes lose.  MASK is octal, or
    symbolic as chmod's (`u=rwx,g=rx,o=`, `g-w`), said of the bits kept."""
    os = sh.os
    flags, rest = nextopt(args[1:], "S", "umask")
    mask = os.umask(0)
    os.umask(mask)
    if not rest:
        if flags:
            perms = ~mask & 0o777
            sh.say(1, ",".join(who + "=" + "".join(c for c, bit in (("r", 4), ("w", 2), ("x", 1))
                                                  if (perms >> shift) & bit)
                               for who, shift in (("u", 6), ("g", 3), ("o", 0))) + "\n")
        else:
            sh.say(1, f"{mask:04o}\n")
        return 0
    text = rest[0]
    if text[:1].isdigit():
        if text.strip("01234567"):
            raise CommandError(f"umask: Illegal number: {text}")
        os.umask(int(text, 8) & 0o777)
        return 0
    perms = _symbolic_mode(~mask & 0o777, text)
    if perms is None:
        raise CommandError(f"umask: Illegal mode: {text}")
    os.umask(~perms & 0o777)
    return 0


SYMBOLIC_CLAUSE = r"([ugoa]*)((?:[-+=](?:[rwxXst]*|[ugo]))+)\Z"    # (compiled when first used)
WHO_BITS = {"u": 0o700, "g": 0o070, "o": 0o007, "a": 0o777}


def _symbolic_mode(perms: int, text: str) -> int | None:
    """perms changed by a symbolic mode as chmod reads one (None: not one)."""
    for clause in text.split(","):
        m = re.match(SYMBOLIC_CLAUSE, clause)
        if m is None:
            return None
        who = 0
        for letter in m.group(1):
            who |= WHO_BITS[letter]
        who = who or 0o777
        for op, what in re.findall(r"([-+=])([ugo]|[rwxXst]*)", m.group(2)):
            if what in ("u", "g", "o"):
                shift = {"u": 6, "g": 3, "o": 0}[what]
                value = (perms >> shift) & 7
            else:
                value = sum({"r": 4, "w": 2, "x": 1}.get(c, 0) for c in what)
                if "X" in what and perms & 0o111:
                    value |= 1
            bits = value * 0o111 & who
            if op == "+":
                perms |= bits
            elif op == "-":
                perms &= ~bits
            else:
                perms = (perms & ~who) | bits
    return perms


def b_local(sh: Shell, args: list[str]) -> int:
    """local NAME[=VALUE]...: the variable is the function's own until it
    returns (dash's; not POSIX).  `local -` keeps the options."""
    st_ = sh.state
    if not st_.func_depth:
        raise CommandError("local: not in a function")
    if not st_.locals:
        st_.locals.append({})
    frame = st_.locals[-1]
    for item in args[1:]:
        name, eq, value = item.partition("=")
        if name == "-":
            frame.setdefault("-", (set(st_.options),))
            continue
        if not is_name(name):
            raise CommandError(f"local: {name}: bad variable name")
        if name not in frame:
            frame[name] = (st_.vars.get(name), name in st_.exported, name in st_.readonly)
        if eq:
            st_.assign(name, value)
    return 0


def _alias_order(name: str) -> tuple[int, int]:
    """Where dash's alias table keeps a name (its hash bucket), for listing in its order."""
    h = ord(name[0]) << 4 if name else 0
    for c in name:
        h += ord(c)
    return (h % 39, 0)


def b_alias(sh: Shell, args: list[str]) -> int:
    """alias [NAME[=VALUE]...]: define aliases, or show them (all: in dash's order)."""
    aliases = sh.state.aliases
    if len(args) == 1:
        for name in sorted(aliases, key=_alias_order):
            sh.say(1, f"{name}={quote(aliases[name])}\n")
        return 0
    status = 0
    for item in args[1:]:
        name, eq, value = item.partition("=")
        if eq:
            aliases.pop(name, None)
            aliases[name] = value
        elif name in aliases:
            sh.say(1, f"{name}={quote(aliases[name])}\n")
        else:
            sh.say(2, f"alias: {name} not found\n")
            status = 1
    return status


def b_unalias(sh: Shell, args: list[str]) -> int:
    flags, names = nextopt(args[1:], "a", "unalias")
    aliases = sh.state.aliases
    if flags:
        aliases.clear()
        return 0
    status = 0
    for name in names:
        if aliases.pop(name, None) is None:
            sh.say(2, f"unalias: {name} not found\n")
            status = 1
    return status


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
    for i, (path, printed) in enumerate(candidates):
        if i < len(candidates) - 1 and not _isdir(sh, path):
            continue                      # (an empty CDPATH entry is the last's path too)
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
    text = " ".join(words)
    out, stop = (text, False) if "\\" not in text else \
        host_module("vshell.printf").escapes(text, echo=True)    # (printf's engine: see deferred)
    sh.say(1, out + ("\n" if newline and not stop else ""))
    return 0


def b_type(sh: Shell, args: list[str]) -> int:
    """type NAME...: what the shell would run for each NAME; 127 if one is nothing."""
    status = 0
    for name in args[1:]:
        status |= describe(sh, name, True)
    return status


def describe(sh: Shell, name: str, verbose: bool, search: str | None = None) -> int:
    """What NAME is, in dash's words: `type` and `command -V` say it in a
    sentence, `command -v` as what would stand for it (a path, an alias's
    definition, the name itself).  127 when it is nothing."""
    st_ = sh.state
    if name in KEYWORDS:
        text = " is a shell keyword" if verbose else name
    elif name in st_.aliases:
        text = f" is an alias for {st_.aliases[name]}" if verbose else f"alias {name}={quote(st_.aliases[name])}"
    elif name in st_.functions:
        text = " is a shell function" if verbose else name
    elif name in SPECIAL or name in BUILTINS:
        text = (f" is a {'special ' if name in SPECIAL else ''}shell builtin") if verbose else name
    else:
        tracked = st_.hash.get(name) if "/" not in name and search is None else None
        path = tracked or sh.find_command(name, search)
        if path is None or ("/" in name and not _exists(sh, name)):
            if verbose:
                sh.say(1, f"{name}: not found\n")
            return 127
        text = (f" is a tracked alias for {path}" if tracked else f" is {path}") if verbose else path
    sh.say(1, (name + text if verbose else text) + "\n")
    return 0


def _exists(sh: Shell, path: str) -> bool:
    try:
        sh.os.stat(path)
        return True
    except OSError:
        return False


# Builtins that take no --help, as in bash: `echo --help` prints it, `test --help`
# and `[ --help ]` test a string, true, false and : ignore their arguments.
# Every other builtin shows its manual page (lecture.py's help_option).
NO_HELP = frozenset({"echo", "test", "[", "true", "false", ":"})

KEYWORDS = {"if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while",
            "until", "for", "in", "{", "}", "!"}


def b_command(sh: Shell, args: list[str]) -> int:
    """command -v NAME / -V NAME: what NAME is (the first NAME only, as in
    dash).  (`command NAME ARGS` is the runner's: it runs NAME, no function
    and not special.)"""
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
    if flags & {"v", "V"} and rest:
        return describe(sh, rest[0], "V" in flags, STD_PATH if "p" in flags else None)
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
            sh.say(1, f"{name:<20} {_limit_text(_getrlimit(resource), soft, unit)}\n")
        return 0
    _, _, resource, unit = next(u for u in ULIMITS if u[0] == what)
    current = _getrlimit(resource)
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
        _setrlimit(resource, new)
    except OSError as e:
        raise CommandError(f"ulimit: error setting limit ({e.strerror})", 2)
    return 0


# The shell changes its limits as any program does, through the resource
# module.  It counts as the kernel does, in rlim_t's unsigned 64 bits
# (RLIM_INFINITY is every bit set); the module as CPython, in signed ones.
RLIM_WORD = 1 << 64


def _getrlimit(resource: int) -> tuple[int, int]:
    from kernel.libpy import resource as vresource
    soft, hard = vresource.getrlimit(resource)
    return soft % RLIM_WORD, hard % RLIM_WORD


def _setrlimit(resource: int, pair: tuple[int, int]) -> None:
    """prlimit rather than setrlimit: its errors keep their errno."""
    from kernel.libpy import resource as vresource
    signed = tuple(v - RLIM_WORD if v >= RLIM_WORD >> 1 else v for v in pair)
    try:
        vresource.prlimit(0, resource, signed)
    except ValueError:                  # (the module's word for EINVAL)
        raise oserror(abi.EINVAL) from None


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
    for _, path in sorted(sh.state.hash.items()):
        sh.say(1, path + "\n")
    return 0


def deferred(module: str, name: str) -> Callable[[Shell, list[str]], int]:
    """A builtin of its own module, loaded when first used: printf, test, read,
    getopts, trap and the job builtins are ~90 KB of code (printf's engine and
    its regular expressions among them) that `vshell -c true` need not load."""
    def builtin(sh: Shell, args: list[str]) -> int:
        return getattr(host_module(module), name)(sh, args)
    return builtin


def lecture(name: str) -> Callable[[Shell, list[str]], int]:
    """A lecture-mode builtin of lecture.py, loaded when one is first used
    (most sessions use none, and start-up is budgeted).  host_module imports
    it in one go: a shell preempted halfway through an import would leave the
    module half-made for the next process."""
    def builtin(sh: Shell, args: list[str]) -> int:
        return getattr(host_module("vshell.lecture"), name)(sh, args)
    return builtin


b_printf, b_test = deferred("vshell.printf", "b_printf"), deferred("vshell.test", "b_test")
b_read, b_getopts = deferred("vshell.read", "b_read"), deferred("vshell.getopts", "b_getopts")
b_trap = deferred("vshell.traps", "b_trap")
b_wait, b_jobs = deferred("vshell.jobs", "b_wait"), deferred("vshell.jobs", "b_jobs")
b_fg, b_bg, b_kill = (deferred("vshell.jobs", "b_fg"), deferred("vshell.jobs", "b_bg"),
                      deferred("vshell.jobs", "b_kill"))
SPECIAL: dict[str, Callable[[Shell, list[str]], int]] = {
    ":": b_colon, ".": b_dot, "break": b_break, "continue": b_continue, "eval": b_eval,
    "exec": b_exec, "exit": b_exit, "export": b_export, "readonly": b_readonly,
    "return": b_return, "set": b_set, "shift": b_shift, "times": b_times, "trap": b_trap,
    "unset": b_unset, "local": b_local,
}
BUILTINS: dict[str, Callable[[Shell, list[str]], int]] = {
    "cd": b_cd, "pwd": b_pwd, "echo": b_echo, "printf": b_printf, "test": b_test, "[": b_test,
    "true": b_true, "false": b_false, "read": b_read, "wait": b_wait, "jobs": b_jobs,
    "fg": b_fg, "bg": b_bg, "kill": b_kill, "type": b_type, "command": b_command,
    "umask": b_umask, "ulimit": b_ulimit, "source": b_dot, "hash": b_hash,
    "alias": b_alias, "unalias": b_unalias, "getopts": b_getopts, "history": b_history,
    **{name: lecture(f"b_{name}") for name in
       ("help", "trace", "strace", "sched", "seed", "timeline", "step", "explore",
        "picture")},
}
