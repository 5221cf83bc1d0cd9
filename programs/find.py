#!/usr/bin/env python3
"""find [PATH...] [EXPRESSION]: walk the trees from each PATH (default .) and
evaluate the expression on every file; with no action in it, print the names
it is true of.

Tests:   -name PAT  -iname PAT  -path PAT  -type b|c|d|p|f|l|s  -perm [-/]MODE
         -user NAME  -group NAME  -newer FILE  -size [+-]N[cwbkMG]
         -mtime/-atime/-ctime [+-]N (days)  -mmin [+-]N  -links [+-]N  -empty
         -true  -false
Actions: -print  -print0  -prune  -quit  -exec CMD {} ;  -exec CMD {} +
Options: -depth  -maxdepth N  -mindepth N  -xdev  -L (follow symbolic links)
Operators, tightest first: ( EXPR )   ! EXPR   EXPR [-a] EXPR   EXPR -o EXPR

Files are visited in the order their directory lists them.  Status 0, or 1
if a file could not be read or a command of -exec ... + failed.
"""
import fnmatch
import os
import re
import stat
import sys
import time

TYPES = {"b": stat.S_ISBLK, "c": stat.S_ISCHR, "d": stat.S_ISDIR, "p": stat.S_ISFIFO,
         "f": stat.S_ISREG, "l": stat.S_ISLNK, "s": stat.S_ISSOCK}
UNITS = {"c": 1, "w": 2, "b": 512, "k": 1024, "M": 1024 ** 2, "G": 1024 ** 3}
NUMERIC = {"-mtime", "-atime", "-ctime", "-mmin", "-links"}
ACTIONS = {"-print", "-print0", "-exec", "-quit"}
OPTIONS = {"-depth": 0, "-maxdepth": 1, "-mindepth": 1, "-xdev": 0, "-mount": 0,
           "-follow": 0, "-noleaf": 0}


class Usage(Exception):
    """A bad expression: find says so and exits with status 1 before walking."""


class Entry:
    """A file as the expression sees it: its name as found, depth and lstat."""

    def __init__(self, path: str, depth: int, st: os.stat_result) -> None:
        self.path, self.depth, self.st = path, depth, st
        self.pruned = False


class Find:
    """The walk's state: options, the status, the batches of -exec ... +."""

    def __init__(self) -> None:
        self.status = 0
        self.depth_first, self.follow = False, False
        self.maxdepth, self.mindepth = sys.maxsize, 0
        self.now = time.time()
        self.batches: list = []
        self.quit = False

    def complain(self, msg: str) -> None:
        sys.stderr.write(f"find: {msg}\n")
        self.status = 1


find = Find()


# ---- tests -----------------------------------------------------------------------------------

def compare(spec: str, what: str):
    """[+-]N as a test of a number: more than N, less than N, exactly N."""
    m = re.fullmatch(r"([-+]?)(\d+)", spec)
    if not m:
        raise Usage(f"invalid argument `{spec}' to `{what}'")
    n = int(m.group(2))
    return {"+": lambda v: v > n, "-": lambda v: v < n, "": lambda v: v == n}[m.group(1)]


def perm_bits(text: str) -> int:
    """An octal mode or a symbolic one (u+w,go=r), from no bits."""
    if re.fullmatch(r"[0-7]+", text):
        return int(text, 8)
    bits = 0
    for clause in text.split(","):
        m = re.fullmatch(r"([ugoa]*)([-+=])([rwxXst]*)", clause)
        if not m:
            raise Usage(f"invalid mode ‘{text}’")
        who = m.group(1).replace("a", "ugo") or "ugo"
        value = 0
        for p in m.group(3):
            for w in who:
                shift = {"u": 6, "g": 3, "o": 0}[w]
                value |= {"r": 4, "w": 2, "x": 1, "X": 1}.get(p, 0) << shift
                if p == "s" and w in "ug":
                    value |= stat.S_ISUID if w == "u" else stat.S_ISGID
            if p == "t":
                value |= stat.S_ISVTX
        bits = bits & ~value if m.group(2) == "-" else bits | value
    return bits


def perm_test(text: str):
    mode = perm_bits(text.lstrip("-/"))
    if text.startswith("-"):
        return lambda e: e.st.st_mode & mode == mode
    if text.startswith("/"):
        return lambda e: mode == 0 or e.st.st_mode & mode != 0
    return lambda e: stat.S_IMODE(e.st.st_mode) == mode


