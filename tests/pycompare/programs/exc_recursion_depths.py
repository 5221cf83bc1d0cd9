"""How deep a program gets before RecursionError, at several limits, caught at
every level; and the message for a limit below the current depth."""
import sys


def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


class Node:
    def __init__(self, k):
        self.k = k

    def __repr__(self):
        return repr(Node(self.k + 1))


for limit in (1000, 50, 500, 123, 2000):
    sys.setrecursionlimit(limit)
    try:
        repr(Node(0))
    except RecursionError as e:
        message = str(e)
    print(limit, depth(), depth(), message)


def at(n):
    if n:
        return at(n - 1)
    try:
        sys.setrecursionlimit(10)
    except RecursionError as e:
        return str(e)


print(at(30))
