"""Booting a vshell machine: the kernel, /bin, the users' homes, init, the login shell."""
from __future__ import annotations

import os
import posixpath
import sys
from kernel import Kernel
from kernel import trace as ev
from kernel.abi import WEXITSTATUS, WIFSIGNALED, WTERMSIG
from kernel.cpu import add_viewer_dir
from kernel.kernel import reap_all, reap_until
from vshell import __version__
from kernel.runlimits import RunLimits
from kernel.fs import LazyDir, LazyFile, NativeFile, Symlink
from kernel.users import ACCOUNTS
import programs

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

# The shell and the viewers run on processes' stacks (the shell is a process's
# program; step mode waits for a key on the stepped one's): none of it is the
# program a backtrace or /proc/PID/stack shows.
add_viewer_dir(os.path.dirname(os.path.abspath(__file__)))


class Options:
    """How to build and boot the machine (the command line's kernel options)."""
    __slots__ = ("seed", "virtual_time", "user", "mounts", "policy", "quantum", "fork_first",
                 "fs_size", "disk", "limits")

    def __init__(self, seed: int | None = None, virtual_time: bool = False, user: str = "student",
                 mounts: list[str] | None = None, policy: str = "rr", quantum: int = 10,
                 fork_first: str = "random", fs_size: int | None = None, disk=None,
                 limits: dict | None = None) -> None:
        self.seed = seed
        self.virtual_time = virtual_time
        self.user = user
        self.mounts = [] if mounts is None else mounts     # HOSTDIR:VPATH[:rw]
        self.policy = policy
        self.quantum = quantum
        self.fork_first = fork_first
        self.fs_size = fs_size                              # None: the kernel's default
        self.disk = disk                    # a vshell.disk.Disk to load and keep, or None: fresh
        self.limits = limits or {}                          # RunLimits' arguments: --max-*


def account(name: str):
    for a in ACCOUNTS:
        if a.name == name:
            return a
    raise ValueError(f"no such user: {name} (users: {', '.join(a.name for a in ACCOUNTS)})")


def make_machine(opts: Options, console) -> Kernel:
    size = {"fs_size": opts.fs_size} if opts.fs_size is not None else {}
    k = Kernel(seed=opts.seed, virtual_time=opts.virtual_time, console=console,
               policy=opts.policy, quantum=opts.quantum, fork_first=opts.fork_first,
               run_limits=RunLimits(**opts.limits), **size)
    fs = k.fs
    for name, host_path in programs.installable().items():
        mode = 0o4755 if name in SETUID_PROGRAMS else 0o755
        fs.install(f"/bin/{name}", LazyFile(fs, host_path, mode=mode))
    for name, host_path in programs.homework().items():
        fs.install(f"/bin/{name}", LazyFile(fs, host_path, mode=0o755))
    for name, host_path in programs.libraries().items():
        fs.install(f"/bin/{name}", LazyFile(fs, host_path, mode=0o644))
    install_demos(k)
    install_manual(k)
    from vshell.shell import main as shell_main
    fs.install("/bin/sh", NativeFile(fs, shell_main, "the vshell shell (native code: vshell/shell.py)"))
    fs.install("/bin/edit", NativeFile(fs, edit_main, "the editor (native code: vshell/editor.py)"))
    fs.install("/bin/nano", Symlink(fs, "edit"))
    for name in ("vi", "vim"):
        fs.install(f"/bin/{name}", NativeFile(fs, vi_main, "points to edit (vshell/editor.py)"))
    for link in ("/bin/python3", "/usr/bin/python3", "/usr/bin/python"):   # sys.executable runs
        fs.install(link, Symlink(fs, "/bin/python"))
    fs.install("/usr/bin/env", Symlink(fs, "/bin/env"))     # what #!/usr/bin/env lines name
    if opts.disk is not None:                # the saved tree replaces the fresh one
        opts.disk.load(k)
    user = account(opts.user)
    for spec in opts.mounts:
        mount(k, spec, user)
    return k


def edit_main(rt) -> int:
    """The editor, loaded when first run (prompt_toolkit costs start-up)."""
    from kernel.libpy.runtime import host_module
    return host_module("vshell.edit").main(rt)


