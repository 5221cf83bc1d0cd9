#!/usr/bin/env python3
"""mkdir DIRECTORY...: create directories.

  -p       create missing parents too; no error if a directory exists
  -m MODE  permissions of the new directories (octal, such as 700)
  -v       say what was created
"""
import getopt
import os
import sys


def fail(msg: str) -> None:
    sys.stderr.write(f"mkdir: {msg}\nTry 'mkdir --help' for more information.\n")
    sys.exit(1)


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "pm:v", ["help", "parents", "mode=",
                                                              "verbose"])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1 else
             f"option requires an argument -- '{e.opt}'" if "requires" in e.msg else
             f"invalid option -- '{e.opt}'")
    flags = {o: v for o, v in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    parents = "-p" in flags or "--parents" in flags
    verbose = "-v" in flags or "--verbose" in flags
    mode_text = flags.get("-m", flags.get("--mode"))
    try:
        mode = int(mode_text, 8) if mode_text is not None else 0o777
    except ValueError:
        fail(f"invalid mode ‘{mode_text}’")
    if not args:
        fail("missing operand")
    status = 0
    for name in args:
        todo = [name]
        if parents:                     # the missing ancestors first, outermost first
            head = os.path.dirname(name.rstrip("/"))
            while head and head not in ("/", ".") and not os.path.lexists(head):
                todo.insert(0, head)
                head = os.path.dirname(head)
        for path in todo:
            try:
                os.mkdir(path, mode if path == name else 0o777)
                if mode_text is not None and path == name:
                    os.chmod(path, mode)          # exactly MODE, whatever the umask
                if verbose:
                    print(f"mkdir: created directory '{path}'")
            except FileExistsError:
                if not (parents and os.path.isdir(path)):
                    sys.stderr.write(f"mkdir: cannot create directory ‘{path}’: File exists\n")
                    status = 1
                    break
            except OSError as e:
                sys.stderr.write(f"mkdir: cannot create directory ‘{path}’: {e.strerror}\n")
                status = 1
                break
    return status


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"mkdir: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
