"""The os, signal and fcntl modules a virtual process sees: what python3's offer
on Linux, with the same results and errors, each routed through the kernel."""
from __future__ import annotations

import inspect
import os as host_os
import textwrap
import types

from conftest import add_files, make_kernel, new_machine, run, run_cmd, run_on


def ok(src: str, **kw) -> str:
    """Run src; it must exit 0 with nothing on stderr.  Its stdout."""
    r = run(src, **kw)
    assert (r.status, r.err) == (0, ""), r.err
    return r.out


def booted(src: str) -> str:
    """ok(), as a student on a booted machine (with /bin/sh and the tools), in /tmp."""
    k = new_machine()
    add_files(k, {"/tmp/t.py": "#!/usr/bin/python3\n" + textwrap.dedent(src)}, mode=0o755)
    r = run_on(k, ["/tmp/t.py"], env={"PATH": "/bin", "HOME": "/tmp"}, cwd="/tmp")
    assert (r.status, r.err) == (0, ""), r.err
    return r.out


# ---- arguments: CPython's signatures and messages ------------------------------------------

def _host_parameters(f) -> list[tuple[str, str]]:
    from kernel.libpy.clinic import parameters
    posonly, poskw, kwonly = parameters(f)
    return ([(n, "POSITIONAL_ONLY") for n, _ in posonly] +
            [(n, "POSITIONAL_OR_KEYWORD") for n, _ in poskw] +
            [(n, "KEYWORD_ONLY") for n in kwonly])


def test_every_virtual_function_takes_the_arguments_cpythons_takes():
    """Same names and kinds of parameters as the host's C function: else a call
    that works under python3 would fail in vshell, or the other way round."""
    from kernel.libpy import fcntl, os, signal
    import fcntl as host_fcntl
    import signal as host_signal
    checked = 0
    for ours, host in ((os, host_os), (signal, host_signal), (fcntl, host_fcntl)):
        for name in dir(ours):
            f, h = getattr(ours, name), getattr(host, name, None)
            if not isinstance(h, types.BuiltinFunctionType) or not h.__text_signature__ \
                    or isinstance(f, types.BuiltinFunctionType):
                continue
            sig = inspect.signature(inspect.unwrap(f))
            got = [(p.name, p.kind.name) for p in sig.parameters.values()]
            assert got == _host_parameters(h), f"{ours.__name__}.{name}"
            checked += 1
    assert checked >= 140


def test_a_wrong_call_gets_cpythons_message():
    out = ok("""\
        import os, signal, fcntl
        for call in ["os.dup2(1)", "os.lseek(1, 2)", "os.fork(1)", "os.kill()", "os.umask(mask=1)",
                     "os.stat('x', 1)", "os.wait4(None)", "os.close(a=1, b=2)", "os.stat(bogus=1)",
                     "signal.setitimer(1)", "signal.alarm()", "fcntl.fcntl(0)", "os.getenv()"]:
            try:
                eval(call)
            except TypeError as e:
                print(e)
        """)
    assert out.splitlines() == [
        "dup2() missing required argument 'fd2' (pos 2)",
        "lseek expected 3 arguments, got 2",
        "posix.fork() takes no arguments (1 given)",
        "kill() takes exactly 2 arguments (0 given)",
        "posix.umask() takes no keyword arguments",
        "stat() takes exactly 1 positional argument (2 given)",
        "'NoneType' object cannot be interpreted as an integer",
        "close() takes at most 1 keyword argument (2 given)",
        "stat() missing required argument 'path' (pos 1)",
        "setitimer expected at least 2 arguments, got 1",
        "_signal.alarm() takes exactly one argument (0 given)",
        "fcntl expected at least 2 arguments, got 1",
        "getenv() missing 1 required positional argument: 'key'"]


