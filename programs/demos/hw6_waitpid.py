#!/usr/bin/env python3
"""Homework 6 (OSTEP ch. 5): waitpid() instead of wait().

"Write a slight modification of the previous program, this time using
waitpid() instead of wait().  When would waitpid() be useful?"

When you want one particular child (here the second of two, although the
first ends first), or want to check without blocking (WNOHANG).
"""
import os
import time

first = os.fork()
if first == 0:
    os._exit(1)
second = os.fork()
if second == 0:
    time.sleep(1)
    os._exit(2)
pid, status = os.waitpid(second, os.WNOHANG)
print("waitpid(%d, WNOHANG) -> %d: still running" % (second, pid))
pid, status = os.waitpid(second, 0)
print("waitpid(%d, 0) -> pid %d, exit status %d" % (second, pid, os.WEXITSTATUS(status)))
pid, status = os.waitpid(-1, 0)
print("waitpid(-1, 0) -> pid %d, exit status %d" % (pid, os.WEXITSTATUS(status)))
