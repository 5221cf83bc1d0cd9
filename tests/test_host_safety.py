"""The host is safe: every standard way to open a file reaches the virtual file
system; host side effects a program attempts by other roads are refused (the
audit hook, kernel/hostguard.py); set-user-ID programs run isolated."""
from __future__ import annotations

import os
import tempfile
import textwrap

import pytest

from conftest import make_kernel, run, run_cmd


# The names the programs below give their files (in their current directory, /tmp).
NAMES = {"d.gz", "d.bz2", "d.xz", "z.zip", "f.bin", "io.txt", "_io.txt", "c.txt", "fd.txt",
         "t.tar", "dir", "copy", "b.txt", "w", "notes.gz", "a.zip", "plain.txt", "t.xml"}


@pytest.fixture
def host(tmp_path, monkeypatch):
    """The host's current directory and temporary directory, both empty: after
    the test they must still be -- nothing a program did reached the host.  Nor
    may the host's /tmp have gained a file of the programs' names."""
    cwd, tmp = tmp_path / "cwd", tmp_path / "tmp"
    cwd.mkdir()
    tmp.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    monkeypatch.setenv("TMPDIR", str(tmp))
    before = set(os.listdir("/tmp"))
    yield tmp_path
    assert sorted(os.listdir(cwd)) == [] and sorted(os.listdir(tmp)) == []
    assert (set(os.listdir("/tmp")) - before) & NAMES == set()


def read_vfs(r, path: str) -> bytes:
    """A file's contents in the machine's file system, looked up from the root."""
    fs = r.kernel.fs
    inode = fs.root
    for name in path.strip("/").split("/"):
        inode = inode.lookup(name)
        assert inode is not None, path
    return bytes(inode.data)


# ---- 1. every standard way of opening a file reaches the virtual file system ----------------

def test_compressed_and_archive_files_are_written_in_the_virtual_file_system(host):
    r = run("""
        import bz2, codecs, gzip, io, lzma, os, tarfile, zipfile, _io
        with gzip.open("d.gz", "wt") as f:
            f.write("gzip\\n")
        with bz2.open("d.bz2", "wb") as f:
            f.write(b"bz2\\n")
        with lzma.open("d.xz", "wb") as f:
            f.write(b"xz\\n")
        with zipfile.ZipFile("z.zip", "w") as z:
            z.writestr("inside.txt", "zip\\n")
        with io.FileIO("f.bin", "w") as f:
            f.write(b"fileio\\n")
        with io.open("io.txt", "w") as f:
            f.write("io.open\\n")
        with _io.open("_io.txt", "w") as f:
            f.write("_io.open\\n")
        with codecs.open("c.txt", "w", "utf-8") as f:
            f.write("codecs\\n")
        with os.fdopen(os.open("fd.txt", os.O_WRONLY | os.O_CREAT), "w") as f:
            f.write("fdopen\\n")
        with tarfile.open("t.tar", "w") as t:
            t.add("c.txt")
        print(gzip.open("d.gz", "rt").read() + bz2.open("d.bz2").read().decode()
              + lzma.open("d.xz").read().decode() + zipfile.ZipFile("z.zip").read("inside.txt").decode()
              + io.FileIO("f.bin").readall().decode() + io.open_code("io.txt").read().decode()
              + open("_io.txt").read() + codecs.open("c.txt", "r", "utf-8").read()
              + open("fd.txt").read(), end="")
        print(tarfile.open("t.tar").getnames())
    """)
    assert (r.status, r.err) == (0, "")
    assert r.out == ("gzip\nbz2\nxz\nzip\nfileio\nio.open\n_io.open\ncodecs\nfdopen\n"
                     "['c.txt']\n")
    assert read_vfs(r, "/tmp/f.bin") == b"fileio\n"
    assert read_vfs(r, "/tmp/d.gz")[:2] == b"\x1f\x8b"              # gzip's magic number
    assert read_vfs(r, "/tmp/z.zip")[:2] == b"PK"


