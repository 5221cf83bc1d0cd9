"""atexit handlers run last-registered first, after the main program, on a normal exit."""
import atexit


def bye(name):
    print("atexit:", name)


atexit.register(bye, "first registered")
atexit.register(bye, "second registered")
h = atexit.register(bye, "unregistered")
atexit.unregister(bye)
atexit.register(bye, "after unregister")
print("main program ends")
