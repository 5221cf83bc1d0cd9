"""The process tools: ps, pstree, kill, killall, nice, time, xargs, id, whoami, su, login, passwd.

Tools that need other live processes run under a small driver program that
forks or spawns them first, then runs the tool with os.posix_spawnp.
"""
from __future__ import annotations

import re

import pytest

from conftest import Result, add_files, new_machine, run_on


def run(argv: list[str], *, files: dict[str, str] | None = None, seed: int = 1,
        uid: int = 1000, stdin: bytes = b"", cwd: str = "/home/student", tty: bool = False) -> Result:
    """Run argv on a booted machine as uid; files are written executable, owned by uid.
    With tty, standard input is a terminal (one line per read), else like a pipe."""
    k = new_machine(seed=seed, stdin=stdin, tty=tty)
    add_files(k, files, uid=uid, dedent=True, mode=0o755)
    return run_on(k, argv, uid=uid, cwd=cwd)


# The driver: three children (one exits at once and stays a zombie, two sleep),
# then each argument is run as a command, one after the other.
DRIVER = """\
    #!/usr/bin/env python3
    import os, sys, time
    for i in range(3):
        if os.fork() == 0:
            time.sleep(5 if i else 0)
            os._exit(0)
    time.sleep(1)
    for command in sys.argv[1:]:
        argv = command.split()
        os.waitpid(os.posix_spawnp(argv[0], argv, os.environ), 0)
    """


def drive(*commands: str, extra: dict[str, str] | None = None, **kw) -> Result:
    return run(["/tmp/drive.py", *commands], files={"/tmp/drive.py": DRIVER, **(extra or {})}, **kw)


def rows(text: str) -> list[list[str]]:
    return [line.split() for line in text.splitlines()]


# ---- ps ---------------------------------------------------------------------------------

def test_ps_default_columns_and_own_processes():
    r = run(["ps"])
    assert r.out == ("  PID TTY          TIME CMD\n"
                     "    1 tty      00:00:00 init\n"
                     "    2 tty      00:00:00 ps\n")


def test_ps_and_pstree_show_control_characters_in_arguments_as_question_marks():
    r = run(["/bin/sh", "-c", "ps -o pid,args; pstree -a 1\n", "name"])
    assert "    2 /bin/sh -c ps -o pid,args; pstree -a 1? name\n" in r.out
    assert "sh -c ps -o pid,args; pstree -a 1? name\n" in r.out


def test_ps_f_full_format_header():
    r = run(["ps", "-f"])
    assert r.out.splitlines()[0].split() == "UID PID PPID C STIME TTY TIME CMD".split()
    assert r.out.splitlines()[2].split()[:3] == ["student", "2", "1"]


def test_ps_l_long_format_shows_what_a_process_waits_for():
    r = drive("ps -l")
    table = rows(r.out)
    assert table[0] == "F S UID PID PPID C PRI NI WCHAN TTY TIME CMD".split()
    by_pid = {row[3]: row for row in table[1:]}
    assert by_pid["2"][1] == "S" and by_pid["2"][8] == "child"
    assert by_pid["4"][8] == "timer"


def test_ps_o_fields_show_state_and_program_line():
    r = drive("ps -e -o pid,ppid,pgid,sid,uid,user,state,stat,pc,ticks,comm")
    table = rows(r.out)
    assert table[0] == "PID PPID PGID SID UID USER STATE STAT PC TICKS COMMAND".split()
    by_pid = {row[0]: row for row in table[1:]}
    assert by_pid["3"][6:8] == ["ZOMBIE", "Z+"]
    assert by_pid["4"][6] == "BLOCKED" and by_pid["4"][8] == "drive.py:5"
    assert by_pid["2"][8] == "drive.py:10"          # waiting in waitpid for ps
    assert by_pid["1"][6:8] == ["BLOCKED", "Ss+"]
    running = [row for row in table[1:] if row[6] == "RUNNING"]
    assert [row[-1] for row in running] == ["ps"]


def test_ps_shows_zombie_as_defunct():
    r = drive("ps")
    assert "[drive.py] <defunct>" in r.out


def test_ps_renamed_column_and_pid_selection():
    r = drive("ps -p 2,4 -o pid=ID,state=")
    assert rows(r.out) == [["ID"], ["2", "BLOCKED"], ["4", "BLOCKED"]]


