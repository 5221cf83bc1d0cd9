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
    """Only the host's side -- Ctrl-C pressed on the real terminal, vshell's own
    process told to end -- uses the host's signal module; the shell's signal
    names and words are kernel/abi.py's."""
    import re
    shell = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "vshell")
    users = set()
    for name in os.listdir(shell):
        if name.endswith(".py"):
            with open(os.path.join(shell, name), encoding="utf-8") as f:
                if re.search(r"^\s*(import signal\b|from signal import)", f.read(), re.M):
                    users.add(name)
    assert users == {"__main__.py", "console.py", "tracer.py"}


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
