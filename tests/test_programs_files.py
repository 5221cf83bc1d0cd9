"""The file tools (ls, mkdir, rmdir, rm, touch, cp, mv, ln, chmod, chown, pwd, stat,
date, clear, python): what they do to the file system, their formats and errors.

Formats a student would compare with GNU's are GNU's own output, recorded by
tests/gnu/record_programs.py into tests/gnu/programs.json.
"""
from __future__ import annotations

import time

import pytest

from conftest import Result, run_cmd
from test_programs_text import ENV, GNU, HOME, file_data, run_gnu_case


@pytest.mark.parametrize("case", GNU["cases"]["files"], ids=lambda c: " ".join(c["argv"]))
def test_output_status_and_messages_match_gnu(case):
    r = run_gnu_case(case)
    assert (r.out, r.err, r.code) == (case["out"], case["err"], case["code"])



def session(*commands: list[str], files: dict | None = None, uid: int = 1000,
            tty: bool = False) -> list[Result]:
    """Run commands one after another on one machine, as from a shell prompt
    (tty: with standard output on a terminal)."""
    k = run_cmd(["true"], files=files, uid=uid, env=dict(ENV)).kernel
    console, results = k.tty.console, []
    console.tty = tty
    for argv in commands:
        n_out, n_err = len(console.out), len(console.err)
        k.cpu.halted = False        # run_program's init halted the machine when it ended
        status = k.run_program(argv, uid=uid, env=dict(ENV), cwd=HOME)
        results.append(Result(status, b"".join(console.out[n_out:]).decode(),
                              b"".join(console.err[n_err:]).decode(), k))
    return results


def last(*commands, **kw) -> tuple[str, str, int]:
    r = session(*commands, **kw)[-1]
    return r.out, r.err, r.code


def test_mkdir_p_makes_the_missing_parents_and_accepts_existing_ones():
    assert last(["mkdir", "-p", "a/b/c"], ["mkdir", "-p", "a/b"], ["ls", "-R", "a"]) == \
        ("a:\nb\n\na/b:\nc\n\na/b/c:\n", "", 0)


def test_mkdir_m_sets_the_mode_exactly():
    assert last(["mkdir", "-m", "700", "private"], ["stat", "-c", "%a %U", "private"]) == \
        ("700 student\n", "", 0)


def test_rmdir_p_removes_the_emptied_parents():
    out, err, code = last(["mkdir", "-p", "a/b/c"], ["rmdir", "-p", "a/b/c"], ["ls", "a"])
    assert err == "ls: cannot access 'a': No such file or directory\n"


def test_rm_r_removes_a_whole_tree_and_rm_f_is_quiet():
    assert last(["mkdir", "-p", "t/u"], ["touch", "t/u/f", "t/g"], ["rm", "-r", "t"],
                ["rm", "-f", "t", "nothing"], ["ls", "-d", "t"]) == \
        ("", "ls: cannot access 't': No such file or directory\n", 2)


def test_rm_r_refuses_the_root_directory_even_for_root():
    r = session(["rm", "-rf", "/"], ["ls", "-d", "/bin/ls"], uid=0)
    assert r[0].err == ("rm: it is dangerous to operate recursively on '/'\n"
                        "rm: use --no-preserve-root to override this failsafe\n")
    assert (r[0].code, r[1].out) == (1, "/bin/ls\n")


def test_touch_creates_an_empty_file_and_updates_an_old_ones_time():
    r = session(["touch", "new"], ["stat", "-c", "%s %F %Y", "new"], ["sleep", "5"],
                ["touch", "new"], ["stat", "-c", "%Y", "new"])
    assert r[1].out.startswith("0 regular empty file ")
    assert int(r[4].out) - int(r[1].out.split()[-1]) == 5


def test_touch_c_does_not_create():
    assert last(["touch", "-c", "ghost"], ["ls", "ghost"])[2] == 2


def test_cp_copies_contents_and_mode_and_into_directories():
    files = {f"{HOME}/a": "alpha\n"}
    r = session(["chmod", "750", "a"], ["cp", "a", "b"], ["mkdir", "dir"], ["cp", "a", "b", "dir"],
                ["stat", "-c", "%a %s", "b", "dir/a", "dir/b"], files=files)
    assert r[4].out == "750 6\n750 6\n750 6\n"
    assert file_data(r[4], f"{HOME}/dir/b") == b"alpha\n"


