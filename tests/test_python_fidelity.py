"""Programs behave exactly as under the host's python3 (PYTHONUNBUFFERED unset).

Each expected output here was taken from `env -u PYTHONUNBUFFERED python3 prog.py`
(CPython 3.11) on Linux, with stdout into a pipe unless the test says otherwise.
"""
from __future__ import annotations

import textwrap

from conftest import Result, add_files, new_machine, run, run_on


def sh(commands: str, *, files: dict[str, str] | None = None, tty: bool = False,
       seed: int = 1, uid: int = 1000) -> Result:
    """Run `sh -c commands` as student in /home/student on a booted machine."""
    k = new_machine(seed=seed, tty=tty)
    add_files(k, files, uid=uid, dedent=True, mode=0o755)
    env = {"PATH": "/bin:/usr/bin", "HOME": "/home/student", "USER": "student"}
    return run_on(k, ["/bin/sh", "-c", commands], uid=uid, env=env)


# ---- stdio is not flushed at fork, system or posix_spawn ---------------------------------

FORK_PENDING = """\
    import os, sys
    print("x", end="")
    if os.fork() == 0:
        print("child")
        sys.exit(0)
    os.wait()
    print("parent")
"""


def test_text_buffered_before_fork_is_printed_by_both_into_a_pipe():
    r = run(FORK_PENDING)
    assert (r.code, r.out, r.err) == (0, "xchild\nxparent\n", "")


def test_text_buffered_before_fork_is_printed_by_both_on_a_terminal():
    """Line-buffered: an 'x' without a newline is still in the buffer at fork."""
    r = sh("./p.py", files={"/home/student/p.py": "#!/usr/bin/python3\n" + textwrap.dedent(FORK_PENDING)}, tty=True)
    assert r.out == "xchild\nxparent\n"


def test_a_line_printed_before_fork_is_copied_into_a_file_but_not_on_a_terminal():
    prog = "#!/usr/bin/python3\nimport os\nprint('once')\nif os.fork():\n    os.wait()\n"
    files = {"/home/student/p.py": prog}
    assert sh("./p.py > f; cat f", files=files).out == "once\nonce\n"
    assert sh("./p.py", files=files, tty=True).out == "once\n"


def test_os_system_and_posix_spawn_do_not_flush_stdout():
    r = sh("./p.py | cat", files={"/home/student/p.py": """\
        #!/usr/bin/python3
        import os
        print("before")
        os.system("echo from-system")
        pid = os.posix_spawn("/bin/echo", ["echo", "spawned"], os.environ)
        os.waitpid(pid, 0)
        print("after")
        """})
    assert r.out == "from-system\nspawned\nbefore\nafter\n"


# ---- the exec family and posix_spawn: CPython's errors -------------------------------------

def test_exec_errors_carry_cpythons_fields():
    r = run("""
        import os
        calls = [
            lambda: os.execv("/nonexistent", ["x"]), lambda: os.execl("/nonexistent", "x"),
            lambda: os.execvp("nonexistent", ["x"]), lambda: os.execlp("nonexistent", "x"),
            lambda: os.execv("/tmp", ["x"]), lambda: os.execvp("", ["x"]),
            lambda: os.execve("/nonexistent", ["x"], {}), lambda: os.execve(b"/x", ["a"], {}),
            lambda: os.execvpe("nonexistent", ["x"], {}), lambda: os.execvp("a/b", ["a"]),
            lambda: os.posix_spawn("/nonexistent", ["x"], {}),
            lambda: os.posix_spawnp("nonexistent", ["x"], {}),
            lambda: os.posix_spawn("/tmp", ["a"], {}), lambda: os.posix_spawnp("", ["a"], {}),
            lambda: os.execv("/x", []), lambda: os.execv("/x", [""]), lambda: os.execv("/x", "ab"),
            lambda: os.execv(1, ["a"]), lambda: os.execv("/x", [1]), lambda: os.execve("/x", [], {}),
            lambda: os.execve("/x", ["a"], {"A=B": "1"}), lambda: os.execve("/x", ["a"], 1),
            lambda: os.posix_spawn("/x", [], {}), lambda: os.system(1),
        ]
        for call in calls:
            try:
                call()
            except Exception as e:
                print(type(e).__name__, "|", e, "|", getattr(e, "filename", "-"))
        """)
    assert r.out == """\
FileNotFoundError | [Errno 2] No such file or directory | None
FileNotFoundError | [Errno 2] No such file or directory | None
FileNotFoundError | [Errno 2] No such file or directory | None
FileNotFoundError | [Errno 2] No such file or directory | None
PermissionError | [Errno 13] Permission denied | None
PermissionError | [Errno 13] Permission denied | None
FileNotFoundError | [Errno 2] No such file or directory: '/nonexistent' | /nonexistent
FileNotFoundError | [Errno 2] No such file or directory: b'/x' | b'/x'
FileNotFoundError | [Errno 2] No such file or directory: b'/usr/bin/nonexistent' | b'/usr/bin/nonexistent'
FileNotFoundError | [Errno 2] No such file or directory | None
FileNotFoundError | [Errno 2] No such file or directory: '/nonexistent' | /nonexistent
FileNotFoundError | [Errno 2] No such file or directory: 'nonexistent' | nonexistent
PermissionError | [Errno 13] Permission denied: '/tmp' | /tmp
FileNotFoundError | [Errno 2] No such file or directory: '' | \n\
ValueError | execv() arg 2 must not be empty | -
ValueError | execv() arg 2 first element cannot be empty | -
TypeError | execv() arg 2 must be a tuple or list | -
TypeError | execv: path should be string, bytes or os.PathLike, not int | -
TypeError | expected str, bytes or os.PathLike object, not int | -
ValueError | execve: argv must not be empty | -
ValueError | illegal environment variable name | -
TypeError | execve: environment must be a mapping object | -
ValueError | posix_spawn: argv must not be empty | -
TypeError | expected str, bytes or os.PathLike object, not int | -
"""


