#!/usr/bin/env python3
"""selfstop: a process that stops itself with SIGSTOP.

It prints a line, sends itself SIGSTOP and is STOPPED: not READY, not
BLOCKED, it will not run until someone sends SIGCONT (`kill -CONT PID`, or
`fg` / `bg` in the shell, which sees it stopped just as after Ctrl-Z).
"""
import os
import signal

print("selfstop (pid:%d): stopping myself" % os.getpid(), flush=True)
os.kill(os.getpid(), signal.SIGSTOP)
print("selfstop (pid:%d): continued!" % os.getpid())
