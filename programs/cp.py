#!/usr/bin/env python3
"""cp SOURCE DEST, or cp SOURCE... DIRECTORY: copy files.

  -r, -R  copy directories and everything in them
  -v      say what was copied

A copy gets its source's permission bits; contents are copied in 64 KiB chunks.
"""
import os
import stat
import sys

from proglib import Command, sources_and_target

cmd = Command("cp")


def copy_file(src: str, dst: str, mode: int) -> None:
    try:
        fin = os.open(src, os.O_RDONLY)
    except OSError as e:
        return cmd.complain(f"cannot open '{src}' for reading: {e.strerror}")
    try:
        try:
            fout = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode & 0o777)
        except OSError as e:
            return cmd.complain(f"cannot create regular file '{dst}': {e.strerror}")
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
        cmd.complain(f"error writing '{dst}': {e.strerror}")
        return False


def copy(src: str, dst: str, recursive: bool, verbose: bool) -> None:
    try:
        st = os.stat(src)
    except OSError as e:
        return cmd.complain(f"cannot stat '{src}': {e.strerror}")
    try:
        if os.path.samefile(src, dst):
            return cmd.complain(f"'{src}' and '{dst}' are the same file")
    except OSError:
        pass
    if stat.S_ISDIR(st.st_mode):
        if not recursive:
            return cmd.complain(f"-r not specified; omitting directory '{src}'")
        inside = os.path.abspath(dst) + "/"
        if inside.startswith(os.path.abspath(src).rstrip("/") + "/"):
            return cmd.complain(f"cannot copy a directory, '{src}', into itself, '{dst}'")
        if not os.path.isdir(dst):
            try:
                os.mkdir(dst, st.st_mode & 0o777 | 0o700)
            except OSError as e:
                return cmd.complain(f"cannot create directory '{dst}': {e.strerror}")
        if verbose:
            print(f"'{src}' -> '{dst}'")
        try:
            names = sorted(os.listdir(src))
        except OSError as e:
            return cmd.complain(f"cannot access '{src}': {e.strerror}")
        for name in names:
            copy(os.path.join(src, name), os.path.join(dst, name), recursive, verbose)
        os.chmod(dst, st.st_mode & 0o777)
        return
    if os.path.isdir(dst):
        return cmd.complain(f"cannot overwrite directory '{dst}' with non-directory")
    copy_file(src, dst, st.st_mode)
    if verbose:
        print(f"'{src}' -> '{dst}'")


def main() -> int:
    opts, args = cmd.options(sys.argv[1:], "rRv", ["help", "recursive", "verbose"])
    flags = {o for o, _ in opts}
    if "--help" in flags:
        print(__doc__)
        return 0
    recursive = bool(flags & {"-r", "-R", "--recursive"})
    verbose = bool(flags & {"-v", "--verbose"})
    for src, dst in sources_and_target(cmd, args):
        copy(src, dst, recursive, verbose)
    return cmd.status


cmd.run(main)
