"""subprocess, select, selectors, logging and threading in virtual processes:
CPython's own library modules, over the kernel's clone, exec and poll.  The
comparison corpus (tests/pycompare: subprocess_*, select_*, selectors_*,
logging_*) checks them byte for byte against python3; these tests check what
the corpus cannot see -- that the children are the kernel's processes, that
waits sleep in the kernel (on several queues, with signals and timeouts on
virtual time), and that nothing reaches the host."""
from __future__ import annotations

import os
import sys
import textwrap

from kernel import MemoryConsole
from kernel import trace as ev
from kernel.proc import State
from conftest import Result, add_files, new_machine, run_on
from vshell.system import Options, make_machine
from vshell.verdict import deadlock_report

STUDENT = 1000
ENV = {"PATH": "/bin:/usr/bin", "HOME": "/home/student", "USER": "student", "LANG": "C.UTF-8"}


def run(src: str, *, console=None, stdin: bytes = b"", trace: bool = False) -> Result:
    """Run src as /tmp/prog.py, as the student, on a booted machine (with /bin/sh,
    echo, cat, sleep...), seeded and on virtual time."""
    k = new_machine(stdin=stdin, console=console)
    add_files(k, {"/tmp/prog.py": "#!/usr/bin/python3\n" + textwrap.dedent(src)}, uid=STUDENT,
              mode=0o755)
    events: list = []
    if trace:
        k.trace.subscribe(events.append)
    r = run_on(k, ["/tmp/prog.py"], uid=STUDENT, env=dict(ENV), cwd="/tmp")
    r.events = events
    return r


def vfile(k, path: str) -> bytes | None:
    node = k.fs.root
    for part in path.strip("/").split("/"):
        node = node.lookup(part) if node.is_dir else None
        if node is None:
            return None
    return bytes(node.data)


# ---- subprocess ----------------------------------------------------------------------------

def test_run_captures_a_childs_output_and_status():
    r = run("""
        import subprocess
        r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True,
                           text=True)
        print(r.returncode, repr(r.stdout), repr(r.stderr))
    """)
    assert r.out == "3 'out\\n' 'err\\n'\n", r.err


def test_the_child_is_a_process_of_the_kernel_forked_by_clone_and_execd():
    r = run("""
        import os, subprocess
        print(os.getpid(), subprocess.run(["sh", "-c", "echo $PPID"], capture_output=True,
                                          text=True).stdout.strip())
    """, trace=True)
    me, parent = r.out.split()
    assert me == parent
    forks = [e for e in r.events if isinstance(e, ev.Fork) and e.parent == int(me)]
    assert [f.how for f in forks] == ["clone"]
    execs = [e for e in r.events if isinstance(e, ev.Exec) and e.pid == forks[0].child]
    assert execs and execs[0].path == "/bin/sh"


def test_a_missing_program_raises_file_not_found_as_python3():
    r = run("""
        import subprocess
        for cmd in (["no-such-program"], ["/etc/passwd"]):
            try:
                subprocess.run(cmd)
            except OSError as e:
                print(type(e).__name__, e)
    """)
    assert r.out == ("FileNotFoundError [Errno 2] No such file or directory: 'no-such-program'\n"
                     "PermissionError [Errno 13] Permission denied: '/etc/passwd'\n")


def test_an_error_before_exec_names_the_working_directory():
    r = run("""
        import subprocess
        try:
            subprocess.run(["true"], cwd="/nowhere")
        except FileNotFoundError as e:
            print(e)
    """)
    assert r.out == "[Errno 2] No such file or directory: '/nowhere'\n"


def test_an_exception_in_preexec_fn_is_a_subprocess_error():
    r = run("""
        import subprocess
        try:
            subprocess.run(["true"], preexec_fn=lambda: 1 / 0)
        except subprocess.SubprocessError as e:
            print(type(e).__name__, e)
    """)
    assert r.out == "SubprocessError Exception occurred in preexec_fn.\n"


