"""exec's loader: from a file in the virtual file system to a running program.

vshell's executable format is Python source behind a `#!` line naming python
(as ELF is Linux's).  `#!` naming anything else runs that interpreter with the
script as its argument, as the kernel does on Unix; a file with no `#!` line
cannot be exec'd (ENOEXEC) -- the shell then runs it as a shell script.  A few
programs (the shell, init) are native: their inode holds a Python function.

Programs are compiled lazily, once per content, on their first exec, with
ticks added (kernel/ticks.py): preemption points in loops and calls when the
machine is seeded, and the checks that keep a dying process's handlers from
running, always.
"""
from __future__ import annotations

import posixpath
import stat as st

from . import abi
from . import trace as ev
from .errors import oserror
from .fs import X_OK
from .proc import Image, Proc
from .replay import Record
from .libpy.runtime import Runtime, host_module   # imported now, never halfway inside a process
from .libpy.pyconfig import shebang_options
from .libpy.sys import interpreter_words

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from .kernel import Kernel

PYTHONS = frozenset({"python", "python3"})
PYTHON = ["python"]          # a #! line naming python: the file is a Python program
MAX_INTERPRETERS = 4
MAX_LINKS = 40


class Loader:
    def __init__(self, k: "Kernel") -> None:
        self.k = k
        self.code_cache: dict[tuple, Any] = {}       # (ino, version, path, ticks) -> code
        self.source_cache: dict[tuple, Any] = {}     # (content, ticks) -> code (same text, other file)
        self.shebangs: dict[tuple, list[str] | None] = {}   # (ino, version) -> #! words
        self.options: dict[tuple, tuple] = {}       # (ino, version) -> python3's #! options

    # ---- in the exec system call (kernel mode) ------------------------------------------

    def load(self, p: Proc, path: str, argv: list[str], env: dict[str, str],
             depth: int = 0) -> Image:
        fs = self.k.fs
        folder, inode = self.find(p, path)
        if not inode.is_file or not fs.permits(p, inode, X_OK):
            raise oserror(abi.EACCES, path)
        native = getattr(inode, "native", None)
        if native is not None:
            return Image(path, argv, env, native=native)
        words = self.shebang(inode)
        if not words:
            raise oserror(abi.ENOEXEC, path)
        if words is PYTHON:                          # our executable format
            filename, directory = self.whereabouts(p, path, folder)
            return Image(path, argv, env, inode=inode, filename=filename, directory=directory,
                         options=self.python_options(inode))
        interp, opt = words[0], words[1:]
        if depth >= MAX_INTERPRETERS:
            raise oserror(abi.ELOOP, path)
        return self.load(p, interp, [interp] + opt + [path] + argv[1:], env, depth + 1)

    def find(self, p: Proc, path: str) -> tuple[Any, Any]:
        """The file path names (fs.walk), and the directory it is in if path's last
        component names it directly, not through a link (else None)."""
        fs = self.k.fs
        head, _, name = path.rpartition("/")
        if name not in ("", ".", ".."):            # (else only walk says what path is)
            folder, name = fs.walk_parent(p, path)
            inode = folder.lookup(name)
            if inode is not None and not inode.is_link:
                return folder, inode                # what walk finds, by the same steps
        return None, fs.walk(p, path)

    def whereabouts(self, p: Proc, path: str, folder=None) -> tuple[str, str]:
        """A script's absolute path, as CPython makes __file__ (the cwd joined, not
        normalised), and the directory it really is in, links resolved (sys.path[0]):
        folder, if the caller has found it."""
        fs = self.k.fs
        filename = path if path.startswith("/") else posixpath.join(fs.path_of(p.cwd), path)
        if folder is not None:
            return filename, fs.path_of(folder)
        for _ in range(MAX_LINKS):
            folder, name = fs.walk_parent(p, path)
            node = folder.lookup(name)
            if node is None or not node.is_link:
                break
            path = posixpath.join(fs.path_of(folder), node.target)
        return filename, fs.path_of(folder)

    def shebang(self, inode) -> list[str] | None:
        """The words of a file's #! line (PYTHON if it names python; None without
        one), read once per content."""
        key = (inode.ino, inode.version)
        if key in self.shebangs:
            return self.shebangs[key]
        head = inode.read_at(0, 256)
        words = (head[2:].split(b"\n", 1)[0].decode(errors="replace").split(None, 1)
                 if head.startswith(b"#!") else None)
        if words:
            name = posixpath.basename(words[0])
            opt = words[1:]
            if name in PYTHONS or (name == "env" and opt and opt[0].split()[0] in PYTHONS):
                words = PYTHON
        self.shebangs[key] = words
        return words

    def python_options(self, inode) -> tuple[tuple[str, str | None], ...]:
        """The options a script's #! line gives python3 (`#!/usr/bin/python3 -u`),
        read once per content."""
        key = (inode.ino, inode.version)
        options = self.options.get(key)
        if options is None:
            options = self.options[key] = shebang_options(interpreter_words(inode)[1:])
        return options

    def commit(self, p: Proc, image: Image) -> None:
        """The point of no return: the old program is gone, the new one set up."""
        k = self.k
        p.fds.close_on_exec(k)
        p.sig.exec_reset()
        slots = p.fds.slots                     # (python3 makes no sys.stdin... for these)
        image.std_closed = tuple(fd for fd in (0, 1, 2) if fd >= len(slots) or slots[fd] is None)
        inode = image.inode
        if inode is not None:
            set_ids(p, inode)
        p.suid, p.sgid = p.euid, p.egid         # exec saves the effective ids
        if p.euid != p.uid or p.egid != p.gid:
            image.secure = True
            image.env = secure_environ(image.env)
        p.argv = image.argv
        p.env = image.env
        p.image = image
        p.native = image.native is not None
        p.record = None if p.native else Record()
        p.replay = None
        p.compute_ticks = 0
        p.execed = True
        if k.trace.active:
            k.trace.emit(ev.Exec(p.pid, image.path, list(image.argv)))

    # ---- on the process's context, in user space -----------------------------------------

    def run(self, p: Proc, image: Image) -> int:
        """Start image's program in p (after exec, or replaying after fork)."""
        old = p.runtime
        rt = Runtime(self.k, p, image.argv, image.env)
        rt.image = image
        if old is not None:
            old.release()           # the program exec replaced: its memory goes at once
        if image.native is not None:
            return image.native(rt)
        try:
            code = image.code if image.code is not None else self.compile(p, image, optimized(rt))
            if isinstance(code, SyntaxError):       # python SCRIPT, with a syntax error
                raise code
        except SyntaxError as e:
            rt.report(e)
            return 1
        return rt.run_python(image, code)

    def run_native(self, p: Proc, fn: Callable[[Any], int]) -> int:
        rt = Runtime(self.k, p, p.argv, p.env)
        return fn(rt)

    def run_clone(self, p: Proc, fn: Callable[[Any], int], parent_rt) -> int:
        """A clone's child: fn runs on a fresh copy of the parent's runtime."""
        rt = Runtime(self.k, p, parent_rt.argv if parent_rt else p.argv,
                     parent_rt.environ if parent_rt else p.env, parent_rt)
        return fn(rt)

    def compile(self, p: Proc, image: Image, optimize: int = 0):
        inode = image.inode
        key = (inode.ino, inode.version, image.filename, self.k.cpu.deterministic, optimize)
        code = self.code_cache.get(key)
        if code is None:
            code = self.compile_source(bytes(inode.data), image.filename, optimize)
            self.code_cache[key] = code
            cached = False
        else:
            cached = True
        if self.k.trace.active:
            self.k.trace.emit(ev.Load(p.pid, image.path, cached))
        return code

    def compile_source(self, source: bytes | str, path: str, optimize: int = 0):
        """A program's code object, with its ticks (preemption points only when
        the machine is seeded: they cost a tight loop about half its speed);
        optimize is python -O's (asserts and `if __debug__:` left out)."""
        preemption = self.k.cpu.deterministic
        key = (source, preemption, optimize)
        code = self.source_cache.get(key)
        if code is None or code.co_filename != path:
            ticks = host_module("kernel.ticks")           # with ast: loaded on first use
            # Loading is kernel work: no timer interrupt may switch to another
            # process halfway through (CPython's AST conversion checks that its
            # recursion depth is the same at its end as at its start).
            p = self.k.cpu.current
            if p is not None:
                p.in_kernel += 1
            try:
                tree = compile(source, path, "exec", ticks.ONLY_AST, dont_inherit=True)
                code = compile(ticks.instrument(tree, preemption), path, "exec",
                               dont_inherit=True, optimize=optimize)
            finally:
                if p is not None:
                    p.in_kernel -= 1
            self.source_cache[key] = code
        return code


