#!/usr/bin/env python3
"""Homework 4 (OSTEP ch. 5): every variant of exec().

"Write a program that calls fork() and then calls some form of exec() to run
the program /bin/ls.  See if you can try all of the variants of exec(),
including (on Linux) execl(), execle(), execlp(), execv(), execvp(), and
execvpe().  Why do you think there are so many variants of the same basic
call?"

l: the arguments one by one; v: as a list; p: search PATH for the program;
e: pass a new environment.  ./hw4_exec.py ARG... passes ARG... to ls.
"""
import os
import sys

args = sys.argv[1:]
env = dict(os.environ, GREETING="from execle/execvpe")
variants = [
    ("execl", lambda: os.execl("/bin/ls", "ls", *args)),
    ("execle", lambda: os.execle("/bin/ls", "ls", *args, env)),
    ("execlp", lambda: os.execlp("ls", "ls", *args)),
    ("execv", lambda: os.execv("/bin/ls", ["ls"] + args)),
    ("execvp", lambda: os.execvp("ls", ["ls"] + args)),
    ("execvpe", lambda: os.execvpe("ls", ["ls"] + args, env)),
]
for name, call in variants:
    # flush before fork: the child would copy the buffered line (and exec lose it)
    print("--- %s:" % name, flush=True)
    rc = os.fork()
    if rc == 0:
        try:
            call()
        except OSError as e:
            print("%s failed: %s" % (name, e.strerror), file=sys.stderr)
        os._exit(127)
    os.waitpid(rc, 0)