def test_cp_r_copies_a_tree_but_not_into_itself():
    r = session(["mkdir", "-p", "src/sub"], ["touch", "src/sub/f"], ["cp", "-r", "src", "dst"],
                ["ls", "-R", "dst"], ["cp", "-r", "src", "src/sub"])
    assert r[3].out == "dst:\nsub\n\ndst/sub:\nf\n"
    assert (r[4].err, r[4].code) == (
        "cp: cannot copy a directory, 'src', into itself, 'src/sub/src'\n", 1)


def test_cp_of_a_file_onto_itself_is_refused():
    assert last(["cp", "a", "a"], files={f"{HOME}/a": "x"}) == \
        ("", "cp: 'a' and 'a' are the same file\n", 1)


def test_mv_renames_keeping_the_inode_and_moves_into_directories():
    r = session(["stat", "-c", "%i", "a"], ["mv", "a", "b"], ["stat", "-c", "%i", "b"],
                ["mkdir", "d"], ["mv", "b", "d"], ["ls", "d"], files={f"{HOME}/a": "x"})
    assert r[0].out == r[2].out and r[5].out == "b\n"


def test_mv_cannot_move_a_directory_into_itself():
    assert last(["mkdir", "-p", "d/e"], ["mv", "d", "d/e"]) == \
        ("", "mv: cannot move 'd' to a subdirectory of itself, 'd/e/d'\n", 1)


def test_ln_s_makes_a_link_that_cat_follows_and_ls_l_shows():
    r = session(["ln", "-s", "a", "link"], ["cat", "link"], ["ls", "-l", "link"],
                files={f"{HOME}/a": "through the link\n"})
    assert r[1].out == "through the link\n"
    assert r[2].out.startswith("lrwxrwxrwx 1 student student 1 ") and \
        r[2].out.endswith(" link -> a\n")


def test_ln_makes_a_hard_link_that_outlives_the_first_name():
    r = session(["ln", "a", "hard"], ["ls", "-l", "hard"], ["rm", "a"], ["cat", "hard"],
                ["ls", "-l", "hard"], files={f"{HOME}/a": "one file, two names\n"})
    assert r[1].out.startswith("-rw-r--r-- 2 student student 20 ")
    assert r[3].out == "one file, two names\n"
    assert r[4].out.startswith("-rw-r--r-- 1 student student 20 ")


def test_ls_i_shows_one_inode_number_for_the_names_of_one_file():
    r = session(["ln", "a", "b"], ["ls", "-i", "a", "b", "c"], ["ls", "-li", "c"],
                files={f"{HOME}/a": "x\n", f"{HOME}/c": "y\n"})
    (ino_a, a), (ino_b, b), (ino_c, c) = (line.split() for line in r[1].out.splitlines())
    assert (a, b, c) == ("a", "b", "c") and ino_a == ino_b != ino_c
    assert r[2].out.startswith(f"{ino_c} -rw-r--r-- 1 student student 2 ")


def test_ls_g_and_o_are_ls_l_without_the_owner_or_the_group():
    r = session(["ls", "-g", "a"], ["ls", "-o", "a"], ["ls", "-dgo", "."],
                files={f"{HOME}/a": "xy\n"})
    assert r[0].out.startswith("-rw-r--r-- 1 student 3 ") and r[0].out.endswith(" a\n")
    assert r[1].out.startswith("-rw-r--r-- 1 student 3 ")
    assert r[2].out.startswith("drwxr-xr-x ") and "student" not in r[2].out


def test_ln_sf_replaces_an_existing_link():
    assert last(["ln", "-s", "a", "l"], ["ln", "-sf", "b", "l"], ["stat", "-c", "%N", "l"]) == \
        ("l -> b\n", "", 0)


@pytest.mark.parametrize("mode, before, after", [
    ("u+x", "644", "744"), ("go-r", "644", "600"), ("a=r", "755", "444"),
    ("u=rwx,g=rx,o=", "600", "750"), ("+x", "644", "755"), ("-w", "644", "444"),
    ("o+t", "755", "1755"), ("u+s", "755", "4755"), ("a+X", "644", "644"), ("a+X", "744", "755"),
    ("0640", "777", "640"), ("g+w,o-r", "644", "660"),
])
def test_chmod_octal_and_symbolic_modes(mode, before, after):
    assert last(["chmod", before, "f"], ["chmod", "--", mode, "f"] if mode.startswith("-")
                else ["chmod", mode, "f"], ["stat", "-c", "%a", "f"],
                files={f"{HOME}/f": ""}) == (after + "\n", "", 0)


def test_chmod_R_and_the_kernel_enforcing_the_result():
    r = session(["mkdir", "-p", "d/e"], ["touch", "d/e/f"], ["chmod", "-R", "go-rwx", "d"],
                ["stat", "-c", "%a", "d", "d/e", "d/e/f"], ["chmod", "000", "d/e/f"],
                ["cat", "d/e/f"])
    assert r[3].out == "700\n700\n600\n"
    assert r[5].err == "cat: d/e/f: Permission denied\n"


