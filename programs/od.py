#!/usr/bin/env python3
"""od [OPTION]... [FILE]...: dump files ("-" or none: standard input) in octal
and other formats, 16 bytes a line, each line after its offset.

  -A d|o|x|n  offsets in decimal, octal (the default), hex, or none
  -t TYPE     one format (repeatable): a (named characters), c (characters,
              escapes, octal), d, o, u, x (signed decimal, octal, unsigned
              decimal, hex) with a size 1, 2, 4, 8 or C, S, I, L (default 4)
              f (floating point) with a size 4 or 8, or F, D (default 8)
  -b = -t o1   -c = -t c   -d = -t u2   -o = -t o2   -s = -t d2   -x = -t x2
  -j N  skip N bytes first      -N N  dump at most N bytes
  -v    show every line (else a line the same as the one before is a *)
  -w N  N bytes a line
"""
import math
import re
import struct
import sys

from proglib import Command

cmd = Command("od")
SIZES = {"C": 1, "S": 2, "I": 4, "L": 8}
FLOAT_SIZES = {"F": 4, "D": 8, "L": 16}
# digits of the widest value of each kind and size
WIDTHS = {"o": {1: 3, 2: 6, 4: 11, 8: 22}, "x": {1: 2, 2: 4, 4: 8, 8: 16},
          "u": {1: 3, 2: 5, 4: 10, 8: 20}, "d": {1: 4, 2: 6, 4: 11, 8: 20},
          "a": {1: 3}, "c": {1: 3}, "f": {4: 15, 8: 24}}
NAMES = ("nul soh stx etx eot enq ack bel bs ht nl vt ff cr so si dle dc1 dc2 dc3 dc4 nak "
         "syn etb can em sub esc fs gs rs us sp").split()
ESCAPES = {0: "\\0", 7: "\\a", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 11: "\\v"}
RADIX = {"d": "{:07d}", "o": "{:07o}", "x": "{:06x}", "n": ""}
LEGACY = {"-b": "o1", "-c": "c", "-d": "u2", "-o": "o2", "-s": "d2", "-x": "x2",
          "-i": "dI", "-l": "dL"}


