"""Unbounded recursion ends in RecursionError, with CPython's repeated-line summary."""
import sys


def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("caught:", e)
print("limit", sys.getrecursionlimit())
sys.setrecursionlimit(200)
print("limit", sys.getrecursionlimit())


def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


print("reached a depth within 20 of the limit:", 180 <= depth() < 200)
down(0)
