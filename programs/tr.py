#!/usr/bin/env python3
"""tr SET1 [SET2]: copy standard input to standard output, changing characters.

  tr SET1 SET2   replace each character of SET1 by the one at the same place in SET2
                 (the last character of SET2 is repeated if SET2 is shorter)
  -d  delete the characters of SET1      -s  squeeze runs of a repeated character
      (of SET1, or of SET2 when translating) into one
  -c  use the complement of SET1

Sets are bytes: a-z (ranges), [:lower:] [:upper:] [:digit:] [:alpha:] [:alnum:]
[:space:] [:blank:] [:punct:], and escapes \\n \\t \\\\ \\NNN.
"""
import getopt
import os
import re
import sys

CLASSES = {
    "lower": bytes(range(97, 123)), "upper": bytes(range(65, 91)),
    "digit": b"0123456789", "alpha": bytes(range(65, 91)) + bytes(range(97, 123)),
    "alnum": b"0123456789" + bytes(range(65, 91)) + bytes(range(97, 123)),
    "space": b" \t\n\v\f\r", "blank": b" \t", "xdigit": b"0123456789ABCDEFabcdef",
    "punct": bytes(c for c in range(33, 127) if not chr(c).isalnum()),
    "cntrl": bytes(range(32)) + b"\x7f", "print": bytes(range(32, 127)),
    "graph": bytes(range(33, 127)),
}
ESCAPES = {"n": 10, "t": 9, "r": 13, "a": 7, "b": 8, "f": 12, "v": 11, "\\": 92}


def fail(msg: str, usage: bool = True) -> None:
    sys.stderr.write(f"tr: {msg}\n")
    if usage:
        sys.stderr.write("Try 'tr --help' for more information.\n")
    sys.exit(1)


def expand(spec: str) -> bytes:
    """A set as the list of its bytes, in order."""
    text = spec.encode("utf-8", "surrogateescape")
    atoms: list[int | bytes] = []            # one byte each, or a class
    i = 0
    while i < len(text):
        m = re.match(rb"\[:(\w+):\]", text[i:])
        if m and m.group(1).decode() in CLASSES:
            atoms.append(CLASSES[m.group(1).decode()])
            i += m.end()
            continue
        if text[i:i + 1] == b"\\" and i + 1 < len(text):
            m = re.match(rb"\\([0-7]{1,3})", text[i:])
            if m:
                atoms.append(int(m.group(1), 8) & 0xFF)
                i += m.end()
            else:
                atoms.append(ESCAPES.get(chr(text[i + 1]), text[i + 1]))
                i += 2
            continue
        atoms.append(text[i])
        i += 1
    out, i = bytearray(), 0
    while i < len(atoms):
        a = atoms[i]
        z = atoms[i + 2] if i + 2 < len(atoms) else None      # a-z: a range
        if isinstance(a, int) and isinstance(z, int) and atoms[i + 1] == ord("-"):
            if z < a:
                fail(f"range-endpoints of '{chr(a)}-{chr(z)}' are in reverse "
                     "collating sequence order", usage=False)
            out += bytes(range(a, z + 1))
            i += 3
            continue
        out += a if isinstance(a, bytes) else bytes([a])
        i += 1
    return bytes(out)


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "cCds", ["help"])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
             else f"invalid option -- '{e.opt}'")
    flags = {o.replace("-C", "-c") for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    delete, squeeze = "-d" in flags, "-s" in flags
    if not args:
        fail("missing operand")
    needed = 2 if (delete and squeeze) or not (delete or squeeze) else 1
    if len(args) < needed:
        fail(f"missing operand after ‘{args[-1]}’\n" + (
            "Two strings must be given when translating." if not delete else
            "Two strings must be given when both deleting and squeezing repeats."))
    if len(args) > 2 or (len(args) == 2 and delete and not squeeze):
        fail(f"extra operand ‘{args[needed]}’" + (
            "\nOnly one string may be given when deleting without squeezing repeats."
            if delete and not squeeze else ""))
    set1 = expand(args[0])
    set2 = expand(args[1]) if len(args) > 1 else b""
    if "-c" in flags:
        set1 = bytes(b for b in range(256) if b not in set1)

    table = None
    if not delete and set2:
        mapping = bytearray(range(256))
        for i, b in enumerate(set1):
            mapping[b] = set2[min(i, len(set2) - 1)]
        table = bytes(mapping)
    squeeze_set = (set2 if len(args) > 1 else set1) if squeeze else b""
    runs = re.compile(b"([" + b"".join(re.escape(bytes([b])) for b in squeeze_set) + b"])\\1+") \
        if squeeze_set else None

    last = None                    # the last byte written, for runs across chunks
    while chunk := os.read(0, 65536):
        if delete:
            chunk = chunk.translate(None, set1)
        elif table:
            chunk = chunk.translate(table)
        if runs and chunk:
            chunk = runs.sub(rb"\1", chunk)
            if last is not None and chunk[0] == last and last in squeeze_set:
                chunk = chunk[1:]
        if chunk:
            last = chunk[-1]
            os.write(1, chunk)
    return 0


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"tr: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