def test_tempfile_works_in_the_virtual_tmp(host):
    r = run("""
        import os, tempfile
        print(tempfile.gettempdir())
        fd, name = tempfile.mkstemp(suffix=".txt")
        os.write(fd, b"made"); os.close(fd)
        print(os.path.dirname(name), oct(os.stat(name).st_mode & 0o777), open(name).read())
        with tempfile.NamedTemporaryFile("w+") as f:
            f.write("named"); f.flush(); f.seek(0)
            print(f.read(), os.path.exists(f.name))
        print(os.path.exists(f.name))
        with tempfile.TemporaryDirectory() as d:
            open(os.path.join(d, "x"), "w").close()
            print(os.listdir(d), oct(os.stat(d).st_mode & 0o777))
        print(os.path.exists(d))
        with tempfile.TemporaryFile() as f:
            f.write(b"anonymous"); f.seek(0); print(f.read())
    """, uid=1000)
    assert (r.status, r.err) == (0, "")
    assert r.out == ("/tmp\n/tmp 0o600 made\nnamed True\nFalse\n['x'] 0o700\nFalse\n"
                     "b'anonymous'\n")


def test_pathlib_shutil_glob_and_fileinput_work_on_virtual_files(host):
    r = run("""
        import fileinput, glob, os, shutil
        from pathlib import Path
        d = Path("dir/sub")
        d.mkdir(parents=True)
        (d / "a.txt").write_text("one\\ntwo\\n")
        print((d / "a.txt").read_text(), end="")
        print(sorted(str(p) for p in Path("dir").rglob("*")), Path("dir/sub/a.txt").stat().st_size)
        shutil.copytree("dir", "copy")
        shutil.copy("copy/sub/a.txt", "b.txt")
        print(sorted(glob.glob("**/*.txt", recursive=True)))
        for line in fileinput.input("b.txt", inplace=True):
            print(line.upper(), end="")
        print(open("b.txt").read(), end="")
        shutil.rmtree("copy")
        print(os.path.exists("copy"), [e.name for e in os.scandir("dir")])
    """)
    assert (r.status, r.err) == (0, "")
    assert r.out == ("one\ntwo\n['dir/sub', 'dir/sub/a.txt'] 8\n"
                     "['b.txt', 'copy/sub/a.txt', 'dir/sub/a.txt']\nONE\nTWO\nFalse ['sub']\n")


def test_xml_files_are_written_and_parsed_in_the_virtual_file_system(host):
    r = run("""
        import xml.etree.ElementTree as ET, xml.sax
        from xml.dom import minidom
        root = ET.Element("root")
        ET.SubElement(root, "child", name="a").text = "hi"
        ET.ElementTree(root).write("t.xml")
        print(open("t.xml").read(), ET.parse("t.xml").find("child").get("name"),
              minidom.parse("t.xml").documentElement.tagName)
        class Tags(xml.sax.ContentHandler):
            def startElement(self, name, attrs):
                print(name, end=" ")
        xml.sax.parse("t.xml", Tags())
    """)
    assert (r.status, r.err) == (0, "")
    assert r.out == '<root><child name="a">hi</child></root> a root\nroot child '


def test_io_fileio_has_cpythons_api_and_errors(host):
    # the expected output is the host python3's (3.11), run in an empty directory
    r = run("""
        import io, os
        f = io.FileIO("f.bin", "w")
        print(f, f.mode, f.name, f.closefd, f.readable(), f.writable(), f.seekable())
        print(f.write(b"hello world"), f.tell(), f.seek(2), f.truncate(), f.tell())
        try:
            f.read()
        except io.UnsupportedOperation as e:
            print("read:", e)
        f.close()
        print(f, f.mode)
        try:
            f.fileno()
        except ValueError as e:
            print("fileno:", e)
        g = io.FileIO("f.bin")
        b = bytearray(4)
        print(g.read(1), g.readinto(b), b, g.readall(), g.read())
        for mode in ("r+", "w+", "a", "a+", "rw", "b", "q"):
            try:
                print(mode, io.FileIO("f.bin", mode).mode)
            except ValueError as e:
                print(mode, e)
        for name in ("nope/x", b"nope/x", ".", -1, None):
            try:
                io.FileIO(name)
            except (OSError, ValueError, TypeError) as e:
                print(type(e).__name__, e)
        fd = os.open("f.bin", os.O_RDONLY)
        h = io.FileIO(fd, closefd=False)
        print(h, isinstance(h, io.RawIOBase), type(h), io.open is open)
        h.close()
        print(os.read(fd, 2), open("f.bin", "rb", buffering=0))
        print(io.FileIO("f.bin", opener=lambda path, flags: os.open(path, flags)).read())
    """)
    assert (r.status, r.err) == (0, "")
    assert r.out == """\
<_io.FileIO name='f.bin' mode='wb' closefd=True> wb f.bin True False True True
11 11 2 2 2
read: File not open for reading
<_io.FileIO [closed]> wb
fileno: I/O operation on closed file
b'h' 1 bytearray(b'e\\x00\\x00\\x00') b'' b''
r+ rb+
w+ rb+
a ab
a+ ab+
rw Must have exactly one of create/read/write/append mode and at most one plus
b Must have exactly one of create/read/write/append mode and at most one plus
q invalid mode: q
FileNotFoundError [Errno 2] No such file or directory: 'nope/x'
FileNotFoundError [Errno 2] No such file or directory: b'nope/x'
IsADirectoryError [Errno 21] Is a directory: '.'
ValueError negative file descriptor
TypeError expected str, bytes or os.PathLike object, not NoneType
<_io.FileIO name=4 mode='rb' closefd=False> True <class '_io.FileIO'> True
b'' <_io.FileIO name='f.bin' mode='rb' closefd=True>
b''
"""