class Spec:
    """One output format: its kind (a letter), item size, and digits per item."""

    def __init__(self, kind: str, size: int) -> None:
        self.kind, self.size, self.width = kind, size, WIDTHS[kind][size]
        self.pad = 0

    def item(self, chunk: bytes) -> str:
        if self.kind == "c":
            b = chunk[0]
            return ESCAPES.get(b) or (chr(b) if 32 <= b < 127 else f"{b:03o}")
        if self.kind == "a":
            b = chunk[0] % 128                  # a: the high bit is dropped
            return NAMES[b] if b <= 32 else "del" if b == 127 else chr(b)
        if self.kind == "f":
            return shortest(chunk)
        n = int.from_bytes(chunk, sys.byteorder, signed=self.kind == "d")
        if self.kind == "o":
            return f"{n:0{self.width}o}"
        if self.kind == "x":
            return f"{n:0{self.width}x}"
        return str(n)

    def line(self, block: bytes, per_line: int) -> str:
        """The items of block, spread as GNU's od spreads the padding so that
        the columns of several formats line up."""
        n_fields = per_line // self.size
        count = -(-len(block) // self.size)
        block = block.ljust(count * self.size, b"\0")
        out, pad_left = [], self.pad
        for k in range(count):                     # a short last line: as a full one's start
            next_pad = self.pad * (n_fields - k - 1) // n_fields
            chunk = block[k * self.size:(k + 1) * self.size]
            out.append(self.item(chunk).rjust(pad_left - next_pad + self.width))
            pad_left = next_pad
        return "".join(out)


def shortest(chunk: bytes) -> str:
    """A float or double as GNU's od shows it: in the fewest %g digits, from
    FLT_DIG or DBL_DIG on (from 1 for a denormal), that read back as the same value."""
    code = "=f" if len(chunk) == 4 else "=d"
    value = struct.unpack(code, chunk)[0]
    if value != value:
        return "-nan" if math.copysign(1, value) < 0 else "nan"
    if value in (math.inf, -math.inf):
        return str(value)
    smallest = 1.1754943508222875e-38 if len(chunk) == 4 else sys.float_info.min
    start = 1 if 0 < abs(value) < smallest else 6 if len(chunk) == 4 else 15
    for digits in range(start, 18):
        text = f"{value:.{digits}g}"
        if struct.pack(code, float(text)) == chunk:
            return text
    return f"{value:.17g}"


def parse_types(text: str) -> list:
    specs, i = [], 0
    while i < len(text):
        kind = text[i]
        if kind not in WIDTHS:
            cmd.fail(f"invalid character '{kind}' in type string ‘{text}’", usage=False)
        letters = FLOAT_SIZES if kind == "f" else SIZES
        m = re.match(f"[{''.join(letters)}]|\\d+", text[i + 1:]) if kind not in "ac" else None
        size = 1 if kind in "ac" else 8 if kind == "f" else 4
        if m:
            size = letters[m.group()] if m.group() in letters else int(m.group())
            if size not in WIDTHS[kind]:
                what = "floating point" if kind == "f" else "integral"
                cmd.fail(f"invalid type string ‘{text}’;\nthis system doesn't provide a "
                         f"{size}-byte {what} type", usage=False)
        specs.append(Spec(kind, size))
        i += 1 + (m.end() if m else 0)
    return specs


def number(text: str, what: str) -> int:
    """A count as GNU od reads one: decimal, 0x hex or 0 octal, then b, k or m."""
    m = re.fullmatch(r"(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)([bkm]?)", text)
    if m is None:
        return cmd.fail(f"invalid {what} argument '{text}'", usage=False)
    digits, suffix = m.groups()
    return int(digits, 8 if re.fullmatch(r"0[0-7]+", digits) else 0) * \
        {"": 1, "b": 512, "k": 1024, "m": 1024 ** 2}[suffix]


def read_all(files: list) -> bytes:
    """The files one after another, as one input; a missing one is complained of."""
    data = []
    for name in files:
        try:
            if name == "-":
                data.append(sys.stdin.buffer.read())
            else:
                with open(name, "rb") as f:
                    data.append(f.read())
        except OSError as e:
            cmd.complain(f"{name}: {e.strerror}")
    return b"".join(data)


def align(specs: list, per_line: int) -> None:
    """Each format's padding: every format's line is as wide as the widest's."""
    widest = max((s.width + 1) * (per_line // s.size) for s in specs)
    for s in specs:
        s.pad = widest - s.width * (per_line // s.size)


def dump(data: bytes, start: int, specs: list, radix: str, per_line: int, verbose: bool) -> None:
    out, previous, starred = sys.stdout, None, False
    for at in range(0, len(data), per_line):
        block = data[at:at + per_line]
        if not verbose and block == previous and len(block) == per_line:
            if not starred:
                out.write("*\n")
            starred = True
            continue
        previous, starred = block, False
        for i, spec in enumerate(specs):
            offset = RADIX[radix].format(start + at) if i == 0 else " " * len(RADIX[radix].format(0))
            out.write(offset + spec.line(block, per_line) + "\n")
    if radix != "n":
        out.write(RADIX[radix].format(start + len(data)) + "\n")


def main() -> int:
    opts, files = cmd.options(sys.argv[1:], "A:t:bcdosxilj:N:vw::",
                              ["help", "address-radix=", "format=", "skip-bytes=",
                               "read-bytes=", "output-duplicates", "width="])
    specs, radix, skip, limit, verbose, per_line = [], "o", 0, None, False, 16
    for opt, value in opts:
        if opt == "--help":
            print(__doc__)
            return 0
        if opt in ("-A", "--address-radix"):
            if value not in RADIX:
                cmd.fail(f"invalid output address radix '{value}'; it must be one character "
                         "from [doxn]", usage=False)
            radix = value
        elif opt in ("-t", "--format"):
            specs += parse_types(value)
        elif opt in LEGACY:
            specs += parse_types(LEGACY[opt])
        elif opt in ("-j", "--skip-bytes"):
            skip = number(value, "-j")
        elif opt in ("-N", "--read-bytes"):
            limit = number(value, "-N")
        elif opt in ("-v", "--output-duplicates"):
            verbose = True
        else:
            per_line = number(value, "-w") if value else 32
    specs = specs or parse_types("o2")
    unit = math.lcm(*(s.size for s in specs))
    if per_line % unit:
        sys.stderr.write(f"od: warning: invalid width {per_line}; using {unit} instead\n")
        per_line = unit
    data = read_all(files or ["-"])
    if skip > len(data):
        cmd.fail("cannot skip past end of combined input", usage=False)
    data = data[skip:] if limit is None else data[skip:skip + limit]
    if cmd.status and not data:
        return cmd.status               # nothing could be read: GNU prints no offset either
    align(specs, per_line)
    dump(data, skip, specs, radix, per_line, verbose)
    return cmd.status


cmd.run(main)
