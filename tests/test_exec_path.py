"""The shortcuts on the path from fork to a running program give what the long way gives.

Starting a Python program reads its #! line and the environment to decide how
the interpreter starts (kernel/libpy/pyconfig.py); the kernel keeps the answers
instead of working them out for every process.  A cache that missed an input
would give one program another's flags: these tests change each input between
two runs of the same script.  Likewise for the depth of a program's first
frame, measured once, and for the shell's os functions, which skip the checks
that give a program's wrong call CPython's message.
"""
from __future__ import annotations

from test_python_fidelity import sh

from conftest import make_kernel, run
from kernel.libpy import pyconfig

FLAGS = ("#!/usr/bin/python3{opt}\nimport sys\n"
         "print(sys.flags.dont_write_bytecode, sys.flags.optimize, sys.flags.utf8_mode, "
         "sys.warnoptions, sys.stdout.write_through)\n")


class Reads(dict):
    """An environment that notes every name read from it."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.read: set[str] = set()

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key) -> bool:
        self.read.add(key)
        return super().__contains__(key)


def test_the_config_cache_key_holds_every_variable_config_reads():
    read: set[str] = set()
    for env in ({name: "1" for name in pyconfig.READS}, {"HOME": "/"}):
        for options in ((), (("u", None),), (("E", None),), (("I", None),), (("X", "utf8"),),
                        (("W", "error"), ("b", None))):
            env = Reads(env)
            pyconfig.Config(env, options)
            read |= env.read
    assert read == set(pyconfig.READS)


def test_a_script_started_with_other_environment_variables_gets_other_flags():
    r = sh("./p.py; PYTHONDONTWRITEBYTECODE=1 PYTHONOPTIMIZE=2 ./p.py; LANG=C.UTF-8 ./p.py; "
           "PYTHONWARNINGS=ignore PYTHONUNBUFFERED=1 ./p.py; ./p.py",
           files={"/home/student/p.py": FLAGS.format(opt="")})
    assert r.out == ("0 0 1 [] False\n1 2 1 [] False\n0 0 0 [] False\n"
                     "0 0 1 ['ignore'] True\n0 0 1 [] False\n")


def test_a_script_whose_hash_bang_line_changed_gets_its_new_options():
    """(The file is rewritten in place: the same inode, new contents.)"""
    r = sh("./p.py; cat b > p.py; ./p.py; cat c > p.py; ./p.py",
           files={"/home/student/p.py": FLAGS.format(opt=" -u"),
                  "/home/student/b": FLAGS.format(opt=" -B"),
                  "/home/student/c": FLAGS.format(opt=" -uOO")})
    assert r.out == "0 0 1 [] True\n1 0 1 [] False\n0 2 1 [] True\n"


def test_a_program_changing_its_warnoptions_does_not_change_the_next_ones():
    r = sh("./p.py; ./p.py", files={"/home/student/p.py": (
        "#!/usr/bin/python3 -Wdefault\nimport sys\nprint(sys.warnoptions, sys._xoptions)\n"
        "sys.warnoptions.append('error'); sys._xoptions['x'] = 1\n")})
    assert r.out == "['default'] {}\n['default'] {}\n"


DEPTH = """\
import os, sys
def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth())
sys.stdout.flush()
if os.fork() == 0:
    print("child", depth())
    sys.exit()
