"""The machine's disk between sessions: its file tree, saved on the host as one tar file.

An interactive vshell keeps its machine's files as a computer keeps its disk:
the homes, /etc (passwords, groups), /root, /usr, /var -- everything but /tmp,
/run, /dev, /proc and host mounts, which every boot makes afresh.  The image
is a POSIX tar archive (pax format), because

  - the standard library reads and writes it (tarfile), and so does every
    tool a student or lecturer has (`tar tvf ~/.local/share/vshell/disk.tar`);
  - it holds what the tree holds: owners, groups, modes with set-uid and
    sticky bits, times to the nanosecond, symbolic and hard links, fifos;
  - it does not depend on vshell's classes, so a newer vshell reads it;
  - it is one file, so a new copy replaces the old one at once (rename).

Saving is write-new-then-rename: the image is written to a temporary file
beside it, flushed to the device (fsync), renamed over the old one, and the
directory is flushed too.  A session killed at any moment, or a power cut,
leaves either the old image or the new one, never half of one; at worst the
changes since the last save are lost.  The scheduler saves every few seconds
while anything changed (kernel/cpu.py's chores), and at the end of a session.

vshell's own files -- /bin's programs, the demos in every home, the corpus:
whatever the machine installs lazily from vshell's package -- are stored as a
reference ("the file `programs/demos/p1.py` of vshell"), not as their
contents, while nobody has changed them: so a new vshell's versions appear,
and a student's edited copy, saved in full, is never overwritten.  A file of
a new vshell that the old one did not have appears too; one the student
deleted stays deleted.  What a boot makes afresh (files made when read,
directories the kernel lists) is never saved.
"""
from __future__ import annotations

import io
import os
import stat as st
import tarfile

from kernel.fs import (DIRENT, Dir, DynamicDir, Fifo, File, Generated, HostDir, Inode, LazyFile,
                       NativeFile, Symlink)

import programs

FRESH_AT_BOOT = frozenset({"proc", "dev", "tmp", "run"})   # never saved: made at each boot
ROOT = os.path.dirname(programs.HERE)      # vshell's installation: its files are named from here
# vshell's notes go in pax's standard "comment" records, which every tar ignores:
SHIPPED = "vshell file: "           # a member's: this is vshell's own file, unchanged
KNOWN = "vshell disk 1; vshell's files: "   # the archive's: the files the saving vshell had


def default_path() -> str:
    """$XDG_DATA_HOME/vshell/disk.tar (~/.local/share/vshell/disk.tar)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return os.path.join(base, "vshell", "disk.tar")


def shown(path: str) -> str:
    """A host path as a person would type it: ~ for the home directory."""
    home = os.path.expanduser("~")
    if home not in ("", "/") and path.startswith(home + "/"):
        return "~" + path[len(home):]
    return path


class DiskError(Exception):
    """The disk cannot be used: one line for the user."""


def shipped_key(inode) -> str | None:
    """Which of vshell's own files inode is, while it is unchanged (else None)."""
    if inode.version != 0:
        return None
    if isinstance(inode, NativeFile):
        native = inode.native
        return f"native:{native.__module__}.{getattr(native, '__qualname__', '?')}"
    if isinstance(inode, LazyFile):
        rel = os.path.relpath(inode.host_path, ROOT)
        return None if rel.startswith("..") else rel
    return None


def shipped(k) -> dict[str, Inode]:
    """key -> inode of every one of vshell's own files in k's tree, unchanged."""
    out: dict[str, Inode] = {}
    for _, inode in saved_tree(k):
        key = shipped_key(inode) if inode.is_file else None
        if key is not None:
            out.setdefault(key, inode)
    return out


def saved_tree(k, made_at_boot: bool = False):
    """(path, inode) for every name the disk keeps, parents before children
    (made_at_boot: instead, what the machine makes afresh at each boot
    outside /proc, /dev, /tmp and /run -- a file whose contents are made when
    read, a directory listed by the kernel -- which is never saved)."""
    def walk(d: Dir, prefix: str):
        for name, inode in list(d.entries.items()):
            path = f"{prefix}/{name}"
            if (prefix == "" and name in FRESH_AT_BOOT) or isinstance(inode, HostDir):
                continue                       # (a host mount is the host's, not the disk's)
            boot_made = isinstance(inode, (DynamicDir, Generated)) or inode.is_dev
            if boot_made == made_at_boot:
                yield path, inode
            if isinstance(inode, Dir) and not boot_made:
                yield from walk(inode, path)
    yield from walk(k.fs.root, "")


