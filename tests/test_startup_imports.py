"""Start-up is budgeted (issue 16: `vshell -c true` at most 1.5x `python -c pass`):
a scripted run imports only what it uses.  The interactive front end, the
highlighter, the disk's tar code and the builtins a script did not call stay
unloaded."""
from __future__ import annotations

import subprocess
import sys

NEVER_IN_A_SCRIPT = ("prompt_toolkit", "rich", "pygments", "argparse", "json", "tarfile")


def loaded_after(*argv: str) -> tuple[str, list[str]]:
    """vshell's main() run with argv in a fresh host Python: its stdout, and the
    modules it left in sys.modules."""
    code = ("import sys; from vshell.__main__ import main; main(sys.argv[1:])\n"
            "print('MODULES', ' '.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL, timeout=120).stdout
    shown, _, modules = out.rpartition("MODULES ")
    return shown, modules.split()


def test_dash_c_true_loads_no_front_end_and_no_unused_builtin():
    shown, modules = loaded_after("-c", "true")
    assert shown == ""
    tops = {m.split(".")[0] for m in modules}
    assert tops.isdisjoint(NEVER_IN_A_SCRIPT), tops & set(NEVER_IN_A_SCRIPT)
    for deferred in ("vshell.printf", "programs.printf", "vshell.test", "vshell.read",
                     "vshell.getopts", "vshell.jobs", "vshell.traps", "vshell.disk"):
        assert deferred not in modules


def test_the_deferred_builtins_load_when_used():
    shown, modules = loaded_after("--fresh", "-c", r"echo plain; echo 'a\tb'; printf '%s-%d\n' x 3; "
                                  r"[ 1 -lt 2 ] && echo yes; echo v | { read w; echo $w; }; "
                                  r"getopts a: o -a 1; echo $o $OPTARG; "
                                  r"trap 'echo bye' EXIT; kill -l 9; sleep 1 & jobs; wait")
    assert shown == "plain\na\tb\nx-3\nyes\nv\na 1\nKILL\n[1]+  Running                 sleep 1 &\nbye\n"
    for used in ("vshell.printf", "vshell.test", "vshell.read", "vshell.getopts", "vshell.jobs",
                 "vshell.traps"):
        assert used in modules
