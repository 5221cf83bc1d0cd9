"""vshell --web: tokens on every request, the pictures over the WebSocket with
time travel, the read-only view that cannot type, and the terminal in the
page (aiohttp's test client; no browser)."""
from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
import zlib
from typing import Any, Callable

import aiohttp
from aiohttp.test_utils import TestClient, TestServer

from test_picture_model import first, named, record
from vshell.web import server as web
from vshell.web.server import WebServer
from vshell.web.terminal import Hub

NODE = re.compile(r"data-pid='(\d+)' data-state='(\w+)' data-program=\"([^\"]+)\"")


class FakeRecorder:
    """A finished recording, as the server reads one (history and lock)."""

    def __init__(self, script: str) -> None:
        import threading
        self.history, _ = record(script)
        self.lock = threading.Lock()

    def policy(self) -> str:
        return "rr (quantum 10 ticks)"


def serve(script: str, test: Callable[[TestClient, WebServer, list[str]], Any]) -> None:
    """Run test(client, server, typed) against a server of script's recording."""
    hub = Hub()
    typed: list[str] = []
    hub.typed = typed.append
    server = WebServer(FakeRecorder(script), hub)  # type: ignore[arg-type]

    async def go() -> None:
        async with TestClient(TestServer(server.app())) as client:
            await test(client, server, typed)
    asyncio.run(go())


async def receive(ws: aiohttp.ClientWebSocketResponse, kind: str, timeout: float = 20) -> dict:
    """The next message of a kind (others are skipped)."""
    deadline = time.monotonic() + timeout
    while True:
        message = await asyncio.wait_for(ws.receive(), max(deadline - time.monotonic(), 0.01))
        data = decoded(message)
        if data["t"] == kind:
            return data


def decoded(message: aiohttp.WSMessage) -> dict:
    """A message as the page reads it: JSON text, or deflated JSON in binary."""
    if message.type == aiohttp.WSMsgType.BINARY:
        return json.loads(zlib.decompress(message.data))
    assert message.type == aiohttp.WSMsgType.TEXT, message
    return json.loads(message.data)


def nodes(frame: dict) -> list[tuple[str, str, str]]:
    return NODE.findall(frame["tree"])


def test_every_endpoint_wants_a_token():
    async def test(client: TestClient, server: WebServer, typed: list[str]) -> None:
        for path in ("/", "/?token=wrong", "/static/page.js", "/static/vendor/xterm.js?token=",
                     "/ws", "/ws?token=nope"):
            response = await client.get(path)
            assert response.status == 403, path
        for role in ("lecturer", "viewer"):
            token = server.token(role)
            page = await client.get(f"/?token={token}")
            assert page.status == 200 and f"token={token}" in await page.text()
            assert page.headers["Referrer-Policy"] == "no-referrer"
            script = await client.get(f"/static/vendor/xterm.js?token={token}")
            assert script.status == 200
    serve("true", test)


def test_the_two_tokens_differ_and_are_long():
    server = WebServer(None, Hub())
    lecturer, viewer = server.token("lecturer"), server.token("viewer")
    assert lecturer != viewer and len(lecturer) >= 32 and len(viewer) >= 32
    assert server.urls()["viewer"].startswith("http://127.0.0.1:")


def test_time_travel_shows_one_node_before_the_fork_and_two_after():
    async def test(client: TestClient, server: WebServer, typed: list[str]) -> None:
        h = server.recorder.history
        fork = first(h, lambda pic: len(named(pic, "p1.py")) == 2)
        ws = await client.ws_connect(f"/ws?token={server.token('viewer')}")
        assert (await receive(ws, "hello"))["role"] == "viewer"
        now = await receive(ws, "frame")
        assert now["live"] and now["i"] == now["n"] == len(h)
        await ws.send_str(json.dumps({"t": "seek", "i": fork - 1}))
        before = await receive(ws, "frame")
        assert not before["live"] and before["i"] == fork - 1
        assert [n for n in nodes(before) if n[2] == "p1.py"].__len__() == 1
        await ws.send_str(json.dumps({"t": "seek", "i": fork}))
        after = await receive(ws, "frame")
        assert len([n for n in nodes(after) if n[2] == "p1.py"]) == 2
        assert "fork -> child" in after["event"]
        child = max(int(pid) for pid, _, program in nodes(after) if program == "p1.py")
        await ws.send_str(json.dumps({"t": "select", "pid": child}))
        chosen = await receive(ws, "frame")
        assert chosen["pid"] == child and f"process {child} (p1.py" in chosen["fds"]
        await ws.send_str(json.dumps({"t": "seek", "i": None}))
        assert (await receive(ws, "frame"))["live"]
        await ws.close()
    serve("./p1.py", test)