def fingerprint(k) -> int:
    """Changes whenever anything the disk keeps changes (contents bump version)."""
    return hash(tuple((path, id(i), i.mode, i.uid, i.gid, i.version, i.mtime, i.atime, i.nlink)
                      for path, i in saved_tree(k)))


def image(k, known: set[str] | frozenset[str] = frozenset()) -> bytes:
    """The tar archive of the tree.  known: the keys of vshell's files that
    the machine booted with (those of them deleted since stay deleted)."""
    keys = sorted(set(known) | set(shipped(k)))
    buf = io.BytesIO()
    seen: dict[int, str] = {}                  # inodes already stored: hard links to them
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT,
                      pax_headers={"comment": KNOWN + " ".join(keys)}) as tar:
        for path, inode in saved_tree(k):
            info = tarfile.TarInfo(path.lstrip("/"))
            info.mode = st.S_IMODE(inode.mode)
            info.uid, info.gid = inode.uid, inode.gid
            info.mtime = inode.mtime
            info.pax_headers = {"atime": repr(inode.atime), "ctime": repr(inode.ctime)}
            data = None
            if id(inode) in seen and not inode.is_dir:
                info.type, info.linkname = tarfile.LNKTYPE, seen[id(inode)]
            elif inode.is_dir:
                info.type = tarfile.DIRTYPE
            elif inode.is_link:
                info.type, info.linkname = tarfile.SYMTYPE, inode.target
            elif inode.is_fifo:
                info.type = tarfile.FIFOTYPE
            else:
                key = shipped_key(inode)
                if key is not None:
                    info.pax_headers["comment"] = SHIPPED + key
                else:
                    data = bytes(inode.data)
                    info.size = len(data)
            seen.setdefault(id(inode), path.lstrip("/"))
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return buf.getvalue()


def write_atomically(path: str, data: bytes) -> None:
    """Replace path's contents with data so that, whatever happens, path holds
    either the old contents or the new: a new file, fsync, rename, fsync the directory."""
    folder = os.path.dirname(os.path.abspath(path))
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass                                   # (some file systems cannot sync a directory)


def restore(k, data: bytes) -> None:
    """Make k's tree the image's: vshell's files of this version where the image
    names them unchanged, the student's files as saved, new files of this
    version where the student has nothing of that name."""
    fs = k.fs
    try:
        tar = tarfile.open(fileobj=io.BytesIO(data), mode="r:")
        members = tar.getmembers()
    except (tarfile.TarError, EOFError, ValueError) as e:
        raise DiskError(f"not a vshell disk ({e})") from None
    note = tar.pax_headers.get("comment", "")
    known = set(note[len(KNOWN):].split()) if note.startswith(KNOWN) else set()
    fresh = [(path, inode, shipped_key(inode)) for path, inode in saved_tree(k)
             if inode.is_file and shipped_key(inode) is not None]
    by_key = shipped(k)
    made_at_boot = list(saved_tree(k, made_at_boot=True))
    for name in list(fs.root.entries):
        if name not in FRESH_AT_BOOT:
            del fs.root.entries[name]
    made: dict[str, Inode] = {"": fs.root}
    for m in members:
        path = m.name.strip("/")
        head, _, name = path.rpartition("/")
        parent = made.get(head)
        if not name or not isinstance(parent, Dir) or name in parent.entries:
            continue                           # (an archive not written by vshell)
        mode, uid, gid = m.mode & 0o7777, m.uid, m.gid
        if m.islnk():
            inode = made.get(m.linkname.strip("/"))
            if inode is None or isinstance(inode, Dir):
                continue
            inode.nlink += 1
        elif m.isdir():
            inode = Dir(fs, mode, uid, gid, parent)
        elif m.issym():
            inode = Symlink(fs, m.linkname, uid, gid)
        elif m.isfifo():
            inode = Fifo(fs, mode, uid, gid)
        elif m.isfile() and m.pax_headers.get("comment", "").startswith(SHIPPED):
            inode = shipped_copy(fs, by_key, m.pax_headers["comment"][len(SHIPPED):], mode, uid, gid)
            if inode is None:
                continue                       # vshell no longer has it, and nobody changed it
        elif m.isfile():
            stream = tar.extractfile(m)
            inode = File(fs, mode, uid, gid, stream.read() if stream else b"")
        else:
            continue
        if not m.islnk():
            inode.mtime = m.mtime
            inode.atime = float(m.pax_headers.get("atime", m.mtime))
            inode.ctime = float(m.pax_headers.get("ctime", m.mtime))
        parent.link(name, inode)
        made[path] = inode
    for path, inode, key in fresh:            # new in this vshell: where nothing has its name
        head, _, name = path.strip("/").rpartition("/")
        parent = made.get(head)
        if key not in known and isinstance(parent, Dir) and name not in parent.entries:
            parent.link(name, inode)
    for path, inode in made_at_boot:          # and what every boot makes, as it made it
        head, _, name = path.strip("/").rpartition("/")
        parent = made.get(head)
        if isinstance(parent, Dir) and name not in parent.entries:
            parent.link(name, inode)
    fs.paths.clear()
    fs.used = space_used(fs.root)


