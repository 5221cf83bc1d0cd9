"""The three pictures as standalone SVG: the process graph, a process's file
model, the timeline.  Laid out here, in Python, so that `picture -o` on the
prompt and the web page show the very same drawing.

Every mark a test (or the page's script) needs to find has a class and data
attributes: `g.node[data-pid]`, `line.edge[data-parent][data-child]`,
`g.pipe[data-pipe][data-from][data-to][data-fds]`, `g.fd[data-fd][data-file]`,
`g.file[data-file][data-target]`, `g.strip[data-pid]`.
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from .model import History, Picture, Strip

STATE_COLOURS = {"RUNNING": "#4caf50", "READY": "#ffd54f", "BLOCKED": "#64b5f6",
                 "STOPPED": "#ba68c8", "ZOMBIE": "#bdbdbd", "NEW": "#ffffff", "GONE": "none"}
NODE_W, NODE_H, GAP_X, GAP_Y = 164, 58, 24, 56
FONT = "font-family='DejaVu Sans Mono, Menlo, monospace' font-size='12'"


def document(width: float, height: float, body: list[str], title: str) -> str:
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width:.0f}' height='{height:.0f}' "
            f"viewBox='0 0 {width:.0f} {height:.0f}' {FONT}>\n<title>{escape(title)}</title>\n"
            "<defs><marker id='arrow' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='7' "
            "markerHeight='7' orient='auto-start-reverse'><path d='M0,0 L10,5 L0,10 z' "
            "fill='#d84315'/></marker>"
            "<marker id='point' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='6' "
            "markerHeight='6' orient='auto'><path d='M0,0 L10,5 L0,10 z' fill='#333'/></marker>"
            "</defs>\n<rect width='100%' height='100%' fill='white'/>\n" + "\n".join(body) + "\n</svg>\n")


def text(x: float, y: float, words: str, **attrs: str) -> str:
    extra = "".join(f" {name.replace('_', '-')}={quoteattr(value)}" for name, value in attrs.items())
    return f"<text x='{x:.1f}' y='{y:.1f}'{extra}>{escape(words)}</text>"


# ---- the process graph ----------------------------------------------------------------

def layout(pic: Picture) -> dict[int, tuple[float, float]]:
    """A tidy tree: each process's column is the middle of its children's
    (leaves side by side, in pid order), its row its depth from the roots."""
    where: dict[int, tuple[float, float]] = {}
    roots = sorted(p.pid for p in pic.procs.values() if p.ppid not in pic.procs or p.ppid == p.pid)
    column = [0]

    def place(pid: int, depth: int) -> float:
        kids = sorted(c.pid for c in pic.children(pid))
        if kids:
            xs = [place(c, depth + 1) for c in kids]
            x = (xs[0] + xs[-1]) / 2
        else:
            x = column[0]
            column[0] += 1
        where[pid] = (x, depth)
        return x
    for root in roots:
        place(root, 0)
    return {pid: (GAP_X + x * (NODE_W + GAP_X), GAP_Y / 2 + 30 + d * (NODE_H + GAP_Y))
            for pid, (x, d) in where.items()}


def tree(pic: Picture, title: str = "processes", selected: int | None = None) -> str:
    """Processes as boxes (state by colour), parent -> child edges, and pipes
    as arrows from the writer's box to the reader's, labelled with their fds."""
    at = layout(pic)
    body = [text(GAP_X, 20, f"{title} -- tick {pic.tick}", font_weight="bold")]
    for parent, child in pic.edges():
        (x1, y1), (x2, y2) = at[parent], at[child]
        body.append(f"<line class='edge' data-parent='{parent}' data-child='{child}' "
                    f"x1='{x1 + NODE_W / 2:.1f}' y1='{y1 + NODE_H:.1f}' x2='{x2 + NODE_W / 2:.1f}' "
                    f"y2='{y2:.1f}' stroke='#555' stroke-width='1.5' marker-end='url(#point)'/>")
    for pid in sorted(at):
        body.append(node(pic, pid, *at[pid], selected == pid))
    body += pipes(pic, at)
    width = max([x for x, _ in at.values()] + [0]) + NODE_W + GAP_X
    height = max([y for _, y in at.values()] + [0]) + NODE_H + GAP_Y + (40 if pic.pipes() else 0)
    return document(max(width, 320), height, body, title)


def node(pic: Picture, pid: int, x: float, y: float, selected: bool) -> str:
    p = pic.procs[pid]
    fill = STATE_COLOURS.get(p.state, "#eeeeee")
    border = "stroke='#d84315' stroke-width='3'" if selected else "stroke='#333' stroke-width='1'"
    dash = " stroke-dasharray='4 3'" if p.state == "ZOMBIE" else ""
    lines = [f"{pid}  {p.program}", f"{p.user}  {p.state}", p.pc if p.pc != "-" else ""]
    out = [f"<g class='node' data-pid='{pid}' data-state='{p.state}' data-program={quoteattr(p.program)}>",
           f"<rect x='{x:.1f}' y='{y:.1f}' width='{NODE_W}' height='{NODE_H}' rx='6' fill='{fill}' "
           f"{border}{dash}/>"]
    for i, line in enumerate(lines):
        shown = line if len(line) <= 21 else line[:20] + "…"
        out.append(text(x + 8, y + 17 + i * 15, shown, font_weight="bold" if i == 0 else "normal"))
    out.append("</g>")
    return "".join(out)


def pipes(pic: Picture, at: dict[int, tuple[float, float]]) -> list[str]:
    out = []
    for n, link in enumerate(pic.pipes()):
        for w, wfd in link.writers:
            for r, rfd in link.readers:
                if w == r:
                    continue
                (x1, y1), (x2, y2) = at[w], at[r]
                # Below the boxes, from the writer's bottom to the reader's:
                # the arrow never hides what a box says.
                x1, y1 = x1 + NODE_W * 0.7, y1 + NODE_H
                x2, y2 = x2 + NODE_W * 0.3, y2 + NODE_H
                mx, my = (x1 + x2) / 2, max(y1, y2) + 34 + 14 * n
                label = f"pipe {link.pipe}: fd {wfd} → fd {rfd}"
                out.append(f"<g class='pipe' data-pipe='{link.pipe}' data-from='{w}' data-to='{r}' "
                           f"data-fds='{wfd}-{rfd}'><path d='M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} "
                           f"{x2:.1f},{y2:.1f}' fill='none' stroke='#d84315' stroke-width='2' "
                           f"marker-end='url(#arrow)'/>" +
                           text(mx, (y1 + y2) / 4 + my / 2 + 14, label, text_anchor="middle",
                                fill="#d84315") + "</g>")
    return out


# ---- the file model -----------------------------------------------------------------

ROW = 40


def fds(pic: Picture, pid: int) -> str:
    """fd table -> open-file table -> inode, pipe or terminal, as the chapter draws
    it; an open file another process (or another fd) shares says so."""
    p = pic.procs[pid]
    table = pic.fd_table(pid)
    title = f"process {pid} ({p.program}, {p.state}): file descriptors -- tick {pic.tick}"
    body = [text(20, 20, title, font_weight="bold"),
            text(20, 48, "fd table"), text(150, 48, "open-file table"), text(520, 48, "inode / pipe")]
    files: list[int] = []
    for _, f, _ in table:
        if f.id not in files:
            files.append(f.id)
    targets: list[str] = []
    for fid in files:
        target = pic.files[fid].target().replace(" (read end)", "").replace(" (write end)", "")
        if target not in targets:
            targets.append(target)
    holders = sharing(pic)
    if not table:
        body.append(text(30, 80, "no open files" + (" (it has exited: a zombie holds none)"
                                                    if p.state == "ZOMBIE" else "")))
    for row, (fd, f, cloexec) in enumerate(table):
        y = 60 + row * ROW
        fy = 60 + files.index(f.id) * ROW
        body.append(f"<g class='fd' data-fd='{fd}' data-file='{f.id}'>"
                    f"<rect x='20' y='{y}' width='80' height='30' fill='#fff8e1' stroke='#333'/>" +
                    text(30, y + 20, f"{fd}" + ("  cloexec" if cloexec else "")) +
                    f"<line x1='100' y1='{y + 15}' x2='150' y2='{fy + 15}' stroke='#333' "
                    "marker-end='url(#point)'/></g>")
    for row, fid in enumerate(files):
        f = pic.files[fid]
        y = 60 + row * ROW
        target = f.target().replace(" (read end)", "").replace(" (write end)", "")
        ty = 60 + targets.index(target) * ROW
        offset = f"offset {f.offset}" if f.seekable else "no offset"
        others = [f"{q}:{fd}" for q, fd in holders.get(fid, []) if q != pid]
        shared = f"  shared with {', '.join(others)}" if others else ""
        body.append(f"<g class='file' data-file='{fid}' data-refs='{f.refs}' "
                    f"data-target={quoteattr(target)}>"
                    f"<rect x='150' y='{y}' width='320' height='30' fill='#e3f2fd' stroke='#333'/>" +
                    text(158, y + 13, f"#{fid} {f.mode}  {offset}  refs {f.refs}") +
                    text(158, y + 26, shared[2:] if shared else "", fill="#555", font_size="10") +
                    f"<line x1='470' y1='{y + 15}' x2='520' y2='{ty + 15}' stroke='#333' "
                    "marker-end='url(#point)'/></g>")
    for row, target in enumerate(targets):
        y = 60 + row * ROW
        body.append(f"<g class='target' data-target={quoteattr(target)}>"
                    f"<rect x='520' y='{y}' width='220' height='30' fill='#f1f8e9' stroke='#333'/>" +
                    text(528, y + 20, target if len(target) <= 28 else "…" + target[-27:]) + "</g>")
    height = 60 + max(len(table), 1) * ROW + 20
    return document(760, height, body, title)


def sharing(pic: Picture) -> dict[int, list[tuple[int, int]]]:
    """open file id -> every (pid, fd) that refers to it."""
    out: dict[int, list[tuple[int, int]]] = {}
    for p in sorted(pic.procs.values(), key=lambda p: p.pid):
        for fd, fid in sorted(p.fds.items()):
            out.setdefault(fid, []).append((p.pid, fd))
    return out


# ---- the timeline --------------------------------------------------------------------

STRIP_H, LABEL_W, PLOT_W = 22, 150, 720


def timeline(h: History, i: int, policy: str = "", last: int | None = None) -> str:
    """One strip per process: its state at each tick, by colour, up to event i
    (of the `last` newest processes only, when given)."""
    strips = h.strips_at(i)
    if last is not None and len(strips) > last:
        strips = strips[-last:]
    now = h.at(i).tick
    start = min((changes[0][0] for _, changes in strips), default=0)
    span = max(now - start, 1)
    scale = PLOT_W / span
    title = "timeline" + (f" -- {policy}" if policy else "") + f" -- tick {now}"
    body = [text(20, 20, title, font_weight="bold")]
    for row, (strip, changes) in enumerate(strips):
        body.append(strip_row(strip, changes, 40 + row * (STRIP_H + 6), start, now, scale))
    y = 40 + len(strips) * (STRIP_H + 6) + 10
    body.append(text(LABEL_W, y + 12, f"tick {start}") +
                text(LABEL_W + PLOT_W, y + 12, f"tick {now}", text_anchor="end"))
    for n, state in enumerate(("RUNNING", "READY", "BLOCKED", "STOPPED", "ZOMBIE")):
        x = LABEL_W + n * 110
        body.append(f"<rect x='{x}' y='{y + 22}' width='14' height='14' fill='{STATE_COLOURS[state]}' "
                    "stroke='#333'/>" + text(x + 20, y + 34, state))
    return document(LABEL_W + PLOT_W + 30, y + 50, body, title)


def strip_row(strip: Strip, changes: list[tuple[int, str]], y: float, start: int, now: int,
              scale: float) -> str:
    out = [f"<g class='strip' data-pid='{strip.pid}'>",
           text(20, y + 15, f"{strip.pid} {strip.name}"[:18])]
    for n, (tick, state) in enumerate(changes):
        end = changes[n + 1][0] if n + 1 < len(changes) else now
        if state == "GONE":
            break
        x = LABEL_W + (tick - start) * scale
        width = max((end - tick) * scale, 1.0 if end > tick or n + 1 == len(changes) else 0)
        if width <= 0:
            continue
        out.append(f"<rect class='span' data-state='{state}' data-from='{tick}' data-to='{end}' "
                   f"x='{x:.1f}' y='{y}' width='{width:.1f}' height='{STRIP_H}' "
                   f"fill='{STATE_COLOURS.get(state, '#eee')}' stroke='none'/>")
    out.append("</g>")
    return "".join(out)
