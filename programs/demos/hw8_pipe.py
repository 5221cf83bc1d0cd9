#!/usr/bin/env python3
"""Homework 8 (OSTEP ch. 5): two children joined by a pipe.

"Write a program that creates two children, and connects the standard
output of one to the standard input of the other, using the pipe() system
call."

The first child's fd 1 and the second's fd 0 become the pipe's two ends
(dup2), exactly as a shell builds `writer | reader`.
"""
import os
import sys

r, w = os.pipe()
writer = os.fork()
if writer == 0:
    os.dup2(w, 1)            # stdout is now the pipe's write end
    os.close(r)
    os.close(w)
    for word in ("one", "two", "three"):
        print(word)
    sys.exit(0)
reader = os.fork()
if reader == 0:
    os.dup2(r, 0)            # stdin is now the pipe's read end
    os.close(r)
    os.close(w)              # or the reader would never see end-of-file
    for n, line in enumerate(sys.stdin, 1):
        print("reader got line %d: %s" % (n, line.strip()))
    sys.exit(0)
os.close(r)
os.close(w)
os.waitpid(writer, 0)
os.waitpid(reader, 0)
print("parent: both children are done")
