#!/usr/bin/env python3
"""xargs: build command lines from standard input and run them.

    xargs [-n N] [-I REPL] [-0] [-r] [-t] [COMMAND [ARG]...]

Words of standard input (split at blanks and newlines; quotes group words, a
backslash escapes one character) are appended to COMMAND (default echo) and
the command is run with os.posix_spawnp, then waited for.
  -n N      at most N words per command
  -I REPL   one command per input line, REPL in the arguments replaced by it
  -0        words end at NUL characters only (find -print0)
  -r        run nothing when the input is empty
  -t        print each command on standard error before running it
Exit status: 0; 123 if a command failed; 124 if one exited 255; 125 if one
was killed by a signal; 126/127 if the command could not be run.
"""
import getopt
import os
import sys

if sys.argv[1:] == ["--help"]:          # GNU style: --help alone asks for this text
    print(__doc__, end="")
    sys.exit(0)


def words_of(text):
    """Split input as xargs does: blanks separate, quotes group, backslash escapes."""
    words, word, quote, have = [], [], None, False
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == quote:
                quote = None
            elif c == "\n":
                raise ValueError("unmatched %s quote" % ("double" if quote == '"' else "single"))
            else:
                word.append(c)
        elif c in "'\"":
            quote, have = c, True
        elif c == "\\" and i + 1 < len(text):
            i += 1
            word.append(text[i])
            have = True
        elif c in " \t\n":
            if have or word:
                words.append("".join(word))
            word, have = [], False
        else:
            word.append(c)
        i += 1
    if quote:
        raise ValueError("unmatched %s quote" % ("double" if quote == '"' else "single"))
    if have or word:
        words.append("".join(word))
    return words


def run(argv, trace):
    """Run one command line; return its exit status the way xargs counts it."""
    if trace:
        sys.stderr.write(" ".join(argv) + "\n")
        sys.stderr.flush()
    try:
        pid = os.posix_spawnp(argv[0], argv, os.environ)
    except OSError as e:
        sys.stderr.write("xargs: %s: %s\n" % (argv[0], e.strerror))
        return 127 if isinstance(e, FileNotFoundError) else 126
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        sys.stderr.write("xargs: %s: terminated by signal %d\n" % (argv[0], os.WTERMSIG(status)))
        return 125
    return os.WEXITSTATUS(status)


def main():
    try:
        opts, command = getopt.getopt(sys.argv[1:], "+n:I:0rtL:")
    except getopt.GetoptError as e:
        sys.stderr.write("xargs: %s\nusage: xargs [-n N] [-I REPL] [-0] [-r] [-t] "
                         "[COMMAND [ARG]...]\n" % e)
        return 1
    per_command, replace, nul, skip_empty, trace = None, None, False, False, False
    for opt, value in opts:
        if opt in ("-n", "-L"):
            if not value.isdigit() or int(value) < 1:
                sys.stderr.write("xargs: invalid number \"%s\" for -%s option\n" % (value, opt[1]))
                return 1
            per_command = int(value)
        elif opt == "-I":
            replace = value
        elif opt == "-0":
            nul = True
        elif opt == "-r":
            skip_empty = True
        elif opt == "-t":
            trace = True
    command = command or ["echo"]
    sys.stdout.flush()
    text = sys.stdin.read()
    if replace is not None:
        items = [line.lstrip() for line in text.split("\0" if nul else "\n")]
        groups = [[line] for line in items if line]
    else:
        try:
            items = [w for w in text.split("\0")] if nul else words_of(text)
        except ValueError as e:
            sys.stderr.write("xargs: %s; by default quotes are special to xargs "
                             "unless you use the -0 option\n" % e)
            return 1
        if nul and items and items[-1] == "":
            items.pop()
        n = per_command or max(len(items), 1)
        groups = [items[i:i + n] for i in range(0, len(items), n)]
        if not groups and not skip_empty:
            groups = [[]]
    worst = 0
    for group in groups:
        if replace is not None:
            argv = [a.replace(replace, group[0]) for a in command]
        else:
            argv = command + group
        code = run(argv, trace)
        if code == 255:
            sys.stderr.write("xargs: %s: exited with status 255; aborting\n" % argv[0])
            return 124
        if code in (125, 126, 127):
            return code
        if code:
            worst = 123
    return worst


if __name__ == "__main__":
    sys.exit(main())
