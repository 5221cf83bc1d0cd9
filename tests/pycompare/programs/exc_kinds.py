"""Tracebacks of several kinds: carets under calls, subscripts, attributes and operators."""
import sys
import traceback

cases = [lambda: {"a": 1}["b"], lambda: [1, 2][5], lambda: None.upper(),
         lambda: "x" + 1, lambda: int("12a"), lambda: (1).__add__("x").real,
         lambda: __import__("no_such_module"), lambda: float("nan") > "a",
         lambda: [].pop(), lambda: open("/no/such/file")]
for case in cases:
    try:
        case()
    except Exception:
        traceback.print_exc(file=sys.stdout)
        print("--")
print(traceback.format_exception_only(ValueError, ValueError("custom")))
