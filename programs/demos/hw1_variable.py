#!/usr/bin/env python3
"""Homework 1 (OSTEP ch. 5, Process API): the variable x after fork.

"Write a program that calls fork().  Before calling fork(), have the main
process access a variable (e.g., x) and set its value to something (e.g.,
100).  What value is the variable in the child process?  What happens to the
variable when both the child and parent change the value of x?"
"""
import os

x = 100
print("before fork: x = %d (pid:%d)" % (x, os.getpid()))
rc = os.fork()
if rc == 0:
    print("child: x = %d" % x)
    x = 200
    print("child: changed x to %d" % x)
else:
    print("parent: x = %d" % x)
    x = 300
    print("parent: changed x to %d" % x)
    os.wait()
    print("parent: after the child exited, x = %d (each process has its own copy)" % x)
