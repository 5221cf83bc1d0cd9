"""Resource limits: the disk's size (ENOSPC), and each process's rlimits --
RLIMIT_NOFILE (EMFILE), RLIMIT_FSIZE (SIGXFSZ, EFBIG), ulimit and `resource`."""
from __future__ import annotations

import textwrap

import pytest

from kernel import MemoryConsole
from kernel.fs import DIRENT
from test_programs_text import ENV as GNU_ENV, GNU, HOME
from conftest import make_kernel, new_machine, run, run_cmd, run_on
from vshell.system import Options, make_machine

ENV = {"PATH": "/bin", "HOME": "/home/student", "USER": "student"}
MB = 1 << 20


def sh(script: str, fs_size: int | None = None, uid: int = 1000):
    r = run_on(new_machine(fs_size=fs_size), ["/bin/sh", "-c", script, "vshell"], uid=uid, env=ENV)
    return r.out, r.err, r.code, r.kernel


# ---- the disk's size ----------------------------------------------------------------------

def test_a_write_past_the_end_of_the_disk_is_short_then_fails_with_enospc():
    r = run("""
        import os
        fd = os.open("big", os.O_WRONLY | os.O_CREAT)
        n = os.write(fd, b"x" * (2 << 20))
        print(0 < n < 2 << 20, os.fstat(fd).st_size == n)
        try:
            os.write(fd, b"more")
        except OSError as e:
            print(e.errno, e)
    """, fs_size=1 << 20)
    assert r.out == "True True\n28 [Errno 28] No space left on device\n"
    assert r.kernel.fs.used <= r.kernel.fs.size


def test_a_program_filling_the_disk_gets_oserror_not_memoryerror():
    r = run("""
        with open("big", "w") as f:
            while True:
                f.write("y\\n" * 4096)
    """, fs_size=1 << 20)
    assert r.code == 1
    assert r.err.endswith("OSError: [Errno 28] No space left on device\n")
    assert "MemoryError" not in r.err and "kernel" not in r.err


def test_a_deleted_file_gives_its_space_back_at_its_last_close():
    r = run("""
        import os
        def fill(name):
            fd = os.open(name, os.O_WRONLY | os.O_CREAT)
            n = 0
            try:
                while True:
                    n += os.write(fd, b"z" * 65536)
            except OSError:
                return fd, n
        fd, n = fill("a")
        os.unlink("a")                      # still open: its space is still taken
        try:
            os.close(os.open("b", os.O_WRONLY | os.O_CREAT))
            os.write(os.open("b", os.O_WRONLY), b"z")
            print("wrote b")
        except OSError as e:
            print("full", e.errno)
        os.close(fd)                        # now it is gone
        fd2, n2 = fill("c")
        print(n2 >= n - 2048)
    """, fs_size=1 << 20)
    assert r.out == "full 28\nTrue\n", r.err


def test_truncating_a_file_gives_space_back_and_growing_it_takes_some():
    r = run("""
        import os
        fd = os.open("f", os.O_RDWR | os.O_CREAT)
        try:
            os.ftruncate(fd, 10 << 20)      # zeros are stored: no sparse files
        except OSError as e:
            print(e)
        os.ftruncate(fd, 100_000)
        print(os.fstat(fd).st_size)
        os.ftruncate(fd, 0)
    """, fs_size=1 << 20)
    assert r.out == "[Errno 28] No space left on device\n100000\n"
    assert r.kernel.fs.used < 100_000


def test_a_million_empty_files_also_fill_the_disk():
    r = run("""
        import os
        os.mkdir("d")
        n = 0
        try:
            while True:
                os.close(os.open(f"d/{n}", os.O_WRONLY | os.O_CREAT))
                n += 1
        except OSError as e:
            print(e.errno, e.filename)
        for i in range(n):
            os.unlink(f"d/{i}")
        os.rmdir("d")
        os.mkdir("again")
    """, fs_size=64 * DIRENT)
    errno_, name = r.out.split()
    assert errno_ == "28" and 10 < int(name[2:]) < 64
    assert r.code == 0, r.err


