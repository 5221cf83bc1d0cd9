"""Permissions hold on every path, not just system calls: what the shell, the
viewers and /proc write or show on a process's behalf is checked as that
process's own open would be."""
from __future__ import annotations

from conftest import run
from kernel import MemoryConsole
from vshell.system import Options, boot, make_machine


def session(script: str, user: str = "student", stdin: bytes = b"", fs_size: int | None = None):
    """A booted machine: init (root) runs the login shell as `user`."""
    opts = Options(seed=1, virtual_time=True, user=user, fs_size=fs_size)
    k = make_machine(opts, MemoryConsole(stdin))
    status = boot(k, opts, ["sh", "-c", script, "vshell"])
    return k.tty.console.stdout, k.tty.console.stderr, status, k


def shadow(k) -> bytes:
    return bytes(k.fs.root.lookup("etc").lookup("shadow").data)


# ---- strace -o ------------------------------------------------------------------------

def test_strace_o_cannot_replace_root_s_shadow():
    out, err, status, k = session("strace -o /etc/shadow true; echo rc=$?; ls -l /etc/shadow")
    before = session("true")[3]
    assert err == "strace: Can't fopen '/etc/shadow': Permission denied\n"
    assert out.startswith("rc=1\n-rw------- 1 root root ")
    assert shadow(k) == shadow(before) and b"root:" in shadow(k)


def test_strace_o_says_what_strace_says_when_it_cannot_open():
    # real strace 6.1, as an ordinary user, prints the same lines
    out, err, status, k = session("strace -o /nonexist/x true; strace -o /tmp true; "
                                  "strace -o /bin/new true; echo rc=$?")
    assert err == ("strace: Can't fopen '/nonexist/x': No such file or directory\n"
                   "strace: Can't fopen '/tmp': Is a directory\n"
                   "strace: Can't fopen '/bin/new': Permission denied\n")
    assert out == "rc=1\n"


def test_strace_o_writes_where_allowed_owned_by_the_user():
    out, err, status, k = session("cd /tmp; strace -o t.out true; ls -l t.out; grep -c exec t.out")
    assert err == ""
    listing, count = out.splitlines()
    assert listing.split()[:4] == ["-rw-r--r--", "1", "student", "student"]
    assert count == "1"


def test_strace_o_into_another_user_s_writable_file_keeps_its_owner():
    out, err, status, k = session("echo old > /tmp/shared; chmod 666 /tmp/shared; "
                                  "su alice -c 'strace -o /tmp/shared true'; ls -l /tmp/shared; "
                                  "grep -c old /tmp/shared", stdin=b"alice\n")
    listing = out.splitlines()[-2].partition("Password: ")[2]
    assert listing.split()[2:4] == ["student", "student"]      # truncated, not replaced
    assert out.endswith("\n0\n")


def test_the_traced_command_does_not_inherit_the_trace_file():
    out, err, status, k = session(
        "strace -o t.out python -c 'import os; print(sorted(os.listdir(\"/proc/self/fd\")))'")
    assert out == "['0', '1', '2', '3']\n"     # 3: listdir's own fd, as on Linux


def test_proc_trace_takes_no_file_names():
    # the old request named a file the kernel then wrote as root: gone
    out, err, status, k = session("echo 'strace 1 file /tmp/owned' > /proc/trace; ls /tmp")
    assert "owned" not in out


def test_a_trace_file_on_a_full_disk_just_stops():
    out, err, status, k = session(
        "yes > fill; python -c 'import os; os.truncate(\"fill\", os.stat(\"fill\").st_size - 800)'; "
        "strace -f -o t.out ./p2.py > /dev/null; echo rc=$?; wc -c < t.out", fs_size=1 << 20)
    rc, size = out.split()
    assert rc == "rc=0" and 0 < int(size) < 600             # the whole trace is ~630 bytes
    assert "Traceback" not in err and k.panics == []


# ---- what viewers show ------------------------------------------------------------------------

def test_strace_of_a_set_user_id_program_does_not_show_its_calls():
    out, err, status, k = session("strace su -c true", stdin=b"wrong\n")
    assert err.startswith('execve("/bin/su", ["su", "-c", "true"], ...) = 0\n')
    assert "--- system calls not shown: it runs as another user ---" in err
    assert "read(" not in err.split('execve("/bin/su"')[1]
    assert "shadow" not in err


def test_a_user_s_live_trace_hides_other_users_system_calls():
    out, err, status, k = session("trace syscalls; su -c true; trace off", stdin=b"root\n")
    assert "shadow" not in err and "$6$" not in err
    out, err, status, k = session("trace syscalls; su -c true; trace off", user="root")
    assert "not shown" not in err


def test_proc_memory_registers_and_fds_are_their_owner_s_only():
    out, err, status, k = session("regs 1; mem 1; fds 1; fds $$ > /dev/null; echo rc=$?; "
                                  "head -1 /proc/1/status")
    assert err == ("regs: /proc/1/stack: Permission denied\n"
                   "mem: 1: Permission denied\n"
                   "fds: 1: Permission denied\n")
    assert out.endswith("rc=0\nName:\tinit\n")
    out, err, status, k = session("regs 1 > /dev/null; echo rc=$?", user="root")
    assert (out, err) == ("rc=0\n", "")


def test_a_set_user_id_process_s_proc_entries_are_root_s():
    r = run("""
        import os
        def child(set_ids):
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:
                set_ids()
                os.close(w)                 # now the parent may look
                os.read(0, 1)               # and wait here
                os._exit(0)
            os.close(w)
            os.read(r, 1)
            return pid
        running_as_other = child(lambda: os.seteuid(1000))     # uid 0, euid 1000
        plain = child(lambda: os.setuid(1000))                # uid = euid = 1000
        for pid in (running_as_other, plain):
            st = os.stat(f"/proc/{pid}/stack")
            print(st.st_uid, oct(st.st_mode & 0o777), os.stat(f"/proc/{pid}/status").st_mode & 0o777)
    """)
    assert r.out == "0 0o400 292\n1000 0o400 292\n", r.err
