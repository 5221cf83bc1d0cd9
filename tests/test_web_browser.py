"""vshell --web in a real browser: headless Chromium (Debian's `chromium`)
driven by Playwright, against a real `vshell --web` in a process of its own.

The lecturer types the chapter's demos into the page's terminal (xterm.js)
and the tests look at what the page shows: the terminal's rows and the SVG
pictures' marks (`g.node[data-pid]`, `line.edge`, `g.pipe[data-fds]`,
`g.fd` -> `g.file[data-target]`).  A demo is over before the next picture
is sent, so its processes are found by time travel, as a lecturer does it:
Alt+Left, one event back at a time, until the picture shows them.  Every
wait is for a condition in the page, never for an amount of time.

Playwright's async API, on an event loop of this module's own that runs only
inside each test: its sync API runs on greenlets, which the host guard
(installed by other tests in this process) takes for a virtual process's,
and it would leave a loop running under the tests after it.

Screenshots of a few moments are saved in tests/screenshots/ (git-ignored)
for a person to look at.  Without Chromium (or Playwright) these tests are
skipped, saying why; with VSHELL_REQUIRE_BROWSER=1 (as .ci/run sets it) that
is a failure instead.
"""
from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from typing import Any, Coroutine, Iterator

import pytest

CHROMIUM = os.environ.get("VSHELL_CHROMIUM", "/usr/bin/chromium")
HERE = os.path.dirname(os.path.abspath(__file__))
DEMOS = os.path.join(os.path.dirname(HERE), "programs", "demos")
SHOTS = os.path.join(HERE, "screenshots")
# Chromium on a closed network: no first-run, sync, component updates or other
# background connections (refused here, and slow to give up on).
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT = 30_000                   # ms for any one condition: generous, for a busy machine
TEST_LIMIT = 120                # seconds for a whole test (a pass takes a few)
BACK_LIMIT = 400                # events a test may step back through


def missing() -> str | None:
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium; or set VSHELL_CHROMIUM)"
    return None


class Browser:
    """One Chromium for the module, with a user-data directory of its own,
    fresh each run; each test opens its own pages."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.profile = tempfile.mkdtemp(prefix="vshell-chromium-")
        self.playwright: Any = None
        self.context: Any = None
        self.pages: list[Any] = []

    def run(self, work: Coroutine[Any, Any, Any]) -> Any:
        """A test's work, then its pages closed."""
        try:
            return self.loop.run_until_complete(asyncio.wait_for(work, TEST_LIMIT))
        finally:
            self.loop.run_until_complete(self.close_pages())

    async def new_page(self) -> Any:
        page = await self.context.new_page()
        self.pages.append(page)
        return page

    async def close_pages(self) -> None:
        for page in self.pages:
            await page.close()
        self.pages.clear()

    async def start(self) -> None:
        from playwright.async_api import async_playwright
        self.playwright = await async_playwright().start()
        self.context = await self.playwright.chromium.launch_persistent_context(
            self.profile, executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport={"width": 1400, "height": 900}, timeout=WAIT)
        self.context.set_default_timeout(WAIT)

    async def stop(self) -> None:
        if self.context is not None:
            await self.context.close()
        if self.playwright is not None:
            await self.playwright.stop()

    def close(self) -> None:
        try:
            self.loop.run_until_complete(self.stop())
        finally:
            self.loop.close()
            shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    why = missing()
    if why is not None:
        if os.environ.get("VSHELL_REQUIRE_BROWSER") == "1":
            pytest.fail(f"VSHELL_REQUIRE_BROWSER=1 but {why}")
        pytest.skip(why)
    b = Browser()
    try:
        b.run(b.start())
        yield b
    finally:
        b.close()


