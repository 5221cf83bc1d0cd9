"""The README's table of the kernel's files matches the tree."""
from __future__ import annotations

import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def kernel_table() -> set[str]:
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        text = f.read()
    section = text.split("\n## The kernel\n", 1)[1].split("\n#", 1)[0]
    named: set[str] = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            named.update(re.findall(r"`([\w/]+(?:\.py|/))`", first_cell))
    return named


def test_the_kernel_table_names_every_file_of_the_kernel():
    files = {f for f in os.listdir(os.path.join(ROOT, "kernel"))
             if f.endswith(".py") and f != "__init__.py"}
    files |= {d + "/" for d in os.listdir(os.path.join(ROOT, "kernel"))
              if os.path.isdir(os.path.join(ROOT, "kernel", d)) and not d.startswith(("_", "."))}
    table = kernel_table()
    assert sorted(files - table) == [], "files missing from README's kernel table"
    assert sorted(table - files) == [], "README's kernel table names files that do not exist"