def test_argument_values_are_checked_as_cpython_checks_them():
    out = ok("""\
        import os, signal
        for call in ["os.lseek(0, 0, 7)", "os.read(0, -1)", "os.getenv(1)", "os.close(2**40)",
                     "os.kill(2**40, 0)", "os.listdir(3.5)", "os.stat('a\\\\0b')",
                     "os.pthread_sigmask" if False else "signal.pthread_sigmask(0, [99])",
                     "signal.sigtimedwait([], -1)", "os.write(1, 'str')"]:
            try:
                eval(call)
            except Exception as e:
                print(type(e).__name__, e)
        """)
    assert out.splitlines() == [
        "OSError [Errno 22] Invalid argument",
        "OSError [Errno 22] Invalid argument",
        "TypeError str expected, not int",
        "OverflowError Python int too large to convert to C int",
        "OverflowError signed integer is greater than maximum",
        "TypeError listdir: path should be string, bytes, os.PathLike, integer or None, "
        "not float",
        "ValueError embedded null byte",
        "ValueError signal number 99 out of range [1; 64]",
        "ValueError timeout must be non-negative",
        "TypeError a bytes-like object is required, not 'str'"]


def test_what_vshell_lacks_is_missing_as_on_a_platform_without_it():
    out = ok("""\
        import os, signal, sys
        print([hasattr(os, n) for n in ("eventfd", "forkpty", "getxattr", "pidfd_open",
                                        "splice", "annotations")], os.sys is sys)
        print([hasattr(signal, n) for n in ("sigprocmask", "annotations", "pidfd_send_signal")])
        """)
    assert out == "[False, False, False, False, False, False] True\n[False, False, False]\n"


# ---- wait ------------------------------------------------------------------------------------

def test_waitid_reports_how_a_child_ended_stopped_and_continued():
    out = ok("""\
        import os, signal
        pid = os.fork()
        if pid == 0:
            os.kill(os.getpid(), signal.SIGSTOP)
            os._exit(3)
        i = os.waitid(os.P_PID, pid, os.WSTOPPED)
        print(i.si_pid == pid, i.si_code == os.CLD_STOPPED, i.si_status, i.si_signo)
        os.kill(pid, signal.SIGCONT)
        i = os.waitid(os.P_PGID, 0, os.WCONTINUED)
        print(i.si_code == os.CLD_CONTINUED, i.si_status)
        i = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOWAIT)
        print(i.si_code == os.CLD_EXITED, i.si_status, "still there:", os.waitpid(pid, 0)[1] >> 8)
        pid = os.fork()
        if pid == 0:
            os.kill(os.getpid(), signal.SIGTERM)
        print(os.waitid(os.P_ALL, 0, os.WEXITED).si_code == os.CLD_KILLED)
        for options in (0, os.WEXITED | 0x40):
            try:
                os.waitid(os.P_ALL, 0, options)
            except OSError as e:
                print(e)
        try:
            os.waitid(os.P_ALL, 0, os.WEXITED)
        except ChildProcessError as e:
            print(e)
        """)
    assert out == ("True True 19 17\nTrue 18\nTrue 3 still there: 3\nTrue\n"
                   "[Errno 22] Invalid argument\n[Errno 22] Invalid argument\n"
                   "[Errno 10] No child processes\n")


def test_waitid_with_wnohang_gives_none_until_a_child_changes():
    out = ok("""\
        import os, time
        pid = os.fork()
        if pid == 0:
            time.sleep(0.1)
            os._exit(0)
        print(os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG))
        print(os.wait3(os.WNOHANG)[:2])
        time.sleep(0.2)
        print(os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG).si_pid == pid)
        """)
    assert out == "None\n(0, 0)\nTrue\n"


def test_wait4_gives_the_childs_resource_usage():
    out = ok("""\
        import os, time
        pid = os.fork()
        if pid == 0:
            for _ in range(3):
                time.sleep(0.01)
            os._exit(2)
        got, status, usage = os.wait4(pid, 0)
        print(got == pid, status >> 8, type(usage).__name__, usage.ru_nvcsw >= 3,
              usage.ru_utime > 0, usage.ru_maxrss)
        """)
    assert out == "True 2 struct_rusage True True 0\n"


