#!/usr/bin/env python3
"""tee [FILE]...: copy standard input to standard output and to each FILE.

  -a  append to the files instead of overwriting them
  -i  ignore the interrupt signal (SIGINT)
"""
import getopt
import os
import re
import signal
import sys


def main() -> int:
    try:
        opts, files = getopt.gnu_getopt(sys.argv[1:], "ai", ["help", "append"])
    except getopt.GetoptError as e:
        msg = (f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
               else f"invalid option -- '{e.opt}'")
        sys.stderr.write(f"tee: {msg}\nTry 'tee --help' for more information.\n")
        return 1
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    if "-i" in flags:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    mode = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if flags & {"-a", "--append"} else os.O_TRUNC)
    outputs, status = {1: quotef("standard output")}, 0
    for name in files:
        try:
            outputs[os.open(name, mode, 0o666)] = quotef(name)
        except OSError as e:
            sys.stderr.write(f"tee: {quotef(name)}: {e.strerror}\n")
            status = 1
    while chunk := os.read(0, 65536):
        for fd, name in list(outputs.items()):
            try:
                data = chunk
                while data:
                    data = data[os.write(fd, data):]
            except OSError as e:           # a full disk or a closed pipe: drop this output
                sys.stderr.write(f"tee: {name}: {e.strerror}\n")
                del outputs[fd]
                status = 1
    return status


def quotef(name: str) -> str:
    """A file name as GNU quotes it in messages: as it is, unless the shell would need quotes."""
    if re.fullmatch(r"[\w./@%+=:,-]+", name):
        return name
    return "'" + name.replace("'", "'\\''") + "'"


sys.exit(main())