def test_preexec_fn_runs_in_the_child():
    r = run("""
        import os, subprocess
        out = subprocess.run(["sh", "-c", "echo $$ $(ps -o pgid= -p $$)"], capture_output=True,
                             text=True, preexec_fn=os.setpgrp).stdout.split()
        print(out[0] == out[1], int(out[1]) != os.getpgrp())
    """)
    assert r.out == "True True\n", r.err


def test_a_preexec_fn_that_computes_is_charged_to_the_child():
    """preexec_fn is the program's code, with its ticks, running in the clone
    child: its ticks are the child's CPU time (the parent is not running)."""
    r = run("""
        import subprocess
        def busy():
            total = 0
            for i in range(30000):
                total += i
        print(subprocess.run(["echo", "ok"], preexec_fn=busy, capture_output=True).stdout)
    """)
    assert r.out == "b'ok\\n'\n", r.err


def test_communicate_feeds_stdin_while_draining_stdout_without_deadlock():
    """200 KB each way is more than a pipe holds: only select/poll can do it."""
    r = run("""
        import subprocess
        p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        out, err = p.communicate(b"x" * 200000)
        print(len(out), err, p.returncode)
    """)
    assert r.out == "200000 b'' 0\n", r.err


def test_stderr_to_stdout_and_shell_true():
    r = run("""
        import subprocess
        print(subprocess.check_output("echo one; echo two >&2", shell=True,
                                      stderr=subprocess.STDOUT))
    """)
    assert r.out == "b'one\\ntwo\\n'\n"


def test_a_timeout_kills_the_child_and_keeps_what_it_wrote():
    r = run("""
        import subprocess, time
        start = time.monotonic()
        try:
            subprocess.run(["sh", "-c", "echo partial; sleep 100"], capture_output=True,
                           timeout=0.5)
        except subprocess.TimeoutExpired as e:
            print(e.output, round(time.monotonic() - start, 1))
    """)
    assert r.out == "b'partial\\n' 0.5\n", r.err


def test_returncode_is_negative_after_a_signal_and_errors_read_as_python3():
    r = run("""
        import subprocess
        print(subprocess.run(["sh", "-c", "kill -9 $$"]).returncode)
        for cmd in (["sh", "-c", "kill $$"], "exit 3"):
            try:
                subprocess.run(cmd, check=True, shell=isinstance(cmd, str))
            except subprocess.CalledProcessError as e:
                print(e)
    """)
    assert r.out == ("-9\n"
                     "Command '['sh', '-c', 'kill $$']' died with <Signals.SIGTERM: 15>.\n"
                     "Command 'exit 3' returned non-zero exit status 3.\n")


def test_pass_fds_keeps_an_fd_and_close_fds_closes_the_others():
    r = run("""
        import os, subprocess
        r, w = os.pipe()
        os.set_inheritable(w, True)
        other = os.dup(w)
        os.set_inheritable(other, True)
        p = subprocess.run(["sh", "-c", f"echo kept >&{w}; echo closed >&{other}"], pass_fds=[w],
                           stderr=subprocess.PIPE)
        os.close(w); os.close(other)
        print(os.read(r, 100), p.returncode)
    """)
    assert r.out == "b'kept\\n' 2\n"


def test_cwd_env_umask_and_a_new_session():
    r = run("""
        import os, subprocess
        out = subprocess.run(["sh", "-c", "pwd; echo $ONLY; umask; echo $$ $(ps -o sid= -p $$)"],
                             cwd="/home", env={"ONLY": "this", "PATH": "/bin"}, umask=0o077,
                             start_new_session=True, capture_output=True, text=True).stdout
        lines = out.splitlines()
        print(lines[:3], lines[3].split()[0] == lines[3].split()[1])
    """)
    assert r.out == "['/home', 'this', '0077'] True\n", r.err


def test_output_is_not_flushed_before_the_child_runs():
    """As in python3: the parent's buffered text comes after the child's, in a file."""
    r = run("""
        import subprocess, sys
        sys.stdout = open("/tmp/out", "w")
        print("parent first")
        subprocess.run(["echo", "child"], stdout=sys.stdout)
        sys.stdout.close()
    """)
    assert vfile(r.kernel, "/tmp/out") == b"child\nparent first\n"