def test_ps_u_selects_a_user():
    r = drive("ps -u root")
    assert r.out.splitlines()[1:] == [] and r.code == 0
    assert drive("ps -u nobody").err.startswith("ps: user name does not exist: nobody")


def test_ps_unknown_field_is_a_usage_error():
    r = run(["ps", "-o", "pid,bogus"])
    assert r.err.startswith('ps: unknown user-defined format specifier "bogus"')
    assert r.code == 1 and "Traceback" not in r.err


# ---- pstree -----------------------------------------------------------------------------

def test_pstree_p_shows_pids_and_states():
    r = drive("pstree -p")
    assert r.out == ("init(1)[BLOCKED]───drive.py(2)[BLOCKED]─┬─drive.py(3)[ZOMBIE]\n"
                     "                                        ├─drive.py(4)[BLOCKED]\n"
                     "                                        ├─drive.py(5)[BLOCKED]\n"
                     "                                        └─pstree(6)[RUNNING]\n")


def test_pstree_merges_identical_siblings():
    r = drive("pstree -s -A")
    assert r.out == "init---drive.py-+-3*[drive.py]\n" + " " * 16 + "`-pstree\n"


def test_pstree_of_one_subtree():
    assert drive("pstree 4").out == "drive.py[BLOCKED]\n"


def test_pstree_bad_option():
    r = run(["pstree", "-z"])
    assert r.code == 2 and r.err.startswith("pstree: option -z not recognized")


# ---- kill -----------------------------------------------------------------------------------

KILL_SLEEPER = """\
    #!/usr/bin/env python3
    import os, sys, time
    pid = os.fork()
    if pid == 0:
        time.sleep(100)
        os._exit(0)
    argv = [a.replace("PID", str(pid)) for a in sys.argv[1:]]
    os.waitpid(os.posix_spawnp(argv[0], argv, os.environ), 0)
    print("status", os.waitpid(pid, 0)[1])
    """


@pytest.mark.parametrize("args,status", [
    (["kill", "PID"], 15), (["kill", "-9", "PID"], 9), (["kill", "-KILL", "PID"], 9),
    (["kill", "-SIGINT", "PID"], 2), (["kill", "-s", "HUP", "PID"], 1),
    (["kill", "-n", "10", "PID"], 10), (["kill", "--", "PID"], 15),
])
def test_kill_sends_the_named_signal(args, status):
    r = run(["/tmp/k.py", *args], files={"/tmp/k.py": KILL_SLEEPER})
    assert r.out == f"status {status}\n" and r.err == ""


def test_kill_no_such_process_message_and_status():
    r = run(["kill", "999"])
    assert r.err == "kill: (999) - No such process\n" and r.code == 1


def test_kill_several_pids_one_failure_gives_status_1():
    r = run(["/tmp/k.py", "kill", "PID", "998"], files={"/tmp/k.py": KILL_SLEEPER})
    assert r.out == "status 15\n" and r.err == "kill: (998) - No such process\n"


def test_kill_another_users_process_is_not_permitted():
    r = run(["kill", "1"], uid=1000, files={})
    assert r.code == 0                      # run_program's init belongs to the user
    k_as_root = """\
        #!/usr/bin/env python3
        import os
        pid = os.fork()
        if pid == 0:
            os.setuid(1001)
            os.execv("/bin/kill", ["kill", "%d" % os.getppid()])
        print(os.waitpid(pid, 0)[1] >> 8)
        """
    r = run(["/tmp/k.py"], uid=0, files={"/tmp/k.py": k_as_root})
    assert r.err == "kill: (2) - Operation not permitted\n" and r.out == "1\n"


def test_kill_l_lists_and_translates():
    r = run(["kill", "-l"])
    assert r.out.splitlines()[0] == " 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP"
    assert run(["kill", "-l", "9", "TERM", "137"]).out == "KILL\n15\nKILL\n"