def test_posix_spawn_waits_for_the_exec_and_reaps_a_child_that_could_not():
    r = run("""
        import os
        try:
            os.posix_spawn("/tmp/noexec", ["x"], {})
        except OSError as e:
            print(e)
        print(os.waitpid(-1, os.WNOHANG) if False else "no child left:", end=" ")
        try:
            os.wait()
        except ChildProcessError:
            print("ECHILD")
        """, files={"/tmp/noexec": "no #! line\n"})
    assert r.out == "[Errno 8] Exec format error: '/tmp/noexec'\nno child left: ECHILD\n"


# ---- the environment: os.environ over the C library's environ ---------------------------

def test_putenv_changes_what_children_get_but_not_os_environ():
    r = sh("./p.py", files={"/home/student/p.py": """\
        #!/usr/bin/python3
        import os
        os.putenv("FOO", "bar")
        os.environ["BAZ"] = "1"
        os.unsetenv("BAZ")
        print("FOO" in os.environ, os.environ.get("BAZ"), flush=True)
        os.system("echo FOO=$FOO BAZ=$BAZ")
        if os.fork() == 0:
            os.execv("/bin/sh", ["sh", "-c", "echo exec: FOO=$FOO BAZ=$BAZ"])
        os.wait()
        del os.environ["BAZ"]
        os.system("echo after del: BAZ=$BAZ")
        print(type(os.environ).__name__, repr(os.environ)[:9], type(os.environ.copy()).__name__)
        for bad in (lambda: os.environ.__setitem__("A", 1), lambda: os.putenv("A=B", "1"),
                    lambda: os.unsetenv(""), lambda: os.environ.__delitem__("NOPE")):
            try:
                bad()
            except Exception as e:
                print(type(e).__name__, e)
        """})
    assert r.out == ("False 1\nFOO=bar BAZ=\nexec: FOO=bar BAZ=\nafter del: BAZ=\n"
                     "_Environ environ({ dict\n"
                     "TypeError str expected, not int\n"
                     "ValueError illegal environment variable name\n"
                     "OSError [Errno 22] Invalid argument\n"
                     "KeyError 'NOPE'\n")


def test_setsid_returns_none():
    r = run("""
        import os
        if os.fork() == 0:
            print(os.setsid(), os.getsid(0) == os.getpid())
        else:
            os.wait()
        """)
    assert r.out == "None True\n"


# ---- signals ----------------------------------------------------------------------------------

def test_ignoring_sigchld_reaps_children_and_wakes_a_waiting_parent_with_echild():
    r = run("""
        import os, signal, time
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)
        pids = []
        for i in range(3):
            pid = os.fork()
            if pid == 0:
                time.sleep(0.1 * (i + 1))
                os._exit(i)
            pids.append(pid)
        try:
            print(os.waitpid(pids[1], 0))
        except ChildProcessError as e:
            print("waitpid:", e)
        try:
            print(os.wait())
        except ChildProcessError as e:
            print("wait:", e)
        """)
    assert (r.code, r.out) == (0, "waitpid: [Errno 10] No child processes\n"
                                  "wait: [Errno 10] No child processes\n")
    assert [p.pid for p in r.kernel.procs] == []


# ---- the interpreter's command line: sys.argv, sys.orig_argv, __file__, sys.path[0] ------------

SHOW_ARGV = """\
#!/usr/bin/env python3
import os, sys
print(sys.argv, sys.orig_argv, globals().get("__file__"), repr(sys.path[0]),
      os.path.exists(sys.executable))
"""


def test_argv_file_and_path_as_python3_gives_them():
    r = sh("./show.py a; python3 show.py b; python ./show.py; python -c \"$(cat show.py)\" x; "
           "python < show.py; cd /tmp; python3 ../home/student/show.py; ln -s /home/student/show.py l.py;"
           " ./l.py", files={"/home/student/show.py": SHOW_ARGV})
    assert r.err == ""
    assert r.out == (
        "['./show.py', 'a'] ['python3', './show.py', 'a'] /home/student/./show.py "
        "'/home/student' True\n"
        "['show.py', 'b'] ['python3', 'show.py', 'b'] /home/student/show.py '/home/student' True\n"
        "['./show.py'] ['python', './show.py'] /home/student/./show.py '/home/student' True\n"
        f"['-c', 'x'] {['python', '-c', SHOW_ARGV[:-1], 'x']!r} None '' True\n"
        "[''] ['python'] <stdin> '' True\n"
        "['../home/student/show.py'] ['python3', '../home/student/show.py'] "
        "/tmp/../home/student/show.py '/home/student' True\n"
        "['./l.py'] ['python3', './l.py'] /tmp/./l.py '/home/student' True\n")


def test_a_script_execd_gets_its_path_as_argv0_and_the_hash_bang_words_in_orig_argv():
    r = sh("./p.py", files={"/home/student/p.py": """\
        #!/usr/bin/python3
        import os
        os.execv("./q.py", ["anything", "x"])
        """, "/home/student/q.py": "#!/usr/bin/python3 -u\nimport sys\nprint(sys.argv, sys.orig_argv)\n"})
    assert r.out == "['./q.py', 'x'] ['/usr/bin/python3', '-u', './q.py', 'x']\n"


def test_sys_executable_runs_python():
    r = sh("./p.py", files={"/home/student/p.py": """\
        #!/usr/bin/python3
        import os, sys
        if sys.argv[1:] == ["again"]:
            print("again, with", sys.executable)
        else:
            os.execv(sys.executable, [sys.executable, sys.argv[0], "again"])
        """})
    assert r.out == "again, with /usr/bin/python3\n"          # the #! line's, as python3's
    r = sh("/usr/bin/python3 -c 'print(1)'; /usr/bin/env python3 -c 'print(2)'")
    assert (r.out, r.err) == ("1\n2\n", "")


