#!/usr/bin/env python3
"""cat: concatenate files to standard output ("-" or none: standard input).

  -n  number all output lines
  -u  unbuffered (POSIX's; the output is never buffered here anyway)

Files are copied in 64 KiB chunks with read and write, never held whole.
"""
import getopt
import os
import re
import sys

CHUNK = 65536


def usage_error(e: getopt.GetoptError) -> None:
    if len(e.opt) > 1:
        msg = f"unrecognized option '--{e.opt}'"
    else:
        msg = f"invalid option -- '{e.opt}'"
    sys.stderr.write(f"cat: {msg}\nTry 'cat --help' for more information.\n")
    sys.exit(1)


def write_all(data: bytes) -> None:
    try:
        while data:
            data = data[os.write(1, data):]
    except OSError as e:                # a full disk, say: GNU cat stops at once
        sys.stderr.write(f"cat: write error: {e.strerror}\n")
        sys.exit(1)


class Numberer:
    """cat -n: a line number before every line; lines may span chunks and files."""

    def __init__(self) -> None:
        self.line = 0
        self.at_start = True

    def __call__(self, chunk: bytes) -> bytes:
        out = []
        for piece in re.findall(rb"[^\n]*\n|[^\n]+", chunk):
            if self.at_start:
                self.line += 1
                out.append(b"%6d\t" % self.line)
            out.append(piece)
            self.at_start = piece.endswith(b"\n")
        return b"".join(out)


def cat(fd: int, transform) -> None:
    while True:
        chunk = os.read(fd, CHUNK)
        if not chunk:
            return
        write_all(transform(chunk) if transform else chunk)


def main() -> int:
    try:
        opts, files = getopt.gnu_getopt(sys.argv[1:], "nu", ["help"])
    except getopt.GetoptError as e:
        usage_error(e)
    if ("--help", "") in opts:
        print(__doc__)
        return 0
    transform = Numberer() if ("-n", "") in opts else None
    status = 0
    for name in files or ["-"]:
        try:
            if name == "-":
                cat(0, transform)
                continue
            fd = os.open(name, os.O_RDONLY)
            try:
                cat(fd, transform)
            finally:
                os.close(fd)
        except OSError as e:
            sys.stderr.write(f"cat: {name}: {e.strerror}\n")
            status = 1
    return status


sys.exit(main())
