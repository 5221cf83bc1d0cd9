"""The programs vshell installs in /bin: ordinary Python scripts over the os API.

Each file here runs the same under the host's python3 and as a virtual process
in vshell, where it is installed as /bin/<name> (without the .py).
"""
from __future__ import annotations

import os

HERE = os.path.dirname(os.path.abspath(__file__))


# Modules the programs import, installed beside them as /bin/NAME.py (a
# program's own directory is the first on its sys.path, in vshell as on the host).
LIBRARIES = ("proglib.py", "shadow.py")


def installable() -> dict[str, str]:
    """name -> host path of every program to install in /bin."""
    return {f[:-3]: os.path.join(HERE, f) for f in sorted(os.listdir(HERE))
            if f.endswith(".py") and not f.startswith("_") and f not in LIBRARIES}


def libraries() -> dict[str, str]:
    """file name -> host path of every module to install in /bin beside the programs."""
    return {f: os.path.join(HERE, f) for f in LIBRARIES}


def _files(folder: str) -> dict[str, str]:
    path = os.path.join(HERE, folder)
    if not os.path.isdir(path):
        return {}
    return {f: os.path.join(path, f) for f in sorted(os.listdir(path))
            if not f.startswith((".", "_")) and os.path.isfile(os.path.join(path, f))}


def demos() -> dict[str, str]:
    """The chapter's demos (p1.py ... and the homework), copied into every home."""
    return _files("demos")


def homework() -> dict[str, str]:
    """OSTEP's homework tools on real processes (process-run.py, fork.py, ...):
    in /bin under their own names, and copied into every home beside the demos."""
    return _files("homework")


def corpus() -> dict[str, str]:
    """A small text corpus for wc, grep and sort, copied into every home."""
    return _files("corpus")


def manpages(section: str) -> dict[str, str]:
    """The manual pages of a section ("man1": man/man1/NAME.1, plain text written
    for vshell), by file name."""
    folder = manual_folder(section)
    return {f: os.path.join(folder, f) for f in sorted(manpage_names(section))}


def manual_folder(section: str) -> str:
    return os.path.join(HERE, "man", section)


def manpage_names(section: str) -> list[str]:
    """The file names of a section's pages, unsorted (boot lists them: start-up
    is budgeted)."""
    try:
        return [f for f in os.listdir(manual_folder(section)) if f[0] != "."]
    except OSError:
        return []
