"""One source for each number, one way through each layer: the machine's
numbers (kernel/abi.py, Linux's values) that the kernel, the shell and the
programs' os and signal modules agree on; programs' os exporting only what
CPython's does; the kernel's own writes keeping to a pipe's rules."""
from __future__ import annotations

import os
import sys
import textwrap

import pytest

from conftest import add_files, new_machine, run_on
from kernel import abi


def run_python(source: str) -> tuple[int, str, str]:
    k = new_machine()
    add_files(k, {"/tmp/t.py": "#!/usr/bin/env python3\n" + textwrap.dedent(source)}, mode=0o755)
    r = run_on(k, ["/tmp/t.py"], env={"PATH": "/bin"}, cwd="/tmp")
    return r.status, r.out, r.err


NAMES = sorted(n for n in vars(abi) if n.startswith(("O_", "SIG", "W", "CLD_"))
               and n not in ("SIGNAMES", "O_LARGEFILE", "WCOREFLAG", "W_EXITCODE", "W_STOPCODE"))


def test_programs_os_and_signal_constants_are_the_machines():
    status, out, err = run_python(f"""\
        import os, signal
        for name in {NAMES!r}:
            value = getattr(os, name, getattr(signal, name, None))
            if callable(value):
                value = [value(s) for s in (0, 0x0100, 0x8B, 0x137F, 0xFFFF)]
            print(name, int(value) if isinstance(value, int) else value)
        """)
    assert (status, err) == (0, "")
    want = []
    for name in NAMES:
        value = getattr(abi, name)
        if callable(value):
            value = [value(s) for s in (0, 0x0100, 0x8B, 0x137F, 0xFFFF)]
        want.append(f"{name} {value}")
    assert out.splitlines() == want


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's numbers")
def test_the_table_is_linuxs():
    import signal
    for name in NAMES:
        host = getattr(os, name, getattr(signal, name, None))
        if callable(host):
            assert all(host(s) == getattr(abi, name)(s) for s in range(0x10000)), name
        elif host is not None:
            assert host == getattr(abi, name), name
    assert abi.SIGNAMES[abi.SIGTTOU] == "SIGTTOU"
    assert (abi.SIGRTMIN, abi.SIGRTMAX, abi.NSIG) == (signal.SIGRTMIN, signal.SIGRTMAX, signal.NSIG)
    for sig in range(-1, abi.NSIG + 2):           # what the shell says of a signal: glibc's words
        try:
            want = signal.strsignal(sig)
        except ValueError:
            want = "ValueError"
        try:
            got = abi.strsignal(sig)
        except ValueError:
            got = "ValueError"
        assert got == want, sig


def test_the_shell_takes_signal_names_and_words_from_the_machine_not_the_host():
    """Only the host's side -- Ctrl-C pressed on the real terminal (posted to the
    kernel in the machine's numbers), vshell's own process told to end -- uses
    the host's signal module; the shell's signal names and words are kernel/abi.py's."""
    import re
    shell = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "vshell")
    users = set()
    for name in os.listdir(shell):
        if name.endswith(".py"):
            with open(os.path.join(shell, name), encoding="utf-8") as f:
                if re.search(r"^\s*(import signal\b|from signal import)", f.read(), re.M):
                    users.add(name)
    assert users == {"__main__.py", "console.py"}


def test_a_stopped_childs_status_says_which_signal_stopped_it():
    status, out, err = run_python("""\
        import os, signal
        pid = os.fork()
        if pid == 0:
            os.kill(os.getpid(), signal.SIGTSTP)
            os._exit(3)
        _, s = os.waitpid(pid, os.WUNTRACED)
        print(os.WIFSTOPPED(s), os.WSTOPSIG(s))
        os.kill(pid, signal.SIGCONT)
        _, s = os.waitpid(pid, 0)
        print(os.WIFEXITED(s), os.WEXITSTATUS(s))
        """)
    assert (status, out, err) == (0, "True 20\nTrue 3\n", "")


def test_programs_os_has_cpythons_names_and_none_of_the_kernels_helpers():
    status, out, err = run_python("""\
        import os, posix
        print(sorted(n for n in vars(os) if n.startswith("_") and not n.startswith("__")))
        print([n for n in ("_O_CLOEXEC", "_ScandirIterator", "_trap", "_abi", "open_text")
               if hasattr(os, n) or hasattr(posix, n)])
        """)
    assert (status, err) == (0, "")
    private, leaked = out.splitlines()
    assert private == "['_Environ', '_exit', '_wrap_close']"
    assert leaked == "[]"
    import subprocess
    names = subprocess.run([sys.executable, "-c", "import os; print(sorted(vars(os)))"],
                           capture_output=True, text=True).stdout
    host = set(eval(names)) | {"path", "environ", "environb", "sys"}
    status, out, err = run_python("import os\nprint(sorted(vars(os)))\n")
    assert set(eval(out)) <= host


