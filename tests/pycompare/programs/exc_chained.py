"""Chained exceptions: explicit (from), implicit (during handling), and suppressed."""


def load(key):
    try:
        return {"a": 1}[key]
    except KeyError as e:
        raise LookupError(f"no setting {key!r}") from e


def parse(text):
    try:
        return int(text)
    except ValueError:
        return undefined_name


try:
    parse("x")
except NameError as e:
    print("caught:", e, "| context:", repr(e.__context__))
try:
    load("b")
except LookupError as e:
    print("cause:", repr(e.__cause__), e.__suppress_context__)
load("b")