def test_mkdir_symlink_and_link_fail_with_enospc_on_a_full_disk():
    r = run("""
        import os
        fd = os.open("f", os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"." * 4096)
        except OSError:
            pass
        for call, args in ((os.mkdir, ("d",)), (os.symlink, ("f", "s")), (os.link, ("f", "h")),
                           (open, ("new", "w"))):
            try:
                call(*args)
            except OSError as e:
                print(e)
    """, fs_size=1 << 20)
    assert r.out == ("[Errno 28] No space left on device: 'd'\n"
                     "[Errno 28] No space left on device: 'f' -> 's'\n"
                     "[Errno 28] No space left on device: 'f' -> 'h'\n"
                     "[Errno 28] No space left on device: 'new'\n")


def test_files_on_a_host_mount_do_not_count(tmp_path):
    k = make_kernel(fs_size=1 << 20)
    k.fs.mount(str(tmp_path), "/mnt", writable=True)
    k.fs.write_file("/tmp/prog.py", "#!/usr/bin/python3\n" + textwrap.dedent("""
        with open("/mnt/big", "wb") as f:
            f.write(b"h" * (2 << 20))
    """), mode=0o755)
    used = k.fs.used
    assert k.run_program(["/tmp/prog.py"]) == 0, k.tty.console.stderr
    assert (tmp_path / "big").stat().st_size == 2 << 20
    assert k.fs.used == used


def test_reading_the_machine_s_own_files_takes_no_space_changing_one_does():
    out, err, status, k = sh("cat /bin/wc p1.py > /dev/null; wc -c < p1.py")
    size = int(out)
    before = k.fs.used
    k2 = sh("cat /bin/wc p1.py > /dev/null; echo x >> p1.py")[3]
    assert k2.fs.used - before == size + 2


def recount(fs) -> int:
    """What the disk holds, counted afresh from the tree: DIRENT per name, and
    each file's contents once however many names it has."""
    from kernel.fs import DynamicDir, File, HostDir
    seen, total = set(), 0
    def walk(d):
        nonlocal total
        for inode in d.entries.values():
            total += DIRENT
            if isinstance(inode, File) and id(inode) not in seen:
                seen.add(id(inode))
                total += inode.disk
            if inode.is_dir and not isinstance(inode, (DynamicDir, HostDir)):
                walk(inode)
    walk(fs.root)
    return total


def test_the_disk_s_count_stays_exact_through_links_renames_and_removals():
    out, err, status, k = sh(
        "mkdir -p a/b; seq 1000 > a/n; ln a/n a/b/hard; ln -s n a/soft; echo hi >> p1.py; "
        "mv a/n a/m; cp a/m a/b/copy; seq 100 > a/b/copy; mv a/b/copy a/m; rm a/b/hard; "
        "printf x > t; : > t; python -c 'import os; os.truncate(\"t\", 5000)'; "
        "python -c 'f = open(\"gone\", \"w\"); import os; os.unlink(\"gone\"); f.write(\"x\"*9)'; "
        "rm -r a; mkdir a; yes | head -c 70000 > a/y")
    assert (err, status) == ("", 0)
    assert k.fs.used == recount(k.fs)


def test_dev_full_reads_zeros_and_refuses_every_write():
    r = run("""
        import os
        fd = os.open("/dev/full", os.O_RDWR)
        print(os.read(fd, 4))
        try:
            os.write(fd, b"x")
        except OSError as e:
            print(e)
        print(oct(os.stat("/dev/full").st_mode))
    """)
    assert r.out == "b'\\x00\\x00\\x00\\x00'\n[Errno 28] No space left on device\n0o20666\n"


def test_the_shell_reports_a_full_disk_as_dash_does():
    out, err, status, k = sh("yes > f; echo x > g; echo rc=$?; echo more >> f; echo rc=$?; "
                             "printf x >> f; pwd >> f; rm f; echo x > g; cat g", fs_size=MB)
    assert out == "rc=2\nrc=1\nx\n"
    assert err == ("yes: standard output: No space left on device\n"
                   "vshell: 1: cannot create g: No space left on device\n"
                   "vshell: 1: echo: echo: I/O error\n"
                   "vshell: 1: printf: printf: I/O error\n"
                   "vshell: 1: pwd: pwd: I/O error\n")


def test_a_builtin_writing_to_dev_full_says_io_error_with_status_1():
    out, err, status, k = sh("echo hi > /dev/full; echo $?; command echo hi >/dev/full; echo $?")
    assert out == "1\n1\n"
    assert err == "vshell: 1: echo: echo: I/O error\n" * 2


@pytest.mark.parametrize("text, size", [("64M", 64 << 20), ("1m", 1 << 20), ("2G", 2 << 30),
                                        ("4096K", 4 << 20), ("2000000", 2_000_000)])