os.wait()
"""


def test_every_way_of_starting_a_program_gives_it_python3s_recursion_depth():
    """The depth of a program's first frame is measured once per machine run:
    each way in -- exec by #!, python FILE, -c, stdin, a fork's replay, the
    second program and the sixth -- must start at the same depth (python3's 998)."""
    r = sh('./d.py; python d.py; python -c "$(cat d.py)"; python - < d.py; '
           "for i in 1 2 3; do ./d.py; done",
           files={"/home/student/d.py": "#!/usr/bin/python3\n" + DEPTH})
    assert r.out == "998\nchild 998\n" * 7


def test_native_code_calls_the_os_functions_themselves_and_programs_get_cpythons_errors():
    k = make_kernel()
    seen = []

    def init(rt):
        os = rt.os
        seen.append((os.stat.__code__.co_name, os.stat in os.supports_fd,
                     os.environ is rt.environ))
        return 0
    k.spawn(init)
    k.run()
    assert seen == [("stat", True, True)]
    r = sh("python -c 'import os; os.waitpid(1)'")
    assert r.err.endswith("TypeError: waitpid() takes exactly 2 arguments (1 given)\n")


def test_execve_checks_its_arguments_and_environment_as_python3_does():
    """Short environments are checked string by string, long ones at once: each
    way must find python3's error (expected: python3's output)."""
    r = run(r"""
        import os
        class S(str): pass
        big = {f"V{i}": "x" for i in range(8)}
        cases = [
            ("/bin/nope", ["a"], {}),
            ("/bin/nope", ["a", S("b")], {"A": "1"}),
            ("/bin/nope", ["a", "b\0"], {}),
            ("/bin/nope", ["a", 3], {}),
            ("/bin/nope", ["a"], {**big, "K": "v\0"}),
            ("/bin/nope", ["a"], {"K": "v\0"}),
            ("/bin/nope", ["a"], {**big, "": "v"}),
            ("/bin/nope", ["a"], {"": "v"}),
            ("/bin/nope", ["a"], {**big, "=A": "v"}),
            ("/bin/nope", ["a"], {**big, "A=B": "v"}),
            ("/bin/nope", ["a"], {"A=B": "v"}),
            ("/bin/nope", ["a"], {**big, "A": 1}),
            ("/bin/nope", ["a"], {**big, b"A": "1"}),
            ("/bin/nope", ["a"], {**big, S("A"): "1"}),
            ("/bin/nope", ["a"], {1: "x", **big}),
            ("/bin/nope", [b"a"], {**big, "A": b"x\0"}),
            ("/bin/nope\0", ["a"], big),
            ("/bin/nope", ["a"], {**big, "A\0": "x", "B": 1}),
        ]
        for path, argv, env in cases:
            try:
                os.execve(path, argv, env)
            except Exception as e:
                print(type(e).__name__, e)
        """)
    assert r.out == (
        "FileNotFoundError [Errno 2] No such file or directory: '/bin/nope'\n"
        "FileNotFoundError [Errno 2] No such file or directory: '/bin/nope'\n"
        'ValueError embedded null byte\n'
        'TypeError expected str, bytes or os.PathLike object, not int\n'
        'ValueError embedded null byte\n'
        'ValueError embedded null byte\n'
        'ValueError illegal environment variable name\n'
        'ValueError illegal environment variable name\n'
        "FileNotFoundError [Errno 2] No such file or directory: '/bin/nope'\n"
        'ValueError illegal environment variable name\n'
        'ValueError illegal environment variable name\n'
        'TypeError expected str, bytes or os.PathLike object, not int\n'
        "FileNotFoundError [Errno 2] No such file or directory: '/bin/nope'\n"
        "FileNotFoundError [Errno 2] No such file or directory: '/bin/nope'\n"
        'TypeError expected str, bytes or os.PathLike object, not int\n'
        'ValueError embedded null byte\n'
        'ValueError embedded null byte\n'
        'ValueError embedded null byte\n'
    )


WHERE = """\
import os, sys
for path in ["d/p.py", "./d/p.py", "l/p.py", "lp", "llp", "d/../d/p.py", "d/p.py/", "d/", "d/.", "d/..", "f/p.py", "nope/p.py", "d/nope", "", ".", "nox/p.py"]:
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            os.execv(path, [path])
        except Exception as e:
            print(repr(path), type(e).__name__, e, flush=True)
        os._exit(1)
    os.waitpid(pid, 0)
"""


def test_exec_finds_a_script_and_its_directory_as_linux_and_python3_do():
    """exec finds the file and its directory in one walk when the path names it
    directly, and walks again for a link; errors as Linux gives them (expected:
    python3's, in the same tree on the host)."""
    r = sh("mkdir d nox; cp p d/p.py; cp p nox/p.py; chmod +x d/p.py nox/p.py; chmod 600 nox; "
           "ln -s d l; ln -s d/p.py lp; ln -s l/p.py llp; touch f; python t.py",
           files={"/home/student/p": "#!/usr/bin/python3\nimport sys\nprint(__file__, sys.path[0])\n",
                  "/home/student/t.py": WHERE})
    assert r.out == (
        "/home/student/d/p.py /home/student/d\n"
        "/home/student/./d/p.py /home/student/d\n"
        "/home/student/l/p.py /home/student/d\n"
        "/home/student/lp /home/student/d\n"
        "/home/student/llp /home/student/d\n"
        "/home/student/d/../d/p.py /home/student/d\n"
        "'d/p.py/' NotADirectoryError [Errno 20] Not a directory\n"
        "'d/' PermissionError [Errno 13] Permission denied\n"
        "'d/.' PermissionError [Errno 13] Permission denied\n"
        "'d/..' PermissionError [Errno 13] Permission denied\n"
        "'f/p.py' NotADirectoryError [Errno 20] Not a directory\n"
        "'nope/p.py' FileNotFoundError [Errno 2] No such file or directory\n"
        "'d/nope' FileNotFoundError [Errno 2] No such file or directory\n"
        "'' ValueError execv() arg 2 first element cannot be empty\n"
        "'.' PermissionError [Errno 13] Permission denied\n"
        "'nox/p.py' PermissionError [Errno 13] Permission denied\n")


def test_a_forked_child_has_its_parents_interpreter_options_whatever_the_file_says_now():
    """The #! options are read at exec, with the file: a fork's replay re-runs the
    program, but its interpreter is the parent's, started as the parent's was."""
    r = sh("./p.py", files={"/home/student/p.py": """\
        #!/usr/bin/python3 -B
        import os, sys
        with open(__file__) as f:
            text = f.read()
        with open(__file__, "w") as f:
            f.write(text.replace(" -B", "", 1))
        sys.stdout.flush()
        if os.fork() == 0:
            print("child", sys.flags.dont_write_bytecode)
            sys.exit()
        os.wait()
        print("parent", sys.flags.dont_write_bytecode)
        """})
    assert r.out == "child 1\nparent 1\n"


def test_a_directorys_path_follows_it_when_it_is_renamed_or_removed():
    """The path of a directory (getcwd, a script's sys.path[0]) is kept until a
    directory moves: after mv, rmdir, mkdir it is the new one, as on Linux."""
    r = sh("mkdir -p a/b; cp p a/b/p.py; chmod +x a/b/p.py; a/b/p.py; mv a c; c/b/p.py; cd c/b; "
           "python -c 'import os; print(os.getcwd())'; mv ../../c ../../d; "
           "python -c 'import os; print(os.getcwd())'; ./p.py; cd /home/student; mkdir x; cd x; "
           "rmdir ../x; python -c 'import os; os.getcwd()' 2>&1 | tail -1",
           files={"/home/student/p": "#!/usr/bin/python3\nimport sys\nprint(__file__, sys.path[0])\n"})
    assert r.out == ("/home/student/a/b/p.py /home/student/a/b\n"
                     "/home/student/c/b/p.py /home/student/c/b\n"
                     "/home/student/c/b\n/home/student/d/b\n"
                     "/home/student/d/b/./p.py /home/student/d/b\n"
                     "FileNotFoundError: [Errno 2] No such file or directory\n")