def optimized(rt) -> int:
    """python -O's level for the program rt runs (PYTHONOPTIMIZE, or a #! line's -O)."""
    image = rt.image
    if not image.options and "PYTHONOPTIMIZE" not in image.env:
        return 0                    # (the common case, without making a Config)
    return rt.config.flags.optimize


# ---- set-user-ID programs --------------------------------------------------------------------
# A program whose file is set-user-ID (su, passwd) runs with its owner's
# effective uid; set-group-ID, with its group's gid.  As on Linux, such a
# program runs in secure-execution mode (AT_SECURE): it imports modules only
# from the standard library and /bin, never from the directory it was run from
# (a link to /bin/su in a student's home must not import the student's
# hashlib.py as root), and its environment loses what would steer it: PYTHON*
# (PYTHONPATH, PYTHONSTARTUP...) and the variables glibc drops in that mode.

UNSECURE_ENVVARS = frozenset("""GCONV_PATH GETCONF_DIR GLIBC_TUNABLES HOSTALIASES LD_AUDIT
LD_DEBUG LD_DEBUG_OUTPUT LD_DYNAMIC_WEAK LD_HWCAP_MASK LD_LIBRARY_PATH LD_ORIGIN_PATH LD_PRELOAD
LD_PROFILE LD_SHOW_AUXV LD_USE_LOAD_BIAS LOCALDOMAIN LOCPATH MALLOC_TRACE NIS_PATH NLSPATH
RESOLV_HOST_CONF RES_OPTIONS TMPDIR TZDIR""".split())     # glibc's sysdeps/generic/unsecvars.h


def set_ids(p: Proc, inode) -> None:
    """exec of a set-user-ID or set-group-ID file changes the effective ids."""
    if inode.mode & st.S_ISUID:
        p.euid = inode.uid
    if inode.mode & st.S_ISGID and inode.mode & st.S_IXGRP:   # without g+x it means locking
        p.egid = inode.gid


def secure_environ(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items()
            if not k.startswith("PYTHON") and k not in UNSECURE_ENVVARS}
