"""Programs' stacks are reused (kernel/stacks.py): a program that returned leaves
its stack to the next, which must not be able to tell -- its first frame has
no caller, its recursion ends where python3's does, its traceback shows only
its own frames -- whether it ran on a new stack or on one a program that
crashed, exited or ran atexit handlers had before (issue 16).

Counts of objects and exact outputs, never times.
"""
from __future__ import annotations

import kernel.stacks as stacks_module

from conftest import make_kernel, run

TRUE = "#!/usr/bin/python3\n"

# What a program can see of the stack it runs on.
LOOK = '''#!/usr/bin/python3
import sys, traceback
def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
def where():
    traceback.print_stack(file=sys.stdout)
print(sys._getframe().f_back, depth())
where()
'''
LOOK_OUT = ("None 998\n"
            '  File "/bin/look", line 11, in <module>\n    where()\n'
            '  File "/bin/look", line 9, in where\n    traceback.print_stack(file=sys.stdout)\n')

# Programs that end their stack, or use it for more than __main__.
CRASH = "#!/usr/bin/python3\nraise ValueError('no')\n"
EXIT = "#!/usr/bin/python3\nimport sys\nsys.exit(3)\n"
ATEXIT = "#!/usr/bin/python3\nimport atexit\natexit.register(print, 'bye')\n"
HOOK = ("#!/usr/bin/python3\nimport sys\n"
        "sys.excepthook = lambda *a: print('hooked')\nraise KeyError\n")


def run_one_after_another(programs: list[str], monkeypatch=None) -> tuple[list, str, list]:
    """Run each /bin/NAME in turn from a native pid 1 (clone, exec, wait), in one
    run of the scheduler: (wait statuses, stdout, stacks made)."""
    made: list = []
    if monkeypatch is not None:
        class Counted(stacks_module.greenlet):          # type: ignore[misc,valid-type]
            def __init__(self, *args, **kwargs) -> None:
                made.append(self)
                super().__init__(*args, **kwargs)
        monkeypatch.setattr(stacks_module, "greenlet", Counted)
    k = make_kernel()
    for name, text in {"true": TRUE, "look": LOOK, "crash": CRASH, "exit": EXIT,
                       "atexit": ATEXIT, "hook": HOOK}.items():
        k.fs.write_file("/bin/" + name, text, mode=0o755)
    statuses: list[int] = []

    def init(rt) -> int:
        os = rt.os
        for name in programs:
            pid = rt.clone(lambda rt, name=name: rt.os.execv("/bin/" + name, [name]))
            statuses.append(os.waitpid(pid, 0)[1])
        return 0

    k.spawn(init)
    k.run()
    assert not k.panics
    return statuses, k.tty.console.stdout, made


def test_python_programs_one_after_another_run_on_the_same_stack(monkeypatch):
    """A new greenlet costs CPython an mmap and a munmap (~8 us): forty
    /bin/true run on the stack the first one had."""
    statuses, _, made = run_one_after_another(["true"] * 40, monkeypatch)
    assert statuses == [0] * 40
    assert len(made) == 1


def test_a_program_that_raises_ends_its_stack_and_the_next_gets_a_new_one(monkeypatch):
    statuses, _, made = run_one_after_another(["true", "crash", "true", "exit", "true"],
                                              monkeypatch)
    assert statuses == [0, 1 << 8, 0, 3 << 8, 0]
    assert len(made) == 3           # the first, then one after each program that raised


def test_a_program_cannot_tell_a_reused_stack_from_a_new_one():
    alone = run_one_after_another(["look"])[1]
    assert alone == LOOK_OUT
    after = run_one_after_another(["true", "look", "atexit", "look", "hook", "look",
                                   "crash", "exit", "look", "look"])[1]
    assert after == (LOOK_OUT + "bye\n" + LOOK_OUT + "hooked\n" + LOOK_OUT * 3)


def test_an_excepthook_and_an_atexit_handler_run_at_python3s_depth():
    """CPython calls them from C, at the depth of a script's first frame; on a
    stack the script is one C call (exec's) deeper than a function called
    there, which the kernel makes up for.  (python3's output, recorded.)"""
    r = run("""
        import sys, atexit
        def t(where):
            try:
                sys.setrecursionlimit(1)
            except RecursionError as e:
                print(where, e)
        def depth(n=0):
            try:
                return depth(n + 1)
            except RecursionError:
                return n
        t("main")
        atexit.register(lambda: (t("atexit"), print(depth())))
        sys.excepthook = lambda *a: (t("hook"), print(depth()))
        raise ValueError
        """)
    too_low = "cannot set the recursion limit to 1 at the recursion depth"
    assert r.out == (f"main {too_low} 3: the limit is too low\n"
                     f"hook {too_low} 3: the limit is too low\n998\n"
                     f"atexit {too_low} 3: the limit is too low\n998\n")


def test_a_waiting_stack_keeps_nothing_of_its_last_task():
    # A stack parked for its next task still held the last one -- on 3.10, 3.12
    # and 3.13 the partial that ran __main__, and so its namespace: freed at
    # exit, __main__ outlived the collection, and __del__ methods and a
    # generator's finally then found the globals gone (NameError).
    import weakref
    from greenlet import getcurrent, greenlet
    from kernel.cpu import _limiter

    class Task:
        def __call__(self):
            return "done"
    limiter = greenlet(_limiter)
    limiter.switch(getcurrent(), 1000, ())
    stack = stacks_module.new_stack(limiter, 1000)
    stack.parent = getcurrent()
    task = Task()
    gone = weakref.ref(task)
    assert stack.switch(task) == "done"
    del task
    assert gone() is None

