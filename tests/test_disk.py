"""The machine's disk between sessions (vshell/disk.py): kept by an interactive
vshell under $XDG_DATA_HOME, written safely, and left alone by --fresh and by
scripted runs.  Every vshell here keeps its disk in the test's own tmp_path."""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import tarfile
import time

import pexpect
import pytest

from kernel import MemoryConsole
from vshell import disk
from vshell.system import Options, make_machine

PROMPT = "student@vshell:~$ "


def environment(tmp_path) -> dict:
    return dict(os.environ, TERM="dumb", XDG_DATA_HOME=str(tmp_path / "data"),
                XDG_STATE_HOME=str(tmp_path / "state"), XDG_CONFIG_HOME=str(tmp_path / "config"))


def start(tmp_path, *options: str):
    child = pexpect.spawn(sys.executable, ["-m", "vshell", "--seed", "1", *options],
                          env=environment(tmp_path), encoding="utf-8", timeout=20,
                          dimensions=(30, 120))
    child.delaybeforesend = 0.3
    child.expect_exact(PROMPT)
    return child


def answer(child, line: str) -> str:
    child.sendline(line)
    child.expect_exact(PROMPT)
    return child.before.replace("\r\n", "\n").replace("\r", "")


def leave(child) -> None:
    child.sendline("exit")
    child.expect(pexpect.EOF)
    child.close()


def vshell(tmp_path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vshell", *args], input=stdin, text=True,
                          capture_output=True, env=environment(tmp_path), timeout=60)


def saved(tmp_path) -> str:
    return str(tmp_path / "data" / "vshell" / "disk.tar")


def test_a_file_written_in_one_session_is_there_in_the_next(tmp_path):
    child = start(tmp_path)
    answer(child, "echo 'kept between sessions' > notes.txt; mkdir -p work && echo hi > work/a")
    leave(child)
    child = start(tmp_path)
    out = answer(child, "cat notes.txt work/a")
    assert "kept between sessions\nhi\n" in out
    leave(child)


def test_the_welcome_says_where_the_disk_lives(tmp_path):
    child = start(tmp_path)
    assert "Your files are kept on the disk " in child.before
    assert "vshell/disk.tar" in child.before
    leave(child)


def test_fresh_sessions_and_scripted_runs_do_not_see_the_saved_files(tmp_path):
    child = start(tmp_path)
    answer(child, "echo secret > mine.txt")
    leave(child)
    before = open(saved(tmp_path), "rb").read()
    child = start(tmp_path, "--fresh")
    assert "nothing of this session will be saved" in child.before
    out = answer(child, "ls mine.txt; echo fresh > other.txt")
    assert "No such file" in out
    leave(child)
    assert open(saved(tmp_path), "rb").read() == before          # --fresh wrote nothing
    r = vshell(tmp_path, "-c", "ls mine.txt; echo x > scripted.txt")
    assert "No such file" in r.stderr
    r = vshell(tmp_path, stdin="cat mine.txt\n")
    assert "No such file" in r.stderr
    assert open(saved(tmp_path), "rb").read() == before
    r = vshell(tmp_path, "--disk", saved(tmp_path), "-c", "cat mine.txt")
    assert r.stdout == "secret\n"


def test_a_scripted_run_makes_no_disk_at_all(tmp_path):
    r = vshell(tmp_path, "-c", "echo hi > f; cat f")
    assert r.stdout == "hi\n"
    assert not (tmp_path / "data").exists()


def test_a_scripted_run_with_a_disk_keeps_it(tmp_path):
    path = str(tmp_path / "course.tar")
    assert vshell(tmp_path, "--disk", path, "-c", "echo one > f; chmod 600 f; ln -s f link").returncode == 0
    r = vshell(tmp_path, "--disk", path, "-c", "cat link; ls -l f | cut -c1-10")
    assert r.stdout == "one\n-rw-------\n"
    assert sorted(os.listdir(tmp_path)) == ["course.tar", "course.tar.lock"]


