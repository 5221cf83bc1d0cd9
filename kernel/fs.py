"""The virtual file system: inodes, directories, path lookup, modes, mounts.

The tree lives in memory.  An inode carries an owner, a group, mode bits and
times; the kernel checks them on every lookup and open.  A host directory can
be mounted into the tree; only paths inside it reach the host, read-only
unless the mount says otherwise, and host symbolic links are shown as links
inside the virtual tree -- so no path, however written, escapes a mount.

The tree is the machine's disk, and it has a size (see FileSystem.charge):
writing past it fails with ENOSPC, as on a full disk.
"""
from __future__ import annotations

import os
import stat as st

from . import abi
from . import hostguard
from .abi import R_OK, W_OK, X_OK
from .errors import from_host, oserror, renamed

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Iterator

    from .proc import Proc

MAXSYMLINKS = 40
FS_SIZE = 64 << 20          # the disk's default size: see FileSystem.charge
DIRENT = 512                # what one name in a directory (and its inode) takes of it


class Inode:
    """A file's metadata; subclasses hold the contents."""
    generated = False                     # made when read (a Generated /proc file)

    def __init__(self, fs: "FileSystem", mode: int, uid: int = 0, gid: int = 0) -> None:
        self.fs = fs
        self.ino = fs.next_ino()
        self.mode = mode                  # type bits | permission bits
        self.uid = uid
        self.gid = gid
        self.nlink = 1
        self.atime = self.mtime = self.ctime = fs.now()
        self.version = 0                  # bumped on every change of contents
        self.opens = 0                    # open-file entries for it: its space stays while > 0

    is_dir = False
    is_link = False
    is_file = False
    is_dev = False
    is_fifo = False
    writable_fs = True

    @property
    def size(self) -> int:
        return 0

    def touch(self) -> None:
        self.mtime = self.ctime = self.fs.now()
        self.version += 1


class File(Inode):
    is_file = True

    def __init__(self, fs, mode=0o644, uid=0, gid=0, data: bytes = b"") -> None:
        super().__init__(fs, st.S_IFREG | mode, uid, gid)
        self._data = bytearray(data)
        self.disk = len(data)             # bytes of the disk it takes (see FileSystem.charge)
        fs.used += self.disk              # made by the kernel itself (boot): never refused

    @property
    def data(self) -> bytearray:
        return self._data

    @property
    def size(self) -> int:
        return len(self.data)

    def read_at(self, offset: int, n: int) -> bytes:
        return bytes(self.data[offset:offset + n])

    def write_at(self, offset: int, b: bytes) -> int:
        """Write b at offset; on a disk too full for all of it, as much as fits
        (a short write, as Linux does), and ENOSPC when nothing does."""
        if not b:
            return 0                        # nothing written: no hole filled either
        data = self.on_disk()
        grow = offset + len(b) - len(data)
        if grow > 0:
            if self.fs.quota is not None and self.fs.used + grow > self.fs.quota:
                self.fs.over_quota()            # the run's limit: the machine stops here
            room = self.fs.size - self.fs.used
            if grow > room:
                fits = len(b) - (grow - room)
                if fits <= 0:
                    raise oserror(abi.ENOSPC)
                b, grow = b[:fits], room
            self.fs.used += grow
            self.disk += grow
        if offset > len(data):
            data.extend(bytes(offset - len(data)))
        data[offset:offset + len(b)] = b
        self.touch()
        return len(b)

    def truncate(self, size: int) -> None:
        data = self.on_disk()
        self.fs.charge(size - len(data))           # zeros are stored: no sparse files
        self.disk = size
        if size < len(data):
            del data[size:]
        else:
            data.extend(bytes(size - len(data)))
        self.touch()

    def on_disk(self) -> bytearray:
        """The contents, counted on the disk from now on.  A file installed from
        the host (a program in /bin, a demo) is part of the machine's image and
        takes none until it is changed: reading a file takes no space."""
        data = self.data
        if self.disk != len(data):
            self.fs.used += len(data) - self.disk
            self.disk = len(data)
        return data