def test_files_a_program_compressed_are_seen_by_ls_and_cat(host):
    r = run_cmd(["/bin/sh", "-c", """
        mkdir w && cd w
        python -c 'import gzip, zipfile, pathlib
with gzip.open("notes.gz", "wt") as f: f.write("compressed\\n")
zipfile.ZipFile("a.zip", "w").writestr("x", "y")
pathlib.Path("plain.txt").write_text(gzip.open("notes.gz", "rt").read())'
        ls
        cat plain.txt
        ls -l a.zip | cut -d " " -f 1,3
    """])
    assert (r.code, r.err) == (0, "")
    assert r.out == "a.zip\nnotes.gz\nplain.txt\ncompressed\n-rw-r--r-- student\n"


# ---- 2. the audit hook refuses host side effects by any other road -----------------------------

# Each reaches a host module (pkgutil: one not loaded per process) through some other object and tries to create
# the host file TARGET (or start a host program that would).
ROADS = {
    "os.system through pkgutil.os": 'pkgutil.os.system("touch TARGET")',
    "open from a host module's builtins": 'pkgutil.__builtins__["open"]("TARGET", "w")',
    "io through pkgutil.sys.modules": 'pkgutil.sys.modules["io"].open("TARGET", "w")',
    "os through object.__subclasses__()":
        '[c for c in object.__subclasses__() if c.__name__ == "_wrap_close"][0]'
        '.__init__.__globals__["mkdir"]("TARGET")',
    "subprocess through the host __import__":
        'pkgutil.__builtins__["__import__"]("subprocess").run(["touch", "TARGET"])',
    "posix_spawn": 'pkgutil.os.posix_spawn("/bin/sh", ["sh", "-c", "touch TARGET"], {})',
    "mknod, which CPython does not audit": 'pkgutil.os.mknod("TARGET")',
    "mkfifo, which CPython does not audit": 'pkgutil.os.mkfifo("TARGET")',
    "a symbolic link": 'pkgutil.os.symlink("/etc/passwd", "TARGET")',
    "a thread of its own": '''
        errors = []
        def attempt():
            try:
                pkgutil.os.system("touch TARGET")
            except PermissionError as e:
                errors.append(e)
        t = pkgutil.sys.modules["threading"].Thread(target=attempt)
        t.start(); t.join()
        raise errors[0]''',
}


@pytest.mark.parametrize("road", ROADS.values(), ids=list(ROADS))
def test_a_program_reaching_host_modules_cannot_create_a_host_file(host, road):
    target = host / "pwned"
    attempt = textwrap.indent(textwrap.dedent(road).strip(), "    ").replace("TARGET", str(target))
    r = run("import pkgutil, warnings\ntry:\n" + attempt +
            "\nexcept PermissionError as e:\n    print('refused:', e)\n")
    assert r.out.startswith("refused: [Errno 1] not available in vshell"), r.out + r.err
    assert not os.path.lexists(target)