def test_a_students_module_beside_a_program_does_not_shadow_the_standard_one_for_bin_tools():
    shadow = "raise SystemExit('my own module')\n"
    r = sh("echo hi | wc -l; ls -d /tmp; ps -o comm | tail -1; ./p.py",
           files={"/home/student/re.py": shadow, "/home/student/stat.py": shadow,
                  "/home/student/functools.py": shadow,
                  "/home/student/p.py": "#!/usr/bin/python3\nimport re\n"})
    assert r.out == "1\n/tmp\ntail\n"
    assert r.err == "my own module\n"            # but a script's own directory comes first


def test_an_ignored_signal_stays_ignored_across_exec_and_getsignal_says_so():
    r = sh("trap '' USR2; ./p.py", files={"/home/student/p.py": """\
        #!/usr/bin/python3
        import os, signal, sys
        if sys.argv[1:] == ["execd"]:
            print([signal.getsignal(s) for s in (signal.SIGUSR1, signal.SIGUSR2, signal.SIGTERM)])
            print(signal.signal(signal.SIGUSR1, signal.SIG_DFL), signal.getsignal(signal.SIGUSR1))
        else:
            signal.signal(signal.SIGUSR1, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, lambda *a: None)      # caught: back to default
            os.execv("./p.py", ["p.py", "execd"])
        """})
    assert r.out == ("[<Handlers.SIG_IGN: 1>, <Handlers.SIG_IGN: 1>, <Handlers.SIG_DFL: 0>]\n"
                     "1 0\n")


def test_a_handler_gets_the_frame_it_interrupted():
    r = run("""
        import os, signal, time
        def handler(sig, frame):
            print(sig, type(frame).__name__, frame.f_code.co_name, frame.f_lineno)
        signal.signal(signal.SIGUSR1, handler)
        signal.signal(signal.SIGALRM, handler)
        def work():
            os.kill(os.getpid(), signal.SIGUSR1)
            signal.alarm(1)
            time.sleep(2)
        work()
        """)
    assert r.out == "10 frame work 9\n14 frame work 11\n"


# ---- the end of a program: atexit, the flush at exit, sys.exit ----------------------------------

def test_atexit_handlers_run_last_first_on_exit_and_report_a_failing_one():
    r = run("""
        import atexit, sys
        def a(): print("a")
        def b(x, y=0): print("b", x, y)
        def bad(): raise ValueError("boom")
        atexit.register(a)
        atexit.register(b, 1, y=2)
        atexit.register(bad)
        print(atexit._ncallbacks())
        atexit.unregister(a)
        atexit.register(a)
        print("main")
        sys.exit(3)
        """)
    assert (r.code, r.out) == (3, "3\nmain\na\nb 1 2\n")
    assert r.err.startswith("Exception ignored in atexit callback: <function bad at 0x")
    assert r.err.endswith(">\nTraceback (most recent call last):\n"
                          '  File "/tmp/prog.py", line 6, in bad\n'
                          '    def bad(): raise ValueError("boom")\n'
                          "               ^^^^^^^^^^^^^^^^^^^^^^^^\n"
                          "ValueError: boom\n")


def test_atexit_handlers_run_after_the_traceback_and_in_a_forked_child_but_not_after_exit_():
    r = run("""
        import atexit, os, sys
        atexit.register(lambda: print("handler of", os.getpid()))
        if os.fork() == 0:
            sys.exit(0)                     # the child's copy runs too
        os.wait()
        if os.fork() == 0:
            os._exit(0)                     # _exit: no handlers
        os.wait()
        if os.fork() == 0:
            os.kill(os.getpid(), 15)        # death by a signal: no handlers
        os.wait()
        raise KeyError("k")
        """)
    assert r.code == 1
    assert r.out == "handler of 3\nhandler of 2\n"
    assert r.err.endswith("KeyError: 'k'\n")


def test_a_stdout_that_cannot_be_flushed_at_exit_is_reported_and_gives_120():
    """OSTEP's homework: the child closes fd 1, then prints."""
    for ending, status in (("", 120), ("import sys; sys.exit(3)", 120), ("raise ValueError", 120)):
        r = run("import os\nos.close(1)\nprint('hello')\n" + ending)
        assert r.code == status
        assert r.err.endswith("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' "
                              "encoding='utf-8'>\nOSError: [Errno 9] Bad file descriptor\n")
    r = run("import os\nos.close(1)\n")
    assert (r.code, r.err) == (0, "")              # nothing to flush, nothing to report


def test_an_uncaught_keyboard_interrupt_ends_the_program_by_sigint():
    r = run("import atexit\natexit.register(print, 'cleanup')\nraise KeyboardInterrupt\n")
    assert r.status & 0x7F == 2 and r.out == "cleanup\n"
    assert r.err == ("Traceback (most recent call last):\n"
                     '  File "/tmp/prog.py", line 4, in <module>\n'
                     "    raise KeyboardInterrupt\nKeyboardInterrupt\n")


def test_sys_stdout_can_be_restored_from_sys_dunder_stdout():
    r = run("""
        import io, sys
        sys.stdout = buf = io.StringIO()
        print("captured")
        sys.stdout = sys.__stdout__
        print("got", repr(buf.getvalue()))
        """)
    assert r.out == "got 'captured\\n'\n"


# ---- after fork, the child's memory is the parent's: nondeterminism goes through the kernel ------

BEFORE_FORK = """
    import datetime, os, random, secrets, time, uuid
    r = random.Random()
    values = [random.random(), r.random(), random.SystemRandom().random(), random.randint(1, 10**9),
              uuid.uuid4().hex, uuid.uuid1().hex, secrets.token_hex(8), str(datetime.datetime.now()),
              str(datetime.date.today()), str(datetime.datetime.utcnow()), time.time_ns(),
              time.perf_counter(), time.perf_counter_ns(), time.monotonic_ns(), time.process_time(),
              time.thread_time(), time.clock_gettime(time.CLOCK_MONOTONIC),
              time.clock_gettime_ns(time.CLOCK_REALTIME), os.times()[4], os.urandom(8),
              os.getrandom(8), time.get_clock_info("monotonic").implementation]
    if os.fork() == 0:
        print(values, flush=True)
        os._exit(0)
    os.wait()
    print(values)
"""


