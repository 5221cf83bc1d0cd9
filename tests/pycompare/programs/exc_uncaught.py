"""An uncaught exception: CPython 3.11's traceback, with its position carets."""


def ratio(a, b):
    return a / b


def main():
    values = [4, 2, 0]
    print("ratios:", end=" ")
    for v in values:
        print(ratio(8, v), end=" ")


main()