class LazyFile(File):
    """A file whose contents come from a host file the first time they are read
    (how programs are installed in /bin: loaded lazily, editable afterwards)."""

    def __init__(self, fs, host_path: str, mode=0o755, uid=0, gid=0) -> None:
        super().__init__(fs, mode, uid, gid)
        self.host_path = host_path
        self._loaded = False

    @property
    def data(self) -> bytearray:
        if not self._loaded:
            with open(self.host_path, "rb") as f:
                self._data = bytearray(f.read())
            self._loaded = True
        return self._data


class NativeFile(File):
    """A native program (the shell, init): exec runs a Python function of the host.

    Its contents are a short note saying so, so that `cat /bin/sh` is honest."""

    def __init__(self, fs, native: Callable, note: str, mode=0o755, uid=0, gid=0) -> None:
        super().__init__(fs, mode, uid, gid, f"#!native\n# {note}\n".encode())
        self.native = native


class Generated(File):
    """A read-only file whose contents are made when read (for /proc)."""

    def __init__(self, fs, make: Callable[[], bytes], mode=0o444, uid=0, gid=0) -> None:
        super().__init__(fs, mode, uid, gid)
        self.make = make

    generated = True

    @property
    def data(self) -> bytearray:
        return bytearray(self.make())

    def read_open(self, f, n: int) -> bytes:
        """read(2) through the open file f.  As Linux's seq_file does, the
        contents are made once, at a read from offset 0, and later reads take
        the rest of that copy: a file read in pieces is never two states of
        the process spliced together."""
        if f.snapshot is None or f.offset == 0:
            f.snapshot = self.make()
        data = f.snapshot[f.offset:f.offset + n]
        f.offset += len(data)
        return data

    def write_at(self, offset: int, b: bytes) -> int:
        raise oserror(abi.EACCES)


class Symlink(Inode):
    is_link = True

    def __init__(self, fs, target: str, uid=0, gid=0) -> None:
        super().__init__(fs, st.S_IFLNK | 0o777, uid, gid)
        self.target = target

    @property
    def size(self) -> int:
        return len(self.target)


class Device(Inode):
    """A character device; `dev` does the reading and writing."""
    is_dev = True

    def __init__(self, fs, dev, mode=0o666, uid=0, gid=0) -> None:
        super().__init__(fs, st.S_IFCHR | mode, uid, gid)
        self.dev = dev


class Fifo(Inode):
    """A named pipe (mkfifo): a name in the tree for a pipe that processes open
    by that name.  It holds no data; its opens share one pipe while any is open
    (kernel/files.py's open_fifo)."""
    is_fifo = True

    def __init__(self, fs, mode=0o644, uid=0, gid=0) -> None:
        super().__init__(fs, st.S_IFIFO | mode, uid, gid)
        self.pipe = None


class Dir(Inode):
    is_dir = True

    def __init__(self, fs, mode=0o755, uid=0, gid=0, parent: Dir | None = None) -> None:
        super().__init__(fs, st.S_IFDIR | mode, uid, gid)
        self.entries: dict[str, Inode] = {}
        self.parent = parent or self
        self.nlink = 2

    def lookup(self, name: str) -> Inode | None:
        return self.entries.get(name)

    def names(self) -> list[str]:
        return list(self.entries)

    def link(self, name: str, inode: Inode) -> None:
        """A new name (the caller made room for it: FileSystem.make_room)."""
        if not self.writable_fs:
            raise oserror(abi.EROFS)
        self.entries[name] = inode
        self.fs.used += DIRENT
        if isinstance(inode, Dir):
            inode.parent = self
            self.nlink += 1
            self.fs.paths.clear()             # (a directory moved: path_of's answers change)
        self.touch()

    def unlink(self, name: str) -> Inode:
        if not self.writable_fs:
            raise oserror(abi.EROFS)
        inode = self.entries.pop(name)
        self.fs.used -= DIRENT
        if isinstance(inode, Dir):
            self.nlink -= 1
            self.fs.paths.clear()
        self.touch()
        return inode

    def name_of(self, child: Inode) -> str | None:
        for name, inode in self.entries.items():
            if inode is child:
                return name
        return None