@pytest.mark.parametrize("args,err,code", [
    (["-FOO", "1"], "kill: FOO: invalid signal specification\n", 1),
    (["abc"], "kill: failed to parse argument: 'abc'\n", 1),
    ([], "usage: kill [-s SIG | -SIG | -N] PID... | kill -l [SIG]\n", 2),
    (["-s"], "usage: kill [-s SIG | -SIG | -N] PID... | kill -l [SIG]\n", 2),
])
def test_kill_bad_arguments(args, err, code):
    r = run(["kill", *args])
    assert (r.err, r.code) == (err, code)


# ---- id, whoami -----------------------------------------------------------------------------

@pytest.mark.parametrize("args,uid,out", [
    ([], 1000, "uid=1000(student) gid=1000(student) groups=1000(student),27(sudo)\n"),
    ([], 0, "uid=0(root) gid=0(root) groups=0(root)\n"),
    (["alice"], 1000, "uid=1001(alice) gid=1001(alice) groups=1001(alice)\n"),
    (["-u"], 1000, "1000\n"), (["-un"], 1002, "bob\n"), (["-g"], 1000, "1000\n"),
    (["-Gn"], 1000, "student sudo\n"),         # (student is in group sudo: /etc/group)
])
def test_id(args, uid, out):
    r = run(["id", *args], uid=uid)
    assert r.out == out and r.code == 0


def test_id_no_such_user():
    r = run(["id", "nobody"])
    assert r.err == "id: 'nobody': no such user\n" and r.code == 1


def test_id_shows_effective_uid_after_setuid_exec():
    r = run(["/tmp/myid"], files={"/tmp/myid": open("programs/id.py").read()}, uid=0)
    assert r.out.startswith("uid=0(root)")
    k = new_machine()
    k.fs.write_file("/tmp/myid", open("programs/id.py").read(), mode=0o4755, uid=0)
    status = k.run_program(["/tmp/myid"], uid=1000, env={"PATH": "/bin"}, cwd="/")
    assert k.tty.console.stdout == ("uid=1000(student) gid=1000(student) euid=0(root) "
                                    "groups=1000(student),27(sudo)\n") and status == 0


@pytest.mark.parametrize("uid,name", [(1000, "student"), (1001, "alice"), (0, "root")])
def test_whoami(uid, name):
    assert run(["whoami"], uid=uid).out == name + "\n"


# ---- killall ----------------------------------------------------------------------------------

def test_killall_signals_every_process_of_that_name():
    script = """\
        #!/usr/bin/env python3
        import os, sys, time
        kids = []
        for i in range(2):
            pid = os.fork()
            if pid == 0:
                os.execv("/tmp/sleeper.py", ["sleeper.py"])
            kids.append(pid)
        time.sleep(1)
        os.waitpid(os.posix_spawnp("killall", ["killall"] + sys.argv[1:], os.environ), 0)
        print(sorted(os.waitpid(k, 0)[1] for k in kids))
        """
    sleeper = "#!/usr/bin/env python3\nimport time\ntime.sleep(100)\n"
    files = {"/tmp/d.py": script, "/tmp/sleeper.py": sleeper}
    assert run(["/tmp/d.py", "-9", "sleeper"], files=files).out == "[9, 9]\n"
    r = run(["/tmp/d.py", "-v", "sleeper.py"], files=files)
    assert r.out == "Killed sleeper.py(3) with signal 15\nKilled sleeper.py(4) with signal 15\n[15, 15]\n"


def test_killall_no_process_found():
    r = run(["killall", "nothing"])
    assert r.err == "nothing: no process found\n" and r.code == 1


# ---- nice, time, xargs ----------------------------------------------------------------------

@pytest.mark.parametrize("args,out", [
    ([], "0\n"), (["-n", "5", "nice"], "5\n"), (["nice"], "10\n"), (["-3", "nice"], "3\n"),
    (["-n", "4", "nice", "-n", "4", "nice"], "8\n"),
])
def test_nice_runs_the_command_with_the_niceness(args, out):
    r = run(["nice", *args])
    assert r.out == out and r.code == 0


def test_nice_lowering_needs_root():
    r = run(["nice", "-n", "-5", "nice"])
    assert r.out == "0\n" and r.err == "nice: cannot set niceness: Operation not permitted\n"
    assert run(["nice", "-n", "-5", "nice"], uid=0).out == "-5\n"


def test_nice_errors():
    assert run(["nice", "nosuch"]).err == "nice: 'nosuch': No such file or directory\n"
    assert run(["nice", "nosuch"]).code == 127
    assert run(["nice", "-n", "x", "true"]).code == 125


