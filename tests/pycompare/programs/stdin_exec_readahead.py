"""sys.stdin reads ahead: after one readline the file offset is past the rest, so an
exec'd cat finds nothing left to print."""
# stdin: 'line one\nline two\nline three\n'
import os
import sys

print("python read:", repr(sys.stdin.readline()), flush=True)
print("offset of fd 0:", os.lseek(0, 0, os.SEEK_CUR), flush=True)
os.execvp("cat", ["cat"])
