"""traceback.print_stack and inspect.stack show the program's own frames."""
import inspect
import traceback


def inner():
    traceback.print_stack()
    print([f.function for f in inspect.stack()])


def outer():
    inner()


outer()
