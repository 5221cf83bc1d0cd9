#!/usr/bin/env python3
"""wc: count lines, words and bytes of each file ("-" or none: standard input).

  -l  lines     -w  words     -c  bytes     -m  characters (UTF-8)

With several files, a last line gives the totals.  As GNU wc, the columns are
as wide as the largest possible count (the total size of the regular files;
at least 7 when a pipe or terminal is counted).  Files are read in 64 KiB
chunks, so wc of a huge file needs little memory.
"""
import getopt
import os
import stat
import sys

CHUNK = 65536
SPACE = b" \t\n\v\f\r"
# every byte but UTF-8's continuation bytes (10xxxxxx), which start no character
NOT_CONTINUATION = bytes(range(0x80)) + bytes(range(0xC0, 0x100))


def usage_error(e: getopt.GetoptError) -> None:
    msg = (f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
           else f"invalid option -- '{e.opt}'")
    sys.stderr.write(f"wc: {msg}\nTry 'wc --help' for more information.\n")
    sys.exit(1)


def count(fd: int, wanted: list[bool]) -> list[int]:
    """[lines, words, chars, bytes] of everything fd reads, chunk by chunk.
    Only what was asked for is counted (words and characters cost the most)."""
    want_lines, want_words, want_chars, _ = wanted
    lines = words = chars = nbytes = 0
    in_word = False
    while True:
        chunk = os.read(fd, CHUNK)
        if not chunk:
            return [lines, words, chars, nbytes]
        nbytes += len(chunk)
        if want_lines:
            lines += chunk.count(b"\n")
        if want_chars:
            chars += len(chunk) - len(chunk.translate(None, NOT_CONTINUATION))
        if want_words:
            words += len(chunk.split())
            if in_word and chunk[0] not in SPACE:
                words -= 1                     # a word split between two chunks
            in_word = chunk[-1] not in SPACE


def width_for(stats: list) -> int:
    """GNU's column width: digits of the total regular-file size, at least 7
    if some input is not a regular file; 1 if the first input cannot be stat'ed."""
    if not stats or stats[0] is None:
        return 1
    total, minimum = 0, 1
    for st in stats:
        if st is None:
            continue
        if stat.S_ISREG(st.st_mode):
            total += st.st_size
        else:
            minimum = 7
    return max(len(str(total)), minimum)


def main() -> int:
    try:
        opts, files = getopt.gnu_getopt(sys.argv[1:], "lwcm", ["help"])
    except getopt.GetoptError as e:
        usage_error(e)
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    wanted = [f in flags for f in ("-l", "-w", "-m", "-c")]
    if not any(wanted):
        wanted = [True, True, False, True]
    names: list[str | None] = list(files) or [None]      # (None: standard input)

    # open everything first: the column width depends on all the inputs
    inputs: list[int | None] = []
    stats: list[os.stat_result | None] = []
    status = 0
    for name in names:
        try:
            opened = 0 if name in (None, "-") else os.open(name, os.O_RDONLY)
            inputs.append(opened)
            stats.append(os.fstat(opened))
        except OSError as e:
            sys.stderr.write(f"wc: {name}: {e.strerror}\n")
            inputs.append(None)
            stats.append(None)
            status = 1
    width = 1 if len(names) == 1 and sum(wanted) == 1 else width_for(stats)

    def show(counts: list[int], name) -> None:
        cols = [str(n).rjust(width) for n, w in zip(counts, wanted) if w]
        print(" ".join(cols + ([name] if name is not None else [])))

    totals = [0, 0, 0, 0]
    for name, fd in zip(names, inputs):
        if fd is None:
            continue
        try:
            counts = count(fd, wanted)
        except OSError as e:
            sys.stderr.write(f"wc: {name}: {e.strerror}\n")
            counts, status = [0, 0, 0, 0], 1
        finally:
            if fd != 0:
                os.close(fd)
        totals = [a + b for a, b in zip(totals, counts)]
        show(counts, name)
    if len(names) > 1:
        show(totals, "total")
    return status


try:
    status = main()
    sys.stdout.flush()
except OSError:          # standard output could not be written (a full disk)
    sys.stderr.write("wc: write error\n")
    os._exit(1)
sys.exit(status)