class LazyDir(Dir):
    """A directory whose names are known at once but whose inodes are made the
    first time its entries are wanted (the manual's pages: boot need not make
    150 inodes that most sessions never read).  The names count on the disk
    from the start, as any directory's do."""

    def __init__(self, fs, names: list[str], make: Callable[[str], Inode],
                 mode=0o755, uid=0, gid=0) -> None:
        self._names: list[str] | None = names
        self._make = make
        super().__init__(fs, mode, uid, gid)
        fs.used += DIRENT * len(names)

    @property
    def entries(self) -> dict[str, Inode]:
        if self._names is not None:
            names, self._names = self._names, None
            self._entries.update((name, self._make(name)) for name in names)
        return self._entries

    @entries.setter
    def entries(self, value: dict[str, Inode]) -> None:
        self._entries = value


class DynamicDir(Dir):
    """A directory whose entries are computed (the /proc directories)."""

    def __init__(self, fs, list_: Callable[[], dict[str, Inode]], mode=0o555, uid=0, gid=0) -> None:
        super().__init__(fs, mode, uid, gid)
        self.list_ = list_

    writable_fs = False

    def lookup(self, name: str) -> Inode | None:
        inode = self.list_().get(name)
        if isinstance(inode, Dir):
            inode.parent = self
        return inode

    def names(self) -> list[str]:
        return list(self.list_())

    def name_of(self, child: Inode) -> str | None:
        for name, inode in self.list_().items():
            if inode is child or getattr(inode, "key", None) == getattr(child, "key", 0):
                return name
        return None


# ---- host mounts --------------------------------------------------------------

class HostCalls:
    """`with host_calls:` around calls to the host.  Their errors come back in the
    machine's numbers (a host's ENOENT need not be 2, nor its words glibc's): a
    mount is the one door through which a host errno could enter the machine."""

    def __enter__(self) -> None:
        pass

    def __exit__(self, kind: object, e: BaseException | None, tb: object) -> None:
        if isinstance(e, OSError):
            raise from_host(e) from None


host_calls = HostCalls()


class HostFile(File):
    def __init__(self, fs, host_path: str, mount: "Mount") -> None:
        hs = os.lstat(host_path)
        super().__init__(fs, st.S_IMODE(hs.st_mode), mount.uid, mount.gid)
        self.host_path = host_path
        self.mount = mount
        self.mtime = self.ctime = self.atime = hs.st_mtime
        self.writable_fs = mount.writable

    @property
    def size(self) -> int:
        try:
            return os.stat(self.host_path).st_size
        except OSError:
            return 0

    @property
    def data(self) -> bytearray:
        with host_calls, open(self.host_path, "rb") as f:
            return bytearray(f.read())

    def read_at(self, offset: int, n: int) -> bytes:
        with host_calls:
            fd = os.open(self.host_path, os.O_RDONLY)
            try:
                return os.pread(fd, n, offset)
            finally:
                os.close(fd)

    def write_at(self, offset: int, b: bytes) -> int:
        if not self.mount.writable:
            raise oserror(abi.EROFS)
        with host_calls:
            fd = os.open(self.host_path, os.O_WRONLY)
            try:
                n = os.pwrite(fd, b, offset)
            finally:
                os.close(fd)
        self.touch()
        return n

    def truncate(self, size: int) -> None:
        if not self.mount.writable:
            raise oserror(abi.EROFS)
        with host_calls:
            os.truncate(self.host_path, size)
        self.touch()


