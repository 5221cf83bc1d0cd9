"""A module the corpus imports from beside the program."""


def greet(name):
    return f"hello, {name}, from a module beside the program"