def test_a_read_only_view_cannot_type_and_the_lecturer_can():
    async def test(client: TestClient, server: WebServer, typed: list[str]) -> None:
        viewer = await client.ws_connect(f"/ws?token={server.token('viewer')}")
        await viewer.send_str(json.dumps({"t": "in", "data": "rm -rf ~\r"}))
        assert (await receive(viewer, "refused"))["text"]
        await viewer.send_str(json.dumps({"t": "size", "rows": 5, "cols": 20}))
        await receive(viewer, "refused")
        lecturer = await client.ws_connect(f"/ws?token={server.token('lecturer')}")
        await lecturer.send_str(json.dumps({"t": "in", "data": "ls\r"}))
        await lecturer.send_str(json.dumps({"t": "size", "rows": 30, "cols": 100}))
        for _ in range(100):
            if typed:
                break
            await asyncio.sleep(0.01)
        assert typed == ["ls\r"]
        assert (server.hub.rows, server.hub.columns) == (30, 100)
        await viewer.close()
        await lecturer.close()
    serve("true", test)


def test_terminal_output_reaches_every_page_and_a_late_page_gets_the_screen():
    async def test(client: TestClient, server: WebServer, typed: list[str]) -> None:
        server.hub.output("before\r\n")
        early = await client.ws_connect(f"/ws?token={server.token('viewer')}")
        screen = Screen(early)
        await screen.until("before")
        server.hub.output("after\r\n")
        await screen.until("after")
        assert screen.text == "before\r\nafter\r\n"       # each once, in order
        late = await client.ws_connect(f"/ws?token={server.token('lecturer')}")
        assert (await receive(late, "reset"))["data"] == "before\r\nafter\r\n"
        await early.close()
        await late.close()
    serve("true", test)


def test_a_page_that_falls_behind_gets_a_fresh_screen_not_an_endless_queue():
    page = web.Page(None, "viewer")  # type: ignore[arg-type]
    for _ in range(10):
        page.send_output("x", web.QUEUE_LIMIT // 4)
    assert page.behind and page.out == [] and page.queued == 0
    page.send_frame("one")
    page.send_frame("two")
    assert page.frame == "two"              # only the newest picture is kept


def test_web_address_and_option_errors_are_one_line():
    for args, message in ((["--web", "x"], "not a port"), (["--web", "99999"], "not a port"),
                          (["--web", "0", "-c", "true"], "takes no -c")):
        done = subprocess.run([sys.executable, "-m", "vshell", *args], capture_output=True,
                              text=True, timeout=60, stdin=subprocess.DEVNULL)
        assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_an_address_in_use_is_one_line_and_nothing_after_it():
    # Before, asyncio's "Task was destroyed but it is pending!" and the task
    # followed the message: the pictures' pump was left running.
    import socket
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "vshell", "--web", f"127.0.0.1:{port}",
                               "--fresh", "--private", "--no-rc"], capture_output=True,
                              text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 1
    assert done.stderr.startswith(f"vshell: --web: cannot listen on 127.0.0.1:{port}: ")
    assert done.stderr.count("\n") == 1


# ---- the whole: vshell --web in a process of its own, driven over the socket ----------------

