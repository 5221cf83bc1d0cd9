"""vshell --web in a real browser: headless Chromium (Debian's `chromium`)
driven by Playwright, against a real `vshell --web` in a process of its own.

The lecturer types the chapter's demos into the page's terminal (xterm.js)
and the tests look at what the page shows: the terminal's rows and the SVG
pictures' marks (`g.node[data-pid]`, `line.edge`, `g.pipe[data-fds]`,
`g.fd` -> `g.file[data-target]`).  A demo is over before the next picture
is sent, so its processes are found by time travel, as a lecturer does it:
Alt+Left, one event back at a time, until the picture shows them.  Every
wait is for a condition in the page, never for an amount of time.

Screenshots of a few moments are saved in tests/screenshots/ (git-ignored)
for a person to look at.  Without Chromium (or Playwright) these tests are
skipped, saying why; with VSHELL_REQUIRE_BROWSER=1 (as .ci/run sets it) that
is a failure instead.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from typing import Any, Iterator

import pytest

CHROMIUM = os.environ.get("VSHELL_CHROMIUM", "/usr/bin/chromium")
DEMOS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                     "programs", "demos")
SHOTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "screenshots")
# Chromium on a closed network: no first-run, sync, component updates or other
# background connections (refused here, and slow to give up on).
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT = 30_000                   # ms: generous, for a busy machine; a pass takes far less
BACK_LIMIT = 400                # events a test may step back through


def missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium; or set VSHELL_CHROMIUM)"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the whole run (each test gets fresh pages)."""
    why = missing()
    if why is not None:
        if os.environ.get("VSHELL_REQUIRE_BROWSER") == "1":
            pytest.fail(f"VSHELL_REQUIRE_BROWSER=1 but {why}")
        pytest.skip(why)
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory(prefix="vshell-chromium-") as profile, sync_playwright() as p:
        # (launch_persistent_context: a user-data directory of our own, fresh each run)
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport={"width": 1400, "height": 900}, timeout=WAIT)
        context.set_default_timeout(WAIT)
        yield context
        context.close()


class Session:
    """A `vshell --web` of its own: seeded, fresh, its two URLs."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "vshell", "--web", "127.0.0.1:0", "--fresh", "--seed", "1",
             "--private", "--no-rc"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.urls: dict[str, str] = {}
        assert self.proc.stderr is not None
        while len(self.urls) < 2:
            line = self.proc.stderr.readline()
            assert line, "vshell --web printed no URLs"
            found = re.search(r"(lecturer|read-only).*?(http://\S+)", line)
            if found:
                self.urls[found.group(1)] = found.group(2)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
        self.proc.wait(timeout=30)
        assert self.proc.stderr is not None
        self.proc.stderr.close()


@pytest.fixture
def session() -> Iterator[Session]:
    s = Session()
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def lecturer(browser: Any, session: Session) -> Iterator[Any]:
    page = open_page(browser, session.urls["lecturer"])
    yield page
    page.close()


def open_page(browser: Any, url: str) -> Any:
    page = browser.new_page()
    response = page.goto(url)
    assert response is not None and response.status == 200
    page.wait_for_function("() => document.querySelector('#tree g.node') !== null")
    wait_screen(page, "student@vshell:~$ ")
    return page


# ---- what the page shows ----------------------------------------------------------------

def screen(page: Any) -> str:
    """The terminal's rows as shown (xterm.js's DOM renderer), one a line."""
    text = page.evaluate("() => document.querySelector('#terminal .xterm-rows').innerText")
    return str(text).replace("\u00a0", " ")


def wait_screen(page: Any, words: str) -> None:
    page.wait_for_function("(w) => document.querySelector('#terminal .xterm-rows')"
                           ".innerText.replace(/\\u00a0/g, ' ').includes(w)", arg=words)


def typed(page: Any, line: str, done: str = "") -> None:
    """Type a line into the page's terminal, key by key, and wait for the
    output `done` and the next prompt after it."""
    prompts = screen(page).count("$ ")
    page.locator("#terminal").click()
    page.keyboard.type(line + "\n")
    if done:
        wait_screen(page, done)
    page.wait_for_function("(n) => document.querySelector('#terminal .xterm-rows').innerText"
                           ".replace(/\\u00a0/g, ' ').split('$ ').length - 1 > n", arg=prompts)


def nodes(page: Any) -> list[dict[str, str]]:
    """The process graph's boxes: pid, state, program."""
    return page.evaluate("() => [...document.querySelectorAll('#tree g.node')].map(g => "
                         "({pid: g.dataset.pid, state: g.dataset.state, program: g.dataset.program}))")