def size_test(text: str):
    m = re.fullmatch(r"([-+]?\d+)([cwbkMG]?)", text)
    if not m:
        bad = re.sub(r"^[-+]?\d*", "", text)[:1]
        raise Usage(f"invalid -size type `{bad}'")
    unit = UNITS[m.group(2) or "b"]
    test = compare(m.group(1), "-size")
    return lambda e: test(-(-e.st.st_size // unit))            # whole units, rounded up


def owner_test(text: str, group: bool):
    import grp
    import pwd
    if text.isdigit():
        ident = int(text)
    else:
        try:
            ident = grp.getgrnam(text).gr_gid if group else pwd.getpwnam(text).pw_uid
        except KeyError:
            raise Usage(f"‘{text}’ is not the name of a known {'group' if group else 'user'}") \
                from None
    return (lambda e: e.st.st_gid == ident) if group else (lambda e: e.st.st_uid == ident)


def newer_test(name: str):
    try:
        ref = (os.stat if find.follow else os.lstat)(name).st_mtime_ns
    except OSError as e:
        raise Usage(f"‘{name}’: {e.strerror}") from None
    return lambda e: e.st.st_mtime_ns > ref


def time_test(what: str, spec: str):
    test = compare(spec, what)
    if what == "-links":
        return lambda e: test(e.st.st_nlink)
    field = {"-mtime": "st_mtime", "-atime": "st_atime", "-ctime": "st_ctime",
             "-mmin": "st_mtime"}[what]
    unit = 60 if what == "-mmin" else 86400
    return lambda e: test(int((find.now - getattr(e.st, field)) // unit))


def empty(e: Entry) -> bool:
    if stat.S_ISDIR(e.st.st_mode):
        try:
            return not os.listdir(e.path)
        except OSError:
            return False
    return stat.S_ISREG(e.st.st_mode) and e.st.st_size == 0


def base_name(path: str) -> str:
    return os.path.basename(path.rstrip("/")) or "/"


def test_of(word: str, arg: str):
    """The test a primary with one argument names."""
    if word == "-name":
        return lambda e: fnmatch.fnmatchcase(base_name(e.path), arg)
    if word == "-iname":
        return lambda e: fnmatch.fnmatchcase(base_name(e.path).lower(), arg.lower())
    if word in ("-path", "-wholename"):
        return lambda e: fnmatch.fnmatchcase(e.path, arg)
    if word == "-type":
        if arg not in TYPES:
            raise Usage(f"Unknown argument to -type: {arg}")
        return lambda e: TYPES[arg](e.st.st_mode)
    if word == "-perm":
        return perm_test(arg)
    if word in ("-user", "-group"):
        return owner_test(arg, word == "-group")
    if word == "-newer":
        return newer_test(arg)
    if word == "-size":
        return size_test(arg)
    return time_test(word, arg)


# ---- actions ---------------------------------------------------------------------------------

def print_action(end: str):
    def act(e: Entry) -> bool:
        sys.stdout.write(e.path + end)
        return True
    return act


def run(argv: list) -> int:
    sys.stdout.flush()                  # what find printed comes before what the command prints
    try:
        pid = os.posix_spawnp(argv[0], argv, os.environ)
    except OSError as e:                # a test that is false, as GNU's: the status stays 0
        sys.stderr.write(f"find: ‘{argv[0]}’: {e.strerror}\n")
        return 127
    _, status = os.waitpid(pid, 0)
    return os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)


def exec_action(command: list, batch: bool):
    if not batch:
        return lambda e: run([a.replace("{}", e.path) for a in command]) == 0
    paths: list = []
    find.batches.append((command[:-1], paths))

    def collect(e: Entry) -> bool:
        paths.append(e.path)
        if len(paths) >= 1000:
            flush_batch(command[:-1], paths)
        return True
    return collect


def flush_batch(command: list, paths: list) -> None:
    if paths and run(command + paths) != 0:
        find.status = 1
    paths.clear()


def prune(e: Entry) -> bool:
    e.pruned = True
    return True


def quit_action(e: Entry) -> bool:
    find.quit = True
    return True


# ---- the expression --------------------------------------------------------------------------

class Parser:
    """The expression's words as a tree of functions Entry -> bool."""

    def __init__(self, words: list) -> None:
        self.words, self.i = words, 0
        self.has_action = False

    def peek(self) -> "str | None":
        return self.words[self.i] if self.i < len(self.words) else None

    def next(self) -> str:
        self.i += 1
        return self.words[self.i - 1]

    def argument(self, word: str) -> str:
        if self.peek() is None:
            raise Usage(f"missing argument to `{word}'")
        return self.next()

    def parse(self):
        if self.peek() is None:
            return lambda e: True
        expr = self.disjunction()
        if self.peek() is not None:          # a stray ')'
            raise Usage("you have too many ')'")
        return expr

    def disjunction(self):
        left = self.conjunction()
        while self.peek() in ("-o", "-or"):
            self.next()
            if self.peek() in (None, ")", "-o", "-or", "-a", "-and"):
                raise Usage("invalid expression; you have used a binary operator '-o' "
                            "with nothing after it.")
            right = self.conjunction()
            left = (lambda a, b: lambda e: a(e) or b(e))(left, right)
        return left

    def conjunction(self):
        left = self.negation()
        while self.peek() not in (None, ")", "-o", "-or"):
            if self.peek() in ("-a", "-and"):
                self.next()
            right = self.negation()
            left = (lambda a, b: lambda e: a(e) and b(e))(left, right)
        return left

    def negation(self):
        word = self.peek()
        if word in ("!", "-not"):
            self.next()
            if self.peek() in (None, ")", "-o", "-or", "-a", "-and"):
                raise Usage(f"expected an expression after '{word}'")
            inner = self.negation()
            return lambda e: not inner(e)
        if word in ("-o", "-or", "-a", "-and"):
            raise Usage(f"invalid expression; you have used a binary operator '{word}' "
                        "with nothing before it.")
        return self.primary()

    def primary(self):
        word = self.next()
        if word == "(":
            if self.peek() == ")":
                raise Usage("invalid expression; empty parentheses are not allowed.")
            if self.peek() is None:
                raise Usage("invalid expression; expected to find a ')' but didn't see one. "
                            "Perhaps you need an extra predicate after '('")
            inner = self.disjunction()
            if self.peek() != ")":
                raise Usage("invalid expression; I was expecting to find a ')' somewhere "
                            "but did not see one.")
            self.next()
            return inner
        if not word.startswith("-") or word == "-":
            raise Usage(f"paths must precede expression: `{word}'")
        if word in OPTIONS:
            self.option(word)
            return lambda e: True
        if word in ACTIONS:
            self.has_action = True
        return self.predicate(word)

    def option(self, word: str) -> None:
        if word == "-depth":
            find.depth_first = True
        elif word == "-follow":
            find.follow = True
        elif word in ("-maxdepth", "-mindepth"):
            value = self.argument(word)
            if not value.isdigit():
                raise Usage(f"Expected a positive decimal integer argument to {word}, "
                            f"but got ‘{value}’")
            setattr(find, word[1:], int(value))

    def predicate(self, word: str):
        simple = {"-print": print_action("\n"), "-print0": print_action("\0"),
                  "-prune": prune, "-quit": quit_action, "-true": lambda e: True,
                  "-false": lambda e: False, "-empty": empty}
        if word in simple:
            return simple[word]
        if word == "-exec":
            command: list = []
            while self.peek() not in (";", "+") or (self.peek() == "+" and command[-1:] != ["{}"]):
                if self.peek() is None:
                    raise Usage("missing argument to `-exec'")
                command.append(self.next())
            end = self.next()
            if not command:
                raise Usage("missing argument to `-exec'")
            return exec_action(command, end == "+")
        if word in ("-name", "-iname", "-path", "-wholename", "-type", "-perm", "-user",
                    "-group", "-newer", "-size") or word in NUMERIC:
            return test_of(word, self.argument(word))
        raise Usage(f"unknown predicate `{word}'")


# ---- the walk --------------------------------------------------------------------------------

def visit(path: str, depth: int, expr, st: "os.stat_result | None" = None) -> None:
    if find.quit:
        return
    try:
        if st is None or find.follow:
            st = (os.stat if find.follow else os.lstat)(path)
    except OSError as e:
        find.complain(f"‘{path}’: {e.strerror}")
        return
    entry = Entry(path, depth, st)
    if not find.depth_first and depth >= find.mindepth:
        expr(entry)
    if stat.S_ISDIR(st.st_mode) and depth < find.maxdepth and not entry.pruned:
        try:
            children = [(c.name, c.stat(follow_symlinks=False)) for c in os.scandir(path)]
        except OSError as e:
            find.complain(f"‘{path}’: {e.strerror}")
            children = []
        for name, child_st in children:
            visit(path + name if path.endswith("/") else f"{path}/{name}", depth + 1, expr,
                  child_st)
    if find.depth_first and depth >= find.mindepth and not find.quit:
        expr(entry)


def main() -> int:
    args = sys.argv[1:]
    if args[:1] == ["--help"]:
        print(__doc__)
        return 0
    while args[:1] and args[0] in ("-L", "-H", "-P"):
        find.follow = args.pop(0) == "-L"
    start = next((i for i, a in enumerate(args) if a.startswith("-") and a != "-"
                  or a in ("(", "!")), len(args))
    paths, words = args[:start] or ["."], args[start:]
    parser = Parser(words)
    try:
        expr = parser.parse()
    except Usage as e:
        sys.stderr.write(f"find: {e}\n")
        return 1
    if not parser.has_action:
        chosen, show = expr, print_action("\n")
        expr = lambda e: chosen(e) and show(e)           # noqa: E731
    for path in paths:
        visit(path, 0, expr)
    for command, batch in find.batches:
        flush_batch(command, batch)
    return find.status


try:
    status = main()
    sys.stdout.flush()
except OSError as e:            # standard output could not be written (a full disk)
    sys.stderr.write(f"find: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
