"""--trace-file F: the kernel's events as JSON lines, for tools and graders.

The format is an interface (the README's "Trace file" section documents it):
a header record, one record per event, and a summary record at the end; every
record is one JSON object on one line with a "kind".  SCHEMA below lists every
kind and its fields, and is what the tests check each line against.  Values are
data, never Python reprs: bytes as text with an encoding flag, wait statuses
decoded beside the raw number, signals by name beside their number, and the fd
of a read or write annotated with what it refers to.  With a seed and
--virtual-time the file is the same, byte for byte, on every run; with real
time only times differ (the "time" fields, the clocks and file times that
programs read).
"""
from __future__ import annotations

import base64
import json

from kernel import abi
from kernel import trace as ev

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SCHEMA_VERSION = 1

# Every record's fields: name -> JSON type(s).  Events also carry seq (their
# order), tick (CPU ticks so far) and time (seconds since boot), and
# "harness": true when the process is the machine's own (init, the login shell
# before it runs the command).  "value" is any JSON value (see data()).
STATUS = {"status": "int", "exited": "int?", "signal": "int?", "signame": "str?", "core": "bool?",
          "stopped": "int?", "continued": "bool?"}
EVENT = {"seq": "int", "tick": "int", "time": "num", "harness": "bool?"}
SCHEMA: dict[str, dict[str, str]] = {
    "header": {"schema": "int", "vshell": "str", "seed": "int?", "virtual_time": "bool",
               "policy": "str", "quantum": "int", "fork_first": "str", "user": "str",
               "fs_size": "int", "mounts": "list", "argv": "list", "limits": "dict", "kinds": "list"},
    "SyscallEnter": {**EVENT, "pid": "int", "name": "str", "args": "list", "fd": "dict?"},
    "SyscallExit": {**EVENT, "pid": "int", "name": "str", "result": "value", "errno": "int",
                    "error": "str?", "wait": "dict?"},
    "StateChange": {**EVENT, "pid": "int", "old": "str", "new": "str", "reason": "str"},
    "Switch": {**EVENT, "old": "int", "new": "int", "reason": "str"},
    "Tick": {**EVENT, "pid": "int"},
    "SignalSent": {**EVENT, "sender": "int", "pid": "int", "sig": "int", "signame": "str"},
    "SignalDelivered": {**EVENT, "pid": "int", "sig": "int", "signame": "str", "action": "str"},
    "Fork": {**EVENT, "parent": "int", "child": "int", "how": "str"},
    "Exec": {**EVENT, "pid": "int", "path": "str", "argv": "list"},
    "Load": {**EVENT, "pid": "int", "path": "str", "cached": "bool"},
    "Exit": {**EVENT, "pid": "int", **STATUS},
    "Reap": {**EVENT, "parent": "int", "child": "int", **STATUS},
    "Message": {**EVENT, "pid": "int", "text": "str"},
    "Deadlock": {**EVENT, "pids": "list"},
    "LimitHit": {**EVENT, "limit": "str"},
    "summary": {"end": "str", "limit": "str?", "status": "int", "events": "int", "ticks": "int",
                "processes": "list"},
}
# One entry of the summary's "processes".
PROCESS = {"pid": "int", "ppid": "int", "argv": "list", "state": "str", "where": "str?",
           "reaped_by": "int?", "harness": "bool", **{k: v for k, v in STATUS.items()},
           "status": "int?"}
FD_CALLS = frozenset({"read", "write", "pread", "pwrite", "readv", "writev"})