def shipped_copy(fs, by_key: dict, key: str, mode: int, uid: int, gid: int):
    """This vshell's version of one of its own files (None if it has none)."""
    inode = by_key.get(key)
    if inode is None:
        return None
    if isinstance(inode, NativeFile):         # (one of a kind: the fresh machine's own)
        inode.mode, inode.uid, inode.gid = st.S_IFREG | mode, uid, gid
        return inode
    return LazyFile(fs, inode.host_path, mode, uid, gid)


def space_used(root: Dir) -> int:
    """What the tree takes of the disk (kernel/fs.py's FileSystem.charge)."""
    used, seen = 0, set()
    stack = [root]
    while stack:
        d = stack.pop()
        for inode in d.entries.values():
            used += DIRENT
            if isinstance(inode, File) and id(inode) not in seen:
                seen.add(id(inode))
                used += inode.disk
            if isinstance(inode, Dir) and not isinstance(inode, (DynamicDir, HostDir)):
                stack.append(inode)
    return used


class Disk:
    """One machine's disk image on the host, kept by one session at a time."""

    def __init__(self, path: str) -> None:
        self.path = os.path.abspath(path)
        self.lock_fd: int | None = None
        self.saved: int | None = None          # the tree's fingerprint when last saved
        self.known: frozenset[str] = frozenset()   # vshell's files this machine booted with
        self.failed = False

    def open(self) -> bool:
        """Make the folder (the default one, private to the user) and take the
        lock.  False if another session has the disk: then nothing is saved."""
        folder = os.path.dirname(self.path)
        if not os.path.isdir(folder):
            try:
                os.makedirs(folder, 0o700, exist_ok=True)
            except OSError as e:
                raise DiskError(f"cannot make {shown(folder)}: {e.strerror}") from None
        import fcntl
        try:
            fd = os.open(self.path + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as e:
            raise DiskError(f"cannot use the disk {shown(self.path)}: {e.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self.lock_fd = fd
        self.sweep()
        return True

    def sweep(self) -> None:
        """Remove what a session killed while saving left: its half-written
        new image (the lock says no other session is writing one now)."""
        folder, name = os.path.split(self.path)
        for entry in os.listdir(folder):
            if entry.startswith(name + ".") and entry.endswith(".tmp"):
                try:
                    os.unlink(os.path.join(folder, entry))
                except OSError:
                    pass

    def load(self, k) -> bool:
        """Put the saved tree into k (False: there is none yet)."""
        self.known = frozenset(shipped(k))
        try:
            with open(self.path, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            return False
        except OSError as e:
            raise DiskError(f"cannot read the disk {shown(self.path)}: {e.strerror}") from None
        try:
            restore(k, data)
        except DiskError as e:
            raise DiskError(f"{shown(self.path)}: {e}") from None
        self.saved = fingerprint(k)
        return True

    def save(self, k, force: bool = False) -> str | None:
        """Save the tree if it changed; a one-line complaint if it cannot be saved."""
        if self.lock_fd is None:
            return None
        now = fingerprint(k)
        if now == self.saved and not force:
            return None
        try:
            write_atomically(self.path, image(k, self.known))
        except OSError as e:
            if self.failed:
                return None                    # said once is enough
            self.failed = True
            return f"vshell: cannot save the disk {shown(self.path)}: {e.strerror or e}"
        self.failed = False
        self.saved = now
        return None

    def close(self) -> None:
        if self.lock_fd is not None:
            os.close(self.lock_fd)
            self.lock_fd = None


def reset(path: str) -> None:
    """Remove the saved image (the next session boots a fresh machine)."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError as e:
        raise DiskError(f"cannot remove {shown(path)}: {e.strerror}") from None

