#!/usr/bin/env python3
"""stat FILE...: show what the inode of each file records, as GNU stat does.

  -L         follow symbolic links (by default a link itself is shown)
  -c FORMAT  print FORMAT instead: %n name, %N quoted name (-> target), %s size,
             %b blocks, %F type, %a octal mode, %A mode as in ls -l, %u/%U owner,
             %g/%G group, %i inode, %h links, %x/%y/%z access/modify/change time,
             %X/%Y/%Z the same in seconds, %d device, %%
"""
import functools
import getopt
import grp
import os
import pwd
import re
import stat
import sys
import time


@functools.cache
def user_name(uid: int) -> str:
    """uid's name in /etc/passwd, looked up once."""
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return "UNKNOWN"


@functools.cache
def group_name(gid: int) -> str:
    """gid's name in /etc/group, looked up once."""
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return "UNKNOWN"


def file_type(st) -> str:
    m = st.st_mode
    if stat.S_ISREG(m):
        return "regular file" if st.st_size else "regular empty file"
    return ("directory" if stat.S_ISDIR(m) else "symbolic link" if stat.S_ISLNK(m) else
            "character special file" if stat.S_ISCHR(m) else
            "block special file" if stat.S_ISBLK(m) else
            "fifo" if stat.S_ISFIFO(m) else "socket" if stat.S_ISSOCK(m) else "weird file")


def when(t: float) -> str:
    """2026-01-01 00:00:00.000000000 +0000"""
    local = time.localtime(t)
    return time.strftime("%Y-%m-%d %H:%M:%S", local) + \
        ".%09d" % round((t % 1) * 1e9) + time.strftime(" %z", local)


def fields(path: str, st) -> dict[str, str]:
    blocks = getattr(st, "st_blocks", None)
    if blocks is None:                      # vshell keeps no block counts: 4 KiB blocks
        blocks = -(-st.st_size // 4096) * 8
    shown = path
    if stat.S_ISLNK(st.st_mode):
        try:
            shown = f"{path} -> {os.readlink(path)}"
        except OSError:
            pass
    return {"n": path, "N": shown, "s": str(st.st_size), "b": str(blocks), "F": file_type(st),
            "a": f"{stat.S_IMODE(st.st_mode):o}", "A": stat.filemode(st.st_mode),
            "u": str(st.st_uid), "U": user_name(st.st_uid),
            "g": str(st.st_gid), "G": group_name(st.st_gid),
            "i": str(st.st_ino), "h": str(st.st_nlink), "d": str(st.st_dev),
            "x": when(st.st_atime), "y": when(st.st_mtime), "z": when(st.st_ctime),
            "X": str(int(st.st_atime)), "Y": str(int(st.st_mtime)), "Z": str(int(st.st_ctime)),
            "o": "4096", "w": "-", "W": "0", "%": "%"}


def default_format(path: str, st) -> str:
    f = fields(path, st)
    dev = st.st_dev
    links = f["h"]
    rdev = getattr(st, "st_rdev", None)      # None: vshell's devices have no numbers
    if rdev is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)):
        links = f"{links:<5} Device type: {os.major(rdev)},{os.minor(rdev)}"
    return (f"  File: {f['N']}\n"
            f"  Size: {f['s']:<10}\tBlocks: {f['b']:<10} IO Block: 4096   {f['F']}\n"
            f"Device: {os.major(dev)},{os.minor(dev)}\tInode: {f['i']:<11} Links: {links}\n"
            f"Access: ({stat.S_IMODE(st.st_mode):04o}/{f['A']})  "
            f"Uid: ({f['u']:>5}/{f['U']:>8})   Gid: ({f['g']:>5}/{f['G']:>8})\n"
            f"Access: {f['x']}\nModify: {f['y']}\nChange: {f['z']}\n Birth: -\n")


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "Lc:", ["help", "format=", "dereference"])
    except getopt.GetoptError as e:
        msg = (f"unrecognized option '--{e.opt}'" if len(e.opt) > 1 else
               f"option requires an argument -- '{e.opt}'" if "requires" in e.msg else
               f"invalid option -- '{e.opt}'")
        sys.stderr.write(f"stat: {msg}\nTry 'stat --help' for more information.\n")
        return 1
    flags = dict(opts)
    if "--help" in flags:
        print(__doc__)
        return 0
    if not args:
        sys.stderr.write("stat: missing operand\nTry 'stat --help' for more information.\n")
        return 1
    fmt = flags.get("-c", flags.get("--format"))
    follow = bool(flags.keys() & {"-L", "--dereference"})
    status = 0
    for path in args:
        try:
            st = os.stat(path) if follow else os.lstat(path)
        except OSError as e:
            sys.stderr.write(f"stat: cannot statx '{path}': {e.strerror}\n")
            status = 1
            continue
        if fmt is None:
            sys.stdout.write(default_format(path, st))
        else:
            f = fields(path, st)
            print(re.sub(r"%(.)", lambda m: f.get(m.group(1), m.group(0)), fmt))  # noqa: B023  (called at once)
    return status


if __name__ == "__main__":
    try:
        status = main()
        sys.stdout.flush()
    except OSError as e:          # standard output could not be written (a full disk)
        sys.stderr.write(f"stat: write error: {e.strerror}\n")
        os._exit(1)
    sys.exit(status)