def test_refusals_name_what_was_refused(host):
    r = run("""
        import pkgutil
        for attempt in (lambda: pkgutil.os.system("true"),
                        lambda: pkgutil.__builtins__["open"]("/etc/hostname"),
                        lambda: pkgutil.os.listdir("/"),
                        lambda: pkgutil.os.remove("/tmp/x"),
                        lambda: pkgutil.os.kill(pkgutil.os.getpid(), 0),
                        lambda: pkgutil.os.putenv("X", "1"),
                        lambda: pkgutil.os.chdir("/"),
                        lambda: pkgutil.sys.settrace(None),
                        lambda: pkgutil.sys.audit("vshell.mount", "/", True),
                        lambda: pkgutil.__builtins__["__import__"]("socket").socket()):
            try:
                attempt()
            except PermissionError as e:
                print(e)
        seen = []
        pkgutil.sys.addaudithook(lambda event, args: seen.append(event))   # silently not added
        id(seen)
        print(seen)
    """)
    assert (r.status, r.err) == (0, "")
    assert r.out == """\
[Errno 1] not available in vshell: starting a host process
[Errno 1] not available in vshell: opening the host file '/etc/hostname'
[Errno 1] not available in vshell: listing the host directory '/'
[Errno 1] not available in vshell: changing the host file '/tmp/x'
[Errno 1] not available in vshell: signalling a host process
[Errno 1] not available in vshell: changing the host's environment
[Errno 1] not available in vshell: changing the host's directory '/'
[Errno 1] not available in vshell: tracing the host
[Errno 1] not available in vshell: vshell.mount on the host
[Errno 1] not available in vshell: socket.__new__ on the host
[]
"""


def test_native_code_that_acts_on_the_host_unaudited_cannot_be_loaded(host):
    r = run("""
        import pkgutil
        importlib = pkgutil.sys.modules["importlib"]
        for name in ("_ctypes", "_posixshmem", "_xxsubinterpreters"):
            try:
                importlib.import_module(name)
            except PermissionError as e:
                print(e)
        import ctypes
    """)
    assert r.out == ("[Errno 1] not available in vshell: loading the native module '_ctypes'\n"
                     "[Errno 1] not available in vshell: loading the native module '_posixshmem'\n"
                     "[Errno 1] not available in vshell: loading the native module "
                     "'_xxsubinterpreters'\n")
    assert r.err.endswith("ModuleNotFoundError: No module named 'ctypes' in vshell: a virtual "
                          "process may not use it (it would reach the host behind the kernel's back)\n")


def test_no_subinterpreter_module_of_any_version_can_be_loaded(host):
    # An audit hook added by sys.addaudithook guards its own interpreter only:
    # code run in a subinterpreter would act on the host unguarded.  3.13 names
    # the modules _interpreters, _interpchannels and _interpqueues (3.12:
    # _xxsubinterpreters, _xxinterpchannels); they loaded on a 3.13 host.
    import importlib.util
    from kernel import hostguard
    names = ("_xxsubinterpreters", "_xxinterpchannels", "_xxinterpqueues", "_interpreters",
             "_interpchannels", "_interpqueues")
    assert set(names) <= hostguard.UNAUDITED_NATIVE
    present = [n for n in names if importlib.util.find_spec(n) is not None]
    r = run(f"""
        import pkgutil
        importlib = pkgutil.sys.modules["importlib"]
        for name in {present!r}:
            try:
                importlib.import_module(name)
            except PermissionError as e:
                print(e)
    """)
    assert r.out == "".join(f"[Errno 1] not available in vshell: loading the native module "
                            f"'{n}'\n" for n in present)


def test_fork_exec_is_sealed_when_the_host_has_loaded_it(host):
    import _posixsubprocess  # noqa: F401  (as the interactive front end's asyncio does)
    from kernel import hostguard
    hostguard.install()
    r = run("""
        import pkgutil
        try:
            pkgutil.sys.modules["_posixsubprocess"].fork_exec()
        except PermissionError as e:
            print(e)
    """)
    assert r.out == "[Errno 1] not available in vshell: starting a host process\n"