def test_chown_as_root_by_name_with_group_and_login_group():
    files = {f"{HOME}/f": ""}
    assert last(["chown", "alice:bob", "f"], ["stat", "-c", "%U %G", "f"], uid=0,
                files=files)[0] == "alice bob\n"
    assert last(["chown", "bob:", "f"], ["stat", "-c", "%u %g", "f"], uid=0,
                files=files)[0] == "1002 1002\n"
    assert last(["chown", ":alice", "f"], ["stat", "-c", "%U %G", "f"], uid=0,
                files=files)[0] == "root alice\n"


def test_pwd_prints_the_working_directory():
    assert last(["pwd"]) == (HOME + "\n", "", 0)


def test_ls_l_columns_align_like_gnu():
    files = {f"{HOME}/t/small": "x", f"{HOME}/t/big": "y" * 12345, f"{HOME}/t/sub/x": ""}
    r = session(["chmod", "755", "t/small"], ["ls", "-l", "t"], files=files)
    stamp = time.strftime("%b %e %H:%M", time.localtime(1767225600))
    assert r[1].out == (f"total 24\n"
                        f"-rw-r--r-- 1 student student 12345 {stamp} big\n"
                        f"-rwxr-xr-x 1 student student     1 {stamp} small\n"
                        f"drwxr-xr-x 2 root    root     4096 {stamp} sub\n")


def test_ls_on_a_terminal_uses_columns_and_colour():
    files = {f"{HOME}/t/{n}": "" for n in ("a", "bb", "ccc")}
    r = session(["mkdir", "t/dir"], ["chmod", "+x", "t/bb"], ["ls", "t"], uid=0, files=files,
                tty=True)
    assert r[2].out == "a  \x1b[01;32mbb\x1b[0m  ccc  \x1b[01;34mdir\x1b[0m\n"


def test_ls_columns_fill_top_to_bottom_within_80_characters():
    files = {f"{HOME}/t/file{i:02d}_{'x' * 10}": "" for i in range(12)}
    out = session(["ls", "t"], files=files, tty=True)[0].out
    lines = out.splitlines()
    assert len(lines) == 3 and all(len(line) <= 80 for line in lines)
    assert lines[0].split()[:2] == ["file00_xxxxxxxxxx", "file03_xxxxxxxxxx"]


def test_ls_without_a_terminal_prints_one_name_per_line_without_colour():
    assert last(["mkdir", "t"], ["mkdir", "t/d"], ["touch", "t/f"], ["ls", "t"]) == \
        ("d\nf\n", "", 0)


def test_stat_shows_the_inode_in_gnus_layout():
    r = session(["stat", "f"], files={f"{HOME}/f": "12345"})[0]
    stamp = time.strftime("%Y-%m-%d %H:%M:%S.000000000 %z", time.localtime(1767225600))
    lines = r.out.splitlines()
    assert lines[0] == "  File: f"
    assert lines[1] == "  Size: 5         \tBlocks: 8          IO Block: 4096   regular file"
    assert lines[2].startswith("Device: 0,1\tInode: ") and lines[2].endswith(" Links: 1")
    assert lines[3] == "Access: (0644/-rw-r--r--)  Uid: ( 1000/ student)   Gid: ( 1000/ student)"
    assert lines[4:] == [f"Access: {stamp}", f"Modify: {stamp}", f"Change: {stamp}", " Birth: -"]


def test_date_prints_the_kernels_clock_in_gnus_default_format():
    out = last(["date"])[0]
    assert out == time.strftime("%a %b %e %H:%M:%S %Z %Y\n", time.localtime(1767225600))
    assert last(["date", "-u", "+%Y-%m-%d %s"])[0] == "2026-01-01 1767225600\n"


def test_clear_writes_the_ansi_sequence_only_to_a_terminal():
    assert session(["clear"], tty=True)[0].out == "\x1b[H\x1b[2J\x1b[3J"
    assert session(["clear"])[0].out == ""


# ---- python ----------------------------------------------------------------------------------

def test_python_runs_a_script_as_main_with_argv_and_an_absolute_file():
    src = "import sys, os\nprint(__name__, __file__, sys.argv, os.getpid() > 1)\n"
    assert last(["python", "s.py", "x"], files={f"{HOME}/s.py": src}) == \
        (f"__main__ {HOME}/s.py ['s.py', 'x'] True\n", "", 0)


