"""What a program can learn about its standard streams when they are not terminals."""
import os
import sys

out = sys.stdout
print("line_buffering", out.line_buffering, sys.stderr.line_buffering)
print("isatty", out.isatty(), os.isatty(1), os.isatty(0), sys.stdin.isatty())
print("names", out.name, sys.stderr.name, sys.stdin.name)
print("modes", out.mode, sys.stdin.mode)
print("filenos", sys.stdin.fileno(), out.fileno(), sys.stderr.fileno())
print("writable", out.writable(), sys.stdin.readable())
print("write_through", out.write_through, sys.stderr.write_through)
print("newlines", repr(out.newlines), "errors", out.errors, sys.stdin.errors)
print("closed", out.closed)
print("same objects", sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