# ---- starting programs: spawn and popen ------------------------------------------------------

def test_spawn_waits_for_the_exit_code_or_returns_a_pid():
    out = booted("""\
        import os
        print(os.spawnlp(os.P_WAIT, "sh", "sh", "-c", "exit 5"))
        print(os.spawnv(os.P_WAIT, "/bin/sh", ["sh", "-c", "kill -TERM $$"]))
        print(os.spawnv(os.P_WAIT, "/nope", ["nope"]))
        print(os.spawnve(os.P_WAIT, "/bin/sh", ["sh", "-c", "exit $N"], {"N": "7"}))
        pid = os.spawnvp(os.P_NOWAIT, "sh", ["sh", "-c", "exit 4"])
        print(os.waitpid(pid, 0) == (pid, 4 << 8))
        """)
    assert out == "5\n-15\n127\n7\nTrue\n"


def test_popen_runs_sh_through_a_pipe_and_close_gives_the_status():
    out = booted("""\
        import os
        with os.popen("echo one; echo two") as f:
            print(f.read().split())
        print(os.popen("exit 3").close(), os.popen("true").close(), os.popen("kill -9 $$").close())
        f = os.popen("cat > p.txt", "w")
        f.write("written\\n")
        print(f.close(), open("p.txt").read(), end="")
        os.environ["V"] = "from environ"
        print(os.popen("echo $V").read(), end="")
        r, w = os.pipe()
        os.set_inheritable(w, True)                   # and yet closed in the command (close_fds)
        print(os.popen(f"python -c 'import os; os.fstat({w})' 2>&1 | tail -1").read(), end="")
        """)
    assert out == ("['one', 'two']\n768 None -2304\nNone written\nfrom environ\n"
                   "OSError: [Errno 9] Bad file descriptor\n")


# ---- named pipes -------------------------------------------------------------------------------

def test_a_fifo_joins_two_processes_that_open_it_by_name():
    out = ok("""\
        import os, stat, time
        os.mkfifo("fifo", 0o600)
        st = os.stat("fifo")
        print(stat.S_ISFIFO(st.st_mode), stat.filemode(st.st_mode), st.st_size)
        pid = os.fork()
        if pid == 0:
            time.sleep(0.1)                      # the reader waits in open() meanwhile
            with open("fifo", "w") as f:
                f.write("through the fifo\\n")
            os._exit(0)
        t = time.monotonic()
        with open("fifo") as f:
            print(time.monotonic() - t >= 0.1, f.read(), end="")
        os.waitpid(pid, 0)
        """)
    assert out == "True prw------- 0\nTrue through the fifo\n"


def test_fifo_opens_follow_linuxs_nonblocking_rules():
    out = ok("""\
        import os, signal
        os.mkfifo("p")
        try:
            os.open("p", os.O_WRONLY | os.O_NONBLOCK)
        except OSError as e:
            print(e)
        r = os.open("p", os.O_RDONLY | os.O_NONBLOCK)   # no writer: at once, and EOF
        print(os.read(r, 10))
        w = os.open("p", os.O_WRONLY | os.O_NONBLOCK)
        os.write(w, b"abc")
        print(os.read(r, 10), os.lseek(r, 0, 0) if False else "")
        os.close(w); os.close(r)
        rw = os.open("p", os.O_RDWR)                    # both ends: never waits
        os.write(rw, b"lost")
        os.close(rw)                                    # the last close drops the data
        r = os.open("p", os.O_RDONLY | os.O_NONBLOCK)
        print(os.read(r, 10))
        def alarm(s, f):
            raise TimeoutError("nobody came")
        signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        try:
            os.open("p", os.O_WRONLY | os.O_TRUNC)      # a reader is there: no wait
            print("opened")
            os.close(r)
            os.open("p", os.O_WRONLY)
        except TimeoutError as e:
            print(e)
        """)
    assert out == ("[Errno 6] No such device or address: 'p'\nb''\nb'abc' \nb''\n"
                   "opened\nnobody came\n")


