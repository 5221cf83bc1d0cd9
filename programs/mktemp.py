#!/usr/bin/env python3
"""mktemp [-d] [-q] [-u] [-t] [-p DIR] [TEMPLATE]: make a new file (or directory)
with a name no one has, and print its name.

TEMPLATE ends in at least three X's (its last run of X's), which become
random letters and digits; by default it is tmp.XXXXXXXXXX in $TMPDIR (or
/tmp).  The file is made with mode 0600, a directory with 0700, so only its
owner can use it.

  -d      a directory               -q  no message when it cannot be made
  -u      only print a name (unsafe: someone may take it first)
  -p DIR  TEMPLATE is in DIR (default $TMPDIR, else /tmp)
  -t      TEMPLATE is a file name in $TMPDIR, else -p's DIR, else /tmp
"""
import errno
import os
import re
import sys

from proglib import Command

cmd = Command("mktemp")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def random_name(template: str, start: int, end: int) -> str:
    """template with its X's at [start, end) replaced by letters drawn from the
    kernel's randomness (os.urandom: a seeded machine repeats its names)."""
    drawn = os.urandom(end - start)
    return template[:start] + "".join(LETTERS[b % len(LETTERS)] for b in drawn) + template[end:]


def create(path: str, directory: bool) -> None:
    if directory:
        os.mkdir(path, 0o700)
    else:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def where(template: "str | None", tmpdir: "str | None", dash_t: bool) -> str:
    """The template's full name: where -p, -t and $TMPDIR put it."""
    env_dir = os.environ.get("TMPDIR") or None
    if template is None:
        return os.path.join(tmpdir or env_dir or "/tmp", "tmp.XXXXXXXXXX")
    if dash_t:
        if "/" in template:
            cmd.fail(f"invalid template, ‘{template}’, contains directory separator", usage=False)
        return os.path.join(env_dir or tmpdir or "/tmp", template)
    if tmpdir is not None:
        if template.startswith("/"):
            cmd.fail(f"invalid template, ‘{template}’; with --tmpdir, it may not be absolute",
                     usage=False)
        return os.path.join(tmpdir, template)
    return template


def main() -> int:
    opts, args = cmd.options(sys.argv[1:], "dqutp:", ["help", "directory", "quiet",
                                                       "dry-run", "tmpdir="])
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    if len(args) > 1:
        cmd.fail("too many templates")
    tmpdir = next((v or os.environ.get("TMPDIR") or "/tmp" for o, v in opts
                   if o in ("-p", "--tmpdir")), None)
    directory = bool(flags & {"-d", "--directory"})
    quiet = bool(flags & {"-q", "--quiet"})
    template = where(args[0] if args else None, tmpdir, "-t" in flags)
    base = template.rfind("/") + 1
    m = re.search(r"X+(?=[^X]*$)", template[base:])
    start, end = (base + m.start(), base + m.end()) if m else (0, 0)
    if end - start < 3:
        cmd.fail(f"too few X's in template ‘{args[0] if args else template}’", usage=False)
    for _ in range(100):
        path = random_name(template, start, end)
        if flags & {"-u", "--dry-run"}:
            break
        try:
            create(path, directory)
            break
        except OSError as e:
            if e.errno == errno.EEXIST:
                continue
            if not quiet:
                what = "directory" if directory else "file"
                sys.stderr.write(f"mktemp: failed to create {what} via template "
                                 f"‘{template}’: {e.strerror}\n")
            return 1
    print(path)
    return 0


cmd.run(main)
