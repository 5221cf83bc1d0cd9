"""inspect finds a function's source in the program's file and its module in the process's sys.modules."""
import inspect
def f(x):
    # a comment
    return x + 1
print(inspect.getsource(f), end="")
print(inspect.signature(f), inspect.getmodule(f).__name__)
print(inspect.stack()[0].function, inspect.currentframe().f_lineno)
