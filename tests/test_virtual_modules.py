"""Virtual modules that would otherwise reach the host: termios and getpass (the
terminal's ECHO mode), pwd and grp (the machine's own user database)."""
from __future__ import annotations

import textwrap

from kernel import MemoryConsole
from vshell.system import Options, make_machine


def run_python(source: str, stdin: bytes = b"", tty: bool = True):
    k = make_machine(Options(seed=1, virtual_time=True), MemoryConsole(stdin, tty=tty))
    k.fs.write_file("/tmp/t.py", "#!/usr/bin/env python3\n" + textwrap.dedent(source), mode=0o755,
                    uid=1000, gid=1000)
    calls: list = []
    k.trace.subscribe(lambda e: calls.append((e.name, e.args[1:])) if e.kind == "SyscallEnter"
                      and e.name in ("tcsetattr", "read") and e.pid != 1 else None)
    status = k.run_program(["/tmp/t.py"], uid=1000, env={"PATH": "/bin", "USER": "student"},
                           cwd="/home/student")
    c = k.tty.console
    return status, c.stdout, c.stderr, k, calls


def test_getpass_reads_with_echo_off_and_turns_it_back_on():
    status, out, err, k, calls = run_python("""\
        import getpass
        print(repr(getpass.getpass("Secret: ")))
        """, b"hunter2\n")
    assert (status, err) == (0, "")
    assert out == "Secret: \n'hunter2'\n"          # the newline the terminal did not show
    from termios import ECHO, ICANON            # the c_lflag bits it set: echo off, then on
    assert calls == [("tcsetattr", (ICANON,)), ("read", (1024,)), ("tcsetattr", (ICANON | ECHO,))]
    assert k.tty.echo


def test_termios_changes_only_echo_and_icanon_and_refuses_what_it_cannot_do():
    status, out, err, _, _ = run_python("""\
        import os, termios
        modes = termios.tcgetattr(0)
        raw = list(modes)
        raw[3] &= ~termios.ISIG
        try:
            termios.tcsetattr(0, termios.TCSANOW, raw)
        except termios.error as e:
            print("raw:", e.args)
        r, w = os.pipe()
        try:
            termios.tcgetattr(r)
        except termios.error as e:
            print("pipe:", e.args)
        """)
    assert (status, err) == (0, "")
    assert out == ("raw: (22, \"vshell's terminal can change only ECHO and ICANON\")\n"
                   "pipe: (25, 'Inappropriate ioctl for device')\n")


def test_getpass_without_a_terminal_reads_standard_input_like_input():
    status, out, err, _, _ = run_python("""\
        import getpass
        print(getpass.getpass(), getpass.getuser())
        """, b"from a pipe\n", tty=False)
    assert (status, out, err) == (0, "Password: from a pipe student\n", "")


def test_pwd_and_grp_read_the_machines_database_not_the_hosts():
    status, out, err, _, _ = run_python("""\
        import grp, pwd
        print([p.pw_name for p in pwd.getpwall()], pwd.getpwuid(1001).pw_dir)
        print(pwd.getpwnam("root").pw_shell, grp.getgrgid(1000).gr_name, grp.getgrnam("bob").gr_gid)
        try:
            pwd.getpwnam("nobody")
        except KeyError as e:
            print(e)
        """)
    assert (status, err) == (0, "")
    assert out == ("['root', 'student', 'alice', 'bob'] /home/alice\n/bin/sh student 1002\n"
                   "\"getpwnam(): name not found: 'nobody'\"\n")
