"""What sys tells a program about how it was started."""
import os
import sys

print("argv", sys.argv)
print("__name__", __name__, "__file__", __file__)
print("path[0] is the script's directory:", sys.path[0] == os.path.dirname(__file__), repr(sys.path[0]))
print("flags", sys.flags.dont_write_bytecode, sys.flags.optimize, sys.flags.interactive)
print("platform", sys.platform, sys.byteorder, sys.maxsize == 2**63 - 1)
print("version 3.11:", sys.version_info[:2] == (3, 11))
print("stdin/out/err", sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())
print("recursion limit", sys.getrecursionlimit())
print("encoding", sys.getdefaultencoding(), sys.getfilesystemencoding())
print("orig_argv ends with the script:", sys.orig_argv[-1:] == [sys.argv[0]])