def test_values_taken_before_fork_are_the_same_in_parent_and_child():
    for seed in (1, 2):
        r = run(BEFORE_FORK, seed=seed)
        child, parent = r.out.splitlines()
        assert (r.code, r.err, child) == (0, "", parent)


def test_values_taken_before_fork_are_the_same_without_seed_or_virtual_time():
    from kernel import Kernel, MemoryConsole
    k = Kernel(seed=None, virtual_time=False, console=MemoryConsole())
    k.fs.write_file("/tmp/p.py", "#!/usr/bin/python3\n" + textwrap.dedent(BEFORE_FORK), mode=0o755)
    assert k.run_program(["/tmp/p.py"], cwd="/tmp") == 0
    child, parent = k.tty.console.stdout.splitlines()
    assert child == parent


def test_a_seeded_machine_repeats_its_random_numbers_and_datetime_follows_virtual_time():
    src = """
        import datetime, random, uuid
        print(random.random(), random.Random().random(), uuid.uuid4(), datetime.datetime.now())
        """
    first, again, other = (run(src, seed=s).out.split(" 2026-01-01 ") for s in (3, 3, 4))
    assert first[0] == again[0] != other[0]         # and the date is the virtual clock's
    assert uuid_node(run("import uuid\nprint(uuid.uuid1())\n").out) == "525400123456"


def uuid_node(text: str) -> str:
    return text.strip().rsplit("-", 1)[1]


def test_datetime_is_the_pure_python_one_with_cpythons_repr():
    r = run("""
        import datetime
        d = datetime.datetime(2024, 2, 29, 12, 30)
        print(repr(d), repr(d.date()), repr(d - datetime.timedelta(days=1)), d.isoformat())
        print(type(datetime.datetime.now()).__module__, datetime.date.today().year)
        """)
    assert r.out == ("datetime.datetime(2024, 2, 29, 12, 30) datetime.date(2024, 2, 29) "
                     "datetime.datetime(2024, 2, 28, 12, 30) 2024-02-29T12:30:00\n"
                     "datetime 2026\n")


def test_a_students_random_py_shadows_random_as_in_cpython_but_not_os():
    r = sh("./p.py", files={"/home/student/random.py": "print('my random')\n",
                            "/home/student/os.py": "print('my os')\n",
                            "/home/student/p.py": "#!/usr/bin/python3\nimport os, random\n"})
    assert r.out == "my random\n"


# ---- tracebacks: CPython's, never a kernel frame -------------------------------------------------

def test_a_traceback_has_position_lines_and_chained_exceptions():
    r = run("""
        def f(a):
            return a["x"] + a["y"][1]
        try:
            {}["k"]
        except KeyError as e:
            try:
                f({"x": 1, "y": [1]})
            except IndexError as e2:
                raise ValueError("bad") from e2
        """)
    assert r.code == 1 and r.err == """\
Traceback (most recent call last):
  File "/tmp/prog.py", line 6, in <module>
    {}["k"]
    ~~^^^^^
KeyError: 'k'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/tmp/prog.py", line 9, in <module>
    f({"x": 1, "y": [1]})
  File "/tmp/prog.py", line 4, in f
    return a["x"] + a["y"][1]
                    ~~~~~~^^^
IndexError: list index out of range

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/tmp/prog.py", line 11, in <module>
    raise ValueError("bad") from e2
ValueError: bad
"""


def test_an_error_from_a_system_call_shows_the_call_not_the_kernel():
    r = run("""
        import os, traceback
        try:
            os.read(99, 1)
        except OSError:
            traceback.print_exc()
        def g():
            traceback.print_stack()
        g()
        os.close(98)
        """)
    assert r.err == """\
Traceback (most recent call last):
  File "/tmp/prog.py", line 5, in <module>
    os.read(99, 1)
OSError: [Errno 9] Bad file descriptor
  File "/tmp/prog.py", line 10, in <module>
    g()
  File "/tmp/prog.py", line 9, in g
    traceback.print_stack()
Traceback (most recent call last):
  File "/tmp/prog.py", line 11, in <module>
    os.close(98)
OSError: [Errno 9] Bad file descriptor
"""


def test_a_syntax_error_is_shown_as_python3_shows_it():
    r = run("x = 1\nif x = 2:\n    pass\n")
    assert (r.code, r.out) == (1, "")
    assert r.err == ('  File "/tmp/prog.py", line 3\n    if x = 2:\n       ^^^^^\n'
                     "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n")


def test_an_exception_in_a_signal_handler_shows_the_interrupted_line_then_the_handler():
    r = run("""
        import signal, time
        def handler(sig, frame):
            1 / 0
        signal.signal(signal.SIGALRM, handler)
        signal.alarm(1)
        time.sleep(3)
        """)
    assert r.err == """\
Traceback (most recent call last):
  File "/tmp/prog.py", line 8, in <module>
    time.sleep(3)
  File "/tmp/prog.py", line 5, in handler
    1 / 0
    ~~^~~
ZeroDivisionError: division by zero
"""


def test_python_script_reports_and_ends_exactly_as_the_script_run_directly():
    files = {"/home/student/helper.py": "def go():\n    return {}['missing']\n",
             "/home/student/p.py": "#!/usr/bin/python3\nimport helper\nhelper.go()\n"}
    direct, through = sh("./p.py", files=files), sh("python3 p.py", files=files)
    assert direct.err.replace("/./", "/") == through.err == """\
Traceback (most recent call last):
  File "/home/student/p.py", line 3, in <module>
    helper.go()
  File "/home/student/helper.py", line 2, in go
    return {}['missing']
           ~~^^^^^^^^^^^
KeyError: 'missing'
"""
    r = sh("python -c '1/0'; echo $?; python -c 'if 1 = 1: pass'; echo $?; "
           "python -c 'import os; os.kill(os.getpid(), 15)'; echo $?")
    assert r.out == "1\n1\n143\n"
    assert r.err == ('Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n'
                     "ZeroDivisionError: division by zero\n"
                     '  File "<string>", line 1\n    if 1 = 1: pass\n       ^\n'
                     "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of "
                     "'='?\nTerminated\n")