def slider(page: Any) -> tuple[int, int]:
    return page.evaluate("() => [Number(document.getElementById('slider').value), "
                         "Number(document.getElementById('slider').max)]")


def wait_live_after(page: Any, n: int) -> None:
    """Until the page shows a live picture of more than n events."""
    page.wait_for_function("(n) => { const s = document.getElementById('slider'); return "
                           "Number(s.max) > n && !document.querySelector('header').classList"
                           ".contains('past'); }", arg=n)


def back_until(page: Any, test: str, arg: Any = None) -> None:
    """Alt+Left, one event back at a time, until the page's `test` (a JS
    function of arg) holds for the picture shown."""
    for _ in range(BACK_LIMIT):
        if page.evaluate(test, arg):
            return
        i, _ = slider(page)
        assert i > 0, "stepped back to the recording's start without seeing it"
        page.keyboard.press("Alt+ArrowLeft")
        page.wait_for_function("(i) => Number(document.getElementById('slider').value) < i", arg=i)
    raise AssertionError(f"not seen within {BACK_LIMIT} events back")


def shot(page: Any, name: str) -> None:
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=os.path.join(SHOTS, name + ".png"))


def fork_line(program: str) -> int:
    """The line of a demo's os.fork() (where the picture says its process is)."""
    with open(os.path.join(DEMOS, program), encoding="utf-8") as f:
        return next(n for n, line in enumerate(f, 1) if "os.fork()" in line)


TWO_P1 = """(pids) => document.querySelectorAll('#tree g.node[data-program="p1.py"]').length == 2
  && document.querySelector(`#tree line.edge[data-parent="${pids[0]}"][data-child="${pids[1]}"]`) !== null"""
ONE_P1 = """() => document.querySelectorAll('#tree g.node[data-program="p1.py"]').length == 1"""


# ---- the tests ------------------------------------------------------------------------------

def test_p1_shows_its_output_and_two_nodes_and_before_the_fork_one(lecturer: Any) -> None:
    n = slider(lecturer)[1]
    typed(lecturer, "./p1.py", "parent of")
    out = screen(lecturer)
    parent = re.search(r"hello \(pid:(\d+)\)", out)
    child = re.search(r"parent of (\d+) \(pid:(\d+)\)", out)
    assert parent and child and child.group(2) == parent.group(1), out
    assert f"child (pid:{child.group(1)})" in out
    pids = [parent.group(1), child.group(1)]
    wait_live_after(lecturer, n)
    back_until(lecturer, TWO_P1, pids)          # the moment after the fork: parent -> child
    shown = {node["pid"]: node["program"] for node in nodes(lecturer)}
    assert shown[pids[0]] == shown[pids[1]] == "p1.py"
    assert lecturer.locator("header").get_attribute("class") == "past"
    shot(lecturer, "p1-after-the-fork")
    back_until(lecturer, ONE_P1)                # just before the fork: one p1
    assert pids[1] not in {node["pid"] for node in nodes(lecturer)}
    assert f"p1.py:{fork_line('p1.py')}" in lecturer.locator(f'#tree g.node[data-pid="{pids[0]}"]').text_content()
    shot(lecturer, "p1-before-the-fork")
    lecturer.keyboard.press("Alt+End")          # back to now: live again
    lecturer.wait_for_function("() => !document.querySelector('header').classList.contains('past')")
    assert not lecturer.query_selector_all('#tree g.node[data-program="p1.py"]')


PIPE = """() => { const p = document.querySelector('#tree g.pipe[data-fds="1-0"]');
  if (!p) return null;
  const from = document.querySelector(`#tree g.node[data-pid="${p.dataset.from}"]`);
  const to = document.querySelector(`#tree g.node[data-pid="${p.dataset.to}"]`);
  return [from.dataset.program, to.dataset.program, p.textContent]; }"""


