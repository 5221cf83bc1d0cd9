"""pathlib, the modern way to handle paths and files."""
from pathlib import Path

p = Path("notes.txt")
p.write_text("first\nsecond\n")
print(p.read_text().splitlines(), p.exists(), p.suffix, p.stat().st_size)
print(sorted(x.name for x in Path(".").iterdir()))