def test_a_killed_session_leaves_a_readable_disk(tmp_path):
    child = start(tmp_path)
    answer(child, "echo 'before the kill' > survived.txt")
    deadline = time.monotonic() + 30          # the disk is saved every few seconds
    while time.monotonic() < deadline:
        try:
            with tarfile.open(saved(tmp_path)) as tar:
                if "home/student/survived.txt" in tar.getnames():
                    break
        except (OSError, tarfile.TarError):
            pass
        time.sleep(0.2)
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    child = start(tmp_path)                   # the lock died with the process
    assert "before the kill\n" in answer(child, "cat survived.txt")
    leave(child)


def test_a_terminated_session_is_saved_first(tmp_path):
    child = start(tmp_path)
    answer(child, "echo bye > last-words.txt")
    os.kill(child.pid, signal.SIGHUP)        # the terminal window was closed
    child.expect(pexpect.EOF)
    child.close()
    r = vshell(tmp_path, "--disk", saved(tmp_path), "-c", "cat last-words.txt")
    assert r.stdout == "bye\n"


def test_a_second_session_on_the_same_disk_does_not_save(tmp_path):
    first = start(tmp_path)
    second = start(tmp_path)
    assert "is in use by another vshell" in second.before
    answer(second, "echo from-second > second.txt")
    leave(second)
    answer(first, "echo from-first > first.txt")
    leave(first)
    r = vshell(tmp_path, "--disk", saved(tmp_path), "-c", "cat first.txt; ls second.txt")
    assert r.stdout == "from-first\n" and "No such file" in r.stderr


def test_reset_asks_before_wiping(tmp_path):
    assert vshell(tmp_path, "--disk", saved(tmp_path), "-c", "echo x > f").returncode == 0
    r = vshell(tmp_path, "--reset", stdin="n\n")
    assert r.returncode == 1 and "[y/N]" in r.stderr and "nothing wiped" in r.stderr
    assert os.path.exists(saved(tmp_path))
    r = vshell(tmp_path, "--reset", stdin="y\n")
    assert r.returncode == 0 and not os.path.exists(saved(tmp_path))
    assert "nothing to wipe" in vshell(tmp_path, "--reset").stdout


def test_fresh_and_disk_together_is_a_usage_error(tmp_path):
    r = vshell(tmp_path, "--fresh", "--disk", "x.tar", "-c", "true")
    assert r.returncode == 2 and r.stderr.startswith("vshell: --fresh cannot go with --disk")


def test_a_broken_disk_is_one_clear_line_and_left_as_it_was(tmp_path):
    path = tmp_path / "broken.tar"
    path.write_bytes(b"this is no tar file" * 100)
    r = vshell(tmp_path, "--disk", str(path), "-c", "true")
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "not a vshell disk" in r.stderr
    assert path.read_bytes() == b"this is no tar file" * 100


def test_an_interrupted_save_leaves_the_old_image(tmp_path, monkeypatch):
    path = str(tmp_path / "d.tar")
    disk.write_atomically(path, b"old image")

    def power_cut(fd):
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(os, "fsync", power_cut)
    with pytest.raises(OSError):
        disk.write_atomically(path, b"new image, half written")
    assert open(path, "rb").read() == b"old image"
    assert os.listdir(tmp_path) == ["d.tar"]                  # no temporary file left behind


# ---- what is kept, and vshell's own files across versions ----------------------

def machine():
    return make_machine(Options(seed=1, virtual_time=True), MemoryConsole(b""))


def test_tmp_proc_and_dev_are_fresh_at_each_boot():
    k = machine()
    k.fs.write_file("/tmp/scratch", "gone\n")
    k.fs.write_file("/home/student/kept", "kept\n", uid=1000, gid=1000)
    names = tarfile.open(fileobj=io.BytesIO(disk.image(k))).getnames()
    assert "home/student/kept" in names and "etc/shadow" in names
    assert not [n for n in names if n.split("/")[0] in ("tmp", "proc", "dev")]


