"""The picture model: the machine at any event, folded from real runs' events."""
from __future__ import annotations

from typing import Callable, Iterator

from kernel import MemoryConsole
from vshell.system import Options, boot, make_machine
from vshell.web import model
from vshell.web.model import History, Picture
from vshell.web.recorder import Recorder


def record(script: str, seed: int = 1) -> tuple[History, str]:
    """Run script under `sh -c`, recorded from boot; its history and output."""
    opts = Options(seed=seed, virtual_time=True)
    k = make_machine(opts, MemoryConsole())
    recorders: list[Recorder] = []
    boot(k, opts, ["sh", "-c", script, "vshell"], watch=lambda k: recorders.append(Recorder(k)))
    recorders[0].close()
    return recorders[0].history, k.tty.console.stdout


def moments(h: History) -> Iterator[tuple[int, Picture]]:
    """(i, the picture after i events) for every i, folded once."""
    pic = h.first.copy()
    yield 0, pic
    for i, e in enumerate(h.events, 1):
        pic.apply(e)
        yield i, pic


def first(h: History, test: Callable[[Picture], bool]) -> int:
    for i, pic in moments(h):
        if test(pic):
            return i
    raise AssertionError("no moment of the run shows it")


def named(pic: Picture, program: str) -> list[model.Process]:
    return [p for p in pic.procs.values() if p.program == program]


def signature(pic: Picture) -> tuple:
    return (sorted((p.pid, p.ppid, p.program, p.state, tuple(sorted(p.fds.items())))
                   for p in pic.procs.values()),
            sorted((f.id, f.kind, f.path, f.offset, f.refs) for f in pic.files.values()))


def test_fork_grows_a_node_whose_parent_edge_points_at_the_forker():
    h, out = record("./p1.py")
    i = first(h, lambda pic: len(named(pic, "p1.py")) == 2)
    pic = h.at(i)
    parent, child = sorted(named(pic, "p1.py"), key=lambda p: p.pid)
    assert (parent.pid, child.pid) in pic.edges()
    assert child.ppid == parent.pid
    before = h.at(i - 1)              # time travel: just before the fork, one node
    assert len(named(before, "p1.py")) == 1


def test_fork_shares_the_open_files_and_raises_their_reference_counts():
    h, _ = record("./p1.py")
    pic = h.at(first(h, lambda pic: len(named(pic, "p1.py")) == 2))
    parent, child = sorted(named(pic, "p1.py"), key=lambda p: p.pid)
    assert parent.fds[1] == child.fds[1]
    assert pic.files[parent.fds[1]].refs >= 2


def test_a_pipeline_is_a_pipe_from_fd_1_of_the_writer_to_fd_0_of_the_reader():
    h, out = record("ls | wc -l")
    i = first(h, lambda pic: any(link.writers and link.readers and
                                 {pic.procs[w].program for w, _ in link.writers} == {"ls"} and
                                 {pic.procs[r].program for r, _ in link.readers} == {"wc"}
                                 for link in pic.pipes()))
    link = h.at(i).pipes()[0]
    assert [fd for _, fd in link.writers] == [1]
    assert [fd for _, fd in link.readers] == [0]


def test_p4s_child_has_fd_1_on_the_file_after_close_and_open():
    h, out = record("./p4.py")
    i = first(h, lambda pic: bool(named(pic, "wc")))
    pic = h.at(i)
    wc = named(pic, "wc")[0]
    f = pic.files[wc.fds[1]]
    assert (f.kind, f.path, f.mode) == ("file", "p4.output", "w")
    assert wc.ppid in pic.procs and pic.procs[wc.ppid].program == "p4.py"   # exec renamed the child


def test_dup2_makes_two_fds_share_one_open_file_and_its_offset():
    h, out = record("exec 3>f; echo abc >&3; exec 4>&3; echo de >&4; exec 3>&-")
    closed = first(h, lambda pic: 2 in pic.procs and 4 in pic.procs[2].fds and
                   3 not in pic.procs[2].fds)
    f = h.at(closed).files[h.at(closed).procs[2].fds[4]]
    assert (f.path, f.offset, f.refs) == ("f", 7, 1)
    shared = h.at(closed - 1)                 # just before `exec 3>&-`
    assert shared.procs[2].fds[3] == shared.procs[2].fds[4]
    assert shared.files[shared.procs[2].fds[3]].refs == 2


def test_exec_closes_close_on_exec_fds_and_renames_the_process():
    h, _ = record("./p3.py")
    i = first(h, lambda pic: bool(named(pic, "wc")))
    assert h.at(i - 1).procs[named(h.at(i), "wc")[0].pid].program == "p3.py"


def test_a_zombie_keeps_its_node_until_reaped_and_holds_no_files():
    h, out = record("./zombie.py 0.5")
    zombie = h.at(first(h, lambda pic: any(p.status is not None for p in named(pic, "zombie.py"))))
    z = [p for p in named(zombie, "zombie.py") if p.status is not None][0]
    assert z.state == "ZOMBIE" and z.fds == {} and z.status >> 8 == 7
    assert z.pid not in h.now.procs                  # reaped by the end


def test_an_orphan_is_adopted_by_init():
    h, out = record("./orphan.py 0.1")
    i = first(h, lambda pic: any(p.ppid == 1 and p.program == "orphan.py" for p in pic.procs.values()))
    pic = h.at(i)
    orphan = [p for p in pic.procs.values() if p.ppid == 1 and p.program == "orphan.py"][0]
    assert (1, orphan.pid) in pic.edges()
    assert "adopted by pid 1" in out


def test_every_moment_from_checkpoints_equals_the_fold_from_the_start(monkeypatch):
    monkeypatch.setattr(model, "CHECKPOINT", 50)
    h, _ = record("./p1.py; ls | wc -l; ./p4.py")
    assert len(h) > 2 * model.CHECKPOINT
    for i, pic in moments(h):
        if i % 7 == 0 or i == len(h):
            assert signature(h.at(i)) == signature(pic)
    assert signature(h.now) == signature(pic)


def test_the_timeline_strips_grow_with_the_events_and_are_cut_by_time_travel():
    h, _ = record("./p1.py")
    strips = {s.pid: changes for s, changes in h.strips_at(len(h))}
    child = max(p for p in strips if h.strips[p].name == "p1.py")
    assert [state for _, state in strips[child]][0] == "READY"
    assert "RUNNING" in [state for _, state in strips[child]]
    assert strips[child][-1][1] == "GONE"
    early = {s.pid for s, _ in h.strips_at(first(h, lambda pic: len(pic.procs) == 2))}
    assert child not in early


def test_the_line_a_process_is_at_is_shown():
    h, _ = record("./p1.py")
    lines = {p.pc for _, pic in moments(h) for p in pic.procs.values()}
    assert any(pc.startswith("p1.py:") for pc in lines)


def test_written_data_is_not_kept_only_its_length():
    h, _ = record("yes | head -n 2000 > /dev/null")
    for e in h.events:
        for value in list(getattr(e, "args", ())) + [getattr(e, "result", None)]:
            assert not isinstance(value, (bytes, bytearray))


def test_no_moment_shows_a_zombie_holding_files():
    """The kernel closes an exiting process's files, then makes it a zombie,
    then says it exited: at the moment it is a zombie it holds nothing (a
    pipe's arrow from a zombie drew an end nobody held any more)."""
    h, _ = record("ls | wc -l")
    for i, pic in moments(h):
        held = [(p.pid, p.fds) for p in pic.procs.values() if p.state == "ZOMBIE" and p.fds]
        assert not held, f"after event {i}: zombies holding files {held}"
