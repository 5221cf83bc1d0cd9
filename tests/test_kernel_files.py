"""Files: descriptors, the virtual file system, permissions, mounts, /proc, devices."""
from __future__ import annotations

import os

import pytest

from conftest import make_kernel, run


def test_open_takes_the_lowest_free_fd_as_p4_relies_on():
    r = run("""
        import os
        os.close(1)
        fd = os.open("/tmp/out", os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o644)
        os.write(fd, b"went to fd %d\\n" % fd)
        os.close(fd)
        os.write(2, open("/tmp/out").read().encode())
    """)
    assert r.err == "went to fd 1\n"


def test_dup2_redirects_and_lseek_moves_the_shared_offset():
    r = run("""
        import os
        fd = os.open("/tmp/f", os.O_CREAT | os.O_RDWR, 0o644)
        os.write(fd, b"abcdef")
        other = os.dup(fd)
        os.lseek(fd, 2, os.SEEK_SET)
        print(os.read(other, 2), os.lseek(other, 0, os.SEEK_CUR))
    """)
    assert r.out == "b'cd' 4\n"


def test_o_append_o_excl_and_o_trunc():
    r = run("""
        import os
        fd = os.open("/tmp/a", os.O_CREAT | os.O_WRONLY, 0o644)
        os.write(fd, b"one\\n"); os.close(fd)
        fd = os.open("/tmp/a", os.O_WRONLY | os.O_APPEND)
        os.write(fd, b"two\\n"); os.close(fd)
        print(open("/tmp/a").read(), end="")
        try:
            os.open("/tmp/a", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError as e:
            print("EEXIST", e.errno)
        os.close(os.open("/tmp/a", os.O_WRONLY | os.O_TRUNC))
        print(os.stat("/tmp/a").st_size)
    """)
    assert r.out == "one\ntwo\nEEXIST 17\n0\n"


def test_umask_applies_to_new_files_and_directories():
    r = run("""
        import os
        os.umask(0o027)
        os.close(os.open("/tmp/f", os.O_CREAT | os.O_WRONLY, 0o666))
        os.mkdir("/tmp/d")
        print(oct(os.stat("/tmp/f").st_mode & 0o777), oct(os.stat("/tmp/d").st_mode & 0o777))
    """)
    assert r.out == "0o640 0o750\n"


def test_permissions_are_enforced_for_ordinary_users():
    r = run("""
        import os
        for path in ("/etc/shadow", "/root"):
            try:
                os.listdir(path) if path == "/root" else open(path)
            except PermissionError as e:
                print("EACCES", e.filename)
        try:
            open("/etc/passwd", "a")
        except PermissionError:
            print("cannot write /etc/passwd")
        print(open("/etc/passwd").readline().split(":")[0])
        try:
            os.chown("/tmp/prog.py", 1000, 1000)
        except PermissionError:
            print("chown needs root")
    """, uid=1000)
    assert r.out == ("EACCES /etc/shadow\nEACCES /root\ncannot write /etc/passwd\nroot\n"
                     "chown needs root\n")


def test_the_sticky_tmp_protects_other_users_files():
    r = run("""
        import os
        os.close(os.open("/tmp/mine", os.O_CREAT | os.O_WRONLY, 0o666))
        if os.fork() == 0:
            os.setuid(1002)
            try:
                os.unlink("/tmp/mine")
            except PermissionError:
                print("EPERM", flush=True)
            os._exit(0)
        os.wait()
        os.unlink("/tmp/mine")
        print("owner removed it")
    """, uid=0)
    assert r.out == "EPERM\nowner removed it\n"


def test_directories_rename_and_listdir():
    r = run("""
        import os
        os.makedirs("/tmp/a/b/c")
        os.rename("/tmp/a/b", "/tmp/moved")
        print(sorted(os.listdir("/tmp")), os.listdir("/tmp/moved"))
        try:
            os.rmdir("/tmp/moved")
        except OSError as e:
            print(e.strerror)
        os.chdir("/tmp/moved/c")
        print(os.getcwd())
        try:
            os.rename("/tmp/moved", "/tmp/moved/c/x")
        except OSError as e:
            print(e.strerror)
    """)
    assert r.out == ("['a', 'moved', 'prog.py'] ['c']\nDirectory not empty\n/tmp/moved/c\n"
                     "Invalid argument\n")


def test_symlinks_resolve_inside_the_virtual_tree():
    r = run("""
        import os
        os.symlink("/etc/hostname", "/tmp/link")
        print(os.readlink("/tmp/link"), open("/tmp/link").read().strip())
        os.symlink("loop", "/tmp/loop")
        try:
            open("/tmp/loop")
        except OSError as e:
            print(e.strerror)
        print(os.path.islink("/tmp/link"), os.path.realpath("/tmp/link"))
    """)
    assert r.out == ("/etc/hostname vshell\nToo many levels of symbolic links\n"
                     "True /etc/hostname\n")


def test_dev_null_and_dev_zero():
    r = run("""
        import os
        print(open("/dev/null").read() == "", len(open("/dev/zero", "rb").read(5)))
        with open("/dev/null", "w") as f:
            f.write("gone")
    """)
    assert r.out == "True 5\n"


