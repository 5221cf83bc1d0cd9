"""Shell arithmetic, $((...)): C's integer operators and precedence, on 64-bit
integers that wrap around as the machine's do.

Names are variables (unset or empty is 0); `=` and `op=` assign.  Division
truncates toward zero, as in C.  The side of `&&`, `||` and `?:` that is not
taken is parsed but not evaluated ("noeval", as dash says): it assigns
nothing and divides by nothing.  The messages are dash's ("expecting
primary").  Parentheses nest as deep as the text goes: the parser's
recursion is kept on the trampoline's list (vshell/trampoline.py).
"""
from __future__ import annotations

import re

from .trampoline import drive

TOKEN = re.compile(r"[ \t\n]*(?:(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)|([A-Za-z_][A-Za-z0-9_]*)|"
                   r"(<<=|>>=|\+=|-=|\*=|/=|%=|&=|\^=|\|=|<<|>>|<=|>=|==|!=|&&|\|\||"
                   r"[-+*/%<>&|^!~?:=()])|([^ \t\n]))")
PRECEDENCE = {"||": 1, "&&": 2, "|": 3, "^": 4, "&": 5, "==": 6, "!=": 6,
              "<": 7, "<=": 7, ">": 7, ">=": 7, "<<": 8, ">>": 8,
              "+": 9, "-": 9, "*": 10, "/": 10, "%": 10}
ASSIGN = {"=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|="}
NUMBER = re.compile(r"[ \t\n]*[-+]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)[ \t\n]*\Z")
INT_MAX = (1 << 63) - 1
END = ("end", "")


class ArithError(Exception):
    pass


class IllegalNumber(ArithError):
    """A variable's value is not a number (dash does not evaluate it again)."""


def wrap(value: int) -> int:
    """value as a 64-bit two's complement integer holds it."""
    return ((value + (1 << 63)) & ((1 << 64) - 1)) - (1 << 63)


def number(text: str) -> int:
    """A number as C's strtoimax(text, 0) reads it: 0x hex, 0 octal, else
    decimal, too large ones held at the largest."""
    if text[:2] in ("0x", "0X"):
        value = int(text[2:], 16)
    elif text.startswith("0"):
        value = int(text, 8)
    else:
        value = int(text)
    return min(value, INT_MAX)


def tokenize(expr: str) -> list[tuple[str, str]]:
    out = []
    for m in TOKEN.finditer(expr):
        num, name, op, other = m.groups()
        if num is not None:
            out.append(("num", num))
        elif name is not None:
            out.append(("name", name))
        elif op is not None:
            out.append(("op", op))
        elif other is not None:
            out.append(("other", other))
    return out


def evaluate(expr: str, state) -> int:
    p = _Eval(tokenize(expr), state)
    value = drive(p.assignment(False))
    if p.i != len(p.t):
        raise ArithError("expecting EOF")
    return value


def variable(state, name: str) -> int:
    text = state.get(name)
    if not text:
        return 0
    m = NUMBER.match(text)
    if m is None:
        raise IllegalNumber(f"Illegal number: {text}")
    value = number(m.group(1))
    return -value if text.lstrip()[:1] == "-" else value


def _apply(op: str, a: int, b: int, noeval: bool) -> int:
    if op in ("/", "%"):
        if b == 0:
            if noeval:
                return 0
            raise ArithError("division by zero")
        q = abs(a) // abs(b) * (1 if (a >= 0) == (b >= 0) else -1)
        return wrap(q if op == "/" else a - q * b)
    if op == "<<":
        return wrap(a << (b & 63))
    if op == ">>":
        return a >> (b & 63)
    return wrap({"+": a + b, "-": a - b, "*": a * b, "<": int(a < b), "<=": int(a <= b),
                 ">": int(a > b), ">=": int(a >= b), "==": int(a == b), "!=": int(a != b),
                 "&": a & b, "^": a ^ b, "|": a | b}[op])


class _Eval:
    """Recursive descent over C's expression grammar, evaluating as it goes.
    Each rule is a generator: `x = yield self.rule(...)` parses a rule inside
    another, on the trampoline."""

    def __init__(self, tokens: list[tuple[str, str]], state) -> None:
        self.t = tokens
        self.i = 0
        self.state = state

    def peek(self) -> tuple[str, str]:
        return self.t[self.i] if self.i < len(self.t) else END

    def assignment(self, noeval: bool):
        tok = self.peek()
        if tok[0] == "name" and self.i + 1 < len(self.t) and self.t[self.i + 1][0] == "op" \
                and self.t[self.i + 1][1] in ASSIGN:
            name = tok[1]
            op = self.t[self.i + 1][1]
            self.i += 2
            value = yield self.assignment(noeval)
            if noeval:
                return value
            if op != "=":
                value = _apply(op[:-1], variable(self.state, name), value, noeval)
            self.state.assign(name, str(value))
            return value
        return (yield self.ternary(noeval))

    def ternary(self, noeval: bool):
        cond = yield self.binary(1, noeval)
        if self.peek() != ("op", "?"):
            return cond
        self.i += 1
        a = yield self.assignment(noeval or not cond)
        if self.peek() != ("op", ":"):
            raise ArithError("expecting ':'")
        self.i += 1
        b = yield self.ternary(noeval or bool(cond))
        return a if cond else b

    def binary(self, lowest: int, noeval: bool):
        """Operators of precedence lowest and above, left to right (precedence climbing)."""
        left = yield self.unary(noeval)
        while True:
            kind, op = self.peek()
            prec = PRECEDENCE.get(op) if kind == "op" else None
            if prec is None or prec < lowest:
                return left
            self.i += 1
            if op == "&&":
                right = yield self.binary(prec + 1, noeval or not left)
                left = int(bool(left) and bool(right))
            elif op == "||":
                right = yield self.binary(prec + 1, noeval or bool(left))
                left = int(bool(left) or bool(right))
            else:
                right = yield self.binary(prec + 1, noeval)
                left = _apply(op, left, right, noeval)

    def unary(self, noeval: bool):
        ops = []
        while self.peek()[0] == "op" and self.peek()[1] in ("+", "-", "!", "~"):
            ops.append(self.peek()[1])
            self.i += 1
        value = yield self.primary(noeval)
        for op in reversed(ops):
            value = {"+": value, "-": wrap(-value), "!": int(not value), "~": ~value}[op]
        return value

    def primary(self, noeval: bool):
        kind, text = self.peek()
        self.i += 1
        if kind == "num":
            return number(text)
        if kind == "name":
            return 0 if noeval else variable(self.state, text)
        if (kind, text) == ("op", "("):
            value = yield self.assignment(noeval)
            if self.peek() != ("op", ")"):
                raise ArithError("expecting ')'")
            self.i += 1
            return value
        raise ArithError("expecting primary")
