"""Watching the kernel: strace-like lines, trace control through /proc/trace, JSON lines."""
from __future__ import annotations

import json
import os

from kernel import MemoryConsole
from vshell.system import Options, boot, make_machine

HERE = os.path.dirname(os.path.abspath(__file__))


def session(script: str, **boot_args) -> tuple[str, str]:
    opts = Options(seed=1, virtual_time=True)
    k = make_machine(opts, MemoryConsole())
    boot(k, opts, ["sh", "-c", script, "vshell"], **boot_args)
    return k.tty.console.stdout, k.tty.console.stderr


def test_the_trace_of_p2_under_a_seed_is_exactly_the_golden_one():
    out, err = session("strace -f ./p2.py")
    golden = os.path.join(HERE, "golden", "p2_strace.txt")
    if os.environ.get("VSHELL_REGOLD"):
        with open(golden, "w") as f:
            f.write(err)
    with open(golden) as f:
        assert err == f.read()
    assert "[pid 4] +++ exited with 0 +++" in err
    assert err.index("[pid 4] +++ exited") < err.index("wait4(")   # p2: child first


def test_trace_builtin_turns_tracing_on_and_off_through_proc():
    out, err = session("trace proc; /bin/true; trace off; cat /proc/trace; /bin/true")
    assert 'execve("/bin/true"' in err
    assert err.count('execve("/bin/true"') == 1          # the second true ran untraced
    assert out == "off\n"


def test_strace_o_writes_the_trace_into_a_virtual_file():
    out, err = session("strace -o t.out true; cat t.out")
    assert out.startswith('execve("/bin/true", ["true"], ...) = 0\n')
    assert "execve" not in err


def test_trace_file_writes_json_lines(tmp_path):
    path = tmp_path / "events.jsonl"
    session("echo hi", trace_file=str(path))
    kinds = {json.loads(line)["kind"] for line in path.read_text().splitlines()}
    assert {"Fork", "Exec", "Exit", "Reap", "SyscallEnter", "StateChange", "Switch"} <= kinds


def test_a_recording_is_valid_svg_and_html_holding_the_session(tmp_path):
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    for name in ("s.svg", "s.html", "s.txt"):
        path = tmp_path / name
        subprocess.run([sys.executable, "-m", "vshell", "--seed", "1", "--record", str(path),
                        "-c", "echo recorded-line; ./p2.py"], capture_output=True, timeout=60,
                       stdin=subprocess.DEVNULL)
        text = path.read_text()
        assert "recorded-line" in text
        if name.endswith(".svg"):
            assert ET.fromstring(text).tag.endswith("svg")
        if name.endswith(".html"):
            assert text.lstrip().lower().startswith("<!doctype html") and "</html>" in text


def test_the_trace_option_of_the_command_line():
    import subprocess
    import sys
    r = subprocess.run([sys.executable, "-m", "vshell", "--seed", "1", "--trace=proc,signals",
                        "-c", "/bin/true"], capture_output=True, text=True, timeout=60,
                       stdin=subprocess.DEVNULL)
    assert 'execve("/bin/true"' in r.stderr and "+++ exited with 0 +++" in r.stderr
    assert "\x1b" not in r.stderr                        # plain text into a pipe
    bad = subprocess.run([sys.executable, "-m", "vshell", "--trace=nonsense", "-c", "true"],
                         capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert bad.returncode == 2 and bad.stderr.startswith("vshell: --trace: unknown kind")
