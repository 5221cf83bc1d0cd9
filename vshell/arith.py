"""Shell arithmetic, $((...)): C's integer operators and precedence.

Names are variables (unset or empty is 0); `=` and `op=` assign.  Division
truncates toward zero, as in C.
"""
from __future__ import annotations

import re

TOKEN = re.compile(r"\s*(?:(0[xX][0-9a-fA-F]+|\d+)|([A-Za-z_][A-Za-z0-9_]*)|"
                   r"(<<=|>>=|\+=|-=|\*=|/=|%=|&=|\^=|\|=|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%<>&|^!~?:=()]))")
BINARY = [("||",), ("&&",), ("|",), ("^",), ("&",), ("==", "!="), ("<", "<=", ">", ">="),
          ("<<", ">>"), ("+", "-"), ("*", "/", "%")]
ASSIGN = {"=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|="}


class ArithError(Exception):
    pass


class IllegalNumber(ArithError):
    """A variable's value is not a number (dash does not evaluate it again)."""


def tokenize(expr: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    expr = expr.rstrip()
    while pos < len(expr):
        m = TOKEN.match(expr, pos)
        if not m or m.end() == pos:
            raise ArithError("syntax error")
        if m.group(1):
            text = m.group(1)
            try:
                value = int(text, 16) if text[:2].lower() == "0x" else int(text, 8) if (
                    len(text) > 1 and text[0] == "0") else int(text)
            except ValueError:
                raise ArithError("syntax error")
            out.append(("num", str(value)))
        elif m.group(2):
            out.append(("name", m.group(2)))
        else:
            out.append(("op", m.group(3)))
        pos = m.end()
    return out


def evaluate(expr: str, state) -> int:
    tokens = tokenize(expr)
    if not tokens:
        return 0
    p = _Eval(tokens, state)
    value = p.assignment()
    if p.i != len(tokens):
        raise ArithError("syntax error")
    return value


def _c_div(a: int, b: int, op: str) -> int:
    if b == 0:
        raise ArithError("division by zero")
    q = abs(a) // abs(b) * (1 if (a >= 0) == (b >= 0) else -1)
    return q if op == "/" else a - q * b


def _apply(op: str, a: int, b: int) -> int:
    if op in ("/", "%"):
        return _c_div(a, b, op)
    return {"+": a + b, "-": a - b, "*": a * b, "<<": a << b if b >= 0 else 0,
            ">>": a >> b if b >= 0 else 0, "<": int(a < b), "<=": int(a <= b),
            ">": int(a > b), ">=": int(a >= b), "==": int(a == b), "!=": int(a != b),
            "&": a & b, "^": a ^ b, "|": a | b}[op]


class _Eval:
    def __init__(self, tokens, state) -> None:
        self.t = tokens
        self.i = 0
        self.state = state

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else ("end", "")

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def var(self, name: str) -> int:
        v = self.state.get(name)
        if not v:
            return 0
        try:
            return int(v.strip(), 0) if not v.strip().lstrip("+-").isdigit() else int(v)
        except ValueError:
            raise IllegalNumber(f"Illegal number: {v}")

    def assignment(self) -> int:
        tok = self.peek()
        if tok[0] == "name" and self.i + 1 < len(self.t) and self.t[self.i + 1][0] == "op" \
                and self.t[self.i + 1][1] in ASSIGN:
            name = tok[1]
            self.i += 1
            op = self.take()[1]
            value = self.assignment()
            if op != "=":
                value = _apply(op[:-1], self.var(name), value)
            self.state.assign(name, str(value))
            return value
        return self.ternary()

    def ternary(self) -> int:
        cond = self.binary(0)
        if self.peek() == ("op", "?"):
            self.i += 1
            a = self.assignment()
            if self.take() != ("op", ":"):
                raise ArithError("syntax error")
            b = self.assignment()
            return a if cond else b
        return cond

    def binary(self, level: int) -> int:
        if level == len(BINARY):
            return self.unary()
        left = self.binary(level + 1)
        while self.peek()[0] == "op" and self.peek()[1] in BINARY[level]:
            op = self.take()[1]
            if op == "&&":
                right = self.binary(level + 1)
                left = int(bool(left) and bool(right))
            elif op == "||":
                right = self.binary(level + 1)
                left = int(bool(left) or bool(right))
            else:
                left = _apply(op, left, self.binary(level + 1))
        return left

    def unary(self) -> int:
        tok = self.peek()
        if tok[0] == "op" and tok[1] in ("+", "-", "!", "~"):
            self.i += 1
            v = self.unary()
            return {"+": v, "-": -v, "!": int(not v), "~": ~v}[tok[1]]
        return self.primary()

    def primary(self) -> int:
        tok = self.take()
        if tok[0] == "num":
            return int(tok[1])
        if tok[0] == "name":
            return self.var(tok[1])
        if tok == ("op", "("):
            v = self.assignment()
            if self.take() != ("op", ")"):
                raise ArithError("syntax error")
            return v
        raise ArithError("expecting primary")
