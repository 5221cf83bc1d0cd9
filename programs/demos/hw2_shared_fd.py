#!/usr/bin/env python3
"""Homework 2 (OSTEP ch. 5): one file descriptor, written by parent and child.

"Write a program that opens a file (with the open() system call) and then
calls fork() to create a new process.  Can both the child and parent access
the file descriptor returned by open()?  What happens when they are writing
to the file concurrently, i.e., at the same time?"

Both write through the same open file, so they share its offset: no line
overwrites another, but the order of the lines is the scheduler's.
"""
import os

fd = os.open("hw2.output", os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o644)
rc = os.fork()
who = "child " if rc == 0 else "parent"
for i in range(5):
    os.write(fd, ("%s %d (pid:%d)\n" % (who, i, os.getpid())).encode())
if rc == 0:
    os._exit(0)
os.wait()
os.close(fd)
print("hw2.output now holds:")
with open("hw2.output") as f:
    print(f.read(), end="")