class HostDir(Dir):
    """A directory of the host, seen through a mount."""

    def __init__(self, fs, host_path: str, mount: "Mount", parent: Dir | None = None) -> None:
        hs = os.lstat(host_path)
        super().__init__(fs, st.S_IMODE(hs.st_mode), mount.uid, mount.gid, parent)
        self.host_path = host_path
        self.mount = mount
        self.cache: dict[str, Inode] = {}
        self.writable_fs = mount.writable

    def lookup(self, name: str) -> Inode | None:
        path = os.path.join(self.host_path, name)
        try:
            hs = os.lstat(path)
        except OSError:
            self.cache.pop(name, None)
            return None
        inode = self.cache.get(name)
        kind = st.S_IFMT(hs.st_mode)
        if inode is not None and st.S_IFMT(inode.mode) == kind:
            return inode
        with host_calls:
            if st.S_ISDIR(hs.st_mode):
                inode = HostDir(self.fs, path, self.mount, self)
            elif st.S_ISREG(hs.st_mode):
                inode = HostFile(self.fs, path, self.mount)
            elif st.S_ISLNK(hs.st_mode):
                # resolved inside the virtual tree, never on the host
                inode = Symlink(self.fs, os.readlink(path), self.mount.uid, self.mount.gid)
            else:
                return None
        self.cache[name] = inode
        return inode

    def names(self) -> list[str]:
        try:
            return sorted(os.listdir(self.host_path))
        except OSError:
            return []

    @property
    def entries(self) -> dict[str, Inode]:
        return {n: i for n in self.names() if (i := self.lookup(n)) is not None}

    @entries.setter
    def entries(self, value) -> None:
        pass

    def name_of(self, child: Inode) -> str | None:
        for name, inode in self.cache.items():
            if inode is child:
                return name
        return None

    def create_file(self, name: str) -> Inode:
        if not self.mount.writable:
            raise oserror(abi.EROFS)
        with host_calls:
            os.close(os.open(os.path.join(self.host_path, name), os.O_CREAT | os.O_EXCL | os.O_WRONLY,
                             0o644))
        return self._made(name)

    def create_dir(self, name: str) -> Inode:
        if not self.mount.writable:
            raise oserror(abi.EROFS)
        with host_calls:
            os.mkdir(os.path.join(self.host_path, name))
        return self._made(name)

    def _made(self, name: str) -> Inode:
        """The inode of a name just made on the host."""
        inode = self.lookup(name)
        if inode is None:                   # (the host took it away at once)
            raise oserror(abi.ENOENT)
        return inode

    def link(self, name: str, inode: Inode) -> None:
        raise oserror(abi.EROFS if not self.mount.writable else abi.EXDEV)

    def unlink(self, name: str) -> Inode:
        if not self.mount.writable:
            raise oserror(abi.EROFS)
        inode = self.lookup(name)
        if inode is None:
            raise oserror(abi.ENOENT)
        path = os.path.join(self.host_path, name)
        with host_calls:
            if inode.is_dir:
                os.rmdir(path)
            else:
                os.unlink(path)
        self.cache.pop(name, None)
        return inode


class Mount:
    def __init__(self, host_path: str, vpath: str, writable: bool, uid: int, gid: int) -> None:
        self.host_path = os.path.realpath(host_path)
        self.vpath = vpath
        self.writable = writable
        self.uid = uid
        self.gid = gid


# ---- the tree and its lookups -------------------------------------------------

