"""The kernel references of the section-2 manual pages (programs/man/man2):
each page names the functions of vshell's kernel that implement its system
call, as `kernel/FILE.py:LINE  NAME`.  check() lists the references that no
longer point at `def NAME` or `class NAME`; `python tests/man_refs.py --fix`
rewrites each LINE to where NAME is now (run it after the kernel changes)."""
from __future__ import annotations

import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = os.path.join(ROOT, "programs", "man", "man2")
REF = re.compile(r"^(\s+)(kernel/[\w/]+\.py):(\d+)(\s+)(\w+)$", re.M)


def definition(path: str, name: str) -> int | None:
    """The line where NAME is defined in path (a function, a method or a class)."""
    with open(os.path.join(ROOT, path)) as f:
        for number, line in enumerate(f, 1):
            if re.match(rf"\s*(def|class) {re.escape(name)}\b", line):
                return number
    return None


def pages() -> list[str]:
    out = []
    for file in sorted(os.listdir(PAGES)):
        with open(os.path.join(PAGES, file)) as f:
            if not f.read(4) == ".so ":
                out.append(file)
    return out


def references(file: str) -> list[tuple[str, int, str]]:
    with open(os.path.join(PAGES, file)) as f:
        return [(m.group(2), int(m.group(3)), m.group(5)) for m in REF.finditer(f.read())]


def check() -> list[str]:
    """What is wrong, one line each: a page without references, a stale line."""
    problems = []
    for file in pages():
        refs = references(file)
        if not refs:
            problems.append(f"{file}: no reference to the kernel")
        for path, line, name in refs:
            found = definition(path, name)
            if found != line:
                problems.append(f"{file}: {path}:{line} {name}: "
                                + (f"{name} is at line {found}" if found else f"no {name} there"))
    return problems


def fix() -> None:
    for file in pages():
        full = os.path.join(PAGES, file)
        with open(full) as f:
            text = f.read()

        def moved(m: re.Match) -> str:
            line = definition(m.group(2), m.group(5)) or int(m.group(3))
            ref = f"{m.group(2)}:{line}"
            return f"{m.group(1)}{ref:<28}{m.group(5)}"
        new = REF.sub(moved, text)
        if new != text:
            with open(full, "w") as f:
                f.write(new)
            print(f"fixed {file}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--fix"]:
        fix()
    for problem in check():
        print(problem)