def test_time_reports_bash_layout_on_stderr_and_keeps_exit_status():
    r = run(["time", "false"])
    assert r.code == 1 and r.out == ""
    assert re.fullmatch(r"\nreal\t0m\d+\.\d{3}s\nuser\t0m\d+\.\d{3}s\nsys\t0m0\.000s\n", r.err)


def test_time_sleep_measures_real_time_on_the_virtual_clock():
    sleeper = "#!/usr/bin/env python3\nimport time\ntime.sleep(2.5)\n"
    r = run(["time", "-p", "/tmp/s.py"], files={"/tmp/s.py": sleeper})
    assert r.err.startswith("real 2.50\nuser ")


def test_time_of_a_killed_command_is_128_plus_signal():
    script = "#!/usr/bin/env python3\nimport os\nos.kill(os.getpid(), 9)\n"
    assert run(["time", "/tmp/s.py"], files={"/tmp/s.py": script}).code == 137


def test_time_command_not_found():
    r = run(["time", "nosuch"])
    assert r.err == "time: cannot run nosuch: No such file or directory\n" and r.code == 127


@pytest.mark.parametrize("args,stdin,out", [
    ([], b"a b\nc 'd e'\n", "a b c d e\n"),
    (["-n", "2", "echo", "X"], b"1 2 3 4 5", "X 1 2\nX 3 4\nX 5\n"),
    (["-I", "{}", "echo", "<{}>"], b"one two\n  three\n", "<one two>\n<three>\n"),
    (["-0", "echo"], b"a b\0c\0", "a b c\n"),
    ([], b"", "\n"), (["-r"], b"", ""),
])
def test_xargs(args, stdin, out):
    r = run(["xargs", *args], stdin=stdin)
    assert r.out == out and r.code == 0


@pytest.mark.parametrize("args,stdin,code,err", [
    (["nosuch"], b"x", 127, "xargs: nosuch: No such file or directory\n"),
    (["false"], b"x", 123, ""),
    ([], b"'abc", 1, "xargs: unmatched single quote; by default quotes are special to xargs "
                     "unless you use the -0 option\n"),
    (["-n", "0"], b"", 1, 'xargs: invalid number "0" for -n option\n'),
])
def test_xargs_failures(args, stdin, code, err):
    r = run(["xargs", *args], stdin=stdin)
    assert (r.code, r.err) == (code, err)


def test_xargs_t_traces_commands():
    r = run(["xargs", "-t", "-n", "1"], stdin=b"a b")
    assert r.err == "echo a\necho b\n" and r.out == "a\nb\n"


# ---- su, login, passwd --------------------------------------------------------------------------

# A stand-in shell that shows who it runs as, where, with what environment, and
# the argv it was given (a Python script's sys.argv[0] is its path, as in python3).
SHOW_SH = """\
    #!/usr/bin/env python3
    import os
    argv = open("/proc/self/cmdline").read().split("\\0")[:-1]
    print("sh", argv, os.getuid(), os.geteuid(), os.getgid(), os.getcwd(),
          os.environ.get("USER"), os.environ.get("HOME"))
    """


def as_user(argv: list[str], stdin: bytes, uid: int = 1000, extra: dict | None = None,
            tty: bool = False) -> Result:
    return run(argv, stdin=stdin, uid=uid, files={"/bin/sh": SHOW_SH, **(extra or {})}, tty=tty)


def test_su_with_the_right_password_runs_roots_shell():
    r = as_user(["su"], b"root\n")
    assert r.out == "Password: sh ['sh'] 0 0 0 /home/student root /root\n" and r.code == 0


def test_su_wrong_password_is_an_authentication_failure():
    r = as_user(["su"], b"student\n")
    assert (r.out, r.err, r.code) == ("Password: ", "su: Authentication failure\n", 1)
    assert as_user(["su"], b"").err == "su: Authentication failure\n"      # end of input


def test_su_dash_user_c_command_is_a_login_shell_in_the_home():
    r = as_user(["su", "-", "alice", "-c", "id"], b"alice\n")
    assert r.out == "Password: sh ['-sh', '-c', 'id'] 1001 1001 1001 /home/alice alice /home/alice\n"