def test_random_reseeds_in_the_child_after_fork_as_cpython_does():
    r = run("""
        import os, random
        before = random.random()
        mine = random.Random(5)
        pid = os.fork()
        after, seeded = random.random(), mine.random()
        if pid == 0:
            print(before, after, seeded, flush=True)
            os._exit(0)
        os.wait()
        print(before, after, seeded)
        """)
    (b1, a1, s1), (b2, a2, s2) = (line.split() for line in r.out.splitlines())
    assert b1 == b2 and s1 == s2 and a1 != a2


def test_register_at_fork_runs_its_handlers_in_cpythons_order():
    r = run("""
        import os, sys
        for i in (1, 2):
            os.register_at_fork(before=lambda i=i: print("before", i),
                                after_in_parent=lambda i=i: print("parent", i),
                                after_in_child=lambda i=i: print("child", i))
        try:
            os.register_at_fork(before=1)
        except TypeError as e:
            print(e)
        sys.stdout.flush()
        if os.fork() == 0:
            sys.exit(0)
        os.wait()
        """, fork_first="child")
    # (the before lines are still buffered at fork: both processes print them)
    assert r.out == ("'before' must be callable, not int\nbefore 2\nbefore 1\nchild 1\nchild 2\n"
                     "before 2\nbefore 1\nparent 1\nparent 2\n")


def test_small_os_and_time_details_as_cpython():
    r = run("""
        import os, sys, time
        for call in (lambda: os.read(0, -1), lambda: os.killpg(0, 0), lambda: time.sleep(float("nan")),
                     lambda: os.sched_getaffinity(0), lambda: os.ctermid(), lambda: os.ttyname(1),
                     lambda: sys.displayhook(42), lambda: sys.gettrace(), lambda: repr(sys.stdin)):
            try:
                print(repr(call()))
            except Exception as e:
                print(type(e).__name__, e)
        """)
    assert r.out == ("OSError [Errno 22] Invalid argument\nNone\n"
                     "ValueError Invalid value NaN (not a number)\n{0}\n'/dev/tty'\n"
                     "OSError [Errno 25] Inappropriate ioctl for device\n42\nNone\nNone\n"
                     "\"<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>\"\n")


def test_setitimer_sends_sigalrm_every_interval_and_alarm_shares_the_timer():
    r = run("""
        import signal, time
        print(signal.setitimer(signal.ITIMER_REAL, 5, 1))
        delay, interval = signal.getitimer(signal.ITIMER_REAL)
        print(round(delay), interval, signal.alarm(0), signal.getitimer(signal.ITIMER_REAL))
        ticks = []
        signal.signal(signal.SIGALRM, lambda sig, frame: ticks.append(sig))
        signal.setitimer(signal.ITIMER_REAL, 0.1, 0.1)
        time.sleep(0.55)
        signal.setitimer(signal.ITIMER_REAL, 0)
        print(len(ticks))
        try:
            signal.setitimer(signal.ITIMER_REAL, -1)
        except signal.ItimerError as e:
            print(e)
        """)
    assert r.out == "(0.0, 0.0)\n5 1.0 5 (0.0, 0.0)\n5\n[Errno 22] Invalid argument\n"


def test_a_module_imported_from_the_current_directory_has_an_absolute_file():
    r = sh("python -c 'import helper'", files={"/home/student/helper.py": "print(__file__)\n"})
    assert r.out == "/home/student/helper.py\n"


def test_a_warning_goes_to_the_processs_stderr_with_its_line():
    r = run("""
        import warnings
        def f():
            warnings.warn("deprecated thing", DeprecationWarning, stacklevel=2)
        warnings.warn("careful")
        f()
        warnings.warn("careful")            # another line: shown again
        """)
    assert (r.out, r.err) == ("", '/tmp/prog.py:6: UserWarning: careful\n  warnings.warn("careful")\n'
                                  "/tmp/prog.py:7: DeprecationWarning: deprecated thing\n  f()\n"
                                  '/tmp/prog.py:8: UserWarning: careful\n'
                                  '  warnings.warn("careful")            # another line: shown again\n')


def test_input_flushes_stderr_before_the_prompt():
    r = sh("./p.py", files={"/home/student/p.py": """\
        #!/usr/bin/python3
        import sys
        sys.stderr.write("warning: ")
        print("read", input("prompt: "))
        """}, tty=True)
    assert b"".join(r.kernel.tty.console.both).decode().startswith("warning: prompt: ")


def test_a_stdout_into_a_pipe_without_reader_is_reported_as_a_broken_pipe_at_exit():
    r = run("""
        import os, signal
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
        r, w = os.pipe()
        os.close(r)
        os.dup2(w, 1)
        print("x")
        """)
    assert r.code == 120
    assert r.err == ("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' "
                     "encoding='utf-8'>\nBrokenPipeError: [Errno 32] Broken pipe\n")


def test_a_virtual_modules_file_is_cpythons():
    import os as host_os
    r = run("""
        for name in ("os", "atexit", "time", "random"):
            try:
                exec(f"from {name} import nosuch")
            except ImportError as e:
                print(e)
        """)
    stdlib = host_os.path.dirname(host_os.__file__)
    assert r.out == (f"cannot import name 'nosuch' from 'os' ({stdlib}/os.py)\n"
                     "cannot import name 'nosuch' from 'atexit' (unknown location)\n"
                     "cannot import name 'nosuch' from 'time' (unknown location)\n"
                     f"cannot import name 'nosuch' from 'random' ({stdlib}/random.py)\n")