def test_mkfifo_and_ls_show_named_pipes():
    r = run_cmd(["sh", "-c", "cd /tmp; mkfifo f; mkfifo -m 600 g; mkfifo f; ls -l; stat -c %F f"])
    assert r.code == 0
    assert r.out.splitlines()[1].startswith("prw-r--r-- 1 student student 0 ")
    assert r.out.splitlines()[2].startswith("prw------- 1 student student 0 ")
    assert r.out.endswith("fifo\n")
    assert r.err == "mkfifo: cannot create fifo 'f': File exists\n"


# ---- calls on descriptors --------------------------------------------------------------------

def test_reading_and_writing_at_offsets_and_in_pieces():
    out = ok("""\
        import os
        fd = os.open("f", os.O_RDWR | os.O_CREAT)
        os.write(fd, b"hello world")
        print(os.pread(fd, 5, 6), os.pwrite(fd, b"HELLO", 0), os.lseek(fd, 0, os.SEEK_CUR))
        a, b = bytearray(3), bytearray(20)
        os.lseek(fd, 0, 0)
        print(os.readv(fd, [a, b]), a, bytes(b[:8]))
        print(os.writev(fd, [b"!", memoryview(b"?")]), os.pread(fd, 20, 0))
        r, w = os.pipe()
        print(os.sendfile(w, fd, 6, 5), os.read(r, 10), os.lseek(fd, 0, os.SEEK_CUR))
        try:
            os.pread(r, 1, 0)
        except OSError as e:
            print(e)
        """)
    assert out == ("b'world' 5 11\n11 bytearray(b'HEL') b'LO world'\n2 b'HELLO world!?'\n"
                   "5 b'world' 13\n[Errno 29] Illegal seek\n")


def test_fsync_fchmod_fchdir_and_friends_act_on_the_open_file():
    out = ok("""\
        import os, stat
        fd = os.open("f", os.O_RDWR | os.O_CREAT, 0o600)
        os.fsync(fd); os.fdatasync(fd); os.sync()
        os.fchmod(fd, 0o640)
        print(oct(stat.S_IMODE(os.stat("f").st_mode)))
        os.posix_fallocate(fd, 0, 100)
        print(os.fstat(fd).st_size)
        os.mkdir("d")
        os.fchdir(os.open("d", os.O_RDONLY))
        print(os.getcwd())
        r, w = os.pipe()
        for call in (lambda: os.fsync(r), lambda: os.fchdir(fd)):
            try:
                call()
            except OSError as e:
                print(e)
        m = os.memfd_create("scratch")
        os.write(m, b"in memory")
        print(os.pread(m, 20, 0), os.readlink(f"/proc/self/fd/{m}"))
        """)
    assert out == ("0o640\n100\n/tmp/d\n[Errno 22] Invalid argument\n[Errno 20] Not a directory\n"
                   "b'in memory' /memfd:scratch (deleted)\n")


def test_statvfs_reports_the_virtual_disk():
    out = ok("""\
        import os, shutil
        st = os.statvfs("/")
        print(st.f_blocks * st.f_frsize, st.f_namemax, os.statvfs("/proc").f_flag & os.ST_RDONLY)
        print(shutil.disk_usage("/").total)
        """, fs_size=8 << 20)
    assert out == f"{8 << 20} 255 1\n{8 << 20}\n"


def test_shutil_copies_with_sendfile():
    r = run("""\
        import shutil
        open("a", "w").write("copy me\\n" * 1000)
        shutil.copyfile("a", "b")
        print(open("b").read() == open("a").read())
        """, trace=True)
    assert (r.out, r.err) == ("True\n", "")
    assert "sendfile" in {e.name for e in r.events if e.kind == "SyscallEnter"}


# ---- paths -----------------------------------------------------------------------------------

