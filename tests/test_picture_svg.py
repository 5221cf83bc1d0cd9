"""The pictures as SVG: their structure (nodes, edges, pipe labels, fd rows),
checked without a browser, and the `picture` builtin that writes them."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from kernel import MemoryConsole
from test_picture_model import first, named, record
from vshell.system import Options, boot, make_machine
from vshell.web import svg

NS = "{http://www.w3.org/2000/svg}"


def parse(text: str) -> ET.Element:
    return ET.fromstring(text)


def marks(root: ET.Element, cls: str) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("class") == cls]


def shell(script: str) -> tuple[str, str, int]:
    opts = Options(seed=1, virtual_time=True)
    k = make_machine(opts, MemoryConsole())
    status = boot(k, opts, ["sh", "-c", script, "vshell"])
    return k.tty.console.stdout, k.tty.console.stderr, status


def test_the_tree_of_p1_has_two_nodes_joined_by_the_fork_edge():
    h, _ = record("./p1.py")
    pic = h.at(first(h, lambda pic: len(named(pic, "p1.py")) == 2))
    root = parse(svg.tree(pic))
    nodes = {int(n.get("data-pid")): n.get("data-program") for n in marks(root, "node")}
    parent, child = sorted(p for p, name in nodes.items() if name == "p1.py")
    edges = {(int(e.get("data-parent")), int(e.get("data-child"))) for e in marks(root, "edge")}
    assert (parent, child) in edges
    assert any(t.text and t.text.startswith(f"{child}  p1.py") for t in root.iter(NS + "text"))


def test_a_pipeline_is_drawn_as_a_pipe_arrow_labelled_fd_1_to_fd_0():
    h, _ = record("ls | wc -l")
    pic = h.at(first(h, lambda pic: bool(named(pic, "wc")) and bool(named(pic, "ls"))))
    root = parse(svg.tree(pic))
    arrows = marks(root, "pipe")
    assert [(a.get("data-from"), a.get("data-to"), a.get("data-fds")) for a in arrows] == [
        (str(named(pic, "ls")[0].pid), str(named(pic, "wc")[0].pid), "1-0")]
    assert any("fd 1 → fd 0" in (t.text or "") for t in arrows[0].iter(NS + "text"))


def test_a_zombie_is_drawn_grey_and_dashed():
    h, _ = record("./zombie.py 0.2")
    pic = h.at(first(h, lambda pic: any(p.status is not None for p in named(pic, "zombie.py"))))
    zombies = [n for n in marks(parse(svg.tree(pic)), "node") if n.get("data-state") == "ZOMBIE"]
    assert len(zombies) == 1
    assert zombies[0][0].get("stroke-dasharray")


def test_the_file_model_of_p4s_child_points_fd_1_at_p4_output():
    h, _ = record("./p4.py")
    pic = h.at(first(h, lambda pic: bool(named(pic, "wc"))))
    wc = named(pic, "wc")[0]
    root = parse(svg.fds(pic, wc.pid))
    rows = {int(g.get("data-fd")): g.get("data-file") for g in marks(root, "fd")}
    assert sorted(rows)[:3] == [0, 1, 2]
    entry = [g for g in marks(root, "file") if g.get("data-file") == rows[1]][0]
    assert "w" in "".join(t.text or "" for t in entry.iter(NS + "text"))
    assert "p4.output" in [g.get("data-target") for g in marks(root, "target")]


def test_shared_open_files_say_who_shares_them():
    h, _ = record("./p1.py")
    pic = h.at(first(h, lambda pic: len(named(pic, "p1.py")) == 2))
    parent, child = sorted(p.pid for p in named(pic, "p1.py"))
    words = "".join(t.text or "" for t in parse(svg.fds(pic, child)).iter(NS + "text"))
    assert f"shared with {parent}:1" in words or f"{parent}:1" in words


def test_the_timeline_has_a_strip_per_process_with_coloured_spans():
    h, _ = record("./p1.py")
    root = parse(svg.timeline(h, len(h), "rr (quantum 10 ticks)"))
    strips = marks(root, "strip")
    assert len(strips) >= 3
    states = {r.get("data-state") for s in strips for r in s if r.get("class") == "span"}
    assert {"RUNNING", "READY"} <= states
    assert "rr (quantum 10 ticks)" in root.find(NS + "title").text


def test_picture_into_a_pipe_writes_the_svg_to_stdout():
    out, err, status = shell("./p1.py > /dev/null & picture tree | cat")
    assert status == 0 and err == ""
    assert {n.get("data-program") for n in marks(parse(out), "node")} >= {"init", "sh"}


def test_picture_o_writes_the_file_and_bad_requests_get_one_line():
    out, err, status = shell("picture fds $$ -o f.svg && cat f.svg; picture fds 999; echo $?; "
                             "picture; echo $?; picture tree -o /nope/x.svg; echo $?")
    root = parse(out[:out.index("</svg>") + 6])
    assert marks(root, "fd")
    assert out.endswith("1\n2\n1\n")
    assert err.splitlines() == [
        "vshell: 1: picture: process 999: No such process",
        "vshell: 1: picture: usage: picture tree|fds PID|timeline [-o FILE.svg]",
        "vshell: 1: picture: cannot write /nope/x.svg: No such file or directory"]


def test_a_student_may_not_picture_roots_files():
    out, err, status = shell("picture fds 1")
    assert "picture: process 1: Permission denied" in err


def test_record_html_keeps_the_pictures_drawn_in_the_session(tmp_path):
    import subprocess
    import sys
    path = tmp_path / "session.html"
    done = subprocess.run([sys.executable, "-m", "vshell", "--seed", "1", "--virtual-time", "--record",
                           str(path), "-c", "echo shown; picture tree > /dev/null"],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0 and done.stdout == "shown\n"
    page = path.read_text()
    assert "shown" in page and "Pictures" in page
    assert page.count("<svg") == 2 and "class='node' data-pid='2'" in page   # the tree, the timeline
