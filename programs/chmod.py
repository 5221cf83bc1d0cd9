#!/usr/bin/env python3
"""chmod MODE FILE...: change the permission bits of files.

MODE is octal (755, 0644) or symbolic: [ugoa]*[+-=][rwxXst]*, comma-separated,
as in u+x, go-w, a=r, u=rwx,g=rx,o=.  Without u, g, o or a, the umask limits
what + and = give.  X is x only for directories and already executable files.

  -R  change directories and everything in them     -v  say what was changed
"""
import os
import re
import stat
import sys

WHO = {"u": 0o4700, "g": 0o2070, "o": 0o1007, "a": 0o7777}
PERM = {"r": 0o444, "w": 0o222, "x": 0o111, "s": 0o6000, "t": 0o1000}
CLAUSE = re.compile(r"([ugoa]*)((?:[-+=][rwxXst]*)+)")
status = 0


def fail(msg: str) -> None:
    sys.stderr.write(f"chmod: {msg}\nTry 'chmod --help' for more information.\n")
    sys.exit(1)


def valid(mode: str) -> bool:
    if re.fullmatch(r"[0-7]{1,4}", mode):
        return True
    return all(CLAUSE.fullmatch(c) for c in mode.split(","))


def apply(mode: str, old: int, is_dir: bool, umask: int) -> int:
    """The new permission bits of a file whose bits are old."""
    if re.fullmatch(r"[0-7]{1,4}", mode):
        return int(mode, 8)
    new = old
    for clause in mode.split(","):
        clause_match = CLAUSE.fullmatch(clause)
        assert clause_match is not None        # (valid() said so)
        who, actions = clause_match.groups()
        mask = 0
        for w in who or "a":
            mask |= WHO[w]
        limit = ~umask if not who else 0o7777
        for op, perms in re.findall(r"([-+=])([rwxXst]*)", actions):
            bits = 0
            for p in perms:
                if p == "X":
                    bits |= 0o111 if is_dir or new & 0o111 else 0
                else:
                    bits |= PERM[p]
            bits &= mask & (limit if op != "-" else 0o7777)
            if op == "+":
                new |= bits
            elif op == "-":
                new &= ~bits
            else:
                new = (new & ~mask) | bits
    return new & 0o7777


def change(path: str, mode: str, recursive: bool, verbose: bool, umask: int) -> None:
    global status
    try:
        st = os.stat(path)
    except OSError as e:
        sys.stderr.write(f"chmod: cannot access '{path}': {e.strerror}\n")
        status = 1
        return
    new = apply(mode, stat.S_IMODE(st.st_mode), stat.S_ISDIR(st.st_mode), umask)
    try:
        os.chmod(path, new)
        if verbose:
            print(f"mode of '{path}' changed from {stat.S_IMODE(st.st_mode):04o} "
                  f"({stat.filemode(st.st_mode)[1:]}) to {new:04o} "
                  f"({stat.filemode(stat.S_IFMT(st.st_mode) | new)[1:]})")
    except OSError as e:
        sys.stderr.write(f"chmod: changing permissions of '{path}': {e.strerror}\n")
        status = 1
    if recursive and stat.S_ISDIR(st.st_mode):
        try:
            names = sorted(os.listdir(path))
        except OSError as e:
            sys.stderr.write(f"chmod: cannot read directory '{path}': {e.strerror}\n")
            status = 1
            return
        for name in names:
            full = os.path.join(path, name)
            if not os.path.islink(full):
                change(full, mode, recursive, verbose, umask)


def main() -> int:
    # not getopt: "-w" or "-x" is a mode, not an option
    flags: set[str] = set()
    operands, args = [], sys.argv[1:]
    while args:
        a = args.pop(0)
        if a == "--":
            operands += args
            break
        if a == "--help":
            print(__doc__)
            return 0
        if re.fullmatch(r"-[Rvcf]+", a):
            flags.update(a[1:])
        elif a.startswith("--"):
            fail(f"unrecognized option '{a}'")
        elif a.startswith("-") and len(a) > 1 and not valid(a):
            bad = next(c for c in a[1:] if c not in "Rvcfrwxst-+=,ugoaX")
            fail(f"invalid option -- '{bad}'")
        else:
            operands.append(a)
    if not operands:
        fail("missing operand")
    mode, files = operands[0], operands[1:]
    if not files:
        fail(f"missing operand after ‘{mode}’")
    if not valid(mode):
        fail(f"invalid mode: ‘{mode}’")
    umask = os.umask(0)
    os.umask(umask)
    for path in files:
        change(path, mode, "R" in flags, "v" in flags, umask)
    return status


sys.exit(main())