def vi_main(rt) -> int:
    from kernel.libpy.runtime import host_module
    return host_module("vshell.edit").vi(rt)


SETUID_PROGRAMS = frozenset({"su", "login", "passwd", "sudo"})     # they must read /etc/shadow


def install_demos(k: Kernel) -> None:
    """Pristine copies in /usr/share/vshell, and a working copy in every home.

    The demos are programs (mode 755), the corpus is text (644).  Each copy is
    read from the host the first time it is used, so booting reads none."""
    fs = k.fs
    for kind, files, mode in (("demos", programs.demos(), 0o755), ("homework", programs.homework(), 0o755),
                              ("corpus", programs.corpus(), 0o644)):
        places = [(fs.mkdirs(f"/usr/share/vshell/{kind}"), 0, 0)]
        places += [(fs.mkdirs(a.home), a.uid, a.gid) for a in ACCOUNTS[1:]]
        for name, host_path in files.items():
            for folder, uid, gid in places:
                folder.link(name, LazyFile(fs, host_path, mode=mode, uid=uid, gid=gid))


def install_manual(k: Kernel) -> None:
    """The manual pages, in /usr/share/man/manN; each page's inode is made when
    its directory is first looked at, and read from the host when first read
    (start-up is budgeted)."""
    fs = k.fs
    share = fs.mkdirs("/usr/share/man")
    for section in ("man1", "man2", "man7"):
        folder = programs.manual_folder(section) + "/"

        def page(name: str, folder: str = folder) -> LazyFile:
            return LazyFile(fs, folder + name, mode=0o644)
        share.link(section, LazyDir(fs, programs.manpage_names(section), page))


def mount(k: Kernel, spec: str, user) -> None:
    """HOST:VPATH[:rw] -- a host directory, or a single file; read-only unless :rw."""
    parts = spec.split(":")
    if len(parts) not in (2, 3) or (len(parts) == 3 and parts[2] not in ("rw", "ro")):
        raise ValueError(f"bad mount {spec!r}: use HOST:VPATH[:rw]")
    host, vpath = parts[0], parts[1]
    if not vpath.startswith("/"):
        raise ValueError(f"bad mount {spec!r}: the virtual path must be absolute")
    if not os.path.isdir(host) and not os.path.isfile(host):
        raise ValueError(f"cannot mount {host}: " + (
            "no such file or directory" if not os.path.exists(host) else
            "not a directory or a regular file"))
    vpath = "/" + posixpath.normpath(vpath).lstrip("/")
    if vpath in SYSTEM_DIRS:
        raise ValueError(f"cannot mount on {vpath}: the machine needs it")
    try:
        k.fs.mount(host, vpath, writable=len(parts) == 3 and parts[2] == "rw", uid=user.uid, gid=user.gid)
    except OSError as e:
        raise ValueError(f"cannot mount on {vpath}: {e.strerror}") from None


SYSTEM_DIRS = frozenset({"/", "/bin", "/dev", "/etc", "/proc"})    # not to be hidden by a mount