def test_posix_spawn_checks_its_file_actions_in_the_caller():
    r = run("""
        import os
        for actions in ([(99, 1)], [()], [(os.POSIX_SPAWN_CLOSE,)], [(os.POSIX_SPAWN_DUP2, 1)]):
            try:
                os.posix_spawn("/tmp/prog.py", ["x"], {}, file_actions=actions)
            except TypeError as e:
                print(e)
        """)
    assert (r.err, r.kernel.panics) == ("", [])
    assert r.out == ("Unknown file_actions identifier\n"
                     "Each file_actions element must be a non-empty tuple\n"
                     "A close file_action tuple must have 2 elements\n"
                     "A dup2 file_action tuple must have 3 elements\n")


# ---- the interpreter: how it starts, ends and shows its frames -----------------------------

CRASH = """\
import sys
print("out", end="")
sys.stderr.write("err ")
raise ValueError("boom")
"""


def test_a_script_flushes_what_it_printed_before_its_traceback_and_c_does_not():
    """pythonrun.c: a file's run ends with stderr, then stdout, flushed (flush_io)
    before the traceback; -c prints the traceback first, stdout at finalization."""
    r = sh("python crash.py 2>&1 | cat; python -c \"$(cat crash.py)\" 2>&1 | cat",
           files={"/home/student/crash.py": CRASH})
    assert r.out == ("err outTraceback (most recent call last):\n"
                     '  File "/home/student/crash.py", line 4, in <module>\n'
                     '    raise ValueError("boom")\n'
                     "ValueError: boom\n"
                     "err Traceback (most recent call last):\n"
                     '  File "<string>", line 4, in <module>\n'
                     "ValueError: boom\n"
                     "out")


def test_stderr_is_flushed_before_stdout_when_a_script_ends():
    r = sh("python p.py 2>&1 | cat", files={"/home/student/p.py": """\
        import sys
        sys.stderr.write("pending ")
        print("stdout")
        """})
    assert r.out == "pending stdout\n"


MAINMOD = """\
import sys, inspect
print(type(__builtins__).__name__, type(__loader__).__name__, __spec__, list(globals())[:9])
print(sys._getframe().f_back, [f.function for f in inspect.stack()])
"""


def test_main_module_and_its_frames_are_cpythons():
    r = sh("python mainmod.py; python -c \"$(cat mainmod.py)\"",
           files={"/home/student/mainmod.py": MAINMOD})
    assert r.out == (
        "module SourceFileLoader None ['__name__', '__doc__', '__package__', '__loader__', "
        "'__spec__', '__annotations__', '__builtins__', '__file__', '__cached__']\n"
        "None ['<module>']\n"
        "module type None ['__name__', '__doc__', '__package__', '__loader__', '__spec__', "
        "'__annotations__', '__builtins__', 'sys', 'inspect']\n"
        "None ['<module>']\n")


def test_the_builtins_module_is_the_programs_own_namespace():
    r = run("""
        import builtins
        builtins.shout = lambda s: print(s.upper())
        shout("seen")
        """)
    assert r.out == "SEEN\n"


def test_excepthook_gets_the_traceback_from_the_programs_first_frame():
    r = run("""
        import sys
        def hook(t, v, tb):
            print("hook", t.__name__, tb.tb_frame.f_code.co_name, tb.tb_lineno,
                  sys.last_value is v, file=sys.stderr)
        sys.excepthook = hook
        raise KeyError("k")
        """)
    assert (r.code, r.err) == (1, "hook KeyError <module> 8 True\n")


def test_sys_flags_come_from_the_command_line_and_the_environment_not_the_host():
    r = sh("python -c 'import sys; f = sys.flags; print(f.dont_write_bytecode, f.optimize, "
           "sys.dont_write_bytecode)'; "
           "python -B -O -c 'import sys; f = sys.flags; print(f.dont_write_bytecode, f.optimize)'; "
           "PYTHONDONTWRITEBYTECODE=1 PYTHONOPTIMIZE=2 python -c 'import sys; "
           "print(sys.flags.dont_write_bytecode, sys.flags.optimize)'; "
           "PYTHONDONTWRITEBYTECODE=1 python -E -c 'import sys; "
           "print(sys.flags.dont_write_bytecode, sys.flags.ignore_environment)'; "
           "python -W error -X dev -c 'import sys; "
           "print(sys.warnoptions, sys._xoptions, sys.flags.dev_mode)'")
    assert r.out == ("0 0 False\n1 1\n1 2\n0 1\n['default', 'error'] {'dev': True} True\n")


def test_pythonunbuffered_0_is_buffered_and_1_is_not():
    r = sh("PYTHONUNBUFFERED=0 python -c 'import sys; print(sys.stdout.write_through)'; "
           "PYTHONUNBUFFERED=1 python -c 'import sys; print(sys.stdout.write_through)'; "
           "python -u -c 'import sys; print(sys.stdout.write_through, sys.stdout.buffer)'")
    assert r.out == ("False\nTrue\n"
                     "True <_io.FileIO name='<stdout>' mode='wb' closefd=False>\n")


def test_stdout_is_buffered_in_blocks_of_its_files_st_blksize():
    r = sh("python -c 'import sys; print(sys.stdout.buffer.raw._blksize)' > f; cat f")
    assert r.out == "4096\n"


def test_python_m_runs_a_module_beside_the_program_or_a_standard_one():
    r = sh("python -m mymod a b; echo '{\"a\": [1, 2]}' | python -m json.tool",
           files={"/home/student/mymod.py": """\
               import os, sys
               print(__name__, __spec__.name, sys.argv, sys.path[0] == os.getcwd())
               """})
    assert r.out == ("__main__ mymod ['/home/student/mymod.py', 'a', 'b'] True\n"
                     '{\n    "a": [\n        1,\n        2\n    ]\n}\n')


