"""An uncaught error from open(): the traceback names only the program's own lines."""


def read_config(path):
    with open(path) as f:
        return f.read()


read_config("settings.ini")
