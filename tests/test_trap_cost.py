"""The trap's cost in objects: a system call nobody watches builds nothing for a trace,
and an argumentless one adds no new object to the fork record (issue 16).

Counts of objects, never times: these hold on any machine, under any load.
"""
from __future__ import annotations

import sys

from kernel import trace as ev
from kernel.proc import SLICES_KEPT

from conftest import make_kernel

GETPIDS = '''#!/usr/bin/python3
import os
for _ in range(2000):
    os.getpid()
os.read(0, 1)               # blocks: the parent looks at the record meanwhile
'''


def test_a_python_programs_getpid_loop_shares_its_record_entries():
    k = make_kernel()
    k.fs.write_file("/bin/getpids", GETPIDS, mode=0o755)
    seen: dict = {}

    def init(rt) -> int:
        os = rt.os
        r, w = os.pipe()
        pid = os.posix_spawn("/bin/getpids", ["getpids"], {},
                             file_actions=[(os.POSIX_SPAWN_DUP2, r, 0)])
        child = next(p for p in k.procs if p.pid == pid)
        while child.state.value != "BLOCKED":   # the child runs its loop and blocks in read
            os.sched_yield()
        entries = [e for e in child.record.entries if e.name == "getpid"]
        seen["calls"] = len(entries)
        seen["objects"] = len({id(e) for e in entries})
        os.write(w, b"x")
        return os.waitpid(pid, 0)[1]

    k.spawn(init)
    k.run()
    assert not k.panics
    assert seen["calls"] == 2000            # every call is in the record, for fork ...
    assert seen["objects"] == 1             # ... as one shared entry, not 2000 new ones


def test_a_system_call_nobody_watches_builds_no_event_and_allocates_nothing(monkeypatch):
    built = []
    init_event = ev.Event.__init__
    monkeypatch.setattr(ev.Event, "__init__", lambda self: (built.append(type(self)),
                                                            init_event(self))[1])
    k = make_kernel()
    k.sched.quantum = 1 << 40               # one turn on the CPU: no new entry in its history
    grown: list[int] = []

    def init(rt) -> int:
        getpid = rt.os.getpid
        for _ in range(1000):               # warm: CPython's caches
            getpid()
        for _ in range(3):
            before = sys.getallocatedblocks()
            for _ in range(1000):
                getpid()
            grown.append(sys.getallocatedblocks() - before)
        return 0

    k.spawn(init)
    k.run()
    assert not k.panics
    assert built == []                      # nobody subscribed: no event was built
    assert min(grown) <= 2                  # 1000 calls, no object per call left behind


def test_with_a_subscriber_every_call_is_still_an_event():
    k = make_kernel()
    events: list = []
    k.trace.subscribe(events.append)

    def init(rt) -> int:
        for _ in range(100):
            rt.os.getpid()
        return 0

    k.spawn(init)
    k.run()
    enters = [e for e in events if isinstance(e, ev.SyscallEnter) and e.name == "getpid"]
    exits = [e for e in events if isinstance(e, ev.SyscallExit) and e.name == "getpid"]
    assert len(enters) == len(exits) == 100


def test_proc_sched_lists_the_last_turns_after_many_context_switches():
    k = make_kernel()
    k.fs.write_file("/bin/yielder", '''#!/usr/bin/python3
import os
for _ in range(5000):
    os.sched_yield()
''', mode=0o755)
    seen: dict = {}

    def init(rt) -> int:
        os = rt.os
        pid = os.posix_spawn("/bin/yielder", ["yielder"], {})
        child = next(p for p in k.procs if p.pid == pid)
        while child.state.value != "ZOMBIE":
            fd = os.open(f"/proc/{pid}/sched", os.O_RDONLY)
            seen["text"] = os.read(fd, 1 << 20).decode()
            os.close(fd)
            turns = len(child.slices)
            os.sched_yield()
            seen["most"] = max(seen.get("most", 0), turns)
        return os.waitpid(pid, 0)[1]

    k.spawn(init)
    k.run()
    assert not k.panics
    fields = dict(line.split(":\t", 1) for line in seen["text"].splitlines())
    turns = fields["slices"].split()
    assert len(turns) == SLICES_KEPT
    starts = [int(t.split("-")[0]) for t in turns]
    assert starts == sorted(starts)              # the latest turns, in order
    assert seen["most"] <= 2 * SLICES_KEPT       # the list is trimmed: bounded memory


def test_a_programs_getpid_reaches_the_kernel_through_three_frames():
    """The program's os.getpid (behind its Argument Clinic wrapper) calls the CPU's
    trap itself: wrapper, os.getpid, CPU.trap -- each frame costs every call."""
    k = make_kernel()
    k.fs.write_file("/bin/onegetpid", "#!/usr/bin/python3\nimport os\nos.getpid()\n",
                      mode=0o755)
    depths: list[int] = []
    real = k.syscalls["getpid"]

    def counting(k_, p, *args):
        f, n = sys._getframe(1), 0
        while f is not None and f.f_code.co_filename != "/bin/onegetpid":
            f, n = f.f_back, n + 1
        depths.append(n)
        return real(k_, p, *args)
    k.syscalls = dict(k.syscalls, getpid=counting)      # (this machine's table only)
    k.run_program(["/bin/onegetpid"])
    assert not k.panics
    assert depths == [3]


def test_a_new_process_reuses_the_context_of_one_that_ended(monkeypatch):
    """Starting a greenlet costs CPython a fresh frame stack (an mmap and a
    munmap): processes one after another run on the same few contexts."""
    import kernel.cpu as cpu_module
    made: list = []

    class Counted(cpu_module.greenlet):             # type: ignore[misc,valid-type]
        def __init__(self, *args, **kwargs) -> None:
            made.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(cpu_module, "greenlet", Counted)
    k = make_kernel()

    def init(rt) -> int:
        os = rt.os
        for _ in range(40):
            pid = rt.clone(lambda rt: 0)
            assert os.waitpid(pid, 0)[1] == 0
        return 0

    k.spawn(init)
    k.run()
    assert not k.panics
    assert len(made) <= 4          # the limiter, init's context, one or two for the children
    assert len(k.cpu.spare_contexts) <= cpu_module.SPARE_CONTEXTS