def test_python_script_imports_a_module_next_to_it():
    files = {f"{HOME}/lib/helper.py": "VALUE = 42\n",
             f"{HOME}/lib/main.py": "import helper\nprint(helper.VALUE)\n"}
    assert last(["python", "lib/main.py"], files=files) == ("42\n", "", 0)


def test_python_exit_status_and_exception_traceback_like_python3():
    src = "import sys\ndef f():\n    raise ValueError('bad')\nprint('before')\nf()\n"
    out, err, code = last(["python", "s.py"], files={f"{HOME}/s.py": src})
    assert (out, code) == ("before\n", 1)
    assert err == ("Traceback (most recent call last):\n"
                   f'  File "{HOME}/s.py", line 5, in <module>\n    f()\n'
                   f'  File "{HOME}/s.py", line 3, in f\n'
                   "    raise ValueError('bad')\nValueError: bad\n")
    assert last(["python", "-c", "import sys; sys.exit(3)"])[2] == 3


def test_python_oserror_traceback_shows_no_kernel_frames():
    out, err, code = last(["python", "-c", "open('/nope')"])
    assert err == ("Traceback (most recent call last):\n"
                   '  File "<string>", line 1, in <module>\n'
                   "FileNotFoundError: [Errno 2] No such file or directory: '/nope'\n") or \
        ("kernel" not in err and err.endswith("No such file or directory: '/nope'\n"))
    assert code == 1


def test_python_reads_the_script_from_stdin():
    r = run_cmd(["python"], stdin=b"print(6 * 7)\n", env=dict(ENV))
    assert (r.out, r.code) == ("42\n", 0)


def test_python_fork_in_a_script_returns_twice():
    src = ("import os\npid = os.fork()\nif pid == 0:\n    print('child', flush=True)\n    os._exit(0)\n"
           "os.waitpid(pid, 0)\nprint('parent')\n")
    assert last(["python", "f.py"], files={f"{HOME}/f.py": src}) == ("child\nparent\n", "", 0)


def test_stat_splits_device_numbers_as_glibc_does():
    """major and minor as makedev packs them (a minor past 255 has bits above the
    major's), not the old 8-bit split."""
    import importlib.util
    import os
    import stat
    spec = importlib.util.spec_from_file_location(
        "stat_program", os.path.join(os.path.dirname(__file__), "..", "programs", "stat.py"))
    program = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(program)
    st = os.stat_result((stat.S_IFCHR | 0o620, 7, os.makedev(259, 300), 1, 0, 0, 0, 0, 0, 0),
                        {"st_rdev": os.makedev(136, 300)})
    lines = program.default_format("tty", st).splitlines()
    assert lines[2].startswith("Device: 259,300\tInode: 7")
    assert lines[2].endswith("Links: 1     Device type: 136,300")


# ---- mktemp ------------------------------------------------------------------------------------

def inode(r: Result, path: str):
    node = r.kernel.fs.root
    for name in path.strip("/").split("/"):
        node = node.lookup(name)
    return node


def test_mktemp_makes_a_private_file_and_directory_in_tmp():
    f, d = session(["mktemp"], ["mktemp", "-d"])
    assert f.out.startswith("/tmp/tmp.") and len(f.out) == len("/tmp/tmp.XXXXXXXXXX\n")
    assert (inode(f, f.out.strip()).mode & 0o7777, inode(f, f.out.strip()).uid) == (0o600, 1000)
    assert inode(d, d.out.strip()).mode & 0o7777 == 0o700 and d.out != f.out


def test_mktemp_names_come_from_the_kernel_so_a_seed_repeats_them():
    def name(seed: int) -> str:
        return run_cmd(["mktemp", "-u", "-p", "/tmp", "x.XXXXXXXX"], seed=seed, env=dict(ENV)).out
    assert name(1) == name(1) != name(2)


def test_mktemp_puts_a_template_where_p_and_t_say():
    r = run_cmd(["mktemp", "-p", HOME, "a.XXXbc"], env=dict(ENV))
    assert r.out.startswith(f"{HOME}/a.") and r.out.endswith("bc\n") and r.code == 0
    assert run_cmd(["mktemp", "-t", "fooXXX"], env=dict(ENV)).out.startswith("/tmp/foo")