def test_a_pipe_is_an_arrow_from_fd_1_to_fd_0(lecturer: Any) -> None:
    n = slider(lecturer)[1]
    typed(lecturer, "ls | wc -l")
    assert re.search(r"^\s*\d+\s*$", screen(lecturer).split("ls | wc -l")[-1], re.M)
    wait_live_after(lecturer, n)
    back_until(lecturer, "() => document.querySelector('#tree g.pipe[data-fds=\"1-0\"]') !== null"
               " && document.querySelector('#tree g.node[data-program=\"ls\"]') !== null")
    writer, reader, label = lecturer.evaluate(PIPE)
    assert (writer, reader) == ("ls", "wc")
    assert re.fullmatch(r"pipe \d+: fd 1 → fd 0", label), label
    shot(lecturer, "ls-pipe-wc")


P4_CHILD = """() => { const wc = document.querySelector('#tree g.node[data-program="wc"]');
  return wc !== null && wc.dataset.state !== 'ZOMBIE' ? wc.dataset.pid : null; }"""
FD_TARGET = """(fd) => { const row = document.querySelector(`#fds g.fd[data-fd="${fd}"]`);
  if (!row) return null;
  return document.querySelector(`#fds g.file[data-file="${row.dataset.file}"]`).dataset.target; }"""


def test_p4s_child_has_fd_1_on_p4_output(lecturer: Any) -> None:
    n = slider(lecturer)[1]
    typed(lecturer, "./p4.py")
    typed(lecturer, "cat p4.output", "p4.py")   # wc's count went into the file
    wait_live_after(lecturer, n)
    back_until(lecturer, P4_CHILD)              # the child, now running wc
    child = lecturer.evaluate(P4_CHILD)
    i = slider(lecturer)[0]
    lecturer.locator(f'#tree g.node[data-pid="{child}"]').click()   # its files, please
    lecturer.wait_for_function(f"() => document.querySelector('#tree g.node[data-pid=\"{child}\"] "
                               "rect').getAttribute('stroke-width') === '3'")
    assert slider(lecturer)[0] == i             # (choosing a process keeps the moment)
    title = lecturer.locator("#fds svg title").text_content()
    assert title.startswith(f"process {child} (wc,"), title
    assert lecturer.evaluate(FD_TARGET, 1).split("/")[-1] == "p4.output"
    assert lecturer.evaluate(FD_TARGET, 0) == "terminal"
    shot(lecturer, "p4-child-files")


def test_the_read_only_view_sees_the_same_and_cannot_type(browser: Any, session: Session,
                                                            lecturer: Any) -> None:
    viewer = open_page(browser, session.urls["read-only"])
    try:
        assert "read-only" in viewer.locator("#role").inner_text()
        typed(lecturer, "./p2.py", "parent of")
        wait_screen(viewer, "parent of")
        same_pictures(lecturer, viewer)
        viewer.locator("#terminal").click()
        viewer.keyboard.type("echo intruder\n")
        viewer.wait_for_function("() => document.getElementById('role').innerText.includes('refused')")
        typed(lecturer, "echo still mine", "still mine")
        assert "intruder" not in screen(lecturer) and "intruder" not in screen(viewer)
        shot(viewer, "read-only-view")
    finally:
        viewer.close()


def same_pictures(a: Any, b: Any) -> None:
    """Both pages, following now, show the very same pictures once the
    machine rests (its shell waiting for a line)."""
    tree = "() => [Number(document.getElementById('slider').max), document.getElementById('tree').innerHTML]"
    for _ in range(100):
        mine = a.evaluate(tree)
        b.wait_for_function(f"() => ({tree})()[0] >= {mine[0]}")
        if b.evaluate(tree) == a.evaluate(tree) == mine:
            return
    raise AssertionError("the read-only view's pictures are not the lecturer's")


def test_a_wrong_token_gets_403(browser: Any, session: Session) -> None:
    page = browser.new_page()
    try:
        base = session.urls["lecturer"].split("?")[0]
        for url in (base + "?token=wrong", base, base + "static/page.js"):
            response = page.goto(url)
            assert response is not None and response.status == 403, url
            assert "403" in page.locator("body").inner_text()
    finally:
        page.close()