def test_unchanged_demos_are_references_and_edited_ones_are_kept_whole():
    k = machine()
    edited = k.fs.root.entries["home"].entries["student"].entries["p1.py"]
    edited.write_at(edited.size, b"# my change\n")
    tar = tarfile.open(fileobj=io.BytesIO(disk.image(k)))
    assert tar.getmember("home/student/p2.py").size == 0
    assert tar.getmember("home/student/p2.py").pax_headers["comment"] == disk.SHIPPED + "programs/demos/p2.py"
    assert tar.extractfile("home/student/p1.py").read().endswith(b"# my change\n")
    k2 = machine()
    disk.restore(k2, disk.image(k))
    home = k2.fs.root.entries["home"].entries["student"].entries
    assert bytes(home["p1.py"].data).endswith(b"# my change\n")
    with open(os.path.join(os.path.dirname(disk.programs.__file__), "demos", "p2.py"), "rb") as f:
        assert bytes(home["p2.py"].data) == f.read()              # this version's p2.py


def test_a_new_versions_demo_appears_and_a_deleted_one_stays_deleted():
    k = machine()
    k.fs.root.entries["home"].entries["student"].unlink("p2.py")
    data = disk.image(k)
    tar = tarfile.open(fileobj=io.BytesIO(data))
    old_version = tar.pax_headers["comment"].replace(" programs/demos/zombie.py", "")   # it had no zombie.py
    members = [m for m in tar.getmembers() if not m.name.endswith("zombie.py")]
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT,
                      pax_headers={"comment": old_version}) as out:
        for m in members:
            out.addfile(m, tar.extractfile(m) if m.isfile() and m.size else None)
    k2 = machine()
    disk.restore(k2, buf.getvalue())
    home = k2.fs.root.entries["home"].entries["student"].entries
    assert "zombie.py" in home                   # new in this version: it appears
    assert "p2.py" not in home                   # the student deleted it: it stays deleted
    assert k2.fs.used == disk.space_used(k2.fs.root)


def test_a_half_written_image_left_by_a_killed_session_is_swept_away(tmp_path):
    path = tmp_path / "d.tar"
    (tmp_path / "d.tar.12345.tmp").write_bytes(b"half an image")
    assert vshell(tmp_path, "--disk", str(path), "-c", "echo hi > f").returncode == 0
    assert sorted(os.listdir(tmp_path)) == ["d.tar", "d.tar.lock"]


def test_a_program_root_deleted_everywhere_stays_deleted(tmp_path):
    saved = disk.Disk(str(tmp_path / "d.tar"))
    assert saved.open()
    k = machine()
    saved.load(k)                                # no image yet: what the machine booted with
    k.fs.root.entries["bin"].unlink("which")
    assert saved.save(k) is None
    saved.close()
    again = disk.Disk(str(tmp_path / "d.tar"))
    assert again.open()
    k2 = machine()
    assert again.load(k2)
    assert "which" not in k2.fs.root.entries["bin"].entries
    assert "ls" in k2.fs.root.entries["bin"].entries
    again.close()


def test_what_a_boot_makes_outside_proc_is_made_afresh_not_saved():
    """A file whose contents are made when read (kernel/fs.py's Generated), as
    another part of vshell may install, is not frozen into the disk."""
    from kernel.fs import Generated
    k = machine()
    k.fs.install("/usr/share/vshell/version", Generated(k.fs, lambda: b"this boot's\n"))
    names = tarfile.open(fileobj=io.BytesIO(disk.image(k))).getnames()
    assert "usr/share/vshell/version" not in names
    k2 = machine()
    k2.fs.install("/usr/share/vshell/version", Generated(k2.fs, lambda: b"the next one's\n"))
    disk.restore(k2, disk.image(k))
    inode = k2.fs.root.entries["usr"].entries["share"].entries["vshell"].entries["version"]
    assert bytes(inode.data) == b"the next one's\n"


def test_vshell_files_from_anywhere_in_its_package_are_references():
    from kernel.fs import LazyFile
    k = machine()
    k.fs.install("/usr/share/doc/vshell.py", LazyFile(k.fs, disk.__file__, mode=0o644))
    tar = tarfile.open(fileobj=io.BytesIO(disk.image(k)))
    assert tar.getmember("usr/share/doc/vshell.py").pax_headers["comment"] == \
        disk.SHIPPED + "vshell/disk.py"