class Session:
    """A `vshell --web` of its own: seeded, fresh, its two URLs.  What it says
    on stderr goes to a file (a pipe nobody reads could fill and stop it),
    shown when a test fails."""

    def __init__(self) -> None:
        self.log = tempfile.NamedTemporaryFile("w+", prefix="vshell-web-", suffix=".log")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "vshell", "--web", "127.0.0.1:0", "--fresh", "--seed", "1",
             "--private", "--no-rc"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.log, text=True)
        self.urls: dict[str, str] = {}
        deadline = time.monotonic() + WAIT / 1000
        while len(self.urls) < 2:
            assert self.proc.poll() is None, f"vshell --web ended: {self.said()}"
            assert time.monotonic() < deadline, f"vshell --web printed no URLs: {self.said()}"
            self.urls = dict(re.findall(r"(lecturer|read-only).*?(http://\S+)", self.said()))
            time.sleep(0.02)                  # (waiting for it to start: nothing is timed)

    def said(self) -> str:
        with open(self.log.name, encoding="utf-8", errors="replace") as f:
            return f.read()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
        self.proc.wait(timeout=30)
        self.log.close()


@pytest.fixture
def session() -> Iterator[Session]:
    s = Session()
    try:
        yield s
    finally:                          # (pytest shows it only for a test that failed)
        print(f"vshell --web said:\n{s.said()[-3000:]}")
        s.close()


async def open_page(browser: Browser, url: str) -> Any:
    """A page on url, once it shows the shell in the picture and its prompt."""
    page = await browser.new_page()
    response = await page.goto(url)
    assert response is not None and response.status == 200
    await page.wait_for_function("() => document.querySelector('#tree g.node[data-program=\"sh\"]')"
                                 " !== null")              # (the login shell is in the picture)
    await wait_screen(page, "student@vshell:~$ ")
    return page


# ---- what the page shows ----------------------------------------------------------------

ROWS = "document.querySelector('#terminal .xterm-rows').innerText.replace(/\\u00a0/g, ' ')"


async def screen(page: Any) -> str:
    """The terminal's rows as shown (xterm.js's DOM renderer, which draws
    only while its page is in front: the helpers bring it there)."""
    return str(await page.evaluate(f"() => {ROWS}"))


async def wait_screen(page: Any, words: str) -> None:
    await page.bring_to_front()
    await page.wait_for_function(f"(w) => {ROWS}.includes(w)", arg=words)


async def typed(page: Any, line: str, done: str = "") -> None:
    """Type a line into the page's terminal, key by key, and wait for the
    output `done` (words the typed line does not show) and the next prompt."""
    await page.bring_to_front()
    prompts = (await screen(page)).count("$ ")
    await page.locator("#terminal").click()
    await page.keyboard.type(line + "\n")
    if done:
        await wait_screen(page, done)
    await page.wait_for_function(f"(n) => {ROWS}.split('$ ').length - 1 > n", arg=prompts)


async def nodes(page: Any) -> list[dict[str, str]]:
    """The process graph's boxes: pid, state, program."""
    return await page.evaluate("() => [...document.querySelectorAll('#tree g.node')].map(g => "
                               "({pid: g.dataset.pid, state: g.dataset.state, "
                               "program: g.dataset.program}))")


async def slider(page: Any) -> tuple[int, int]:
    value, top = await page.evaluate("() => [Number(document.getElementById('slider').value), "
                                     "Number(document.getElementById('slider').max)]")
    return value, top


PAST = "document.querySelector('header').classList.contains('past')"


async def strips(page: Any) -> list[str]:
    """The pids of the timeline's strips: every process since the recording began."""
    return await page.evaluate("() => [...document.querySelectorAll('#timeline g.strip')]"
                               ".map(g => g.dataset.pid)")


async def wait_live_after(page: Any, before: list[str]) -> None:
    """Until the page shows a live picture in which processes begun after
    `before` (the strips then) have come and gone: the command has run."""
    await page.bring_to_front()
    await page.wait_for_function(
        f"""(before) => {{ if ({PAST}) return false;
          const born = [...document.querySelectorAll('#timeline g.strip')]
            .map(g => g.dataset.pid).filter(pid => !before.includes(pid));
          return born.length > 0 && born.every(pid =>
            document.querySelector(`#tree g.node[data-pid="${{pid}}"]`) === null); }}""", arg=before)


