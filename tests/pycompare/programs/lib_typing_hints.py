"""typing.get_type_hints resolves names in __main__; dataclasses see its ClassVar."""
from __future__ import annotations
import typing, dataclasses
class Node:
    next: Node | None
    value: int
print(typing.get_type_hints(Node))
@dataclasses.dataclass
class D:
    a: int
    b: typing.ClassVar[int] = 3
print(D(1), [f.name for f in dataclasses.fields(D)])
