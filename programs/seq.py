#!/usr/bin/env python3
"""seq [FIRST [INCREMENT]] LAST: print numbers from FIRST (1) to LAST, step INCREMENT (1).

  -s SEP     separate the numbers by SEP (default: newline)
  -w         pad with leading zeros to equal width
  -f FORMAT  printf-style floating-point format, such as %g or %.3f

Negative numbers are operands, not options: seq 5 -1 1, seq -3 3.
"""
import os
import re
import sys
from decimal import Decimal, InvalidOperation

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?", re.I)


def fail(msg: str) -> "NoReturn":
    sys.stderr.write(f"seq: {msg}\nTry 'seq --help' for more information.\n")
    sys.exit(1)


def parse_options(args: list[str]) -> tuple[dict, list[str]]:
    """getopt's rules, except that -1 or -.5 is a number, not an option."""
    opts: dict[str, bool | str] = {}
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            return opts, args[i + 1:]
        if a == "--help":
            opts["help"] = True
        elif not a.startswith("-") or a == "-" or NUMBER.fullmatch(a):
            break
        else:
            j = 1
            while j < len(a):
                c = a[j]
                if c == "w":
                    opts["w"] = True
                elif c in "sf":
                    value = a[j + 1:] or (args[i + 1] if i + 1 < len(args) else None)
                    if value is None:
                        fail(f"option requires an argument -- '{c}'")
                    if not a[j + 1:]:
                        i += 1
                    opts[c] = value
                    break
                else:
                    fail(f"invalid option -- '{c}'" if not a.startswith("--")
                         else f"unrecognized option '{a}'")
                j += 1
        i += 1
    return opts, args[i:]


def decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text and "e" not in text.lower() else 0


def main() -> int:
    opts, operands = parse_options(sys.argv[1:])
    if opts.get("help"):
        print(__doc__)
        return 0
    if not operands:
        fail("missing operand")
    if len(operands) > 3:
        fail(f"extra operand ‘{operands[3]}’")
    values = []
    for text in operands:
        try:
            if not NUMBER.fullmatch(text.strip()):
                raise InvalidOperation
            values.append(Decimal(text))
        except InvalidOperation:
            fail(f"invalid floating point argument: ‘{text}’")
    first, step, last = Decimal(1), Decimal(1), values[-1]
    if len(values) > 1:
        first = values[0]
    if len(values) == 3:
        step = values[1]
    if step == 0:
        fail(f"invalid Zero increment value: ‘{operands[1]}’")
    places = max(decimals(t) for t in ([operands[0]] if len(operands) > 1 else []) +
                 ([operands[1]] if len(operands) == 3 else []) + ["1"])
    if "f" in opts:
        try:
            opts["f"] % 1.0
        except (ValueError, TypeError):
            fail(f"format ‘{opts['f']}’ needs exactly one %f, %e or %g directive")

        def fmt(x: Decimal) -> str:
            return opts["f"] % float(x)
    else:
        def fmt(x: Decimal) -> str:
            return f"{x:.{places}f}"
    width = max(len(fmt(first)), len(fmt(last))) if "w" in opts else 0
    x, sep, started = first, opts.get("s", "\n"), False
    write = sys.stdout.write
    while (x <= last) if step > 0 else (x >= last):
        text = fmt(x)
        if width:
            sign = "-" if text.startswith("-") else ""
            text = sign + text.lstrip("-").zfill(width - len(sign))
        write(sep + text if started else text)
        started = True
        x += step
    if started:
        write("\n")
    return 0


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"seq: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
