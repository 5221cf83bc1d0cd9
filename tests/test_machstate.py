"""Machine state made visible: registers (pc, frames, locals), memory, fds."""
from __future__ import annotations

from kernel import MemoryConsole
from vshell.system import Options, boot, make_machine

PROGRAM = '''#!/usr/bin/env python3
import os, time
class Loud:
    def __repr__(self):
        print("repr ran!")
        return "loud"
x = 100
thing = Loud()
def work(n):
    y = n * 2
    time.sleep(5)
pid = os.fork()
if pid == 0:
    x = 200
work(x)
'''


CHILD = 'c=$(ps -e -o pid=,ppid= | while read a b; do [ "$b" = "$p" ] && echo $a; done); '


def session(script: str) -> tuple[str, str]:
    opts = Options(seed=1, virtual_time=True)
    k = make_machine(opts, MemoryConsole())
    k.fs.write_file("/home/student/x.py", PROGRAM, mode=0o755, uid=1000, gid=1000)
    boot(k, opts, ["sh", "-c", script, "vshell"])
    return k.tty.console.stdout, k.tty.console.stderr


def test_after_fork_the_parent_and_the_child_have_their_own_x():
    out, err = session("./x.py & sleep 1; p=$!; " + CHILD + "mem $p; mem $c; kill $p $c")
    parent, child = out.split("== process ")[1:]
    assert "data   x = 100" in parent and "data   pid = " in parent
    assert "data   x = 200" in child and "data   pid = 0" in child
    assert "data   thing = <Loud object>" in parent
    assert "repr ran" not in out + err                 # the program's code never ran for us


def test_regs_show_the_program_counter_frames_and_locals():
    out, err = session("./x.py & sleep 1; p=$!; " + CHILD + "regs $c; kill $p $c")
    assert "pc  ./x.py:11" in out
    assert "#0  work at ./x.py:11" in out
    assert "n = 200" in out and "y = 400" in out
    assert "#1  <module> at ./x.py:15" in out


def test_fds_show_offsets_and_shared_references():
    out, err = session("exec 3> f; echo abc >&3; fds $$")
    lines = [line for line in out.splitlines() if line.strip().startswith("3 ")]
    assert lines and "offset 4" in lines[0] and "/home/student/f" in lines[0]


def test_top_in_batch_mode_lists_every_process_in_plain_columns():
    out, err = session("top -b -n 1 | cat")
    lines = out.splitlines()
    assert lines[0].startswith("top - ")
    assert lines[2].split()[:4] == ["PID", "PPID", "USER", "STATE"]
    names = [line.split()[-1] for line in lines[3:]]
    assert {"init", "sh", "top", "cat"} <= set(names)
    assert "\x1b" not in out


def test_ps_is_a_coloured_table_on_a_terminal_and_plain_columns_into_a_pipe():
    from kernel import MemoryConsole as Console
    k = make_machine(Options(seed=1, virtual_time=True), Console(tty=True))
    k.run_program(["/bin/ps", "-e"], uid=1000, env={"PATH": "/bin"}, cwd="/tmp")
    on_terminal = k.tty.console.stdout
    assert "\x1b[" in on_terminal and "init" in on_terminal
    out, err = session("ps -e | cat")
    assert "\x1b" not in out and out.splitlines()[0].split() == ["PID", "TTY", "TIME", "CMD"]