def test_fs_size_takes_bytes_or_k_m_g(text, size):
    from vshell.__main__ import parse
    assert parse(["--fs-size", text, "-c", "true"]).fs_size == size
    assert parse([f"--fs-size={text}"]).fs_size == size


@pytest.mark.parametrize("text, message", [
    ("10x", "vshell: --fs-size: not a size: '10x' (bytes, or a number with K, M or G)"),
    ("M", "vshell: --fs-size: not a size: 'M' (bytes, or a number with K, M or G)"),
    ("100K", "vshell: --fs-size: 100K is too small (at least 1M)"),
])
def test_a_bad_fs_size_is_one_line_and_status_2(text, message, capsys):
    from vshell.__main__ import main
    assert main(["--fs-size", text, "-c", "true"]) == 2
    assert capsys.readouterr().err == message + " (vshell --help lists the options)\n"


def test_fs_size_is_in_the_help_and_sizes_the_disk():
    from vshell.__main__ import help_text
    assert "--fs-size SIZE" in help_text()
    out, err, status, k = sh("true", fs_size=3 * MB)
    assert k.fs.size == 3 * MB
    out, err, status, k = sh("true")
    assert k.fs.size == 64 * MB


# ---- RLIMIT_NOFILE ----------------------------------------------------------------------

def test_rlimit_nofile_gives_emfile_as_python3_on_linux():
    # the host's python3 under `ulimit -n 20` prints the same (its 0, 1, 2 open)
    r = run("""
        import os, resource
        resource.setrlimit(resource.RLIMIT_NOFILE, (20, 20))
        fds = []
        try:
            while True:
                fds.append(os.open("/dev/null", os.O_RDONLY))
        except OSError as e:
            print(len(fds), e.errno, e)
        for call, args in ((os.pipe, ()), (os.dup, (0,)), (os.dup2, (0, 50)),
                           (open, ("/dev/null",))):
            try:
                call(*args)
            except OSError as e:
                print(call.__name__, e)
    """)
    assert r.out == ("17 24 [Errno 24] Too many open files: '/dev/null'\n"
                     "pipe [Errno 24] Too many open files\n"
                     "dup [Errno 24] Too many open files\n"
                     "dup2 [Errno 9] Bad file descriptor\n"
                     "open [Errno 24] Too many open files: '/dev/null'\n")


def test_an_open_refused_with_emfile_creates_no_file():
    out, err, status, k = sh("ulimit -Sn 3; echo hi > newf; echo rc=$?; ulimit -Sn 10; ls newf")
    assert out == "rc=2\n"
    assert err == ("vshell: 1: cannot create newf: Too many open files\n"
                   "ls: cannot access 'newf': No such file or directory\n")


def test_a_builtin_s_redirection_under_a_tiny_nofile_fails_cleanly_and_leaks_no_fd():
    # the shell keeps its copies of fds at 10 and above, as dash does (dash says
    # "1: Invalid argument" here, for its F_DUPFD); nothing stays open
    out, err, status, k = sh("ulimit -Sn 10; echo hi > f; echo rc=$?; ls /proc/$$/fd; "
                             "ulimit -Sn 11; echo hi > f; cat f")
    assert out == "rc=2\n0\n1\n2\nhi\n"
    assert err == "vshell: 1: 1: Too many open files\n"


# ---- RLIMIT_FSIZE -----------------------------------------------------------------------

def test_ulimit_f_kills_with_sigxfsz_after_writing_up_to_the_limit():
    # dash: the same output, status and message
    out, err, status, k = sh("ulimit -f 1; seq 1000 > fz; echo rc=$?; wc -c < fz; "
                             "seq 10 >> fz; echo rc=$?")
    assert out == "rc=153\n512\nrc=153\n"
    assert err == "File size limit exceeded\nFile size limit exceeded\n"


def test_the_shell_itself_dies_of_sigxfsz_as_dash_does():
    out, err, status, k = sh("ulimit -f 1; printf '%2000s' x > fz; echo not reached")
    assert (out, status) == ("", 153)