async def back_until(page: Any, test: str, arg: Any = None) -> None:
    """Alt+Left, one event back at a time, until the page's `test` (a JS
    function of arg) holds for the picture shown."""
    await page.bring_to_front()
    seen: list[tuple[int, int]] = []
    for _ in range(BACK_LIMIT):
        if await page.evaluate(test, arg):
            return
        i, n = await slider(page)
        seen.append((i, n))
        assert i > 0, f"stepped back to the recording's start without seeing it: {seen}"
        await page.keyboard.press("Alt+ArrowLeft")
        await page.wait_for_function("(i) => Number(document.getElementById('slider').value) < i",
                                     arg=i)
    raise AssertionError(f"not seen within {BACK_LIMIT} events back")


async def shot(page: Any, name: str) -> None:
    picture = await page.screenshot()       # (written here: Playwright would write it from
    os.makedirs(SHOTS, exist_ok=True)       # a thread of its own, which the host guard refuses)
    with open(os.path.join(SHOTS, name + ".png"), "wb") as f:
        f.write(picture)


def fork_line(program: str) -> int:
    """The line of a demo's os.fork() (where the picture says its process is)."""
    with open(os.path.join(DEMOS, program), encoding="utf-8") as f:
        return next(n for n, line in enumerate(f, 1) if "os.fork()" in line)


# ---- the tests ------------------------------------------------------------------------------

TWO_P1 = """(pids) => document.querySelectorAll('#tree g.node[data-program="p1.py"]').length == 2
  && document.querySelector(`#tree line.edge[data-parent="${pids[0]}"][data-child="${pids[1]}"]`) !== null"""
ONE_P1 = """() => document.querySelectorAll('#tree g.node[data-program="p1.py"]').length == 1"""
BEFORE_FORK = """(line) => { const p1 = document.querySelectorAll('#tree g.node[data-program="p1.py"]');
  return p1.length == 1 && p1[0].textContent.includes(`p1.py:${line}`); }"""


def test_p1_shows_its_output_and_two_nodes_and_before_the_fork_one(browser: Browser,
                                                                  session: Session) -> None:
    async def test() -> None:
        lecturer = await open_page(browser, session.urls["lecturer"])
        before = await strips(lecturer)
        await typed(lecturer, "./p1.py", "parent of")
        out = await screen(lecturer)
        parent = re.search(r"hello \(pid:(\d+)\)", out)
        child = re.search(r"parent of (\d+) \(pid:(\d+)\)", out)
        assert parent and child and child.group(2) == parent.group(1), out
        assert f"child (pid:{child.group(1)})" in out
        pids = [parent.group(1), child.group(1)]
        await wait_live_after(lecturer, before)
        await back_until(lecturer, TWO_P1, pids)      # after the fork: parent -> child
        shown = {node["pid"]: node["program"] for node in await nodes(lecturer)}
        assert shown[pids[0]] == shown[pids[1]] == "p1.py"
        assert await lecturer.evaluate(f"() => {PAST}")
        await shot(lecturer, "p1-after-the-fork")
        await back_until(lecturer, ONE_P1)            # just before the fork: one p1
        assert pids[1] not in {node["pid"] for node in await nodes(lecturer)}
        box = await lecturer.locator(f'#tree g.node[data-pid="{pids[0]}"]').text_content()
        assert f"p1.py:{fork_line('p1.py')}" in box   # at the line of the fork
        await shot(lecturer, "p1-before-the-fork")
        await lecturer.keyboard.press("Alt+End")      # back to now: live again
        await lecturer.wait_for_function(f"() => !{PAST}")
        assert not await lecturer.query_selector_all('#tree g.node[data-program="p1.py"]')
    browser.run(test())


PIPE = """() => { const p = document.querySelector('#tree g.pipe[data-fds="1-0"]');
  if (!p) return null;
  const from = document.querySelector(`#tree g.node[data-pid="${p.dataset.from}"]`);
  const to = document.querySelector(`#tree g.node[data-pid="${p.dataset.to}"]`);
  return [from.dataset.program, to.dataset.program, p.textContent]; }"""
LS_PIPE = """() => document.querySelector('#tree g.pipe[data-fds="1-0"]') !== null
  && document.querySelector('#tree g.node[data-program="ls"]') !== null"""