def data(value: Any) -> Any:
    """A system call's argument or result as JSON data."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        raw = bytes(value)
        try:
            return {"bytes": raw.decode("utf-8"), "encoding": "utf-8"}
        except UnicodeDecodeError:
            return {"bytes": base64.b64encode(raw).decode("ascii"), "encoding": "base64"}
    if isinstance(value, dict):
        return {str(k): data(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(data(v) for v in value)
    if isinstance(value, (list, tuple)) and not hasattr(value, "st_mode"):
        return [data(v) for v in value]
    if hasattr(value, "st_mode"):                     # a stat result
        return {name: getattr(value, name) for name in dir(value)
                if name.startswith("st_") and isinstance(getattr(value, name), (int, float))}
    return {"object": type(value).__name__}           # (never a repr: it is the program's)


def decoded(status: int) -> dict[str, Any]:
    """A wait status, raw and as abi.WIFEXITED and friends read it."""
    out: dict[str, Any] = {"status": status}
    if abi.WIFEXITED(status):
        out["exited"] = abi.WEXITSTATUS(status)
    elif abi.WIFSIGNALED(status):
        out["signal"] = abi.WTERMSIG(status)
        out["signame"] = signame(out["signal"])
        out["core"] = abi.WCOREDUMP(status)
    elif abi.WIFSTOPPED(status):
        out["stopped"] = abi.WSTOPSIG(status)
        out["signame"] = signame(out["stopped"])
    elif abi.WIFCONTINUED(status):
        out["continued"] = True
    return out


def signame(sig: int) -> str:
    return abi.SIGNAMES.get(sig) or str(sig)


def describe_fd(f) -> dict[str, Any]:
    """What an fd refers to: a terminal, a pipe (by number), a file by path."""
    if f.pipe is not None:
        if f.pipe.fifo is not None:
            return {"type": "fifo", "path": f.path}
        return {"type": "pipe", "pipe": f.pipe.id}
    if f.kind == "dev":
        return {"type": "terminal" if f.path in ("/dev/tty", "/dev/console") or f.channel
                else "device", "path": f.path}
    return {"type": f.kind, "path": f.path}


class JsonTrace:
    """The subscriber that writes the file, and keeps what the summary needs."""

    def __init__(self, k, path: str, header: dict[str, Any], kinds: tuple | None = None) -> None:
        self.k = k
        self.file = open(path, "w", encoding="utf-8")
        self.kinds = kinds                 # event classes to write (None: all)
        self.harness = {1}                 # pids that are the machine's own, not the command's
        self.login: int | None = None      # the login shell: init's first child
        self.procs: dict[int, dict[str, Any]] = {}
        self.events = 0
        self.write({"kind": "header", "schema": SCHEMA_VERSION, **header})
        self.unsubscribe = k.trace.subscribe(self.event)

    def write(self, record: dict[str, Any]) -> None:
        self.file.write(json.dumps(record, ensure_ascii=False) + "\n")

    def event(self, e: ev.Event) -> None:
        self.follow(e)
        if self.kinds is not None and not isinstance(e, self.kinds):
            return
        self.events += 1
        record = {"kind": e.kind, **e.fields()}
        record["time"] = round(e.time, 6)             # microseconds: no float noise
        pid = record.get("pid", record.get("parent"))
        if isinstance(e, ev.SyscallEnter):
            record["args"] = data(e.args)
            if e.name in FD_CALLS and e.args and isinstance(e.args[0], int):
                record["fd"] = self.fd_info(e.pid, e.args[0])
        elif isinstance(e, ev.SyscallExit):
            record["result"] = data(e.result)
            if e.errno:
                record["error"] = abi.ERRORCODE.get(e.errno, str(e.errno))
            elif e.name == "wait4" and e.result and e.result[0]:
                record["wait"] = {"pid": e.result[0], **decoded(e.result[1])}
        elif isinstance(e, (ev.SignalSent, ev.SignalDelivered)):
            record["signame"] = signame(e.sig)
        elif isinstance(e, (ev.Exit, ev.Reap)):
            record.update(decoded(e.status))
        elif isinstance(e, ev.Switch):
            pid = e.new
        elif isinstance(e, ev.Exec):
            record["argv"] = data(e.argv)
        if pid in self.harness:
            record["harness"] = True
        self.write(record)

    def fd_info(self, pid: int, fd: int) -> dict[str, Any] | None:
        p = self.k.procs.get(pid)
        try:
            return {"fd": fd, **describe_fd(p.fds.get(fd))}
        except (AttributeError, OSError):
            return None                                  # a bad fd: the call fails with EBADF

    def follow(self, e: ev.Event) -> None:
        """Keep each process's story for the summary (whatever the filter)."""
        if isinstance(e, ev.Fork):
            parent = self.procs.get(e.parent, {})
            self.procs[e.child] = {"pid": e.child, "ppid": e.parent,
                                   "argv": list(parent.get("argv", [])), "reaped_by": None}
            if e.parent == 1 and self.login is None:
                self.login = e.child
                self.harness.add(e.child)
        elif isinstance(e, ev.Exec):
            self.story(e.pid)["argv"] = [str(a) for a in e.argv]
            if e.pid == self.login and e.path != "/bin/sh":
                self.harness.discard(e.pid)          # sh -c's last command runs in its place
        elif isinstance(e, ev.Exit):
            self.story(e.pid)["status"] = e.status
        elif isinstance(e, ev.Reap):
            self.story(e.child)["reaped_by"] = e.parent

    def story(self, pid: int) -> dict[str, Any]:
        if pid not in self.procs:
            p = self.k.procs.get(pid)
            self.procs[pid] = {"pid": pid, "ppid": p.ppid if p else 0,
                               "argv": list(p.argv) if p else [], "reaped_by": None}
        return self.procs[pid]

    def where(self, pid: int) -> str | None:
        """FILE:LINE of a Python program; native code (the shell) has no line,
        so its own words stand there instead (`sh: waiting for pid 5`)."""
        p = self.k.procs.get(pid)
        if p is None:
            return None
        if p.native:
            return p.doing()
        at = p.where()
        return f"{at[0]}:{at[1]}" if at else None

    def summary(self, end: str, status: int) -> dict[str, Any]:
        k = self.k
        for p in k.procs:
            self.story(p.pid)
        processes = []
        for pid in sorted(self.procs):
            story = self.procs[pid]
            p = k.procs.get(pid)
            entry: dict[str, Any] = {"pid": pid, "ppid": story["ppid"], "argv": story["argv"]}
            entry["state"] = "reaped" if p is None else p.state.value
            entry["where"] = None if p is None or "status" in story else self.where(pid)
            entry["reaped_by"] = story["reaped_by"]
            entry["harness"] = pid in self.harness
            entry.update(decoded(story["status"]) if "status" in story else {"status": None})
            processes.append(entry)
        return {"kind": "summary", "end": end, "limit": k.run_limits.hit, "status": status,
                "events": self.events, "ticks": k.trace.tick, "processes": processes}

    def close(self, end: str | None = None, status: int | None = None) -> None:
        """The summary (when the run ended, not when it was cut short), then the file."""
        self.unsubscribe()
        if end is not None and status is not None:
            self.write(self.summary(end, status))
        self.file.close()