def test_the_module_name_of_a_callers_frame_is_harmless(host):
    # Python 3.12's collections.namedtuple (and enum, typing) asks for the
    # caller's module with sys._getframemodulename, an audited call: refused,
    # it stopped every namedtuple -- and the traceback module's, so every
    # uncaught exception came out as "Error in sys.excepthook:".  The host's
    # audit event is raised here by hand, as 3.12 raises it.
    r = run("""
        import collections, pkgutil
        pkgutil.sys.audit("sys._getframemodulename", 1)
        P = collections.namedtuple("P", "x y")
        print(P(1, 2), P.__module__)
        1 / 0
    """)
    assert r.out == "P(x=1, y=2) __main__\n"
    assert r.err.startswith("Traceback (most recent call last):\n")
    assert r.err.endswith("ZeroDivisionError: division by zero\n")


def test_programs_still_import_the_library_and_read_its_sources(host):
    r = run("""
        import datetime, decimal, inspect, json, unicodedata, zlib
        print(datetime.datetime.strptime("2024-02-29", "%Y-%m-%d").date(),
              decimal.Decimal("1.10") + 1, unicodedata.name("a"), "bücher.de".encode("idna"),
              zlib.crc32(b"x"), "def dumps" in inspect.getsource(json))
    """)
    assert (r.status, r.err) == (0, "")
    assert r.out == "2024-02-29 2.10 LATIN SMALL LETTER A b'xn--bcher-kva.de' 2363233923 True\n"


def test_a_host_mount_is_reachable_as_mounted_and_nothing_beside_it(host):
    rw, ro, outside = host / "rw", host / "ro", host / "outside"
    for d in (rw, ro, outside):
        d.mkdir()
    (ro / "data").write_text("read-only data\n")
    (outside / "secret").write_text("not mounted\n")
    k = make_kernel()
    k.fs.mount(str(rw), "/mnt/rw", writable=True)
    k.fs.mount(str(ro), "/mnt/ro")
    k.fs.write_file("/tmp/prog.py", "#!/usr/bin/python3\n" + textwrap.dedent(f"""
        import pkgutil
        host_open = pkgutil.__builtins__["open"]
        with open("/mnt/rw/through-the-kernel", "w") as f:
            f.write("made in vshell\\n")
        print(host_open("{ro}/data").read(), end="")
        with host_open("{rw}/direct", "w") as f:       # the user mounted it read-write
            f.write("direct\\n")
        for attempt in (lambda: host_open("{ro}/data", "a"),
                        lambda: host_open("{outside}/secret"),
                        lambda: host_open("{rw}/../outside/secret"),
                        lambda: pkgutil.os.rename("{rw}/direct", "{outside}/moved")):
            try:
                attempt()
            except PermissionError as e:
                print(e)
    """), mode=0o755)
    status = k.run_program(["/tmp/prog.py"], uid=0, cwd="/tmp")
    assert (status, k.tty.console.stderr) == (0, "")
    assert k.tty.console.stdout == (f"read-only data\n"
                     f"[Errno 1] not available in vshell: opening the host file '{ro}/data'\n"
                     f"[Errno 1] not available in vshell: opening the host file '{outside}/secret'\n"
                     f"[Errno 1] not available in vshell: opening the host file "
                     f"'{rw}/../outside/secret'\n"
                     f"[Errno 1] not available in vshell: changing the host file '{rw}/direct'\n")
    assert sorted(os.listdir(rw)) == ["direct", "through-the-kernel"]
    assert sorted(os.listdir(outside)) == ["secret"]


# ---- 3. set-user-ID programs run isolated ---------------------------------------------------------

PLANT = "echo 'open(\"/etc/planted\", \"w\")' > hashlib.py"     # runs if su imports it as root


def test_a_set_user_id_program_ignores_a_module_planted_beside_a_link_to_it():
    r = run_cmd(["/bin/sh", "-c", f"ln -s /bin/su su; {PLANT}; ./su -c id; ls /etc"],
                stdin=b"root\n")
    assert (r.code, r.err) == (0, "")
    assert r.out == ("Password: uid=0(root) gid=0(root) groups=0(root)\n"
                     "group\nhostname\npasswd\nshadow\n")                 # su works; no /etc/planted