def test_a_pipe_is_an_arrow_from_fd_1_to_fd_0(browser: Browser, session: Session) -> None:
    async def test() -> None:
        lecturer = await open_page(browser, session.urls["lecturer"])
        before = await strips(lecturer)
        await typed(lecturer, "ls | wc -l")
        assert re.search(r"^\s*\d+\s*$", (await screen(lecturer)).split("ls | wc -l")[-1], re.M)
        await wait_live_after(lecturer, before)
        await back_until(lecturer, LS_PIPE)
        writer, reader, label = await lecturer.evaluate(PIPE)
        assert (writer, reader) == ("ls", "wc")
        assert re.fullmatch(r"pipe \d+: fd 1 → fd 0", label), label
        await shot(lecturer, "ls-pipe-wc")
    browser.run(test())


P4_CHILD = """() => { const wc = document.querySelector('#tree g.node[data-program="wc"]');
  return wc !== null && wc.dataset.state !== 'ZOMBIE' ? wc.dataset.pid : null; }"""
FD_TARGET = """(fd) => { const row = document.querySelector(`#fds g.fd[data-fd="${fd}"]`);
  if (!row) return null;
  return document.querySelector(`#fds g.file[data-file="${row.dataset.file}"]`).dataset.target; }"""


def test_p4s_child_has_fd_1_on_p4_output(browser: Browser, session: Session) -> None:
    async def test() -> None:
        lecturer = await open_page(browser, session.urls["lecturer"])
        before = await strips(lecturer)
        await typed(lecturer, "./p4.py")
        await typed(lecturer, "cat p4.output")             # wc's count went into the file
        assert re.search(r"^\s*\d+\s+\d+\s+\d+ p4\.py\s*$", await screen(lecturer), re.M)
        await wait_live_after(lecturer, before)
        await back_until(lecturer, P4_CHILD)               # the child, now running wc
        child = await lecturer.evaluate(P4_CHILD)
        i = (await slider(lecturer))[0]
        await lecturer.locator(f'#tree g.node[data-pid="{child}"]').click()   # its files
        await lecturer.wait_for_function(f"() => document.querySelector('#tree g.node"
                                         f"[data-pid=\"{child}\"] rect').getAttribute("
                                         "'stroke-width') === '3'")
        assert (await slider(lecturer))[0] == i            # (choosing one keeps the moment)
        title = await lecturer.locator("#fds svg title").text_content()
        assert title.startswith(f"process {child} (wc,"), title
        assert (await lecturer.evaluate(FD_TARGET, 1)).split("/")[-1] == "p4.output"
        assert await lecturer.evaluate(FD_TARGET, 0) == "terminal"
        await shot(lecturer, "p4-child-files")
    browser.run(test())


def test_the_read_only_view_sees_the_same_and_cannot_type(browser: Browser,
                                                            session: Session) -> None:
    async def test() -> None:
        lecturer = await open_page(browser, session.urls["lecturer"])
        viewer = await open_page(browser, session.urls["read-only"])
        assert "read-only" in await viewer.locator("#role").inner_text()
        await typed(lecturer, "./p2.py", "parent of")
        await wait_screen(viewer, "parent of")
        await same_pictures(lecturer, viewer)
        await viewer.bring_to_front()
        await viewer.locator("#terminal").click()
        await viewer.keyboard.type("echo intruder\n")
        await viewer.wait_for_function("() => document.getElementById('role').innerText"
                                       ".includes('refused')")
        await typed(lecturer, "echo still $((40 + 2))", "still 42")
        assert "intruder" not in await screen(lecturer) + await screen(viewer)
        await shot(viewer, "read-only-view")
    browser.run(test())


async def same_pictures(a: Any, b: Any) -> None:
    """Both pages, following now, show the very same pictures once the
    machine rests (its shell waiting for a line)."""
    tree = ("() => [Number(document.getElementById('slider').max), "
            "document.getElementById('tree').innerHTML]")
    await b.bring_to_front()
    for _ in range(100):
        mine = await a.evaluate(tree)
        await b.wait_for_function(f"() => ({tree})()[0] >= {mine[0]}")
        if await b.evaluate(tree) == await a.evaluate(tree) == mine:
            return
    raise AssertionError("the read-only view's pictures are not the lecturer's")