def test_with_sigxfsz_ignored_or_caught_the_write_fails_with_efbig():
    r = run("""
        import os, resource, signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (100, resource.RLIM_INFINITY))
        fd = os.open("f", os.O_WRONLY | os.O_CREAT)
        signal.signal(signal.SIGXFSZ, lambda sig, frame: print("caught", sig))
        print(os.write(fd, b"x" * 150))             # starts below the limit: up to it
        try:
            os.write(fd, b"y")
        except OSError as e:
            print(e)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        for call in (lambda: os.write(fd, b"y"), lambda: os.ftruncate(fd, 101),
                     lambda: os.truncate("f", 200)):
            try:
                call()
            except OSError as e:
                print(e)
        os.ftruncate(fd, 50)                         # shrinking is always allowed
        print(os.write(fd, b""), os.fstat(fd).st_size)
    """)
    assert r.out == ("100\ncaught 25\n[Errno 27] File too large\n"
                     "[Errno 27] File too large\n[Errno 27] File too large\n"
                     "[Errno 27] File too large: 'f'\n0 50\n"), r.err


def test_rlimit_fsize_does_not_limit_pipes_or_devices():
    out, err, status, k = sh("ulimit -f 1; seq 1000 | wc -c; seq 1000 > /dev/null; echo $?")
    assert out == "3893\n0\n"


# ---- limits and processes -----------------------------------------------------------------

def test_limits_are_inherited_by_fork_and_kept_across_exec():
    r = run("""
        import os, resource
        resource.setrlimit(resource.RLIMIT_NOFILE, (30, 40))
        if os.fork() == 0:
            print("child", resource.getrlimit(resource.RLIMIT_NOFILE), flush=True)
            os.execv("/tmp/show.py", ["show.py"])
        os.wait()
    """, files={"/tmp/show.py": "#!/usr/bin/python3\nimport resource\n"
                                "print('exec', resource.getrlimit(resource.RLIMIT_NOFILE))\n"})
    assert r.out == "child (30, 40)\nexec (30, 40)\n", r.err


def test_an_ordinary_user_may_lower_but_not_raise_a_hard_limit():
    out, err, status, k = sh("ulimit -n 100; ulimit -Hn 200; echo rc=$?; ulimit -Hn; "
                             "ulimit -Sn 50; ulimit -Sn 60; ulimit -Sn")
    assert out == "rc=2\n100\n60\n"
    assert err == "vshell: 1: ulimit: error setting limit (Operation not permitted)\n"
    out, err, status, k = sh("ulimit -n 100; ulimit -Hn 200; ulimit -Hn", uid=0)
    assert (out, err) == ("200\n", "")


def test_ulimit_u_limits_the_processes_of_commands_too():
    # the limit is inherited: a forking program meets it, not only the shell
    # (which execs its last command in its own process, as dash does)
    out, err, status, k = sh("ulimit -u 5; python -c '\nimport os\nn = 0\ntry:\n"
                             "    while True:\n        if os.fork() == 0:\n"
                             "            os.read(0, 1)\n            os._exit(0)\n        n += 1\n"
                             "except OSError as e:\n    print(n, e)\n'")
    assert out == "3 [Errno 11] Resource temporarily unavailable\n", err


# ---- ulimit, as dash has it ------------------------------------------------------------------

@pytest.mark.parametrize("script, out, err, status", [
    # recorded with dash 0.5.12 (only the defaults differ: the host's are its own)
    ("ulimit -n 100; ulimit -n; ulimit -Hn", "100\n100\n", "", 0),
    ("ulimit -n 100; ulimit -n 200", "", "ulimit: error setting limit (Operation not permitted)", 2),
    ("ulimit -n 50; ulimit -Sn 60", "", "ulimit: error setting limit (Invalid argument)", 2),
    ("ulimit -Sn 10; ulimit -Sn 15; ulimit -Sn; ulimit -n", "15\n15\n", "", 0),
    ("ulimit -HS -n 50; ulimit -Sn", "50\n", "", 0),
    ("ulimit -n 5 6", "", "ulimit: too many arguments", 2),
    ("ulimit -a 5", "", "ulimit: too many arguments", 2),
    ("ulimit -n 10 -H", "", "ulimit: too many arguments", 2),
    ("ulimit - 5", "", "ulimit: too many arguments", 2),
    ("ulimit -nx", "", "ulimit: Illegal option -x", 2),
    ("ulimit -n 1x", "", "ulimit: bad number", 2),
    ("ulimit -- -5", "", "ulimit: bad number", 2),
    ("ulimit -n ''; ulimit -n", "0\n", "", 0),
    ("ulimit -n -- 5; ulimit -n", "5\n", "", 0),
    ("ulimit 100; ulimit; ulimit -H; ulimit -f", "100\n100\n100\n", "", 0),
    ("ulimit -c 1; ulimit -c; ulimit -t 5; ulimit -t", "1\n5\n", "", 0),
    ("ulimit -f unlimited; ulimit -f; ulimit -n -f", "unlimited\nunlimited\n", "", 0),
    ("ulimit -n unlimited", "", "ulimit: error setting limit (Operation not permitted)", 2),
])
def test_ulimit_says_what_dash_says(script, out, err, status):
    got_out, got_err, got_status, k = sh(script + "; echo status $?")
    assert got_out == out + f"status {status}\n"
    assert got_err == (f"vshell: 1: {err}\n" if err else "")