def test_the_page_terminal_runs_the_session_and_the_pictures_follow_it():
    proc = subprocess.Popen([sys.executable, "-m", "vshell", "--web", "127.0.0.1:0", "--fresh",
                             "--seed", "1", "--private", "--no-rc"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        urls = {}
        while len(urls) < 2:
            line = proc.stderr.readline()
            assert line, "vshell --web printed no URLs"
            found = re.search(r"(lecturer|read-only).*?(http://\S+)", line)
            if found:
                urls[found.group(1)] = found.group(2)
        asyncio.run(drive(urls["lecturer"], urls["read-only"]))
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=10)


async def drive(lecturer_url: str, viewer_url: str) -> None:
    base, token = lecturer_url.split("?token=")
    viewer_token = viewer_url.split("?token=")[1]
    async with aiohttp.ClientSession() as session:
        assert (await session.get(base + "?token=wrong")).status == 403
        lecturer = await session.ws_connect(f"{base}ws?token={token}")
        viewer = await session.ws_connect(f"{base}ws?token={viewer_token}")
        screen = Screen(lecturer)
        seen = Screen(viewer)
        await screen.until("student@vshell:~$")

        async def typed(keys: str, expect: str) -> None:
            await lecturer.send_str(json.dumps({"t": "in", "data": keys}))
            await screen.until(expect)

        await typed("echo hi there\r", "\r\nhi there\r\n")
        await typed("cat\r", "cat\r\n")
        await typed("abc\x7fd\r", "\b \bd\r\nabd\r\n")   # echo, backspace, then cat's copy
        await typed("\x04", "student@vshell:~$")
        await viewer.send_str(json.dumps({"t": "in", "data": "echo intruder\r"}))
        await seen.until("hi there")                      # the viewer sees the same terminal
        await typed("./zombie.py 30 &\r", "try ps")
        frame = await screen.frame(lambda f: any(state == "ZOMBIE" and program == "zombie.py"
                                                 for _, state, program in nodes(f)))
        assert frame["live"]
        await lecturer.send_str(json.dumps({"t": "seek", "i": 0}))
        past = await screen.frame(lambda f: not f["live"])
        assert {program for _, _, program in nodes(past)} <= {"init", "sh"}
        assert "intruder" not in screen.text
        await typed("kill %1; wait; true\r", "student@vshell:~$")
        await lecturer.send_str(json.dumps({"t": "in", "data": "exit\r"}))
        await screen.until_kind("ended")
        await lecturer.close()
        await viewer.close()


class Screen:
    """What one page has received: the terminal text and the last frame."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.text = ""
        self.frames: list[dict] = []
        self.kinds: set[str] = set()

    async def pump(self, done: Callable[[], bool], timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            left = deadline - time.monotonic()
            assert left > 0, f"timed out; the screen so far: {self.text[-500:]!r}"
            try:
                message = await asyncio.wait_for(self.ws.receive(), left)
            except asyncio.TimeoutError:
                raise AssertionError(f"timed out; the screen so far: {self.text[-800:]!r}") from None
            if message.type not in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
                raise AssertionError(f"the socket closed: {message}")
            data = decoded(message)
            self.kinds.add(data["t"])
            if data["t"] in ("out", "reset"):
                self.text += data["data"]
            elif data["t"] == "frame":
                self.frames.append(data)

    async def until(self, expect: str) -> None:
        start = len(self.text)
        await self.pump(lambda: expect in plain(self.text[max(0, start - len(expect)):]))

    async def until_kind(self, kind: str) -> None:
        await self.pump(lambda: kind in self.kinds)

    async def frame(self, test: Callable[[dict], bool]) -> dict:
        await self.pump(lambda: bool(self.frames) and test(self.frames[-1]))
        return self.frames[-1]


def plain(text: str) -> str:
    """Terminal output without its escape sequences."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


def test_a_slow_page_does_not_keep_the_last_words_from_the_others():
    """At the session's end every page is sent the last output and told that
    it ended; a page that has stopped reading (its buffers full) is given up
    on, not waited for while the pages after it hear nothing."""
    import socket
    server = WebServer(FakeRecorder("true"), Hub())  # type: ignore[arg-type]
    server.start()
    slow = socket.socket()
    slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    slow.connect(("127.0.0.1", server.port))
    slow.sendall((f"GET /ws?token={server.token('viewer')} HTTP/1.1\r\nHost: x\r\n"
                  "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    got: list[str] = []

    async def other() -> None:
        async with aiohttp.ClientSession() as session:
            url = f"http://127.0.0.1:{server.port}/ws?token={server.token('viewer')}"
            async with session.ws_connect(url, max_msg_size=0) as ws:
                for _ in range(200):            # the slow page's buffers fill up
                    server.hub.output("x" * (web.QUEUE_LIMIT // 2) + "\r\n")
                    await asyncio.sleep(0.01)
                server.hub.output("the last line\r\n")
                import threading
                threading.Thread(target=server.stop).start()
                async for message in ws:
                    if message.type in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
                        data = decoded(message)
                        got.append(data["t"])
                        if data["t"] in ("out", "reset") and "the last line" in data["data"]:
                            got.append("last line")
    try:
        asyncio.run(asyncio.wait_for(other(), 30))
    finally:
        slow.close()
    assert "last line" in got and got[-1] == "ended"


def test_a_page_behind_at_the_end_still_gets_the_last_words(monkeypatch):
    """A page whose writer waits on a full socket when the session ends (it
    reads again a moment later) is still sent the rest and told it ended: the
    writer is let finish, not cancelled (cancelling it broke the connection's
    drain waiter in aiohttp, and close() with it)."""
    import socket
    import threading
    monkeypatch.setattr(web, "LAST_WORDS", 60.0)   # (this page is not stuck: it reads again)
    server = WebServer(FakeRecorder("true"), Hub())  # type: ignore[arg-type]
    server.start()
    page = socket.socket()
    page.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    page.connect(("127.0.0.1", server.port))
    page.sendall((f"GET /ws?token={server.token('viewer')} HTTP/1.1\r\nHost: x\r\n"
                  "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    for _ in range(200):                        # its buffers fill up: its writer waits
        server.hub.output("x" * (web.QUEUE_LIMIT // 2) + "\r\n")
        time.sleep(0.01)
    stopping = threading.Thread(target=server.stop)
    stopping.start()
    got = b""
    page.settimeout(30)
    try:
        while not got.endswith(b"\x88\x02\x03\xe8"):     # (the text, then the close frame:
                                                            # one recv may bring either first)
            chunk = page.recv(1 << 16)
            if not chunk:
                break
            got += chunk
    finally:
        page.close()
        stopping.join(timeout=30)
    assert got.endswith(b'{"t": "ended"}' + b"\x88\x02\x03\xe8")   # then the close frame (1000)


def test_the_sliders_words_for_an_exit_decode_its_status():
    from kernel import trace as ev
    from vshell.web.server import describe
    assert describe(ev.Exit(4, 256)) == "[pid 4] +++ exited with 1 +++"
    assert describe(ev.Exit(5, 9)) == "[pid 5] +++ killed by SIGKILL +++"


def test_each_message_is_encoded_once_for_every_page(monkeypatch):
    """Output and pictures are encoded (and a long one deflated) once, not once
    per page: with 300 pages, doing it per page kept the lecturer's echo late."""
    encoded: list[dict] = []
    real = web.encode
    monkeypatch.setattr(web, "encode", lambda message: encoded.append(message) or real(message))

    async def test(client: TestClient, server: WebServer, typed: list[str]) -> None:
        pages = [await client.ws_connect(f"/ws?token={server.token('viewer')}") for _ in range(5)]
        for ws in pages:
            await receive(ws, "frame")
        encoded.clear()
        server.hub.output("y" * 5000 + "\r\n")          # long: deflated, in a binary frame
        server.shown = -1                                 # and the pictures drawn again
        kinds = []
        for ws in pages:
            message = await ws.receive()
            assert message.type == aiohttp.WSMsgType.BINARY
            kinds.append(decoded(message)["t"])
        for ws in pages:
            await receive(ws, "frame")
        assert [m["t"] for m in encoded].count("out") == 1, encoded
        assert [m["t"] for m in encoded].count("frame") == 1
        assert kinds == ["out"] * 5
        for ws in pages:
            await ws.close()
    serve("true", test)


def test_the_websocket_declines_per_page_compression():
    async def test(client: TestClient, server: WebServer, typed: list[str]) -> None:
        ws = await client.ws_connect(f"/ws?token={server.token('viewer')}", compress=15)
        assert ws.compress == 0                  # (the server deflates long messages itself)
        await ws.close()
    serve("true", test)


def test_the_sliders_words_are_the_live_traces():
    """One source for an event's words: the slider says what `trace` says,
    and a system call as strace writes it (data kept as its length only)."""
    from kernel import trace as ev
    from vshell.tracer import format_event
    from vshell.web.model import slim
    from vshell.web.server import describe, entry
    events = [ev.Fork(3, 4, "replay"), ev.StateChange(4, "NEW", "READY", "created"), ev.Reap(3, 4, 0)]
    for e in events:
        assert describe(e) == format_event(e, {})
    write = slim(ev.SyscallEnter(3, "write", (1, b"hello\n")))
    done = slim(ev.SyscallExit(3, "write", 6, 0))
    history = [write, ev.StateChange(3, "RUNNING", "READY", "preempted"), done]
    assert describe(write) == "[pid 3] write(1, ..., 6)"
    assert entry(history, 2) is write
    assert describe(done, entry(history, 2)) == "[pid 3] write(1, ..., 6) = 6"
    read = slim(ev.SyscallExit(3, "read", b"abc", 0))
    assert describe(read, ev.SyscallEnter(3, "read", (0, 4096))) == "[pid 3] read(0, ..., 4096) = 3"
    assert describe(ev.SyscallExit(3, "close", None, 9)) == "[pid 3] close(...) = -1 EBADF (Bad file descriptor)"


def test_read_only_views_follow_the_lecturers_slider_unless_they_moved_their_own():
    async def test(client: TestClient, server: WebServer, typed: list[str]) -> None:
        n = len(server.recorder.history)
        lecturer = await client.ws_connect(f"/ws?token={server.token('lecturer')}")
        follower = await client.ws_connect(f"/ws?token={server.token('viewer')}")
        loner = await client.ws_connect(f"/ws?token={server.token('viewer')}")
        for ws in (lecturer, follower, loner):
            assert (await receive(ws, "frame"))["live"]
        await loner.send_str(json.dumps({"t": "seek", "i": 3}))     # a slider of its own
        assert (await receive(loner, "frame"))["i"] == 3
        await lecturer.send_str(json.dumps({"t": "seek", "i": 7}))  # "just before the fork"
        assert (await receive(lecturer, "frame"))["i"] == 7
        shown = await receive(follower, "frame")
        assert shown["i"] == 7 and not shown["live"]
        late = await client.ws_connect(f"/ws?token={server.token('viewer')}")
        assert (await receive(late, "frame"))["i"] == 7              # joins where the lecture is
        await loner.send_str(json.dumps({"t": "seek", "i": None}))  # "now": follow again
        assert (await receive(loner, "frame"))["i"] == 7
        await lecturer.send_str(json.dumps({"t": "seek", "i": None}))
        for ws in (lecturer, follower, loner, late):
            back = await receive(ws, "frame")
            assert back["live"] and back["i"] == n
        await lecturer.send_str(json.dumps({"t": "seek", "i": 5}))
        assert (await receive(follower, "frame"))["i"] == 5
        await lecturer.close()                                      # (a reload of its page:)
        again = await client.ws_connect(f"/ws?token={server.token('lecturer')}")
        assert (await receive(again, "frame"))["live"]
        assert (await receive(follower, "frame"))["live"]           # the lecture is at now
        for ws in (again, follower, loner, late):
            await ws.close()
    serve("./p1.py", test)


def test_a_new_window_size_is_passed_on_once():
    hub = Hub()
    told: list[tuple[int, int]] = []
    hub.resized = lambda: told.append((hub.rows, hub.columns))
    hub.resize(30, 100)
    hub.resize(30, 100)                 # the same size again: no signal
    hub.resize(2000, 1)                 # bounded
    assert told == [(30, 100), (500, 10)]