def test_a_fork_after_subprocess_replays_it_without_running_it_again(tmp_path):
    r = run("""
        import os, subprocess
        x = subprocess.check_output(["sh", "-c", "echo ran >> /tmp/count; echo out"])
        pid = os.fork()
        if pid == 0:
            print("child", x, flush=True)
            os._exit(0)
        os.waitpid(pid, 0)
        print("parent", x)
    """)
    assert r.out == "child b'out\\n'\nparent b'out\\n'\n", r.err
    assert vfile(r.kernel, "/tmp/count") == b"ran\n"


HOST_PROCESS_EVENTS = frozenset({"os.fork", "os.forkpty", "os.exec", "os.posix_spawn",
                                 "os.spawn", "os.system", "subprocess.Popen"})
host_events: list[str] | None = None


def _record_host_events(event: str, args: tuple) -> None:
    if host_events is not None and (event in HOST_PROCESS_EVENTS or (
            event == "vshell.call" and args and args[0] == "fork_exec")):
        host_events.append(event)


sys.addaudithook(_record_host_events)      # (audit hooks stay: it records only when asked)


def test_no_host_process_is_started():
    """Every way subprocess could start a program goes through the kernel: the
    host sees no audit event of a process being started."""
    global host_events
    host_events = []
    try:
        r = run("""
            import os, subprocess
            print(subprocess.run(["echo", "hi"], capture_output=True).stdout)
            print(subprocess.call("true", shell=True))
        """)
    finally:
        seen, host_events = host_events, None
    assert r.out == "b'hi\\n'\n0\n", r.err
    assert seen == []


# ---- select and poll ------------------------------------------------------------------------

def test_select_reports_the_fds_that_are_ready():
    r = run("""
        import os, select
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()
        os.write(w2, b"x")
        os.close(w1)
        print(select.select([r1, r2], [w2], [], 0) == ([r1, r2], [w2], []))
    """)
    assert r.out == "True\n"           # r1: EOF (no writers) is readable too


def test_select_sleeps_in_the_kernel_on_several_pipes_until_one_is_written():
    r = run("""
        import os, select, time
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()
        if os.fork() == 0:
            time.sleep(2)
            os.write(w2, b"late")
            os._exit(0)
        start = time.monotonic()
        ready, _, _ = select.select([r1, r2], [], [])
        print(ready == [r2], round(time.monotonic() - start, 1))
    """, trace=True)
    assert r.out == "True 2.0\n", r.err
    blocked = [e for e in r.events if isinstance(e, ev.StateChange) and e.new == "BLOCKED"
               and e.reason == "select"]
    assert blocked


def test_select_times_out_on_virtual_time():
    r = run("""
        import os, select, time
        r, w = os.pipe()
        start = time.monotonic()
        print(select.select([r], [], [], 1.5), round(time.monotonic() - start, 2))
        p = select.poll()
        p.register(r, select.POLLIN)
        print(p.poll(250), round(time.monotonic() - start, 2))
    """)
    assert r.out == "([], [], []) 1.5\n[] 1.75\n"


def test_a_signal_handler_runs_and_select_goes_on_until_its_deadline():
    """PEP 475: an interrupted select is retried with what is left of its timeout."""
    r = run("""
        import os, select, signal, time
        r, w = os.pipe()
        signal.signal(signal.SIGALRM, lambda *a: print("handler at", round(time.monotonic() - start, 1)))
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        start = time.monotonic()
        print(select.select([r], [], [], 2), round(time.monotonic() - start, 1))
    """)
    assert r.out == "handler at 0.5\n([], [], []) 2.0\n", r.err


def test_an_exception_from_a_handler_ends_the_wait():
    r = run("""
        import os, select, signal
        r, w = os.pipe()
        def stop(*a):
            raise TimeoutError("alarm")
        signal.signal(signal.SIGALRM, stop)
        signal.alarm(1)
        try:
            select.poll().poll()
        except TimeoutError as e:
            print("ended by", e)
    """)
    assert r.out == "ended by alarm\n"