def test_ulimit_a_lists_dash_s_limits_with_the_machine_s_values():
    out, err, status, k = sh("ulimit -a; ulimit -Ha | grep nofiles; ulimit -p; ulimit -u")
    assert out == ("time(seconds)        unlimited\n"
                   "file(blocks)         unlimited\n"
                   "data(kbytes)         unlimited\n"
                   "stack(kbytes)        8192\n"
                   "coredump(blocks)     0\n"
                   "memory(kbytes)       unlimited\n"
                   "locked memory(kbytes) 8192\n"
                   "process              64\n"
                   "nofiles              1024\n"
                   "vmemory(kbytes)      unlimited\n"
                   "locks                unlimited\n"
                   "rtprio               0\n"
                   "nofiles              4096\n"
                   "64\n64\n")


# ---- the resource module -----------------------------------------------------------------

RESOURCE_PROGRAM = """
import resource as r
def t(f, *a):
    try:
        print(a, f(*a))
    except Exception as e:
        print(a, type(e).__name__, e)
t(r.setrlimit, r.RLIMIT_CORE, (-5, -1)); t(r.getrlimit, r.RLIMIT_CORE)
t(r.setrlimit, r.RLIMIT_CORE, (2**63, -1))
t(r.setrlimit, r.RLIMIT_CORE, (-2**63, -1)); t(r.getrlimit, r.RLIMIT_CORE)
t(r.prlimit, 0, r.RLIMIT_CORE, (100, -1)); t(r.getrlimit, r.RLIMIT_CORE)
t(r.prlimit, 0, 99)
t(r.prlimit, 0, r.RLIMIT_CORE, (200, 100))
t(r.getrlimit, 16); t(r.getrlimit, -1); t(r.getrlimit, "x"); t(r.getrlimit, 1.0)
t(r.setrlimit, 1, None); t(r.setrlimit, 1, (1, 2, 3)); t(r.setrlimit, 1, "ab")
t(r.setrlimit, 99, (1, 2)); t(r.setrlimit, 7, 5); t(r.setrlimit, 7, (10,))
t(r.setrlimit, 7, [100, 200]); t(r.getrlimit, 7)
t(r.setrlimit, 7, (300, 200))
t(r.getrusage, 5)
print(r.RLIM_INFINITY, r.RLIMIT_NOFILE, r.RLIMIT_FSIZE, r.RLIMIT_NPROC, r.RUSAGE_CHILDREN,
      r.error, type(r.getrusage(r.RUSAGE_SELF)).__name__, r.getpagesize())
"""

RESOURCE_HOST = """\
(4, (-5, -1)) None
(4,) (-5, -1)
(4, (9223372036854775808, -1)) OverflowError Python int too large to convert to C long
(4, (-9223372036854775808, -1)) None
(4,) (-9223372036854775808, -1)
(0, 4, (100, -1)) (-9223372036854775808, -1)
(4,) (100, -1)
(0, 99) ValueError invalid resource specified
(0, 4, (200, 100)) ValueError current limit exceeds maximum limit
(16,) ValueError invalid resource specified
(-1,) ValueError invalid resource specified
('x',) TypeError 'str' object cannot be interpreted as an integer
(1.0,) TypeError 'float' object cannot be interpreted as an integer
(1, None) TypeError 'NoneType' object is not iterable
(1, (1, 2, 3)) ValueError expected a tuple of 2 integers
(1, 'ab') TypeError 'str' object cannot be interpreted as an integer
(99, (1, 2)) ValueError invalid resource specified
(7, 5) TypeError 'int' object is not iterable
(7, (10,)) ValueError expected a tuple of 2 integers
(7, [100, 200]) None
(7,) (100, 200)
(7, (300, 200)) ValueError current limit exceeds maximum limit
(5,) ValueError invalid who parameter
-1 7 1 6 -1 <class 'OSError'> struct_rusage 4096
"""