def test_bytes_paths_give_bytes_back():
    out = ok("""\
        import os
        os.makedirs(b"d/e")
        os.symlink("e", "d/l")
        print(sorted(os.listdir(b"d")), sorted(e.path for e in os.scandir(b"d")))
        print(list(os.walk(b"d")))
        print(os.readlink(b"d/l"), os.getcwdb())
        try:
            os.stat(b"nope")
        except OSError as e:
            print(e)
        """)
    assert out == ("[b'e', b'l'] [b'd/e', b'd/l']\n"
                   "[(b'd', [b'e', b'l'], []), (b'd/e', [], [])]\n"
                   "b'e' b'/tmp'\n[Errno 2] No such file or directory: b'nope'\n")


def test_environb_is_environ_seen_as_bytes():
    out = ok("""\
        import os
        os.environb[b"B"] = b"bee"
        print(os.environ["B"], os.getenvb(b"B"), type(os.environb).__name__)
        del os.environ["B"]
        print(b"B" in os.environb, os.getenvb(b"B", b"gone"))
        try:
            os.environb["x"]
        except TypeError as e:
            print(e)
        """)
    assert out == "bee b'bee' _Environ\nFalse b'gone'\nbytes expected, not str\n"



def test_dir_fd_starts_a_relative_path_at_an_open_directory():
    """The *at() calls; shutil.rmtree and fwalk use them, as on Linux."""
    out = ok("""\
        import os, shutil
        os.makedirs("top/sub")
        d = os.open("top", os.O_RDONLY)
        os.close(os.open("f", os.O_CREAT | os.O_WRONLY, dir_fd=d))
        os.symlink("f", "l", dir_fd=d)
        os.rename("f", "g", src_dir_fd=d, dst_dir_fd=d)
        print(sorted(os.listdir("top")), os.readlink("l", dir_fd=d),
              os.stat("g", dir_fd=d).st_size, os.stat("/", dir_fd=-1).st_ino > 0)
        print(sorted((e.path, e.is_dir()) for e in os.scandir(d)))
        print([(p, sorted(ds), sorted(fs)) for p, ds, fs, fd in os.fwalk("top")])
        for call in (lambda: os.stat("x", dir_fd=99), lambda: os.stat("x", dir_fd=0),
                     lambda: os.stat(d, dir_fd=d), lambda: os.stat("x", dir_fd="a")):
            try:
                call()
            except Exception as e:
                print(type(e).__name__, e)
        print(shutil.rmtree.avoids_symlink_attacks, shutil.rmtree("top"), os.path.exists("top"))
        """)
    assert out == ("['g', 'l', 'sub'] f 0 True\n[('g', False), ('l', False), ('sub', True)]\n"
                   "[('top', ['sub'], ['g', 'l']), ('top/sub', [], [])]\n"
                   "OSError [Errno 9] Bad file descriptor: 'x'\n"
                   "NotADirectoryError [Errno 20] Not a directory: 'x'\n"
                   "ValueError stat: can't specify dir_fd without matching path\n"
                   "TypeError argument should be integer or None, not str\n"
                   "True None False\n")

# ---- credentials ------------------------------------------------------------------------------

SETUID = "/tmp/setuid.py"


def test_a_set_user_id_program_drops_and_regains_root_by_its_saved_uid():
    """access() asks about the real user, unless effective_ids says otherwise."""
    k = make_kernel()
    k.fs.write_file(SETUID, "#!/usr/bin/python3\n" + textwrap.dedent("""\
        import os
        print(os.getresuid(), os.access("/root", os.R_OK),
              os.access("/root", os.R_OK, effective_ids=True))
        os.seteuid(os.getuid())
        print(os.getresuid())
        os.seteuid(0)
        print(os.getresuid())
        os.setuid(1000)
        try:
            os.seteuid(0)
        except PermissionError as e:
            print(os.getresuid(), e)
        """), mode=0o4755)
    status = k.run_program([SETUID], uid=1000, cwd="/tmp")
    out = k.tty.console.stdout
    assert status == 0, k.tty.console.stderr
    assert out == ("(1000, 0, 0) False True\n(1000, 1000, 0)\n(1000, 0, 0)\n"
                   "(1000, 1000, 1000) [Errno 1] Operation not permitted\n")


