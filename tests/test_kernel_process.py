"""The process API: fork, exec, wait, exit, zombies and orphans, limits."""
from __future__ import annotations

from conftest import run


def test_fork_returns_twice_with_independent_copies_of_variables():
    r = run("""
        import os
        x = 100
        pid = os.fork()
        if pid == 0:
            x += 1
            print("child", x, pid)
        else:
            os.wait()
            x -= 1
            print("parent", x, pid > 0)
    """, fork_first="child")
    assert r.out == "child 101 0\nparent 99 True\n"


def test_p1_order_depends_on_the_seed_but_is_the_same_for_one_seed():
    src = """
        import os
        print("hello (pid:%d)" % os.getpid())
        rc = os.fork()
        if rc == 0:
            print("child (pid:%d)" % os.getpid())
        else:
            print("parent of %d (pid:%d)" % (rc, os.getpid()))
    """
    outs = {run(src, seed=s).out for s in range(8)}
    assert len(outs) == 2                     # both orders happen
    assert run(src, seed=3).out == run(src, seed=3).out


def test_fds_are_inherited_and_the_offset_is_shared():
    r = run("""
        import os
        fd = os.open("/tmp/f", os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o644)
        if os.fork() == 0:
            os.write(fd, b"child\\n")
            os._exit(0)
        os.wait()
        os.write(fd, b"parent\\n")
        os.close(fd)
        print(open("/tmp/f").read(), end="")
    """)
    assert r.out == "child\nparent\n"


def test_exec_never_returns_and_a_failed_exec_raises_enoent():
    r = run("""
        import os
        try:
            os.execv("/no/such/program", ["x"])
        except FileNotFoundError as e:
            print("failed:", e.errno, e.strerror, flush=True)
        os.execv("/tmp/hello.py", ["hello.py", "arg"])
        print("never printed")
    """, files={"/tmp/hello.py": "#!/usr/bin/python3\nimport sys\nprint('hello', sys.argv)\n"})
    assert r.out == "failed: 2 No such file or directory\nhello ['/tmp/hello.py', 'arg']\n"  # python3 gets the path
    assert r.code == 0


def test_exec_of_a_file_without_execute_permission_gives_eacces():
    src = """
        import os
        with open("/tmp/plain", "w") as f:
            f.write("#!/usr/bin/python3\\n")
        os.chmod("/tmp/plain", 0o644)
        try:
            os.execv("/tmp/plain", ["plain"])
        except PermissionError as e:
            print("EACCES", e.errno)
    """
    assert run(src, uid=1000).out == "EACCES 13\n"
    assert run(src, uid=0).out == "EACCES 13\n"     # root too needs some x bit


def test_exec_runs_the_interpreter_named_by_a_shebang():
    r = run("""
        import os
        os.execv("/tmp/script", ["script", "a"])
    """, files={"/tmp/interp": "#!/usr/bin/python3\nimport sys\nprint(sys.argv)\n",
                "/tmp/script": "#!/tmp/interp -x\nwhatever\n"})
    assert r.out == "['/tmp/interp', '-x', '/tmp/script', 'a']\n"


def test_close_on_exec_fds_are_closed_and_inheritable_ones_survive():
    r = run("""
        import os
        a = os.open("/dev/null", os.O_RDONLY)      # PEP 446: not inheritable
        b = os.dup2(a, 7)                          # dup2: inheritable
        os.execv("/tmp/check.py", ["check.py", str(a)])
    """, files={"/tmp/check.py": "#!/usr/bin/python3\nimport os, sys\n"
                "print(sorted(int(n) for n in os.listdir('/proc/self/fd')))\n"})
    assert r.out == "[0, 1, 2, 3, 7]\n"       # 3: listdir's own, open while it reads (Linux)


def test_wait_returns_pid_and_status_and_echild_without_children():
    r = run("""
        import os
        pid = os.fork()
        if pid == 0:
            os._exit(7)
        wpid, status = os.wait()
        print(wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status))
        try:
            os.wait()
        except ChildProcessError as e:
            print("ECHILD", e.errno)
    """)
    assert r.out == "True True 7\nECHILD 10\n", (r.err, r.kernel.panics)


def test_waitpid_wnohang_returns_zero_while_the_child_runs():
    r = run("""
        import os, time
        pid = os.fork()
        if pid == 0:
            time.sleep(1)
            os._exit(3)
        print(os.waitpid(pid, os.WNOHANG))
        print(os.waitpid(pid, 0)[1] >> 8)
    """)
    assert r.out == "(0, 0)\n3\n"


def test_exit_statuses_of_sys_exit_and_falling_off_the_end():
    assert run("import sys\nsys.exit(300)\n").code == 44
    assert run("pass\n").code == 0
    r = run("import sys\nsys.exit('bad thing')\n")
    assert (r.code, r.err) == (1, "bad thing\n")


def test_a_crashing_program_prints_its_own_traceback_and_exits_1():
    r = run("""
        def f():
            return 1 / 0
        f()
    """)
    assert r.code == 1
    assert r.err.startswith("Traceback (most recent call last):\n")
    assert 'File "/tmp/prog.py", line 4, in f' in r.err
    assert "return 1 / 0" in r.err
    assert r.err.endswith("ZeroDivisionError: division by zero\n")
    assert "kernel" not in r.err


def test_a_zombie_is_visible_until_reaped():
    r = run("""
        import os, time
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        time.sleep(1)
        print(open("/proc/%d/status" % pid).read().splitlines()[1])
        os.waitpid(pid, 0)
        print(os.path.exists("/proc/%d" % pid))
    """)
    assert r.out == "State:\tZ (zombie)\nFalse\n"


