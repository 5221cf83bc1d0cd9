#!/usr/bin/env python3
"""mkfifo NAME...: create named pipes (FIFOs).

  -m MODE  permissions of the new FIFOs (octal, such as 600), not a=rw - umask

A FIFO is a pipe with a name: one process opens it to write, another to read
(each waits for the other), and what the writer writes the reader reads.
"""
import getopt
import os
import sys


def fail(msg: str) -> None:
    sys.stderr.write(f"mkfifo: {msg}\nTry 'mkfifo --help' for more information.\n")
    sys.exit(1)


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "m:", ["help", "mode="])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1 else
             f"option requires an argument -- '{e.opt}'" if "requires" in e.msg else
             f"invalid option -- '{e.opt}'")
    flags = dict(opts)
    if "--help" in flags:
        print(__doc__)
        return 0
    mode_text = flags.get("-m", flags.get("--mode"))
    try:
        mode = int(mode_text, 8) if mode_text is not None else 0o666
    except ValueError:
        sys.stderr.write("mkfifo: invalid mode\n")
        return 1
    if not 0 <= mode <= 0o7777:
        sys.stderr.write("mkfifo: invalid mode\n")
        return 1
    if not args:
        fail("missing operand")
    status = 0
    for name in args:
        try:
            os.mkfifo(name, mode)
            if mode_text is not None:
                os.chmod(name, mode)        # exactly MODE, whatever the umask
        except OSError as e:
            sys.stderr.write(f"mkfifo: cannot create fifo '{name}': {e.strerror}\n")
            status = 1
    return status


sys.exit(main())
