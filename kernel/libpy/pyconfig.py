"""How a process's Python interpreter was started: CPython's PyConfig (Python/initconfig.c).

`python -u -X dev prog.py`, a `#!/usr/bin/python3` line and the environment
(PYTHONUNBUFFERED, PYTHONDONTWRITEBYTECODE, PYTHONWARNINGS, ... -- unless -E or
-I says to ignore it) decide what a program reads in sys.flags, sys.warnoptions
and sys._xoptions, and how its standard streams buffer and encode.  The host
interpreter's own flags (vshell's, not the program's) never show through.

The locale decides UTF-8 mode, as in CPython: the machine has the C, C.UTF-8
and POSIX locales (as a minimal Debian), so LC_ALL, LC_CTYPE or LANG naming
C.UTF-8 gives a UTF-8 locale, and anything else -- C, POSIX, unset, or a
locale the machine does not have -- leaves the C locale, where CPython turns
on its UTF-8 mode.
"""
from __future__ import annotations

import sys as _host_sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable

NAMES: tuple[str, ...] = type(_host_sys.flags).__match_args__
DEFAULTS = dict.fromkeys(NAMES, 0)
DEFAULTS.update(hash_randomization=1, dev_mode=False, safe_path=False, int_max_str_digits=-1)

# Environment variables read as CPython's _Py_get_env_flag reads them: an integer
# raises the flag to it, any other text counts as 1.
ENV_FLAGS = {"PYTHONDEBUG": "debug", "PYTHONVERBOSE": "verbose", "PYTHONOPTIMIZE": "optimize",
             "PYTHONINSPECT": "inspect", "PYTHONDONTWRITEBYTECODE": "dont_write_bytecode",
             "PYTHONNOUSERSITE": "no_user_site", "PYTHONUNBUFFERED": "unbuffered"}
# Command-line options that count (-vv, -OO, -bb) or set a flag.
OPTION_FLAGS = {"d": "debug", "i": "inspect", "O": "optimize", "B": "dont_write_bytecode",
                "s": "no_user_site", "S": "no_site", "E": "ignore_environment",
                "v": "verbose", "b": "bytes_warning", "q": "quiet", "u": "unbuffered",
                "P": "safe_path"}


class flags(tuple):
    """sys.flags: the interpreter's command-line options and environment, as CPython
    shows them (a struct sequence named sys.flags)."""

    if TYPE_CHECKING:                   # (each a property, made below from NAMES)
        debug: int
        inspect: int
        interactive: int
        optimize: int
        dont_write_bytecode: int
        no_user_site: int
        no_site: int
        ignore_environment: int
        verbose: int
        bytes_warning: int
        quiet: int
        hash_randomization: int
        isolated: int
        dev_mode: bool
        utf8_mode: int
        warn_default_encoding: int
        safe_path: bool
        int_max_str_digits: int

    n_fields = n_sequence_fields = len(NAMES)
    n_unnamed_fields = 0
    __match_args__ = NAMES
    __slots__ = ()

    def __new__(cls, values: dict):
        return super().__new__(cls, [values[name] for name in NAMES])

    def __repr__(self) -> str:
        return "sys.flags(" + ", ".join(f"{n}={v!r}" for n, v in zip(NAMES, self)) + ")"

    def __reduce__(self):
        return (flags, (dict(zip(NAMES, self)),))


def _field(i: int) -> property:
    return property(lambda self: tuple.__getitem__(self, i))


for _i, _name in enumerate(NAMES):
    setattr(flags, _name, _field(_i))
flags.__module__ = "sys"


# Every environment variable Config reads (a test checks): a script's start-up
# is a function of these and its options, so it is worked out once for each.
READS = (*ENV_FLAGS, "PYTHONHASHSEED", "PYTHONDEVMODE", "PYTHONSAFEPATH",
         "PYTHONWARNDEFAULTENCODING", "PYTHONINTMAXSTRDIGITS", "PYTHONWARNINGS", "PYTHONUTF8",
         "LC_ALL", "LC_CTYPE", "LANG", "PYTHONIOENCODING")
_CACHE: dict[tuple, Config] = {}
CACHE_SIZE = 64


def config_for(env: dict[str, str], options: tuple[tuple[str, str | None], ...]) -> Config:
    """A script's Config (run "file"), shared by every process started the same
    way: nobody may change it (sys copies what a program may change)."""
    key = (options, *map(env.get, READS))
    config = _CACHE.get(key)
    if config is None:
        if len(_CACHE) >= CACHE_SIZE:
            _CACHE.clear()
        config = _CACHE[key] = Config(env, options)
    return config