def test_a_wrong_token_gets_403(browser: Browser, session: Session) -> None:
    async def test() -> None:
        page = await browser.new_page()
        base = session.urls["lecturer"].split("?")[0]
        for url in (base + "?token=wrong", base, base + "static/page.js"):
            response = await page.goto(url)
            assert response is not None and response.status == 403, url
            assert "403" in await page.locator("body").inner_text()
    browser.run(test())


def test_students_follow_the_lecturers_slider_unless_they_move_their_own(browser: Browser,
                                                                         session: Session) -> None:
    async def test() -> None:
        lecturer = await open_page(browser, session.urls["lecturer"])
        student = await open_page(browser, session.urls["read-only"])
        assert "following the lecturer" in await student.locator("#role").inner_text()
        await typed(lecturer, "./zombie.py 60 &", "try ps")     # (for the picture: a zombie
        await typed(lecturer, "sleep 60 | cat &")              # and a pipe)
        await lecturer.wait_for_function("() => document.querySelector("
                                         "'#tree g.node[data-program=\"cat\"]') !== null")
        before = await strips(lecturer)
        await typed(lecturer, "./p1.py", "parent of")
        await wait_live_after(lecturer, before)
        await wait_live_after(student, before)
        await back_until(lecturer, BEFORE_FORK, fork_line("p1.py"))   # the lecturer: just
                                                                       # before the fork
        i = (await slider(lecturer))[0]
        await student.bring_to_front()
        await student.wait_for_function(f"() => Number(document.getElementById('slider').value)"
                                        f" === {i} && {PAST}")
        assert await student.locator("#tree").inner_html() == await lecturer.locator("#tree").inner_html()
        await shot(student, "student-following-the-lecturer")
        await student.bring_to_front()
        await student.keyboard.press("Alt+Shift+ArrowLeft")      # a moment of the student's own
        await student.wait_for_function(f"() => Number(document.getElementById('slider').value)"
                                        f" === {i - 10}")
        assert "own moment" in await student.locator("#role").inner_text()
        await lecturer.bring_to_front()
        await lecturer.keyboard.press("Alt+End")     # the lecturer goes on; the student stays
        await lecturer.wait_for_function(f"() => !{PAST}")
        await typed(lecturer, "echo moved $((40 + 2))", "moved 42")
        await wait_screen(student, "moved 42")
        assert (await slider(student))[0] == i - 10
        await student.bring_to_front()
        await student.keyboard.press("Alt+End")      # "now": following the lecturer again
        await student.wait_for_function(f"() => !{PAST}")
        assert "following the lecturer" in await student.locator("#role").inner_text()
    browser.run(test())


# The handler writes with os.write: a print in a handler could land inside the
# main code's print and fail as a reentrant call (as in CPython).  "ready 42":
# words the typed line does not show, so the handler is in place when seen.
WINCH = ("python3 -c 'import os, signal; signal.signal(signal.SIGWINCH, lambda s, f: "
         "os.write(1, b\"window %d %d\\n\" % tuple(os.get_terminal_size()))); "
         "print(\"ready\", 6 * 7); [signal.pause() for _ in iter(int, 1)]'")


def test_a_resized_page_signals_the_foreground_program_with_the_new_size(browser: Browser,
                                                                           session: Session) -> None:
    async def test() -> None:
        lecturer = await open_page(browser, session.urls["lecturer"])
        await lecturer.locator("#terminal").click()
        await lecturer.keyboard.type(WINCH + "\n")
        await wait_screen(lecturer, "ready 42")
        await lecturer.set_viewport_size({"width": 1000, "height": 700})
        await lecturer.wait_for_function(f"() => /window \\d+ \\d+/.test({ROWS})")
        rows, cols = await lecturer.evaluate("() => [term.rows, term.cols]")
        assert f"window {cols} {rows}" in await screen(lecturer)   # (os.terminal_size: columns, lines)
        await lecturer.keyboard.press("Control+C")                 # and the prompt is back
        await lecturer.wait_for_function(f"() => {ROWS}.trimEnd().endsWith('$')")
    browser.run(test())