@pytest.mark.parametrize("args,err", [     # GNU mktemp's messages, all with status 1
    (["fooXX"], "mktemp: too few X's in template ‘fooXX’\n"),
    (["a", "b"], "mktemp: too many templates\nTry 'mktemp --help' for more information.\n"),
    (["-t", "a/bXXX"], "mktemp: invalid template, ‘a/bXXX’, contains directory separator\n"),
    (["-p", "/tmp", "/x/XXX"],
     "mktemp: invalid template, ‘/x/XXX’; with --tmpdir, it may not be absolute\n"),
    (["/nope/tmp.XXX"],
     "mktemp: failed to create file via template ‘/nope/tmp.XXX’: No such file or directory\n"),
    (["-d", "/nope/tmp.XXX"], "mktemp: failed to create directory via template "
                              "‘/nope/tmp.XXX’: No such file or directory\n"),
    (["-q", "/nope/tmp.XXX"], ""),
    (["-z"], "mktemp: invalid option -- 'z'\nTry 'mktemp --help' for more information.\n"),
])
def test_mktemp_errors_match_gnu(args, err):
    r = run_cmd(["mktemp", *args], env=dict(ENV))
    assert (r.out, r.err, r.code) == ("", err, 1)


# ---- tty, logname ------------------------------------------------------------------------------

def test_tty_names_the_terminal_or_says_not_a_tty():
    assert last(["tty"], tty=True) == ("/dev/tty\n", "", 0)
    assert last(["tty"]) == ("not a tty\n", "", 1)
    assert last(["tty", "-s"]) == ("", "", 1)
    assert last(["tty", "x"]) == ("", "tty: extra operand ‘x’\nTry 'tty --help' for more information.\n", 2)


def test_logname_prints_the_users_login_name():
    assert last(["logname"]) == ("student\n", "", 0)
    assert last(["logname", "x"]) == (
        "", "logname: extra operand ‘x’\nTry 'logname --help' for more information.\n", 1)


# ---- find --------------------------------------------------------------------------------------
# GNU find lists a directory in the order readdir gives (it does not sort); vshell's
# directories give their entries in the order they were made.  The expected lines are
# GNU find's on the same tree made on the host, in that order.

FIND_TREE = "mkdir d; touch d/z d/a d/m; mkdir d/b; touch d/b/y; echo hello > d/m; chmod 700 d/a; "


def find_in_tree(command: str) -> tuple[str, str, int]:
    r = run_cmd(["sh", "-c", FIND_TREE + command], env=dict(ENV))
    return r.out, r.err, r.code


@pytest.mark.parametrize("command,out", [
    ("find d", "d\nd/z\nd/a\nd/m\nd/b\nd/b/y\n"),
    ("find d -depth -type f -size -1", "d/z\nd/a\nd/b/y\n"),
    ("find d -perm 700 -o -name y -exec echo found {} \\;", "found d/b/y\n"),
    ("find d -name b -prune -o -type f -print", "d/z\nd/a\nd/m\n"),
    ("find d -type f -exec echo {} +", "d/z d/a d/m d/b/y\n"),
    ("find d -mindepth 1 -maxdepth 1 ! -type d", "d/z\nd/a\nd/m\n"),
    ("find d -user student -name m", "d/m\n"),
    ("find d -path '*b*'", "d/b\nd/b/y\n"),
    ("find d ! -type d -a \\( -name a -o -size +0c \\)", "d/a\nd/m\n"),
    ("find d -perm -u+x", "d\nd/a\nd/b\n"),
    ("find d/b d/ -maxdepth 0", "d/b\nd/\n"),
])
def test_find_walks_and_selects_as_gnu_find(command, out):
    assert find_in_tree(command) == (out, "", 0)


def test_find_newer_and_mtime_read_the_files_times():
    assert find_in_tree("find d -newer d/b/y -type f") == ("d/m\n", "", 0)
    assert find_in_tree("find d -mtime 0 -name z; find d -mtime +0 -name z") == ("d/z\n", "", 0)


@pytest.mark.parametrize("command,err", [          # GNU find's messages, all with status 1
    ("find nope", "find: ‘nope’: No such file or directory\n"),
    ("find d -foo", "find: unknown predicate `-foo'\n"),
    ("find d -name", "find: missing argument to `-name'\n"),
    ("find d -type q", "find: Unknown argument to -type: q\n"),
    ("find d -user bobzz", "find: ‘bobzz’ is not the name of a known user\n"),
    ("find d -exec echo {} x +", "find: missing argument to `-exec'\n"),
    ("find d -o", "find: invalid expression; you have used a binary operator '-o' with "
                  "nothing before it.\n"),
    ("find d \\( \\)", "find: invalid expression; empty parentheses are not allowed.\n"),
    ("find d -name a b", "find: paths must precede expression: `b'\n"),
    ("find d -maxdepth x", "find: Expected a positive decimal integer argument to -maxdepth, "
                           "but got ‘x’\n"),
])
def test_find_errors_match_gnu(command, err):
    assert find_in_tree(command) == ("", err, 1)