class Config:
    """One interpreter's start-up: what it runs (a file, stdin, -c or -m), its
    flags, and the options that are not flags (-W, -X, -u)."""
    __slots__ = ("run", "module", "flags", "safe_path", "unbuffered", "warnoptions",
                 "xoptions", "io_encoding", "io_errors")

    def __init__(self, env: dict[str, str], options: Iterable[tuple[str, str | None]] = (),
                 run: str = "file") -> None:
        self.run = run      # "file", "stdin", "command" (-c), "module" (-m), "directory",
        #                     or "interactive" (the prompt: kernel/libpy/repl.py)
        self.module = "__main__" if run == "directory" else None    # -m's module
        values = dict(DEFAULTS, unbuffered=0)
        warnoptions: list[str] = []
        xoptions: dict[str, str | bool] = {}
        for opt, value in options:
            if opt in OPTION_FLAGS:
                values[OPTION_FLAGS[opt]] += 1
                if opt == "i":                       # -i: sys.flags.interactive too
                    values["interactive"] += 1
            elif opt == "I":
                values.update(isolated=1, ignore_environment=1, no_user_site=1, safe_path=1)
            elif opt == "W":
                warnoptions.append(value or "")
            elif opt == "X":
                key, eq, val = (value or "").partition("=")
                xoptions[key] = val if eq else True
        use_env = not values["ignore_environment"]
        if use_env:
            for name, flag in ENV_FLAGS.items():
                values[flag] = max(values[flag], _env_flag(env.get(name, "")))
            if env.get("PYTHONHASHSEED") == "0":
                values["hash_randomization"] = 0
            for name, flag in (("PYTHONDEVMODE", "dev_mode"), ("PYTHONSAFEPATH", "safe_path"),
                               ("PYTHONWARNDEFAULTENCODING", "warn_default_encoding")):
                if env.get(name):
                    values[flag] = max(values[flag], 1)
            digits = env.get("PYTHONINTMAXSTRDIGITS", "")
            if digits.isdigit():
                values["int_max_str_digits"] = int(digits)
            warnoptions[:0] = [w.strip() for w in env.get("PYTHONWARNINGS", "").split(",")
                               if w.strip()]
        values["utf8_mode"] = _utf8_mode(env, xoptions, use_env)
        if "dev" in xoptions:
            values["dev_mode"] = 1
        if "warn_default_encoding" in xoptions:
            values["warn_default_encoding"] = 1
        given = xoptions.get("int_max_str_digits")
        if isinstance(given, str) and given.isdigit():
            values["int_max_str_digits"] = int(given)
        for name in ("dev_mode", "safe_path"):
            values[name] = bool(values[name])
        # lowest precedence first (initconfig.c's config_init_warnoptions)
        warnoptions[:0] = ["default"] if values["dev_mode"] else []
        if values["bytes_warning"]:
            warnoptions.append("error::BytesWarning" if values["bytes_warning"] > 1
                               else "default::BytesWarning")
        self.io_encoding, self.io_errors = _io_encoding(env if use_env else {})
        self.unbuffered = bool(values.pop("unbuffered"))
        self.safe_path = values["safe_path"]    # (read here: 3.10's sys.flags has no safe_path)
        self.flags = flags(values)
        self.warnoptions = warnoptions
        self.xoptions = xoptions

    @property
    def text_encoding(self) -> str:
        """What open() picks with no encoding: locale.getpreferredencoding(), which
        UTF-8 mode spells in lower case."""
        return "utf-8" if self.flags.utf8_mode else "UTF-8"


def shebang_options(words: list[str]) -> tuple[tuple[str, str | None], ...]:
    """The options a script's #! line gives python3 after its path (Linux passes
    the rest of the line as one argument: `-u`, `-OO`, `-Wignore`)."""
    options: list[tuple[str, str | None]] = []
    arg = " ".join(words)
    if not arg.startswith("-") or arg.startswith("--"):
        return ()
    for i, opt in enumerate(arg[1:], 1):
        if opt in "WX":
            options.append((opt, arg[i + 1:]))
            break
        options.append((opt, None))
    return tuple(options)


def _env_flag(value: str) -> int:
    if not value:
        return 0
    try:
        n = int(value)
    except ValueError:
        return 1
    return n if n >= 0 else 1


def _utf8_mode(env: dict[str, str], xoptions: dict, use_env: bool) -> int:
    """-X utf8, else PYTHONUTF8, else on in the C (or POSIX) locale."""
    x = xoptions.get("utf8")
    if x is not None:
        return 0 if x == "0" else 1
    if use_env and env.get("PYTHONUTF8") in ("0", "1"):
        return int(env["PYTHONUTF8"])
    locale = env.get("LC_ALL") or env.get("LC_CTYPE") or env.get("LANG") or "C"
    name, _, codeset = locale.partition(".")
    utf8 = name == "C" and codeset.lower().replace("-", "") == "utf8"     # glibc's spellings
    return 0 if utf8 else 1


def _io_encoding(env: dict[str, str]) -> tuple[str, str]:
    """The standard streams' encoding and error handler (stderr's is always
    backslashreplace): UTF-8 with surrogateescape in every locale the machine
    has, unless PYTHONIOENCODING=ENCODING[:ERRORS] says otherwise (an encoding
    without errors means strict, as CPython reads it)."""
    encoding, _, errors = env.get("PYTHONIOENCODING", "").partition(":")
    if encoding:
        import codecs
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            pass
        errors = errors or "strict"
    return encoding or "utf-8", errors or "surrogateescape"
