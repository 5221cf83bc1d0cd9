#!/usr/bin/env python3
"""cp SOURCE DEST, or cp SOURCE... DIRECTORY: copy files.

  -r, -R  copy directories and everything in them
  -v      say what was copied

A copy gets its source's permission bits; contents are copied in 64 KiB chunks.
"""
import getopt
import os
import stat
import sys

status = 0


def fail(msg: str) -> None:
    sys.stderr.write(f"cp: {msg}\nTry 'cp --help' for more information.\n")
    sys.exit(1)


def complain(msg: str) -> None:
    global status
    sys.stderr.write(f"cp: {msg}\n")
    status = 1


def copy_file(src: str, dst: str, mode: int) -> None:
    try:
        fin = os.open(src, os.O_RDONLY)
    except OSError as e:
        return complain(f"cannot open '{src}' for reading: {e.strerror}")
    try:
        try:
            fout = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode & 0o777)
        except OSError as e:
            return complain(f"cannot create regular file '{dst}': {e.strerror}")
        try:
            while chunk := os.read(fin, 65536):
                if not write_all(fout, chunk, dst):
                    return
        finally:
            os.close(fout)
    finally:
        os.close(fin)


def write_all(fd: int, data: bytes, dst: str) -> bool:
    try:
        while data:
            data = data[os.write(fd, data):]
        return True
    except OSError as e:                # a full disk, say: on to the next file
        complain(f"error writing '{dst}': {e.strerror}")
        return False


def copy(src: str, dst: str, recursive: bool, verbose: bool) -> None:
    try:
        st = os.stat(src)
    except OSError as e:
        return complain(f"cannot stat '{src}': {e.strerror}")
    try:
        if os.path.samefile(src, dst):
            return complain(f"'{src}' and '{dst}' are the same file")
    except OSError:
        pass
    if stat.S_ISDIR(st.st_mode):
        if not recursive:
            return complain(f"-r not specified; omitting directory '{src}'")
        inside = os.path.abspath(dst) + "/"
        if inside.startswith(os.path.abspath(src).rstrip("/") + "/"):
            return complain(f"cannot copy a directory, '{src}', into itself, '{dst}'")
        if not os.path.isdir(dst):
            try:
                os.mkdir(dst, st.st_mode & 0o777 | 0o700)
            except OSError as e:
                return complain(f"cannot create directory '{dst}': {e.strerror}")
        if verbose:
            print(f"'{src}' -> '{dst}'")
        try:
            names = sorted(os.listdir(src))
        except OSError as e:
            return complain(f"cannot access '{src}': {e.strerror}")
        for name in names:
            copy(os.path.join(src, name), os.path.join(dst, name), recursive, verbose)
        os.chmod(dst, st.st_mode & 0o777)
        return
    if os.path.isdir(dst):
        return complain(f"cannot overwrite directory '{dst}' with non-directory")
    copy_file(src, dst, st.st_mode)
    if verbose:
        print(f"'{src}' -> '{dst}'")


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "rRv", ["help", "recursive", "verbose"])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1
             else f"invalid option -- '{e.opt}'")
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    recursive = bool(flags & {"-r", "-R", "--recursive"})
    verbose = bool(flags & {"-v", "--verbose"})
    if not args:
        fail("missing file operand")
    if len(args) == 1:
        fail(f"missing destination file operand after '{args[0]}'")
    *sources, target = args
    if os.path.isdir(target):
        for src in sources:
            copy(src, os.path.join(target, os.path.basename(src.rstrip("/"))), recursive, verbose)
    elif len(sources) > 1:
        if os.path.exists(target):
            complain(f"target '{target}' is not a directory")
        else:
            complain(f"target '{target}': No such file or directory")
    else:
        copy(sources[0], target, recursive, verbose)
    return status


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"cp: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
