"""An exception while handling another: both tracebacks, 'During handling...'."""


def cleanup():
    return [][0]


try:
    {}["missing"]
except KeyError:
    cleanup()