def test_a_set_user_id_program_ignores_a_module_planted_beside_a_hard_link_to_it():
    # a student may not make the hard link (protected_hardlinks); root may, and still
    # the program does not import what the student planted beside it
    r = run_cmd(["/bin/sh", "-c", "ln /bin/su su"])
    assert r.err == "ln: failed to create hard link 'su' => '/bin/su': Operation not permitted\n"
    r = run_cmd(["/bin/sh", "-c", "ln /bin/su /home/student/su && "
                 f"su student -c 'cd; {PLANT.replace(chr(39), chr(39) + chr(92) + chr(39) * 2)}; "
                 "./su -c id'; ls /etc"], stdin=b"root\n", uid=0, cwd="/root")
    assert (r.code, r.err) == (0, "")
    assert r.out == ("Password: uid=0(root) gid=0(root) groups=0(root)\n"
                     "group\nhostname\npasswd\nshadow\n")


def test_a_set_user_id_program_ignores_the_argv0_it_is_given():
    r = run_cmd(["/bin/sh", "-c", f"{PLANT}; python -c 'import os\n"
                 "os.execv(\"/bin/su\", [\"/home/student/su\", \"-c\", \"id\"])'; ls /etc"],
                stdin=b"root\n")
    assert (r.code, r.err) == (0, "")
    assert r.out == ("Password: uid=0(root) gid=0(root) groups=0(root)\n"
                     "group\nhostname\npasswd\nshadow\n")


def test_a_set_user_id_program_gets_a_sanitised_environment_and_only_bin_to_import_from():
    show = """printf '#!/usr/bin/env python3\\nimport os, sys\\nprint(os.geteuid(), os.getuid(),
os.getegid(), sys.path, sorted(os.environ))\\n' > /tmp/show; chown root:alice /tmp/show"""
    env = "PYTHONPATH=/home/student PYTHONSTARTUP=x LD_PRELOAD=/x TMPDIR=/x KEEP=1"
    r = run_cmd(["/bin/sh", "-c", f"{show}; chmod 755 /tmp/show; su student -c '{env} /tmp/show'"],
                uid=0, cwd="/root", env={"PATH": "/bin", "HOME": "/root", "USER": "root"})
    assert r.out == ("1000 1000 1000 ['/tmp'] ['HOME', 'KEEP', 'LD_PRELOAD', 'LOGNAME', 'PATH', "
                     "'PYTHONPATH', 'PYTHONSTARTUP', 'SHELL', 'TMPDIR', 'USER']\n")   # as given
    r = run_cmd(["/bin/sh", "-c", f"{show}; chmod 6755 /tmp/show; su student -c '{env} /tmp/show'"],
                uid=0, cwd="/root", env={"PATH": "/bin", "HOME": "/root", "USER": "root"})
    assert (r.code, r.err) == (0, "")
    assert r.out == "0 1000 1001 ['/bin'] ['HOME', 'KEEP', 'LOGNAME', 'PATH', 'SHELL', 'USER']\n"


def test_protected_hardlinks_let_users_link_only_what_they_own_or_may_read_and_write():
    r = run_cmd(["/bin/sh", "-c", """
        touch mine && ln mine mine2 && echo own: ok
        ln /etc/passwd p; ln /etc/shadow s
        su alice -c 'echo x > /tmp/shared; chmod 666 /tmp/shared; echo y > /tmp/readonly'
        ln /tmp/shared shared && echo read-write: ok
        ln /tmp/readonly ro
    """], stdin=b"alice\n")
    assert r.out == "own: ok\nPassword: read-write: ok\n"
    assert r.err == ("ln: failed to create hard link 'p' => '/etc/passwd': Operation not permitted\n"
                     "ln: failed to create hard link 's' => '/etc/shadow': Operation not permitted\n"
                     "ln: failed to create hard link 'ro' => '/tmp/readonly': Operation not permitted\n")
    assert run_cmd(["/bin/sh", "-c", "ln /etc/shadow /root/s && ls /root"], uid=0,
                   cwd="/root").out == "s\n"


def test_a_trusted_thread_that_ends_gives_its_trust_back():
    # The web server's thread is trusted and ends with the session; its number
    # may then be given to a thread started later, which must not inherit it.
    import threading

    from kernel import hostguard
    go, seen = threading.Event(), []

    def body() -> None:
        go.wait()
        seen.append(bool(os.listdir("/")))       # trusted: the host's root
        hostguard.forget_thread()
        try:
            os.listdir("/")
        except PermissionError:
            seen.append("refused")
    t = threading.Thread(target=body)
    t.start()
    assert t.ident is not None
    hostguard.trust_thread(t.ident)
    go.set()
    t.join()
    assert seen == [True, "refused"]