def test_priority_is_the_nice_value_and_only_root_raises_it():
    out = ok("""\
        import os
        print(os.getpriority(os.PRIO_PROCESS, 0))
        os.setpriority(os.PRIO_PROCESS, 0, 5)
        print(os.getpriority(os.PRIO_PROCESS, os.getpid()), os.nice(1))
        for call in (lambda: os.setpriority(os.PRIO_PROCESS, 0, 0), lambda: os.nice(-1),
                     lambda: os.getpriority(os.PRIO_PROCESS, 9999), lambda: os.getpriority(7, 0)):
            try:
                call()
            except OSError as e:
                print(e)
        """, uid=1000)
    assert out == ("0\n5 6\n[Errno 13] Permission denied\n[Errno 1] Operation not permitted\n"
                   "[Errno 3] No such process\n[Errno 22] Invalid argument\n")


# ---- signals ------------------------------------------------------------------------------------

def test_sigwait_takes_a_blocked_signal_with_who_sent_it():
    out = ok("""\
        import os, signal
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1, signal.SIGCHLD})
        os.kill(os.getpid(), signal.SIGUSR1)
        i = signal.sigwaitinfo({signal.SIGUSR1})
        print(i.si_signo, i.si_code, i.si_pid == os.getpid(), i.si_uid)
        pid = os.fork()
        if pid == 0:
            os._exit(4)
        i = signal.sigwaitinfo({signal.SIGCHLD})
        print(i.si_code == os.CLD_EXITED, i.si_pid == pid, i.si_status)
        print(signal.sigtimedwait({signal.SIGUSR1}, 0.05), signal.sigpending())
        signal.alarm(1)
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        print(signal.sigwait({signal.SIGALRM, signal.SIGUSR1}))
        """)
    assert out == "10 0 True 0\nTrue True 4\nNone set()\n14\n"     # (3.11 prints IntEnums as ints)


def test_cpu_time_timers_count_only_the_processs_own_computing():
    out = ok("""\
        import signal, time
        got = []
        signal.signal(signal.SIGVTALRM, lambda s, f: got.append(s))
        signal.setitimer(signal.ITIMER_VIRTUAL, 0.01, 0.01)
        time.sleep(0.1)                  # sleeping uses no CPU: no signal
        print(got)
        while len(got) < 3:
            pass
        print(got, signal.setitimer(signal.ITIMER_VIRTUAL, 0)[1])
        """)
    assert out == "[]\n[26, 26, 26] 0.01\n"


def test_a_handler_gets_the_signal_as_an_int():
    out = ok("""\
        import signal
        got = []
        signal.signal(signal.SIGALRM, lambda s, f: got.append(s))
        signal.setitimer(signal.ITIMER_REAL, 0.01)
        signal.pause()
        print(got, type(got[0]).__name__, repr(signal.SIGCLD))
        """)
    assert out == "[14] int <Signals.SIGCHLD: 17>\n"


# ---- fcntl and locks ----------------------------------------------------------------------------

def test_fcntl_reads_and_sets_an_fds_flags():
    out = ok("""\
        import fcntl, os
        r, w = os.pipe()
        print(fcntl.fcntl(r, fcntl.F_GETFD), fcntl.fcntl(r, fcntl.F_SETFD, 0), os.get_inheritable(r))
        fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
        print(os.get_blocking(w), oct(fcntl.fcntl(w, fcntl.F_GETFL)))
        print(fcntl.fcntl(r, fcntl.F_DUPFD, 10), fcntl.fcntl(r, fcntl.F_DUPFD_CLOEXEC, 0))
        print(fcntl.fcntl(r, fcntl.F_GETPIPE_SZ), fcntl.fcntl(r, fcntl.F_SETPIPE_SZ, 5000))
        print(fcntl.ioctl(r, 0x541B, b"1234"))
        os.write(w, b"x" * 8192)
        try:
            os.write(w, b"x")
        except BlockingIOError as e:
            print(e)
        fd = os.open("f", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        print(oct(fcntl.fcntl(fd, fcntl.F_GETFL)))
        for call in (lambda: fcntl.fcntl(r, 999), lambda: fcntl.ioctl(fd, 0x5413, bytes(8))):
            try:
                call()
            except OSError as e:
                print(e)
        """)
    assert out == ("1 0 True\nFalse 0o4001\n10 5\n65536 8192\nb'\\x00\\x00\\x00\\x00'\n"
                   "[Errno 11] Resource temporarily unavailable\n0o102001\n"
                   "[Errno 22] Invalid argument\n[Errno 25] Inappropriate ioctl for device\n")