def test_a_kernel_notice_to_a_full_pipe_keeps_to_its_capacity():
    from kernel.files import PIPE_CAPACITY
    k = new_machine()
    seen: list[int] = []

    def init(rt) -> int:
        os = rt.os
        r, w = os.pipe()
        os.dup2(w, 2)
        os.set_blocking(w, False)
        try:
            while True:
                os.write(w, b"x" * 4096)
        except BlockingIOError:
            pass
        p = k.procs.get(os.getpid())
        k.message(p, "vshell: a notice\n")
        seen.append(p.fds.get(2).pipe.size)
        os.read(r, 4096)
        k.message(p, "vshell: a notice\n")
        os.set_blocking(r, False)
        data = b""
        try:
            while True:
                data += os.read(r, 1 << 20)
        except BlockingIOError:
            pass
        seen.append(data.endswith(b"x" * 10 + b"vshell: a notice\n"))
        return 0

    k.spawn(init)
    k.run()
    assert seen[0] == PIPE_CAPACITY and seen[-1] is True


def test_no_wait_status_or_machine_number_is_decoded_or_defined_by_hand():
    """The W* helpers read wait statuses, and abi.py alone defines the numbers:
    a 0x7F, or an `O_CREAT = ...`, anywhere else is a second source."""
    import pathlib
    import re
    top = pathlib.Path(__file__).resolve().parent.parent
    by_hand = re.compile(r"0x7[fF]\b|^\s*(O_[A-Z]+|SIG[A-Z]+|W(NOHANG|UNTRACED|EXITED|CONTINUED|NOWAIT))"
                         r"(, *[A-Z_]+)* = \d", re.M)
    found = [f"{path.relative_to(top)}: {m.group(0).strip()}"
             for folder in ("kernel", "vshell", "programs")
             for path in sorted((top / folder).rglob("*.py")) if path.name != "abi.py"
             for m in by_hand.finditer(path.read_text())]
    assert found == []


# ---- errnos: the machine's (kernel/abi.py), not the host's ----------------------------------

def _modules_importing(top: str, module: str) -> set[str]:
    """The files under top (kernel/, vshell/) whose code imports module."""
    import ast
    root = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), top)
    users = set()
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    tree = ast.parse(f.read())
                for node in ast.walk(tree):
                    if (isinstance(node, ast.Import) and any(a.name == module for a in node.names)
                            or isinstance(node, ast.ImportFrom) and node.module == module
                            and not node.level):
                        users.add(os.path.relpath(path, os.path.dirname(root)))
    return users


def test_only_the_mount_boundary_and_the_host_side_use_the_hosts_errno():
    """The kernel, its programs' modules and the shell mean kernel/abi.py's
    errnos; kernel/errors.py reads the host's names only to translate a host
    file's error, and vshell/__main__.py reports the host's own errors."""
    assert _modules_importing("kernel", "errno") == {"kernel/errors.py"}
    assert _modules_importing("vshell", "errno") == {"vshell/__main__.py"}


