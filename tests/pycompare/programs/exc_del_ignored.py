"""An exception in __del__ cannot propagate: 'Exception ignored in' on stderr, and the program goes on."""


class Resource:
    def __del__(self):
        raise RuntimeError("cleanup failed")


r = Resource()
del r
print("still running")