def test_flock_is_held_by_an_open_file_and_waited_for():
    out = ok("""\
        import fcntl, os, time
        a = os.open("f", os.O_RDWR | os.O_CREAT)
        b = os.open("f", os.O_RDWR)
        fcntl.flock(a, fcntl.LOCK_EX)
        try:
            fcntl.flock(b, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError as e:
            print(e, flush=True)
        pid = os.fork()
        if pid == 0:
            os.close(a)                              # (else the lock is shared with the child)
            t = time.monotonic()
            fcntl.flock(os.open("f", os.O_RDWR), fcntl.LOCK_EX)
            print("child waited", time.monotonic() - t >= 0.1, flush=True)
            os._exit(0)
        time.sleep(0.1)
        os.close(a)                                  # the last fd of the open file: unlocked
        os.waitpid(pid, 0)
        """)
    assert out == "[Errno 11] Resource temporarily unavailable\nchild waited True\n"


def test_record_locks_belong_to_processes_and_a_circle_is_refused():
    out = ok("""\
        import fcntl, os, struct, time
        fd = os.open("f", os.O_RDWR | os.O_CREAT)
        os.ftruncate(fd, 100)
        fcntl.lockf(fd, fcntl.LOCK_EX, 10, 0)
        fcntl.lockf(fd, fcntl.LOCK_EX, 10, 0)        # one's own lock never stops one
        pid = os.fork()
        if pid == 0:
            f = os.open("f", os.O_RDWR)
            try:
                fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB, 5, 0)
            except OSError as e:
                print("child:", e)
            fcntl.lockf(f, fcntl.LOCK_EX, 5, 50)     # other bytes: free
            kind, _, start, length, who = struct.unpack("hhqqi", fcntl.fcntl(
                f, fcntl.F_GETLK, struct.pack("hhqqi", fcntl.F_WRLCK, 0, 0, 0, 0)))
            print("F_GETLK:", kind == fcntl.F_WRLCK, start, length, who == os.getppid(),
                  flush=True)
            fcntl.lockf(f, fcntl.LOCK_EX, 10, 0)     # waits for the parent
            print("child got it", flush=True)
            os._exit(0)
        time.sleep(0.1)
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX, 5, 50)    # the child waits for us: a circle
        except OSError as e:
            print("parent:", e, flush=True)
        os.close(fd)                                  # any close releases the process's locks
        os.waitpid(pid, 0)
        """)
    assert out == ("child: [Errno 11] Resource temporarily unavailable\n"
                   "F_GETLK: True 0 10 True\n"
                   "parent: [Errno 35] Resource deadlock avoided\nchild got it\n")


# ---- os.path ----------------------------------------------------------------------------------