def test_programs_errno_and_strerror_are_the_machines():
    status, out, err = run_python("""\
        import errno, os
        print(sorted((k, v) for k, v in vars(errno).items() if k.startswith("E")))
        print(sorted(errno.errorcode.items()))
        print([os.strerror(n) for n in range(-1, 140)])
        """)
    assert (status, err) == (0, "")
    names, codes, words = out.splitlines()
    assert eval(names) == sorted(abi.ERRNOS.items())
    assert eval(codes) == sorted(abi.ERRORCODE.items())
    assert eval(words) == [abi.strerror(n) for n in range(-1, 140)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's numbers")
def test_the_errno_table_is_linuxs():
    import errno
    assert abi.ERRORCODE == errno.errorcode
    assert abi.ERRNOS == {n: getattr(errno, n) for n in dir(errno) if n.startswith("E")}
    assert all(abi.strerror(n) == os.strerror(n) for n in range(-2, 300))


def test_an_error_says_the_machines_words(monkeypatch):
    """The kernel's OSErrors and os.strerror take their words from kernel/abi.py:
    changed there, they change in what a program prints."""
    monkeypatch.setitem(abi.MESSAGES, abi.ENOENT, "No such file (the machine's words)")
    status, out, err = run_python("""\
        import os
        try:
            open("/nonexistent")
        except FileNotFoundError as e:
            print(e)
        print(os.strerror(2))
        """)
    assert (status, err) == (0, "")
    assert out == ("[Errno 2] No such file (the machine's words): '/nonexistent'\n"
                   "No such file (the machine's words)\n")


def test_an_oserrors_subclass_is_chosen_by_the_machines_number():
    from kernel.errors import oserror
    assert type(oserror(abi.ENOENT, "f")) is FileNotFoundError
    assert type(oserror(abi.EAGAIN)) is BlockingIOError
    assert type(oserror(abi.EPERM)) is PermissionError
    assert type(oserror(abi.EDEADLK)) is OSError      # (35: macOS's EAGAIN, Linux's EDEADLK)
    e = oserror(abi.ECHILD)
    assert (type(e), e.errno, e.strerror) == (ChildProcessError, 10, "No child processes")


def test_a_host_files_error_enters_the_machine_by_its_name(tmp_path, monkeypatch):
    """A mount is where a host errno comes in: translated by the name the host
    gives its number, so a host whose numbers are not Linux's still gives the
    machine's.  Here a pretend host calls its ENOENT (2) EACCES."""
    from kernel import errors
    from kernel.fs import FileSystem
    (tmp_path / "f").write_text("hello")
    fs = FileSystem(lambda: 0.0)
    fs.mount(str(tmp_path), "/mnt")
    f = fs.root.lookup("mnt").lookup("f")
    assert f.read_at(0, 5) == b"hello"
    (tmp_path / "f").unlink()
    with pytest.raises(FileNotFoundError) as caught:
        f.read_at(0, 5)
    assert caught.value.errno == abi.ENOENT
    monkeypatch.setattr(errors, "HOST_NAMES", {2: "EACCES"})
    with pytest.raises(PermissionError) as caught:
        f.read_at(0, 5)
    assert (caught.value.errno, caught.value.strerror) == (abi.EACCES, "Permission denied")


# ---- the programs' signal module: the machine's numbers, CPython's enums -----------------------

SIGNAL_PROGRAM = """\
import signal, os
print(signal.SIGINT, repr(signal.SIGINT), str(signal.SIGTERM), f"{signal.SIGCHLD}", signal.SIGCHLD.name)
print(signal.Signals.SIGIOT, signal.SIGCLD is signal.SIGCHLD, signal.SIGPOLL.name, signal.SIGRTMIN, signal.SIGRTMAX)
print(signal.SIGINT == 2, signal.SIGINT < signal.SIGTERM, signal.Signals(15), signal.Signals["SIGUSR1"])
print(list(signal.Signals), len(signal.Signals.__members__))
print(signal.SIG_DFL, repr(signal.SIG_IGN), repr(signal.SIG_BLOCK), signal.Sigmasks(2), signal.Signals)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN), repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)))
print(signal.strsignal(signal.SIGSEGV), signal.strsignal(40), sorted(signal.valid_signals()))
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2]), signal.pthread_sigmask(signal.SIG_SETMASK, []))
print(isinstance(signal.SIGINT, int), hash(signal.SIGINT) == hash(2), signal.NSIG)
for bad in (lambda: signal.strsignal(0), lambda: signal.setitimer(99, 1),
            lambda: signal.signal(signal.SIGKILL, signal.SIG_IGN)):
    try:
        bad()
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGTERM)
_, status = os.waitpid(pid, 0)
print(signal.Signals(os.WTERMSIG(status)))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's numbers")
def test_programs_signal_enums_behave_as_cpythons():
    import subprocess
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    want = subprocess.run(["python3", "-c", SIGNAL_PROGRAM], capture_output=True, text=True,
                          env=env)
    assert run_python(SIGNAL_PROGRAM) == (0, want.stdout, want.stderr)


def test_programs_signal_enums_are_made_of_the_machines_numbers():
    import signal
    status, out, err = run_python("""\
        import signal
        print({s.name: int(s) for s in signal.Signals}, dict(signal.Sigmasks.__members__))
        """)
    assert (status, err) == (0, "")
    signals, masks = out.rstrip("\n").split("} ", 1)
    assert eval(signals + "}") == {n: v for n, v in vars(abi).items() if n in abi.SIGNAMES.values()
                                   or n in ("SIGRTMIN", "SIGRTMAX")}
    from kernel.libpy import signal as vsignal
    assert vsignal.Signals is not signal.Signals and vsignal.SIGTSTP == abi.SIGTSTP