class FileSystem:
    def __init__(self, now: Callable[[], float], size: int = FS_SIZE) -> None:
        self.now = now
        self.size = size                  # bytes the disk holds
        self.used = 0
        # --max-fs-bytes (kernel/runlimits.py): past `quota` bytes used, over_quota
        # stops the machine -- the harness's limit, where a full disk is the program's ENOSPC
        self.quota: int | None = None
        self.over_quota: Callable[[], None] = lambda: None
        self._ino = 0
        self.paths: dict[Dir, str] = {}   # path_of's answers, while no directory moves
        self.root = Dir(self, 0o755)
        self.mounts: list[Mount] = []

    def next_ino(self) -> int:
        self._ino += 1
        return self._ino

    # -- the disk's size --
    # The tree lives in the host's memory, so the disk has a size, as a real one
    # does: without it a runaway `yes > f` would take the host's memory down.
    # What counts is the contents of regular files (those installed from the
    # host, /bin's programs and the demos, once they are changed: File.on_disk)
    # and DIRENT bytes for each name, so that a million empty files fill the
    # disk too.  Files on a host mount are the host's and do not count.

    def charge(self, n: int) -> None:
        """Take n more bytes of the disk (give back, if n < 0), or fail with ENOSPC."""
        if n > 0 and self.quota is not None and self.used + n > self.quota:
            self.over_quota()
        if n > 0 and self.used + n > self.size:
            raise oserror(abi.ENOSPC)
        self.used += n

    def make_room(self, path: object = None, path2: object = None) -> None:
        """Before a new name is linked: is there room for it?"""
        if self.quota is not None and self.used + DIRENT > self.quota:
            self.over_quota()
        if self.used + DIRENT > self.size:
            raise oserror(abi.ENOSPC, path, path2)

    def unlinked(self, inode: Inode) -> None:
        """A name of inode is gone.  A file's contents go when its last name has
        gone and the last open of it is closed -- so a program may go on using
        a file it has deleted, and the space comes back when it closes it."""
        if inode.nlink <= 0 and inode.opens == 0 and isinstance(inode, File):
            # (a running program's own file stays readable for its tracebacks)
            self.used -= inode.disk
            inode.disk = 0

    # -- permission checks --

    @staticmethod
    def permits(p: "Proc", inode: Inode, want: int) -> bool:
        """May p (its effective ids) read/write/execute inode?  Root may do all
        but execute a file with no x bit at all."""
        mode = inode.mode
        if p.euid == 0:
            return not (want & X_OK) or inode.is_dir or bool(mode & 0o111)
        if p.euid == inode.uid:
            bits = (mode >> 6) & 7
        elif p.egid == inode.gid:
            bits = (mode >> 3) & 7
        else:
            bits = mode & 7
        return bits & want == want

    def may_link(self, p: "Proc", inode: Inode) -> bool:
        """Linux's protected_hardlinks: a user may hard-link a file they do not own
        only if it is a plain file (not set-user-ID, not set-group-ID executable)
        that they may read and write -- else a link to /bin/su in their home
        would keep a set-user-ID program they chose where they choose."""
        if p.euid == 0 or p.euid == inode.uid:
            return True
        mode = inode.mode
        if not inode.is_file or mode & st.S_ISUID or mode & (st.S_ISGID | st.S_IXGRP) == (
                st.S_ISGID | st.S_IXGRP):
            return False
        return self.permits(p, inode, R_OK | W_OK)

    def check(self, p: "Proc", inode: Inode, want: int, path: object = None) -> None:
        if not self.permits(p, inode, want):
            raise oserror(abi.EACCES, path)

    # -- lookup --

    def walk(self, p: "Proc", path: str, follow: bool = True, depth: int = 0,
             start: Dir | None = None) -> Inode:
        """Resolve path to an inode (namei), following links and checking search rights."""
        if path == "":
            raise oserror(abi.ENOENT, path)
        cur: Inode = self.root if path.startswith("/") else (start or p.cwd)
        parts = [c for c in path.split("/") if c and c != "."]
        for i, name in enumerate(parts):
            if not isinstance(cur, Dir):
                raise oserror(abi.ENOTDIR, path)
            if cur.mode & 0o111 != 0o111 and not self.permits(p, cur, X_OK):   # (x for all: anyone)
                raise oserror(abi.EACCES, path)
            if name == "..":
                cur = cur.parent
                continue
            nxt = cur.lookup(name)
            if nxt is None:
                raise oserror(abi.ENOENT, path)
            if isinstance(nxt, Symlink) and (follow or i < len(parts) - 1):
                if depth >= MAXSYMLINKS:
                    raise oserror(abi.ELOOP, path)
                try:
                    nxt = self.walk(p, nxt.target, True, depth + 1, start=cur)
                except OSError as e:        # the error names the path asked for
                    raise renamed(e, path) from None
            cur = nxt
        if path.endswith("/") and not cur.is_dir:
            raise oserror(abi.ENOTDIR, path)
        return cur

    def walk_parent(self, p: "Proc", path: str, start: Dir | None = None) -> tuple[Dir, str]:
        """The directory that holds path's last component, and that component
        (a relative path starts from start, by default the cwd)."""
        stripped = path.rstrip("/")
        if stripped == "":
            if path:
                return self.root, "."
            raise oserror(abi.ENOENT, path)
        head, _, name = stripped.rpartition("/")
        if not _:
            parent = start or p.cwd
        else:
            try:
                parent = self.walk(p, head or "/", start=start)
            except OSError as e:            # the error names the path asked for
                raise renamed(e, path) from None
        if not parent.is_dir:
            raise oserror(abi.ENOTDIR, path)
        if parent.mode & 0o111 != 0o111 and not self.permits(p, parent, X_OK):
            raise oserror(abi.EACCES, path)
        if parent.nlink == 0 and name not in (".", ".."):
            raise oserror(abi.ENOENT, path)         # a removed directory (someone's cwd)
        return parent, name

    def path_of(self, d: Dir) -> str:
        """The absolute path of a directory (what getcwd reports).  Kept for a
        directory of the machine's own tree until a directory is linked or
        unlinked somewhere (mkdir, rmdir, rename, mount): every exec asks it."""
        path = self.paths.get(d)
        if path is not None:
            return path
        parts = []
        start, own = d, True
        while d is not self.root:
            parent = d.parent
            if parent is d:
                break
            own = own and type(d) is Dir     # (the host's and /proc's change behind our back)
            name = parent.name_of(d)
            if name is None:
                raise oserror(abi.ENOENT)
            parts.append(name)
            d = parent
        path = "/" + "/".join(reversed(parts))
        if own:
            self.paths[start] = path
        return path

    # -- building the tree (used at boot; no permission checks) --

    def mkdirs(self, path: str, mode: int = 0o755, uid: int = 0, gid: int = 0) -> Dir:
        cur = self.root
        for name in [c for c in path.split("/") if c]:
            nxt = cur.lookup(name)
            if nxt is None:
                nxt = Dir(self, mode, uid, gid, cur)
                cur.link(name, nxt)
            elif not isinstance(nxt, Dir):
                raise oserror(abi.ENOTDIR, path)
            cur = nxt
        return cur

    def install(self, path: str, inode: Inode) -> Inode:
        head, _, name = path.rstrip("/").rpartition("/")
        self.mkdirs(head).link(name, inode)
        return inode

    def write_file(self, path: str, data: bytes | str, mode: int = 0o644,
                   uid: int = 0, gid: int = 0) -> File:
        if isinstance(data, str):
            data = data.encode()
        return self.install(path, File(self, mode, uid, gid, data))    # type: ignore[return-value]

    def mount(self, host_path: str, vpath: str, writable: bool = False,
              uid: int = 0, gid: int = 0) -> Mount:
        """A host directory at vpath -- or a single host file (a bind mount of a
        file, as Linux has them): a grader hands in one submission without the
        folder around it."""
        is_file = os.path.isfile(host_path)
        if not is_file and not os.path.isdir(host_path):
            raise oserror(abi.ENOTDIR, host_path)
        head, _, name = vpath.rstrip("/").rpartition("/")
        if not name:
            raise oserror(abi.EBUSY, vpath)              # the root stays
        parent = self.mkdirs(head)
        old = parent.lookup(name)
        if old is not None and isinstance(old, Dir) == is_file:
            # a directory is mounted on a directory, a file on a file (or a new name)
            raise oserror(abi.EISDIR if is_file else abi.ENOTDIR, vpath)
        m = Mount(host_path, vpath, writable, uid, gid)
        hostguard.allow_mount(m.host_path, writable)     # the host guard lets programs reach it
        parent.entries[name] = HostFile(self, m.host_path, m) if is_file else \
            HostDir(self, m.host_path, m, parent)
        self.paths.clear()
        self.mounts.append(m)
        return m

    def iter_tree(self, d: Dir | None = None) -> Iterator[Inode]:
        d = d or self.root
        for inode in list(d.entries.values()):
            yield inode
            if isinstance(inode, Dir) and not isinstance(inode, (DynamicDir, HostDir)):
                yield from self.iter_tree(inode)


BLOCK = 4096


def stat_result(inode: Inode, dev: int = 1) -> os.stat_result:
    size = inode.size if not inode.is_dir else BLOCK
    blocks = -(-size // BLOCK) * (BLOCK // 512)
    return os.stat_result((inode.mode, inode.ino, dev, inode.nlink, inode.uid, inode.gid,
                           size, int(inode.atime), int(inode.mtime), int(inode.ctime),
                           inode.atime, inode.mtime, inode.ctime,
                           int(inode.atime * 1e9), int(inode.mtime * 1e9), int(inode.ctime * 1e9),
                           BLOCK, blocks, 0))