def test_os_path_is_cpythons_posixpath_over_the_virtual_os():
    """bytes paths, ~user from the machine's passwd, the process's own environment,
    realpath's strict mode: CPython's code, asking the kernel."""
    out = ok("""\
        import os
        p = os.path
        os.symlink("nope", "dangling")
        os.environ["HOME"] = "/home/someone"
        print(p.abspath(b"x"), p.realpath(b"dangling"), p.relpath(b"a", b"a/b"))
        print(p.expanduser("~/x"), p.expanduser("~student/x"), p.expanduser(b"~"))
        print(p.expandvars("$HOME:${NOPE}"), p.exists(b"dangling"), p.lexists("dangling"))
        for call in (lambda: p.realpath("dangling", strict=True), lambda: p.relpath(""),
                     lambda: p.join("a", b"b"), lambda: p.getsize("nope")):
            try:
                call()
            except Exception as e:
                print(type(e).__name__, e)
        print(p.os is os, p.__name__, p.sys.platform)
        """)
    assert out == ("b'/tmp/x' b'/tmp/nope' b'..'\n/home/someone/x /home/student/x b'/home/someone'\n"
                   "/home/someone:${NOPE} False True\n"
                   "FileNotFoundError [Errno 2] No such file or directory: 'nope'\n"
                   "ValueError no path specified\n"
                   "TypeError Can't mix strings and bytes in path components\n"
                   "FileNotFoundError [Errno 2] No such file or directory: 'nope'\n"
                   "True posixpath linux\n")


def test_open_flags_as_linux_reads_them():
    """O_TRUNC truncates even an O_RDONLY open (if one may write); O_CREAT on a
    directory is EISDIR; O_TMPFILE makes a file with no name (TemporaryFile's)."""
    out = ok("""\
        import os, tempfile
        open("f", "w").write("data")
        os.close(os.open("f", os.O_RDONLY | os.O_TRUNC))
        print(os.stat("f").st_size)
        os.mkdir("d")
        try:
            os.open("d", os.O_RDONLY | os.O_CREAT)
        except IsADirectoryError as e:
            print(e)
        fd = os.open("d", os.O_TMPFILE | os.O_RDWR, 0o600)
        print(os.fstat(fd).st_nlink, os.listdir("d"), os.write(fd, b"x"))
        with tempfile.TemporaryFile(dir="d") as t:
            print(os.readlink(f"/proc/self/fd/{t.fileno()}").startswith("/tmp/d/#"))
        """)
    assert out == "0\n[Errno 21] Is a directory: 'd'\n0 [] 1\nTrue\n"


# ---- robustness ---------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

NEW_CALLS = ["os.waitid", "os.wait3", "os.wait4", "os.pread", "os.pwrite", "os.readv", "os.writev",
             "os.sendfile", "os.copy_file_range", "os.fsync", "os.fchmod", "os.fchown",
             "os.fchdir", "os.mkfifo", "os.mknod", "os.memfd_create", "os.statvfs",
             "os.fstatvfs", "os.posix_fallocate", "os.posix_fadvise", "os.getpriority",
             "os.setpriority", "os.setresuid", "os.setreuid", "os.setregid", "os.seteuid",
             "os.sched_setaffinity", "os.sched_setscheduler", "os.truncate", "os.access",
             "os.listdir", "os.scandir", "os.readlink", "os.popen", "fcntl.fcntl", "fcntl.ioctl",
             "signal.sigtimedwait", "signal.setitimer", "signal.getitimer", "os.spawnv"]
ARG = st.one_of(st.integers(-3, 40), st.sampled_from(["/", "/tmp", "/tmp/x", "", "/proc/1",
                                                       "/dev/null", b"/tmp"]),
                st.binary(max_size=4), st.none(), st.lists(st.integers(0, 40), max_size=2),
                st.floats(0, 0.5))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calls=st.lists(st.tuples(st.sampled_from(NEW_CALLS), st.lists(ARG, max_size=4)),
                      max_size=5), uid=st.sampled_from([0, 1000]))
def test_no_arguments_to_the_new_calls_crash_the_kernel(calls, uid):
    body = "".join(f"try:\n    {name}(*{args!r})\nexcept Exception:\n    pass\n"
                   for name, args in calls)
    r = run("import os, signal, fcntl\n" + body + "print('survived')\n", uid=uid)
    assert r.kernel.panics == []
    assert "survived" in r.out or r.status != 0
    assert len(r.kernel.procs) == 0
    assert len(r.kernel.files) == 0