def test_proc_shows_status_cmdline_and_fds():
    r = run("""
        import os
        status = dict(line.split(":\\t", 1) for line in open("/proc/self/status").read().splitlines())
        print(status["Pid"] == str(os.getpid()), status["State"], status["StateName"], status["PPid"])
        print(open("/proc/%d/cmdline" % os.getpid()).read().split("\\0"))
        r, w = os.pipe()
        print(sorted(os.listdir("/proc/self/fd")), os.readlink("/proc/self/fd/%d" % r).startswith("pipe:["))
        print(status["PC"].startswith("/tmp/prog.py:"))
    """, argv=["/tmp/prog.py", "x"])
    assert r.out.splitlines() == ["True R (running) RUNNING 1", "['/tmp/prog.py', 'x', '']",
                                  "['0', '1', '2', '3', '4', '5'] True", "True"]


def test_a_host_mount_is_read_only_unless_rw(tmp_path):
    (tmp_path / "data.txt").write_text("from the host\n")
    k = make_kernel()
    k.fs.mount(str(tmp_path), "/mnt/ro")
    k.fs.mount(str(tmp_path), "/mnt/rw", writable=True)
    k.fs.write_file("/tmp/prog.py", """#!/usr/bin/python3
import os
print(open("/mnt/ro/data.txt").read(), end="")
for path in ("/mnt/ro/new.txt", "/mnt/rw/new.txt"):
    try:
        with open(path, "w") as f:
            f.write("written\\n")
        print("wrote", path)
    except OSError as e:
        print(e.strerror, path)
""", mode=0o755)
    k.run_program(["/tmp/prog.py"], uid=0)
    assert k.tty.console.stdout == ("from the host\nRead-only file system /mnt/ro/new.txt\n"
                                    "wrote /mnt/rw/new.txt\n")
    assert (tmp_path / "new.txt").read_text() == "written\n"


def test_no_path_escapes_a_mount(tmp_path):
    inside = tmp_path / "inside"
    inside.mkdir()
    (tmp_path / "secret").write_text("host secret\n")
    os.symlink(str(tmp_path / "secret"), inside / "escape")
    os.symlink("../secret", inside / "relative")
    k = make_kernel()
    k.fs.mount(str(inside), "/mnt")
    k.fs.write_file("/tmp/prog.py", """#!/usr/bin/python3
import os
for path in ("/mnt/../secret", "/mnt/escape", "/mnt/relative", "/mnt/../../secret"):
    try:
        print(open(path).read(), end="")
    except OSError as e:
        print(type(e).__name__, path)
""", mode=0o755)
    k.run_program(["/tmp/prog.py"], uid=0)
    assert "host secret" not in k.tty.console.stdout
    assert k.tty.console.stdout.count("FileNotFoundError") == 4


def test_reading_the_terminal_gets_lines_then_eof():
    r = run("""
        import sys
        for line in sys.stdin:
            print("got", line.strip())
        print("EOF")
    """, stdin=b"one\ntwo\n")
    assert r.out == "got one\ngot two\nEOF\n"


def test_input_reads_a_line_and_raises_eoferror_at_the_end():
    r = run("""
        name = input("name? ")
        print("hello", name)
        try:
            input()
        except EOFError:
            print("EOF")
    """, stdin=b"ada\n")
    assert r.out == "name? hello ada\nEOF\n"


def test_a_background_process_reading_the_terminal_gets_sigttin():
    r = run("""
        import os
        pid = os.fork()
        if pid == 0:
            os.setpgid(0, 0)          # not the terminal's foreground group
            os.read(0, 10)
            os._exit(0)
        p, status = os.waitpid(pid, os.WUNTRACED)
        print("stopped by", os.WSTOPSIG(status))
        os.kill(pid, 9)
        os.wait()
    """, stdin=b"typed\n")
    assert r.out == "stopped by 21\n"


@pytest.mark.parametrize("mode", ["r", "rb", "w+", "a"])
def test_open_modes_give_the_python_file_objects_cpython_gives(mode):
    r = run(f"""
        f = open("/tmp/x", "{mode}") if "{mode}" != "r" and "{mode}" != "rb" else open("/etc/hostname", "{mode}")
        print(type(f).__name__)
    """)
    expected = {"r": "TextIOWrapper", "rb": "BufferedReader", "w+": "TextIOWrapper",
                "a": "TextIOWrapper"}[mode]
    assert r.out == expected + "\n"


def test_the_seeded_password_hashes_are_the_hashes_of_the_passwords():
    from kernel.users import ACCOUNTS, SEEDED, hash_password
    for a in ACCOUNTS:
        assert SEEDED[a.name] == hash_password(a.password, a.name[::-1] + "salt")


def test_a_hard_link_is_a_second_name_for_the_same_inode():
    r = run("""
        import os
        os.chdir("/tmp")
        with open("a", "w") as f:
            f.write("one\\n")
        os.link("a", "b")
        print(os.stat("a").st_nlink, os.stat("a").st_ino == os.stat("b").st_ino)
        with open("b", "a") as f:
            f.write("two\\n")
        os.unlink("a")
        print(os.stat("b").st_nlink, open("b").read().split())
        for src in ("/tmp", "nosuch"):
            try:
                os.link(src, "c")
            except OSError as e:
                print(e.strerror)
        os.link("b", "c")
        open("d", "w").close()
        os.replace("d", "c")                # c's old file loses that name
        print(os.stat("b").st_nlink)
    """)
    assert r.out == ("2 True\n1 ['one', 'two']\nOperation not permitted\n"
                     "No such file or directory\n1\n")
