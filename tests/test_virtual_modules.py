"""Virtual modules that would otherwise reach the host: termios and getpass (the
terminal's ECHO mode), pwd and grp (the machine's own user database)."""
from __future__ import annotations

import textwrap

from conftest import add_files, new_machine, run_on


def run_python(source: str, stdin: bytes = b"", tty: bool = True):
    k = new_machine(stdin=stdin, tty=tty)
    add_files(k, {"/tmp/t.py": "#!/usr/bin/env python3\n" + textwrap.dedent(source)}, mode=0o755)
    calls: list = []
    k.trace.subscribe(lambda e: calls.append((e.name, e.args[1:])) if e.kind == "SyscallEnter"
                      and e.name in ("tcsetattr", "read") and e.pid != 1 else None)
    r = run_on(k, ["/tmp/t.py"], env={"PATH": "/bin", "USER": "student"})
    return r.status, r.out, r.err, k, calls


def test_getpass_reads_with_echo_off_and_turns_it_back_on():
    status, out, err, k, calls = run_python("""\
        import getpass
        print(repr(getpass.getpass("Secret: ")))
        """, b"hunter2\n")
    assert (status, err) == (0, "")
    assert out == "Secret: \n'hunter2'\n"          # the newline the terminal did not show
    import termios
    echo = [(name, bool(args[0][3] & termios.ECHO)) if name == "tcsetattr" else (name, args)
            for name, args in calls]
    assert echo == [("tcsetattr", False), ("read", (1024,)), ("tcsetattr", True)]
    assert k.tty.echo


def test_termios_raw_mode_reads_each_key_as_typed_and_tcgetattr_gives_it_back():
    status, out, err, k, _ = run_python("""\
        import os, termios
        sane = termios.tcgetattr(0)
        raw = termios.tcgetattr(0)
        raw[3] &= ~(termios.ICANON | termios.ECHO | termios.ISIG)
        raw[0] &= ~termios.ICRNL
        raw[6][termios.VMIN] = 1
        termios.tcsetattr(0, termios.TCSANOW, raw)
        print(termios.tcgetattr(0) == raw, sane[3] & termios.ICANON != 0)
        print(repr(os.read(0, 2)), repr(os.read(0, 100)))
        termios.tcsetattr(0, termios.TCSADRAIN, sane)
        print(repr(os.read(0, 100)))
        r, w = os.pipe()
        try:
            termios.tcgetattr(r)
        except termios.error as e:
            print("pipe:", e.args)
        """, b"ab\x03\rq")
    assert (status, err) == (0, "")
    assert out == ("True True\nb'ab' b'\\x03\\rq'\n"      # Ctrl-C is a key, Enter is \r
                   "b''\n"                                  # canonical again: end of input
                   "pipe: (25, 'Inappropriate ioctl for device')\n")
    assert k.tty.canonical and k.tty.modes is None


def test_raw_mode_with_isig_still_signals_and_the_prompt_gets_a_sane_terminal():
    k = new_machine(stdin=b"x\x03", tty=True)
    k.fs.write_file("/tmp/t.py", "#!/usr/bin/env python3\n" + textwrap.dedent("""\
        import os, signal, termios
        signal.signal(signal.SIGINT, lambda *a: print("SIGINT"))
        raw = termios.tcgetattr(0)
        raw[3] &= ~termios.ICANON
        termios.tcsetattr(0, termios.TCSANOW, raw)
        print(repr(os.read(0, 10)))
        """), mode=0o755)
    status = k.run_program(["/tmp/t.py"], env={"PATH": "/bin"})
    assert k.tty.console.stdout == "SIGINT\nb'x'\n"          # Ctrl-C was no key
    assert status == 0
    assert not k.tty.canonical                               # as Linux: left raw ...
    k.tty.sane()                                             # ... until a prompt resets it
    assert k.tty.canonical and k.tty.echo


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