def boot(k: Kernel, opts: Options, shell_argv: list[str], env_extra: dict | None = None,
         trace: list[str] | None = None, trace_file: str | None = None,
         file_kinds: list[str] | None = None,
         watch: Callable[[Kernel], None] | None = None) -> int:
    """Run init (pid 1), which runs the login shell; return the shell's exit status.
    trace: the kinds of event shown on the screen (None: none; []: all);
    file_kinds: those written to trace_file ([]: all; None: trace's);
    watch: called once init exists, before it runs (--web starts recording)."""
    user = account(opts.user)
    result = {"status": 0}

    def init(rt) -> int:
        os_ = rt.os
        env = {"HOME": user.home, "USER": user.name, "LOGNAME": user.name,
               "PATH": "/bin:/usr/bin", "SHELL": "/bin/sh", "PWD": user.home, "TERM": "dumb",
               **(env_extra or {})}

        def login(child) -> int:
            cos = child.os
            cos.setsid()                  # as login does: the shell leads a session of its
            fcntl, termios = child.module("fcntl"), child.module("termios")   # own, whose
            fcntl.ioctl(0, termios.TIOCSCTTY, 1)    # controlling terminal is the console
            cos.setgid(user.gid)
            cos.setuid(user.uid)
            cos.chdir(user.home)
            try:
                cos.execve("/bin/sh", shell_argv, env)
            except OSError as e:          # /bin/sh deleted or broken by an rc file, say
                cos.write(2, f"vshell: cannot start /bin/sh: {e.strerror}\n".encode())
            return 127
        status = reap_until(os_, rt.clone(login))
        if status is not None:
            result["status"] = status
        if not getattr(k.tty.console, "interactive", False):
            reap_all(os_)                 # a scripted run: orphans finish their work
        return 0                          # (the user logged out: the machine powers off)

    colour = k.tty.console.isatty(2)
    if trace is not None:
        from vshell.tracer import TraceControl
        TraceControl(k, colour).start(trace or ["syscalls", "sched", "signals", "proc"])
    else:
        def first_request(text: str, pid: int) -> None:
            """The viewers are loaded when a program first asks for one (start-up)."""
            from vshell.tracer import TraceControl
            TraceControl(k, colour).request(text, pid)
        k.trace.on_request = first_request
    json_trace = None
    if trace_file:
        from vshell.tracefile import JsonTrace
        from vshell.tracer import KINDS
        if file_kinds is None:
            file_kinds = trace
        chosen = file_kinds or list(KINDS)
        kinds = None if not file_kinds else tuple(t for name in file_kinds for t in KINDS[name]) + (
            ev.Deadlock, ev.LimitHit)
        header = {"vshell": __version__, "seed": opts.seed, "virtual_time": opts.virtual_time,
                  "policy": opts.policy, "quantum": opts.quantum, "fork_first": opts.fork_first,
                  "user": opts.user, "fs_size": k.fs.size, "mounts": opts.mounts, "argv": shell_argv,
                  "limits": {name: value for name, value in opts.limits.items() if value is not None},
                  "kinds": chosen}
        try:
            json_trace = JsonTrace(k, trace_file, header, kinds)
        except OSError as e:
            raise ValueError(f"--trace-file: cannot write {trace_file}: {e.strerror}") from None
    if k.tty.console.isatty(0) and k.tty.console.isatty(1):
        # The editor (vshell/editor.py) runs prompt_toolkit on asyncio, which loads
        # _posixsubprocess; a process may not load it, so the host does, here, and
        # the host guard seals it when the machine starts (0.1 ms, on terminals only).
        import _posixsubprocess  # noqa: F401
    k.spawn(init, argv=["init"])
    if watch is not None:
        watch(k)
    attach = getattr(k.tty.console, "attach_signals", None)     # a host terminal's
    if attach is not None and getattr(k.tty.console, "interactive", False):
        attach(k.cpu.post_host_signal)
    run = getattr(k.tty.console, "session", None)
    ended = False
    try:
        if run is not None:
            with run():
                k.run()
        else:
            k.run()
        ended = True
    finally:
        restore = getattr(k.tty.console, "restore", None)
        if restore is not None:
            restore()
        if json_trace is not None and not ended:    # written out even if cut short
            json_trace.close()
    status = verdict(k, result["status"])
    if json_trace is not None:
        json_trace.close(*ending(k, status))
    return status


def ending(k: Kernel, status: int) -> tuple[str, int]:
    """How the run ended, for the trace file's summary: as verdict() decided."""
    end = "internal error" if k.panics else "limit" if k.run_limits.hit else \
        "deadlock" if k.deadlocked else "exit"
    return end, status


def verdict(k: Kernel, status: int) -> int:
    """vshell's exit status, and its one line on stderr when the run did not
    simply end (vshell/verdict.py has the table)."""
    if k.run_limits.hit or k.deadlocked or k.panics:
        from vshell import verdict as v
        if k.panics:
            sys.stderr.write(v.internal_report(k))
            return v.INTERNAL_STATUS
        if k.run_limits.hit:
            sys.stderr.write(v.limit_report(k))
            return v.LIMIT_STATUS[k.run_limits.hit]
        sys.stderr.write(v.deadlock_report(k))
        return v.DEADLOCK_STATUS
    if WIFSIGNALED(status):
        return 128 + WTERMSIG(status)
    return WEXITSTATUS(status)