def test_su_as_root_needs_no_password():
    assert as_user(["su", "bob"], b"", uid=0).out == "sh ['sh'] 1002 1002 1002 /home/student bob /home/bob\n"


def test_su_errors():
    assert as_user(["su", "nobody"], b"").err.startswith("su: user nobody does not exist")
    r = as_user(["su", "-x"], b"")
    assert r.err.startswith("su: invalid option -- 'x'") and r.code == 2


def test_su_without_setuid_cannot_read_shadow():
    # (a copy of su, with the module it imports beside it, as a copy of /bin would have)
    r = as_user(["/tmp/su"], b"root\n", extra={"/tmp/su": open("programs/su.py").read(),
                                               "/tmp/shadow.py": open("programs/shadow.py").read()})
    assert r.err == "su: cannot read /etc/shadow: Permission denied (is su set-user-ID root?)\n"


def test_login_asks_name_and_password_and_starts_a_login_shell():
    r = as_user(["login"], b"alice\nalice\n")
    assert r.out == "login: Password: sh ['-sh'] 1001 1001 1001 /home/alice alice /home/alice\n"


def test_login_gives_three_tries():
    r = as_user(["login", "bob"], b"x\nbob\nbob\n", uid=0)
    assert r.out == ("Password: Login incorrect\nlogin: Password: "
                     "sh ['-sh'] 1002 1002 1002 /home/bob bob /home/bob\n")
    r = as_user(["login"], b"a\nb\nc\nd\ne\nf\n")
    assert r.out.count("Login incorrect") == 3 and r.err == "login: too many failures\n"
    assert r.code == 1


def shadow(k) -> dict[str, str]:
    text = bytes(k.fs.root.entries["etc"].entries["shadow"].data).decode()
    return {line.split(":")[0]: line for line in text.splitlines()}


def test_passwd_changes_own_password_and_su_accepts_the_new_one():
    script = """\
        #!/usr/bin/env python3
        import os
        for argv in (["passwd"], ["su", "student", "-c", "x"]):
            os.waitpid(os.posix_spawnp(argv[0], argv, os.environ), 0)
        """
    # on a terminal each program reads only its own lines (from a pipe passwd would
    # swallow su's line into its stdin buffer, as CPython's does)
    r = as_user(["/tmp/d.py"], b"student\nsecret\nsecret\nsecret\n", extra={"/tmp/d.py": script},
                tty=True)
    # typed unseen (echo off), so getpass ends each with the newline the terminal did not show
    assert r.out == ("Changing password for student.\nCurrent password: \nNew password: \n"
                     "Retype new password: \npasswd: password updated successfully\n"
                     "Password: \nsh ['sh', '-c', 'x'] 1000 1000 1000 /home/student student "
                     "/home/student\n")
    assert r.kernel.tty.echo            # and echo is back on
    before = shadow(run(["true"]).kernel)
    after = shadow(r.kernel)
    assert after["student"] != before["student"] and after["alice"] == before["alice"]
    assert after["student"].split(":")[2:] == before["student"].split(":")[2:]


@pytest.mark.parametrize("argv,stdin,uid,err,code", [
    (["passwd"], b"bad\n", 1000,
     "passwd: Authentication token manipulation error\npasswd: password unchanged\n", 10),
    (["passwd"], b"student\na\nb\n", 1000,
     "Sorry, passwords do not match.\npasswd: password unchanged\n", 10),
    (["passwd", "alice"], b"", 1000,
     "passwd: You may not view or modify password information for alice.\n", 1),
    (["passwd", "zz"], b"", 0, "passwd: user 'zz' does not exist\n", 1),
])
def test_passwd_refusals_leave_shadow_alone(argv, stdin, uid, err, code):
    r = run(argv, stdin=stdin, uid=uid)
    assert (r.err, r.code) == (err, code)
    assert shadow(r.kernel) == shadow(run(["true"]).kernel)


def test_root_changes_anyones_password_without_the_old_one():
    r = run(["passwd", "alice"], stdin=b"x\nx\n", uid=0)
    assert r.out.endswith("passwd: password updated successfully\n")
    assert shadow(r.kernel)["alice"] != shadow(run(["true"]).kernel)["alice"]