def test_poll_reports_hangup_error_and_closed_fds():
    r = run("""
        import os, select
        r, w = os.pipe()
        os.close(w)
        r2, w2 = os.pipe()
        os.close(r2)
        p = select.poll()
        for fd in (r, w2, 42):
            p.register(fd)
        names = {r: "read end", w2: "write end", 42: "closed fd"}
        print([(names[fd], events) for fd, events in p.poll(0)])
        try:
            select.select([42], [], [], 0)
        except OSError as e:
            print(e)
    """)
    assert r.out == ("[('read end', 16), ('write end', 12), ('closed fd', 32)]\n"
                     "[Errno 9] Bad file descriptor\n")


def test_files_and_dev_null_are_always_ready():
    r = run("""
        import select
        f = open("/dev/null", "rb")
        g = open("/tmp/prog.py")
        print(select.select([f, g], [f], [], None) == ([f, g], [f], []))
    """)
    assert r.out == "True\n"


class LateConsole(MemoryConsole):
    """A terminal on which a line is typed once the kernel has looked a few times."""

    def __init__(self, line: bytes, looks: int) -> None:
        super().__init__(b"", tty=True)
        self.line, self.looks = line, looks

    def read(self, timeout: float | None) -> bytes | None:
        self.looks -= 1
        return self.line if self.looks == 0 else None


def test_select_on_the_terminal_sleeps_until_a_line_is_typed():
    console = LateConsole(b"typed\n", looks=3)
    k = make_machine(Options(seed=1, virtual_time=True), console)
    k.fs.write_file("/tmp/prog.py", "#!/usr/bin/python3\n" + textwrap.dedent("""
        import os, select, sys
        print(select.select([sys.stdin], [], [], 0), flush=True)
        ready, _, _ = select.select([0], [], [], 10)
        print(ready, os.read(0, 100))
    """), 0o755, STUDENT, STUDENT)
    events: list = []
    k.trace.subscribe(events.append)
    k.run_program(["/tmp/prog.py"], uid=STUDENT, env=dict(ENV), cwd="/tmp")
    assert console.stdout.splitlines() == ["([], [], [])", "[0] b'typed\\n'"], console.stderr
    assert any(isinstance(e, ev.StateChange) and e.reason == "select" for e in events)


def test_selectors_default_selector_is_epoll_as_on_linux():
    r = run("""
        import os, selectors
        sel = selectors.DefaultSelector()
        r, w = os.pipe()
        sel.register(r, selectors.EVENT_READ, "reader")
        print(type(sel).__name__, sel.fileno(), sel.select(0))
        os.write(w, b"x")
        print([(key.data, events) for key, events in sel.select(0)])
    """)
    assert r.out == "EpollSelector 3 []\n[('reader', 1)]\n"


def test_epoll_reports_files_in_the_order_they_woke():
    """Not the order they were registered in: each wakeup puts its file on the
    instance's ready list (a watcher on the file's wait queue)."""
    r = run("""
        import os, select
        ep = select.epoll()
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()
        ep.register(r1, select.EPOLLIN)
        ep.register(r2, select.EPOLLIN)
        os.write(w2, b"b")
        os.write(w1, b"a")
        print([fd == r2 for fd, _ in ep.poll(0)])
    """)
    assert r.out == "[True, False]\n"


def test_epoll_wait_sleeps_until_a_child_writes_and_the_instance_is_shared_by_fork():
    r = run("""
        import os, select, time
        ep = select.epoll()
        r, w = os.pipe()
        ep.register(r, select.EPOLLIN)
        if os.fork() == 0:
            time.sleep(1)
            ep.unregister(r)            # the child's fd refers to the same instance
            os.write(w, b"x")
            os._exit(0)
        start = time.monotonic()
        print(ep.poll(5), round(time.monotonic() - start, 1))
    """, trace=True)
    assert r.out == "[] 5.0\n", r.err
    assert any(isinstance(e, ev.StateChange) and e.reason == "epoll" for e in r.events)


