"""The kernel side of the `picture` builtin: a /proc/trace request
`picture tree|fds PID|timeline spool M` draws the machine as the recording
shows it now, as SVG, into the asking shell's memory file M, which the shell
copies to its stdout or to -o's file (vshell/lecture.py's b_picture).

The first `picture` starts the recording (recorder.py) when `--web` has not:
the tree and the file model are of the machine as it is, the timeline covers
the ticks since the recording began.
"""
from __future__ import annotations

from kernel import abi
from kernel.errors import oserror

from . import svg
from .recorder import RECORDERS, recorder

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable


def draw(k: Any, words: list[str], requester: int) -> str:
    """The SVG a request asks for (and kept for --record FILE.html)."""
    drawing = drawn(k, words, requester)
    RECORDERS[id(k)].drawn.append(drawing)
    return drawing


def drawn(k: Any, words: list[str], requester: int) -> str:
    """The SVG of a request; OSError(ESRCH) for a process not there, EACCES
    for another user's files (as /proc/PID/fdinfo), EINVAL for nonsense."""
    fresh = id(k) not in RECORDERS
    rec = recorder(k)
    h = rec.history
    what = words[0] if words else ""
    if what == "tree":
        return svg.tree(h.now)
    if what == "fds" and len(words) > 1 and words[1].isdigit():
        pid = int(words[1])
        if pid not in h.now.procs:
            raise oserror(abi.ESRCH)
        asker = k.procs.get(requester)
        if asker is not None and asker.euid != 0 and h.now.procs[pid].uid != asker.uid:
            raise oserror(abi.EACCES)
        return svg.fds(h.now, pid)
    if what == "timeline":
        title = rec.policy()
        if fresh:
            title += "; recording began just now"
        return svg.timeline(h, len(h), title)
    raise oserror(abi.EINVAL)


def request(k: Any, words: list[str], requester: int, open_file: Callable[[int, int], Any]) -> None:
    """`picture WHAT... spool M`: the drawing into the requester's fd M."""
    from vshell.tracer import Sink
    if "spool" not in words[:-1] or not words[words.index("spool") + 1].isdigit():
        raise oserror(abi.EINVAL)
    fd = int(words[words.index("spool") + 1])
    out = open_file(requester, fd)
    if out is None:
        raise oserror(abi.EBADF)
    drawing = draw(k, words[:words.index("spool")], requester)
    sink = Sink(k, out)
    sink.write(drawing)
    sink.close()


def add_to_recording(path: str) -> None:
    """--record FILE.html: after the session as the terminal showed it, every
    picture drawn during it, and the timeline of the whole recording."""
    if not RECORDERS:
        return
    rec = next(iter(RECORDERS.values()))
    h = rec.history
    figures = rec.drawn + [svg.timeline(h, len(h), rec.policy())]
    body = "".join(f"<figure style='margin:1em 0'>{figure}</figure>\n" for figure in figures)
    section = f"<section><h2 style='font-family:sans-serif'>Pictures</h2>\n{body}</section>\n"
    with open(path, encoding="utf-8") as f:
        page = f.read()
    at = page.rfind("</body>")
    page = page[:at] + section + page[at:] if at >= 0 else page + section
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)