def test_python_m_errors_and_tracebacks_are_cpythons():
    r = sh("python -m nosuch; echo \"[$?]\"; python -m json; echo \"[$?]\"; "
           "python -m zd; echo \"[$?]\"", files={"/home/student/zd.py": "print(1/0)\n"})
    assert r.out == "[1]\n[1]\n[1]\n"
    assert r.err == (
        "/bin/python: No module named nosuch\n"            # (sys.executable: `python` in $PATH)
        "/bin/python: No module named json.__main__; 'json' is a package and cannot be "
        "directly executed\n"
        "Traceback (most recent call last):\n"
        '  File "<frozen runpy>", line 198, in _run_module_as_main\n'
        '  File "<frozen runpy>", line 88, in _run_code\n'
        '  File "/home/student/zd.py", line 1, in <module>\n'
        "    print(1/0)\n"
        "          ~^~\n"
        "ZeroDivisionError: division by zero\n")


def test_python_dir_runs_its_main_py_and_says_when_there_is_none():
    r = sh("python dd x; python .; echo \"[$?]\"", files={
        "/home/student/dd/__main__.py": "import sys; print('main of dir', sys.argv, __name__)\n"})
    assert r.out == "main of dir ['dd', 'x'] __main__\n[1]\n"
    assert r.err == "/bin/python: can't find '__main__' module in '/home/student'\n"


def test_the_python_command_line_is_read_as_cpython_reads_it():
    r = sh("python -z; echo \"[$?]\"; python -uc; echo \"[$?]\"; python --foo; "
           "python -uE -c 'import sys; print(sys.argv)' -x y; python -VV | cut -c1-7")
    usage = ("usage: python [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
             "Try `python -h' for more information.\n")
    assert r.err == ("Unknown option: -z\n" + usage + "Argument expected for the -c option\n"
                     + usage + "unknown option --foo\n" + usage)
    assert r.out == "[2]\n[2]\n['-c', '-x', 'y']\nPython \n"


# ---- recursion: the program's limit is exact ---------------------------------------------------

def test_recursion_ends_at_the_depth_python3_reaches():
    r = run("""
        import sys
        def depth(n=0):
            try:
                return depth(n + 1)
            except RecursionError:
                return n
        print(depth())
        sys.setrecursionlimit(60)
        print(depth())
        def down(n):
            return down(n + 1)
        down(0)
        """)
    assert r.out == "998\n58\n"
    assert "  [Previous line repeated 56 more times]\n" in r.err


def test_system_calls_near_the_recursion_limit_do_not_raise_it():
    """Entering the kernel costs os.getpid three frames more than python3's C
    call (the argument checker, getpid, the trap); the way back sets the
    program's own limit again, however deep."""
    r = run("""
        import os, sys
        def depth(n=0):
            try:
                os.getpid()
                return depth(n + 1)
            except RecursionError:
                return n
        sys.setrecursionlimit(100)
        print([depth() for i in range(5)])
        """)
    assert r.out == "[94, 94, 94, 94, 94]\n"          # python3: 97


# ---- what CPython cannot raise ---------------------------------------------------------------

def test_an_exception_in_del_is_printed_as_ignored_and_the_program_goes_on():
    r = run("""
        class R:
            def __del__(self):
                raise RuntimeError("cleanup failed")
        r = R()
        del r
        print("still running")
        """)
    assert r.out == "still running\n"
    assert r.err.startswith("Exception ignored in: <function R.__del__ at 0x")
    assert r.err.endswith(">\nTraceback (most recent call last):\n"
                          '  File "/tmp/prog.py", line 5, in __del__\n'
                          '    raise RuntimeError("cleanup failed")\n'
                          "RuntimeError: cleanup failed\n")


def test_os_makedirs_is_cpythons_own_code_with_its_frozen_os_frame():
    r = run("""
        import os
        os.makedirs("a/b")
        os.makedirs("a/b")
        """)
    assert r.err == ("Traceback (most recent call last):\n"
                     '  File "/tmp/prog.py", line 5, in <module>\n'
                     '    os.makedirs("a/b")\n'
                     '  File "<frozen os>", line 225, in makedirs\n'
                     "FileExistsError: [Errno 17] File exists: 'a/b'\n")


def test_a_scripts_hash_bang_options_are_the_interpreters():
    r = sh("./u.py", files={"/home/student/u.py": """\
        #!/usr/bin/python3 -u
        import sys
        print(sys.stdout.write_through, sys.orig_argv[:2])
        """})
    assert r.out == "True ['/usr/bin/python3', '-u']\n"


def test_an_atexit_handler_is_called_with_no_frame_below_it():
    r = run("""
        import atexit, inspect, sys
        @atexit.register
        def at():
            print([f.function for f in inspect.stack()], sys._getframe().f_back)
        """)
    assert r.out == "['at'] None\n"


def test_an_uncaught_syntax_error_reads_as_cpythons_c_prints_it():
    """pythonrun.c, not traceback.py: an IndentationError's caret is one wide, a
    line indented with a tab is shown without it (and no caret left of it), and
    an error without its text gets the line from the file."""
    r = sh("python ie.py; python tab.py; python dup.py", files={
        "/home/student/ie.py": "def f():\nreturn 1\n",
        "/home/student/tab.py": "x = 1\n\ty = 2\n",
        "/home/student/dup.py": "x = 1\ndef g(a, a): pass\n"})
    assert r.err == ('  File "/home/student/ie.py", line 2\n    return 1\n    ^\n'
                     "IndentationError: expected an indented block after function "
                     "definition on line 1\n"
                     '  File "/home/student/tab.py", line 2\n    y = 2\n'
                     "IndentationError: unexpected indent\n"
                     '  File "/home/student/dup.py", line 2\n    def g(a, a): pass\n'
                     "             ^\n"
                     "SyntaxError: duplicate argument 'a' in function definition\n")


def test_warnings_warn_has_no_frame_as_cpythons_c_has_none():
    r = sh("python -W error -c 'import warnings; warnings.warn(\"w\")'")
    assert r.err == ('Traceback (most recent call last):\n'
                     '  File "<string>", line 1, in <module>\n'
                     "UserWarning: w\n")