def test_a_select_that_nothing_can_end_is_a_deadlock_not_a_hang():
    r = run("""
        import os, select
        r, w = os.pipe()
        select.select([r], [], [])
    """)
    assert r.kernel.deadlocked
    p = r.kernel.procs.get(r.kernel.deadlocked[-1])
    assert p.state is State.BLOCKED and p.blocked_on == "select"
    assert (f"pid {p.pid} (prog.py): in select/poll, reading an empty pipe whose write end is "
            f"still open in pid {p.pid} (prog.py) at /tmp/prog.py:5") in deadlock_report(r.kernel)


# ---- logging and threading -----------------------------------------------------------------

def test_logging_writes_to_the_process_stderr_and_to_files_of_the_machine(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("""
        import logging
        logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
        logging.getLogger("app").info("to stderr")
        log = logging.getLogger("file")
        log.addHandler(logging.FileHandler("app.log"))
        log.warning("to a file")
    """)
    assert r.err == "INFO:app:to stderr\nWARNING:file:to a file\n"
    assert vfile(r.kernel, "/tmp/app.log") == b"to a file\n"
    assert not (tmp_path / "app.log").exists()


def test_a_held_lock_is_waited_for_in_the_kernel():
    r = run("""
        import threading, time
        lock = threading.Lock()
        lock.acquire()
        start = time.monotonic()
        print(lock.acquire(timeout=1.5), round(time.monotonic() - start, 1))
    """)
    assert r.out == "False 1.5\n"


def test_starting_a_thread_is_refused_clearly():
    r = run("""
        import threading
        try:
            threading.Thread(target=print).start()
        except RuntimeError as e:
            print(e)
    """)
    assert r.out.startswith("can't start new thread: a vshell process has one thread")


def test_the_thread_handles_python_3_13s_threading_needs_are_there():
    # 3.13's threading.py takes _make_thread_handle, _ThreadHandle and more
    # from _thread at import: without them, importing threading -- and so
    # subprocess, logging, queue -- failed with an AttributeError.
    r = run("""
        import _thread
        h = _thread._make_thread_handle(_thread._get_main_thread_ident())
        print(h.ident == _thread.get_ident(), h.is_done(), _thread._is_main_interpreter())
        h._set_done()
        print(h.is_done(), h.join(), _thread._shutdown())
        try:
            _thread.start_joinable_thread(print, handle=_thread._ThreadHandle())
        except RuntimeError as e:
            print(e)
    """)
    assert r.out.startswith("True False True\nTrue None None\n"
                            "can't start new thread: a vshell process has one thread")


def test_posix_spawn_takes_python_3_13s_closefrom_and_env_none(monkeypatch):
    # 3.13's subprocess spawns with os.posix_spawn, env=None and a
    # (POSIX_SPAWN_CLOSEFROM, 3) file action whenever it can: the action was
    # unknown (so every subprocess.run(["/bin/x"]) failed) and, once known,
    # closed the fd that reports a failed exec -- an internal error.
    from kernel.libpy import exec as vexec
    monkeypatch.setitem(vexec._ACTION_ARGS, vexec.POSIX_SPAWN_CLOSEFROM, (2, "A closefrom"))
    monkeypatch.setattr(vexec, "_ENV_NONE", True)
    r = run("""
        import os
        r, w = os.pipe()
        os.set_inheritable(w, True)
        os.environ["WHO"] = "parent"
        closefrom = [(3, 3)]
        pid = os.posix_spawn("/bin/sh", ["sh", "-c", f"echo $WHO; echo x >&{w} || echo closed"],
                             None, file_actions=closefrom)
        print(os.waitpid(pid, 0)[1])
        try:
            os.posix_spawn("/etc/passwd", ["passwd"], None, file_actions=closefrom)
        except OSError as e:
            print(type(e).__name__, e)
    """)
    assert r.out == "parent\nclosed\n0\nPermissionError [Errno 13] Permission denied: '/etc/passwd'\n"
    assert r.kernel.panics == []


def test_an_empty_queue_get_sleeps_in_the_kernel_instead_of_freezing_the_host():
    r = run("""
        import queue
        queue.Queue().get()
    """)
    assert r.kernel.deadlocked          # reported, as any other process that waits for ever
