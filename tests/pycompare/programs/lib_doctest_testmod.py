"""doctest.testmod() runs __main__'s examples; their values reach its captured stdout."""
def add(a, b):
    """
    >>> add(1, 2)
    3
    >>> add(2, 2)
    5
    """
    return a + b
import doctest
print(doctest.testmod())
