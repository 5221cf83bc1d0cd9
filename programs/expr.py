#!/usr/bin/env python3
"""expr EXPRESSION: print the value of an expression of separate arguments.

From the loosest to the tightest:
  A | B    A if it is neither null nor 0, else B (0 if B is too)
  A & B    A if neither is null nor 0, else 0
  A < B, A <= B, A = B, A != B, A >= B, A > B   1 or 0: as numbers if both are
           integers, else as strings
  A + B, A - B      A * B, A / B, A % B         integers only
  STRING : REGEXP   the anchored match of a basic regular expression: the part
           matched by \\( \\) (or null), else the number of characters matched
  match STRING REGEXP, substr STRING POS LENGTH, index STRING CHARS,
  length STRING, + TOKEN (TOKEN as a string), ( EXPRESSION )

Status 0 if the value is neither null nor 0, 1 if it is, 2 if the expression
is invalid, 3 on another error.
"""
import re
import sys

from proglib import posix_regex, regex_message

COMPARE = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, "=": lambda a, b: a == b,
           "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
           ">=": lambda a, b: a >= b, ">": lambda a, b: a > b}
KEYWORDS = {"match": 2, "substr": 3, "index": 2, "length": 1}


class ExprError(Exception):
    """What expr says before it exits with status 2."""


def quote(arg: str) -> str:
    """An argument in a message, quoted as GNU's quote() does (a \\ doubled)."""
    return "‘" + arg.replace("\\", "\\\\") + "’"


def is_integer(v) -> bool:
    return isinstance(v, int) or re.fullmatch(r"-?\d+", v) is not None


def integer(v) -> int:
    if not is_integer(v):
        raise ExprError("non-integer argument")
    return int(v)


def null(v) -> bool:
    """POSIX's "null or 0": the empty string, or zero."""
    return v == 0 or v == "" or (isinstance(v, str) and re.fullmatch(r"-?0+", v) is not None)


def arithmetic(op: str, a, b) -> int:
    x, y = integer(a), integer(b)
    if op in "/%" and y == 0:
        raise ExprError("division by zero")
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    quotient = abs(x) // abs(y) * (1 if (x < 0) == (y < 0) else -1)   # C's: toward zero
    return quotient if op == "/" else x - quotient * y


def compare(op: str, a, b) -> int:
    if is_integer(a) and is_integer(b):
        return int(COMPARE[op](int(a), int(b)))
    return int(COMPARE[op](str(a), str(b)))


def match(string, pattern) -> object:
    try:
        regex = re.compile(posix_regex(str(pattern)), re.S)
    except re.error as e:
        raise ExprError(regex_message(e)) from None
    m = regex.match(str(string))
    if regex.groups:
        return (m.group(1) or "") if m else ""
    return m.end() if m else 0


class Parser:
    """Recursive descent over the arguments, one level per precedence group."""

    def __init__(self, args: list) -> None:
        self.args, self.i = args, 0

    def peek(self) -> "str | None":
        return self.args[self.i] if self.i < len(self.args) else None

    def take(self) -> str:
        if self.i >= len(self.args):
            raise ExprError(f"syntax error: missing argument after {quote(self.args[self.i - 1])}")
        self.i += 1
        return self.args[self.i - 1]

    def binary(self, ops, operand, apply):
        value = operand()
        while self.peek() in ops:
            op = self.take()
            value = apply(op, value, operand())
        return value

    def expression(self):
        return self.binary(("|",), self.conjunction,
                           lambda _, a, b: a if not null(a) else (0 if null(b) else b))

    def conjunction(self):
        return self.binary(("&",), self.comparison,
                           lambda _, a, b: 0 if null(a) or null(b) else a)

    def comparison(self):
        return self.binary(tuple(COMPARE), self.sum, compare)

    def sum(self):
        return self.binary(("+", "-"), self.product, arithmetic)

    def product(self):
        return self.binary(("*", "/", "%"), self.matching, arithmetic)

    def matching(self):
        return self.binary((":",), self.keyword, lambda _, a, b: match(a, b))

    def keyword(self):
        word = self.peek()
        if word == "+":
            self.take()
            return self.take()
        if word in KEYWORDS:
            self.take()
            operands = [self.keyword() for _ in range(KEYWORDS[word])]
            return keyword(word, *operands)
        return self.primary()

    def primary(self):
        token = self.take()
        if token == "(":
            value = self.expression()
            after = self.peek()
            if after is None:
                raise ExprError(f"syntax error: expecting ')' after {quote(self.args[self.i - 1])}")
            if after != ")":
                raise ExprError(f"syntax error: expecting ')' instead of {quote(after)}")
            self.take()
            return value
        if token == ")":
            raise ExprError("syntax error: unexpected ')'")
        return token


def keyword(word: str, *operands):
    string = str(operands[0])
    if word == "match":
        return match(string, operands[1])
    if word == "length":
        return len(string)
    if word == "index":
        return next((i + 1 for i, c in enumerate(string) if c in str(operands[1])), 0)
    pos, length = operands[1], operands[2]           # substr
    if not (is_integer(pos) and is_integer(length)) or int(pos) < 1 or int(length) < 1:
        return ""
    return string[int(pos) - 1:int(pos) - 1 + int(length)]


def main() -> int:
    args = sys.argv[1:]
    if args == ["--help"]:
        print(__doc__)
        return 0
    if args[:1] == ["--"]:
        args = args[1:]
    if not args:
        sys.stderr.write("expr: missing operand\nTry 'expr --help' for more information.\n")
        return 2
    parser = Parser(args)
    try:
        value = parser.expression()
        if parser.peek() is not None:
            raise ExprError(f"syntax error: unexpected argument {quote(str(parser.peek()))}")
    except ExprError as e:
        sys.stderr.write(f"expr: {e}\n")
        return 2
    print(value)
    return 1 if null(value) else 0


try:
    status = main()
    sys.stdout.flush()
except OSError as e:            # standard output could not be written (a full disk)
    sys.stderr.write(f"expr: write error: {e.strerror}\n")
    status = 3
sys.exit(status)