def test_the_resource_module_behaves_as_python3_s():
    # RESOURCE_HOST is what the host's python3 printed for RESOURCE_PROGRAM
    r = run(RESOURCE_PROGRAM)
    assert r.out == RESOURCE_HOST, r.err


def test_resource_refuses_a_raised_hard_limit_and_foreign_processes():
    r = run("""
        import os, resource as r
        child = os.fork()
        if child == 0:
            os.read(0, 1)                   # root's process, waiting
            os._exit(0)
        os.setuid(1000)
        r.setrlimit(r.RLIMIT_NOFILE, (100, 100))
        for call in (lambda: r.setrlimit(r.RLIMIT_NOFILE, (100, 200)),
                     lambda: r.setrlimit(r.RLIMIT_NOFILE, (200, 100)),
                     lambda: r.prlimit(child, r.RLIMIT_NOFILE),
                     lambda: r.prlimit(child, r.RLIMIT_NOFILE, (5, 5)),
                     lambda: r.prlimit(999, r.RLIMIT_NOFILE)):
            try:
                call()
            except Exception as e:
                print(type(e).__name__, e)
        print(r.prlimit(os.getpid(), r.RLIMIT_NOFILE))
    """)
    # as the host's python3 run as nobody prints (prlimit of a root process)
    assert r.out == ("ValueError not allowed to raise maximum limit\n"
                     "ValueError current limit exceeds maximum limit\n"
                     "PermissionError [Errno 1] Operation not permitted\n"
                     "PermissionError [Errno 1] Operation not permitted\n"
                     "ProcessLookupError [Errno 3] No such process\n"
                     "(100, 100)\n"), r.err


# ---- how the tools report a full disk, as GNU's do ---------------------------------------------

@pytest.mark.parametrize("case", GNU["cases"]["full"], ids=lambda c: " ".join(c["argv"]))
def test_the_tools_report_a_full_disk_as_gnu_s_do(case):
    # recorded by tests/gnu/record_programs.py with standard output on /dev/full
    files = {f"{HOME}/{path}": text for path, text in case["files"].items()}
    r = run_cmd(["/bin/sh", "-c", 'exec "$@" > /dev/full', "sh", *case["argv"]],
                stdin=case["stdin"].encode(), files=files, env=dict(GNU_ENV))
    assert (r.err, r.code) == (case["err"], case["code"])


# ---- RLIMIT_CPU ---------------------------------------------------------------------------

XCPU = """\
import signal, resource
n = [0]
def h(s, f):
    n[0] += 1
    print("xcpu", n[0], resource.getrlimit(resource.RLIMIT_CPU), flush=True)
signal.signal(signal.SIGXCPU, h)
while n[0] < 3:
    pass
"""


def test_ulimit_t_at_both_limits_kills_with_sigkill_as_linux():
    out, err, status, _ = sh("ulimit -t 1; python3 -c 'while True: pass'")
    assert status == 137                       # soft == hard: the hard limit comes first


def test_a_soft_cpu_limit_sends_sigxcpu_every_second_and_moves_on():
    # as python3 under bash on Linux: the soft limit itself goes up a second each time
    k = make_machine(Options(seed=1, virtual_time=True), MemoryConsole())
    k.fs.write_file("/tmp/xcpu.py", XCPU, mode=0o755)
    status = k.run_program(["/bin/sh", "-c", "ulimit -St 1; python3 /tmp/xcpu.py", "vshell"],
                           uid=1000, env=ENV, cwd="/home/student")
    assert k.tty.console.stdout == "xcpu 1 (2, -1)\nxcpu 2 (3, -1)\nxcpu 3 (4, -1)\n"
    assert status == 0


def test_sigxcpu_at_its_default_kills_and_the_hard_limit_sends_sigkill():
    out, err, status, _ = sh("ulimit -St 1; python3 -c 'while True: pass'; echo $?; "
                             "ulimit -St 1; ulimit -Ht 2; python3 -c '"
                             "import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\n"
                             "while True: pass'; echo $?")
    assert out == "152\n137\n"


