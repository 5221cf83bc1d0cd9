"""compile(..., "single"): an expression's value goes to the process's sys.displayhook; __future__ flags are inherited."""
from __future__ import annotations
import sys
exec(compile("1 + 1", "<s>", "single"))
exec(compile("x = 5\n", "<s>", "single"))
exec(compile("'text'", "<s>", "single"))
exec(compile("None", "<s>", "single"))
ns = {}
exec(compile("def f(a: Undefined): pass", "<s>", "exec"), ns)
print(ns["f"].__annotations__)
exec(compile("def g(a: int): pass", "<s>", "exec", dont_inherit=True), ns)
print(ns["g"].__annotations__)
print(eval(compile("2 * 3", "<e>", "eval")))
sys.displayhook = lambda v: print("hook got", repr(v))
exec(compile("[1, 2]", "<s>", "single"))
try:
    compile("1 +", "<bad>", "single")
except SyntaxError as e:
    print("SyntaxError", e)
compile("x = (", "<bad>", "exec")