def test_print_with_sys_stdout_none_prints_nothing_not_on_the_hosts_stdout(capsys):
    """CPython's print() does nothing when sys.stdout is None; the host's print
    would have written on the host's own stdout."""
    r = run("import sys\nprint('real')\nsys.stdout.flush()\nsys.stdout = None\n"
            "print('dropped')\nsys.stderr.write('err\\n')\n")
    assert (r.code, r.out, r.err) == (0, "real\n", "err\n")
    assert "dropped" not in capsys.readouterr().out


def test_programs_start_on_a_host_python_whose_sys_flags_lack_the_newer_fields(monkeypatch):
    # Python 3.10's sys.flags has no safe_path, warn_default_encoding or
    # int_max_str_digits; the machine once read flags.safe_path at every start
    # and so stopped every Python program there with an internal error.
    from kernel.libpy import pyconfig
    names = tuple(n for n in pyconfig.NAMES
                  if n not in ("safe_path", "warn_default_encoding", "int_max_str_digits"))
    monkeypatch.setattr(pyconfig, "NAMES", names)
    monkeypatch.setattr(pyconfig, "_CACHE", {})
    for name in ("safe_path", "warn_default_encoding", "int_max_str_digits"):
        monkeypatch.delattr(pyconfig.flags, name, raising=False)    # (3.10's lack them)
    r = sh("python3 -c 'import sys; print(hasattr(sys.flags, \"safe_path\"), sys.path[0])'")
    assert (r.out, r.err, r.status) == ("False \n", "", 0)
    assert r.kernel.panics == []


def test_a_recursion_on_python_3_10_ends_where_python3_10s_does(monkeypatch):
    # Python 3.10 checks the recursion limit when a frame calls a C function,
    # such as the `next` of a tick at the top of every function body: a frame
    # at the program's limit then raised RecursionError ("while calling a Python
    # object") one level before python3.10 does.  There the tick is a statement
    # whose step calls no C function; it must count and raise as the call does.
    from kernel import ticks
    monkeypatch.setattr(ticks, "CHECKED_C_CALLS", True)
    r = run("""
        import sys
        def depth(n=0):
            try:
                return depth(n + 1)
            except RecursionError:
                return n
        print(depth())
        sys.setrecursionlimit(60)
        print(depth())
        n = 0
        for i in range(3000):
            n += 1
        print(n, [i for i in range(3)])
        """)
    assert (r.out, r.err, r.code) == ("998\n58\n3000 [0, 1, 2]\n", "", 0)
    tree = ticks.instrument(__import__("ast").parse("def f():\n    return 1\n"))
    assert __import__("ast").unparse(tree.body[0].body[0]) == "for [] in __ticks__:\n    break"


def test_python_3_10s_pathlib_accessor_calls_the_virtual_os_unbound():
    # 3.10's pathlib calls os through _NormalAccessor (stat = os.stat, open =
    # io.open): C functions, which do not bind; the virtual os's are Python
    # functions and got the accessor as their path, so on 3.10 Path.write_text,
    # stat, mkdir, iterdir... all failed ("open() argument 'mode' must be str").
    import types
    from kernel.libpy import runtime
    pathlib = types.ModuleType("pathlib")
    exec("class _NormalAccessor:\n"
         "    def owner(self, path):\n"
         "        return 'own method'\n", pathlib.__dict__)

    def stat(path):                             # as the virtual os.stat is: Python
        return f"stat {path}"
    pathlib._NormalAccessor.stat = stat
    runtime._unbound_accessor(pathlib)
    accessor = pathlib._NormalAccessor()
    assert (accessor.stat("/tmp"), accessor.owner("/tmp")) == ("stat /tmp", "own method")


def test_an_exception_ignored_at_exit_prints_on_python_3_13s_traceback_module():
    # At exit CPython prints an ignored exception without source lines; 3.13's
    # FrameSummary keeps them in _lines (and has __slots__): setting _line
    # raised, and the report of a failing __del__ at exit was lost.
    import traceback as host_traceback
    import types
    from kernel.libpy import tracebacks

    class FrameSummary:                         # 3.13's shape
        __slots__ = ("_lines",)

        def __init__(self) -> None:
            self._lines = None

    class TracebackException:
        def __init__(self, *args, **kwargs) -> None:
            self.stack = [FrameSummary()]

        def format(self, chain=True):
            return ["lines: %r\n" % self.stack[0]._lines]
    fake = types.SimpleNamespace(TracebackException=TracebackException,
                                 _compute_suggestion_error=host_traceback.format_exc)
    text = tracebacks.format_exception(fake, ValueError("x"), chain=False, source=False)
    assert text == "lines: ''\n"


def test_a_syntax_error_prints_when_python_3_13s_traceback_asks_for_colour():
    # 3.13's traceback.py calls _format_syntax_error(stype, colorize=...): the
    # machine's version took no such argument, so on 3.13 every uncaught
    # SyntaxError came out as "Error in sys.excepthook: TypeError ...".
    import linecache
    import traceback as host_traceback
    from kernel.libpy import tracebacks
    try:
        compile("x = (1,\n 2))\n", "/tmp/s.py", "exec")
    except SyntaxError as e:
        te = host_traceback.TracebackException(type(e), e, None)
    lines = tracebacks._c_syntax_error(te, linecache, "SyntaxError", colorize=False)
    assert "".join(lines) == ('  File "/tmp/s.py", line 2\n    2))\n      ^\n'
                              "SyntaxError: unmatched ')'\n")


def test_rlcompleter_imports_without_readline_and_so_do_pdb_and_doctest():
    # rlcompleter tries `import readline` and goes on without it on an
    # ImportError; the host's copy met the guard's PermissionError instead, and
    # 3.13's pdb (so doctest) imports rlcompleter: `import doctest` failed there.
    r = run("""
        import rlcompleter
        print(rlcompleter._readline_available, rlcompleter.Completer({"abc": 1}).complete("ab", 0))
        """)
    assert (r.out, r.err, r.code) == ("False abc\n", "", 0)