@pytest.mark.parametrize("child_seconds, status", [(0.7, 0), (1.5, 9)])
def test_a_child_s_cpu_time_starts_from_nothing_under_the_inherited_limit(child_seconds, status):
    # 0.7 s each, 1.4 together: neither is killed; a child past 1 s of its own is
    out, err, _, _ = sh("ulimit -t 1; python3 -c '"
                        "import os, time\n"
                        "pid = os.fork()\n"
                        f"while time.process_time() < {0.7 if child_seconds < 1 else 0.1}"
                        " or pid == 0 and time.process_time() < %s:\n" % child_seconds +
                        "    for _ in range(100000): pass\n"
                        "if pid == 0:\n"
                        "    os._exit(0)\n"
                        "print(os.wait()[1])'")
    assert out == f"{status}\n"


# ---- RLIMIT_AS, RLIMIT_DATA (ulimit -v, -d) -----------------------------------------------
# Each run is a vshell of its own: the guard caps the host process's address space.

def vshell_c(script: str):
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "vshell", "--seed", "1", "--virtual-time",
                           "-c", script], capture_output=True, text=True, timeout=120)


MEMORY_ERROR = 'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nMemoryError\n'


@pytest.mark.parametrize("option", ["-v", "-d"])
def test_ulimit_v_and_d_refuse_a_big_allocation_with_memoryerror_as_python3_on_linux(option):
    r = vshell_c(f"ulimit {option} 100000; python3 -c 'x = bytearray(200_000_000)'; echo $?; "
                 "python3 -c 'x = bytearray(50_000_000); print(len(x))'")
    assert (r.stdout, r.stderr) == ("1\n50000000\n", MEMORY_ERROR)


def test_a_program_that_grows_past_ulimit_v_gets_memoryerror_and_the_machine_goes_on():
    grow = "l = []\nfor i in range(10**7):\n    l.append(str(i) * 100)"
    r = vshell_c(f"ulimit -v 100000; python3 -c '{grow}'; echo status $?; python3 -c 'print(1)'")
    assert r.stdout == "status 1\n1\n"
    assert r.stderr.endswith("in <module>\nMemoryError\n") and "internal error" not in r.stderr


def test_memoryerror_can_be_caught_and_a_forked_child_has_its_own_limit():
    prog = ("import os\n"
            "try:\n    x = bytearray(10**9)\nexcept MemoryError:\n    print(\"no room\", flush=True)\n"
            "pid = os.fork()\n"
            "if pid == 0:\n"
            "    try:\n        y = bytearray(200_000_000)\n"
            "    except MemoryError:\n        print(\"child: no room\", flush=True)\n"
            "    os._exit(0)\n"
            "os.wait()\nz = bytearray(60_000_000)\nprint(\"parent ok\")")
    r = vshell_c(f"ulimit -v 100000; python3 -c '{prog}'")
    assert (r.stdout, r.stderr, r.returncode) == ("no room\nchild: no room\nparent ok\n", "", 0)


def test_without_a_memory_limit_nothing_is_capped():
    r = vshell_c("python3 -c 'x = bytearray(200_000_000); print(len(x))'; ulimit -v; ulimit -d")
    assert r.stdout == "200000000\nunlimited\nunlimited\n"


def test_a_memory_limit_in_an_explore_guest_is_kept_not_enforced_and_breaks_nothing():
    # a machine inside a machine may not cap the host (the host guard says no)
    r = vshell_c("explore -n 1 sh -c 'ulimit -v 100000; ulimit -v; "
                 "python3 -c \"print(len(bytearray(200_000_000)))\"'")
    assert r.returncode == 0 and r.stderr == ""
    assert "  stdout| 100000\n  stdout| 200000000\n" in r.stdout


def test_a_tiny_memory_limit_fails_programs_not_the_machine():
    # python3 cannot start under `ulimit -v 1` on Linux either; the machine must go on
    r = vshell_c("ulimit -v 1; echo hi; ls / > /dev/null; echo $?; (ulimit -v) ")
    assert r.stdout.startswith("hi\n") and r.stdout.endswith("1\n")
    assert "internal error" not in r.stderr and r.returncode == 0


def test_a_program_exec_d_in_the_shell_s_place_starts_with_its_whole_limit():
    # -c's last command runs in the shell's own process: what the shell took is not its
    r = vshell_c("ulimit -v 20000; ls / | wc -l; python3 -c 'print(len(bytearray(10_000_000)))'")
    assert (r.stdout, r.stderr) == ("9\n10000000\n", "")