def test_an_orphan_is_reparented_to_init_and_reaped():
    r = run("""
        import os, time
        if os.fork() == 0:
            if os.fork() == 0:
                time.sleep(1)
                print("orphan's parent:", os.getppid(), flush=True)
                os._exit(0)
            os._exit(0)
        os.wait()
        time.sleep(2)
    """)
    assert r.out == "orphan's parent: 1\n"
    assert len(r.kernel.procs) == 0         # init reaped everyone, then itself


def test_fork_beyond_the_process_limit_fails_with_eagain_and_the_kernel_goes_on():
    r = run("""
        import os, time
        n = 0
        try:
            while True:
                if os.fork() == 0:
                    time.sleep(5)
                    os._exit(0)
                n += 1
        except BlockingIOError as e:
            print("EAGAIN", e.errno, n)
        os.kill(-1, 9)
        while True:
            try:
                os.wait()
            except ChildProcessError:
                break
        print("still running")
    """, uid=1000, nproc=10)
    assert r.out == "EAGAIN 11 8\nstill running\n"


def test_root_has_no_process_limit():
    r = run("""
        import os
        for i in range(30):
            if os.fork() == 0:
                os._exit(0)
        n = 0
        while True:
            try:
                os.wait(); n += 1
            except ChildProcessError:
                break
        print(n)
    """, nproc=10)
    assert r.out == "30\n"


def test_tables_return_to_their_starting_size_after_10000_cycles():
    from conftest import make_kernel
    k = make_kernel()
    k.fs.write_file("/bin/true", "#!/usr/bin/python3\n", mode=0o755)
    sizes = {}

    def init(rt):
        os = rt.os
        sizes["before"] = (len(k.procs), len(k.files))
        for _ in range(10_000):
            pid = rt.clone(lambda child: child.os.execv("/bin/true", ["true"]))
            os.waitpid(pid, 0)
        sizes["after"] = (len(k.procs), len(k.files))
        return 0
    k.spawn(init)
    k.run()
    assert sizes["after"] == sizes["before"]


def test_replay_divergence_kills_the_child_with_a_message_naming_the_line():
    r = run("""
        import os, json
        json.counter = getattr(json, "counter", 0) + 1   # state outside the kernel
        if json.counter == 1:
            os.getpid()
        else:
            os.getuid()
        pid = os.fork()
        if pid == 0:
            print("child ran", flush=True)
            os._exit(0)
        print("child status", os.wait()[1] & 0x7f)
    """)
    assert "child ran" not in r.out
    assert "child status 9" in r.out
    assert "fork replay of pid 3 diverged at /tmp/prog.py:8" in r.err


def test_getpid_getppid_and_process_groups():
    r = run("""
        import os
        me = os.getpid()
        pid = os.fork()
        if pid == 0:
            os.setpgid(0, 0)
            print(os.getppid() == me, os.getpgrp() == os.getpid(), flush=True)
            os._exit(0)
        os.wait()
    """)
    assert r.out == "True True\n"


def test_bad_arguments_raise_what_cpython_raises():
    r = run("""
        import os
        for call in (lambda: os.close(99), lambda: os.read(42, 1), lambda: os.kill(4242, 0),
                     lambda: os.waitpid(4242, 0), lambda: os.open("/nope", os.O_RDONLY),
                     lambda: os.close("x"), lambda: os.write(1, "str"), lambda: os.chdir("/etc/passwd")):
            try:
                call()
            except Exception as e:
                print(type(e).__name__, e)
    """)
    assert r.out.splitlines() == [
        "OSError [Errno 9] Bad file descriptor",
        "OSError [Errno 9] Bad file descriptor",
        "ProcessLookupError [Errno 3] No such process",
        "ChildProcessError [Errno 10] No child processes",
        "FileNotFoundError [Errno 2] No such file or directory: '/nope'",
        "TypeError 'str' object cannot be interpreted as an integer",
        "TypeError a bytes-like object is required, not 'str'",
        "NotADirectoryError [Errno 20] Not a directory: '/etc/passwd'",
    ]


def test_modules_that_reach_the_host_cannot_be_imported():
    r = run("""
        try:
            import socket
        except ImportError as e:
            print(e)
    """)
    assert "No module named 'socket' in vshell" in r.out


def test_stdout_is_block_buffered_into_a_pipe_and_flushed_before_fork():
    r = run("""
        import os
        r, w = os.pipe()
        print("once", end="")
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.wait()
        print()
    """)
    assert r.out == "once\n"


def test_a_proc_file_read_in_pieces_is_one_state_of_the_process():
    """As Linux's seq_file: the contents are made at the read from offset 0;
    a change after it does not splice into the rest of that open's reads."""
    r = run('''
        import os, signal
        def cgt(data):
            return [l for l in data.split(b"\\n") if l.startswith(b"SigCgt")]
        fd = os.open("/proc/self/status", os.O_RDONLY)
        first = os.read(fd, 1)
        signal.signal(signal.SIGUSR1, lambda *a: None)
        rest = b""
        while chunk := os.read(fd, 7):
            rest += chunk
        new = open("/proc/self/status", "rb").read()
        print(cgt(first + rest) != cgt(new), len(cgt(new)))
        os.lseek(fd, 0, 0)
        print(cgt(os.read(fd, 100000)) == cgt(new))      # made again from offset 0
    ''')
    assert (r.out, r.err) == ("True 1\nTrue\n", "")
