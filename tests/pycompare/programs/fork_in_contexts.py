"""fork from inside a with block, an except clause, a generator, a comprehension and a class body."""
import os


def report(where, pid):
    if pid == 0:
        print("child of the fork in", where, flush=True)
        os._exit(0)
    os.waitpid(pid, 0)


with open("ctx.txt", "w") as f:
    f.write("x")
    report("a with block", os.fork())
try:
    1 / 0
except ZeroDivisionError:
    report("an except clause", os.fork())


def gen():
    yield 1
    report("a generator", os.fork())
    yield 2


print("generator gave", list(gen()), flush=True)
print("comprehension gave", [report("a comprehension", os.fork()) for _ in range(1)], flush=True)


class Made:
    report("a class body", os.fork())


print("parent done")
