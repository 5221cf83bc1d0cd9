"""`vshell --web [HOST:]PORT`: the machine's terminal and pictures in a browser.

One page, two tokens.  The lecturer's URL carries a token that may type into
the terminal; the view URL another, for students: the same terminal output
and pictures, live, and no input -- their keys are refused by the server, not
merely hidden by the page.  Every request and WebSocket must carry one of the
two tokens (unguessable, made at start, as Jupyter's are), or gets 403; the
server listens on 127.0.0.1 unless told another host.

The server runs in a thread of its own (aiohttp on its own event loop); the
machine runs on vshell's main thread.  They share two things: the terminal
`Hub` (terminal.py) and the `Recorder`'s history (recorder.py), read under
its lock.  The server polls both -- terminal output every few milliseconds,
pictures at most ten times a second -- so a busy machine (a fork bomb,
`yes | head -n 100000`) costs the page one drawing per tenth of a second,
whatever it does.  Each page has its own bounded queue: a slow or vanished
page never holds back the machine or the others; a page that falls behind
gets a fresh copy of the screen instead of what it missed.

Each message is encoded once for every page that is sent it, not once per
page: its JSON, and, past COMPRESS_OVER bytes, deflated (zlib) into a binary
frame that the page inflates (DecompressionStream).  The WebSocket's own
per-message compression is declined, for it would deflate every message
again for each page (with 300 pages, that was the lecturer's echo late).

The protocol, as JSON (text frames, or binary ones deflated).  Server to page: {"t": "hello", "role"},
{"t": "out", "data"} (terminal output), {"t": "reset", "data"} (the whole
recent screen), {"t": "frame", "i", "n", "live", "pid", "event", "tree",
"fds", "timeline"} (the pictures after i of n events: a read-only page is
shown the lecturer's moment until it seeks one of its own), {"t": "refused"},
{"t": "ended"}.  Page to server: {"t": "in", "data"} and {"t": "size",
"rows", "cols"} (lecturer only), {"t": "seek", "i"} (i null: back to now),
{"t": "select", "pid"}.
"""
from __future__ import annotations

import asyncio
import hmac
import json
import os
import secrets
import threading
import zlib

from aiohttp import WSMsgType, web

from kernel import trace as ev
from vshell import strace
from vshell.tracer import format_event

from . import svg
from .model import At, Picture

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .recorder import Recorder
    from .terminal import Hub

STATIC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")
OUTPUT_EVERY = 0.01                 # seconds between terminal output flushes
FRAME_EVERY = 0.1                   # seconds between pictures, at most
QUEUE_LIMIT = 256 * 1024            # characters of output a page may fall behind by
LAST_WORDS = 1.0                    # seconds a page may take to be told the session ended
STRIPS_SHOWN = 40                   # processes on the page's timeline (the newest)
COMPRESS_OVER = 1024                # bytes of JSON past which a message is sent deflated
HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
           "X-Content-Type-Options": "nosniff"}


def encode(message: dict) -> str | bytes:
    """A message as every page is sent it: JSON, deflated if it is long."""
    text = json.dumps(message)
    if len(text) <= COMPRESS_OVER:
        return text
    return zlib.compress(text.encode("utf-8"), 6)


async def send(ws: web.WebSocketResponse, message: str | bytes) -> None:
    if isinstance(message, bytes):
        await ws.send_bytes(message)
    else:
        await ws.send_str(message)


class Page:
    """One connected page: its role, where in time it looks, what it waits for."""

    def __init__(self, ws: web.WebSocketResponse, role: str) -> None:
        self.ws = ws
        self.role = role
        self.position: int | None = None      # None: now, following the machine
        self.own = False                      # a viewer who moved its own slider (else it
                                              # is shown the lecturer's moment)
        self.pid: int | None = None           # the process whose file model it shows
        self.out: list[str | bytes] = []      # terminal output, encoded, in order
        self.queued = 0
        self.behind = False                   # dropped output: send the screen afresh
        self.frame: str | bytes | None = None
        self.ready = asyncio.Event()
        self.writer: asyncio.Future | None = None
        self.transport: asyncio.Transport | None = None     # its connection (cut off if stuck)

    def send_output(self, message: str | bytes, size: int) -> None:
        """Output (size characters of it), encoded once for every page."""
        if self.behind:
            return
        self.out.append(message)
        self.queued += size
        if self.queued > QUEUE_LIMIT:
            self.out.clear()
            self.queued = 0
            self.behind = True
        self.ready.set()

    def send_frame(self, frame: str | bytes) -> None:
        self.frame = frame                    # only the newest picture matters
        self.ready.set()


class WebServer:
    def __init__(self, recorder: Recorder | None, hub: Hub, host: str = "127.0.0.1",
                 port: int = 0) -> None:
        self.recorder = recorder
        self.hub = hub
        self.host, self.port = host, port
        self.tokens = {secrets.token_urlsafe(24): "lecturer", secrets.token_urlsafe(24): "viewer"}
        self.pages: list[Page] = []
        self.shown = -1                        # the history's length at the last live frame
        self.lecture: int | None = None        # the lecturer's moment (None: now)
        self.reset: tuple[int, str | bytes] | None = None   # (taken, the screen encoded) at that
        self.taken = 0                         # pieces of output taken from the hub so far
        self.loop: asyncio.AbstractEventLoop | None = None
        self.thread: threading.Thread | None = None
        self.runner: web.AppRunner | None = None
        self.pumping: asyncio.Future | None = None
        self.closing = False                   # the session ended: the pages' writers stop

    def token(self, role: str) -> str:
        return [t for t, r in self.tokens.items() if r == role][0]

    def urls(self) -> dict[str, str]:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return {role: f"http://{host}:{self.port}/?token={self.token(role)}"
                for role in ("lecturer", "viewer")}

    def role(self, request: web.Request) -> str | None:
        """Whose token the request carries (compared in constant time), or None."""
        given = request.query.get("token", "")
        found = None
        for token, role in self.tokens.items():
            if hmac.compare_digest(given.encode(), token.encode()):
                found = role
        return found

    # ---- the application ----------------------------------------------------------------

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self.check_token])
        app.router.add_get("/", self.index)
        app.router.add_get("/ws", self.websocket)
        app.router.add_get("/static/{name:[A-Za-z0-9_.-]+}", self.static)
        app.router.add_get("/static/vendor/{name:[A-Za-z0-9_.-]+}", self.static)
        app.on_startup.append(self.start_pump)
        return app

    @web.middleware
    async def check_token(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if self.role(request) is None:
            return web.Response(status=403, text="403: this page needs the URL vshell printed "
                                                 "(with its token)\n", headers=HEADERS)
        response = await handler(request)
        response.headers.update(HEADERS)
        return response

    async def index(self, request: web.Request) -> web.Response:
        with open(os.path.join(STATIC, "index.html"), encoding="utf-8") as f:
            page = f.read()
        token = request.query["token"]
        page = page.replace("{{token}}", token).replace("{{role}}", self.role(request) or "")
        return web.Response(text=page, content_type="text/html")

    async def static(self, request: web.Request) -> web.StreamResponse:
        under = "vendor" if "/vendor/" in request.path else ""
        path = os.path.join(STATIC, under, request.match_info["name"])
        if not os.path.isfile(path):
            raise web.HTTPNotFound()
        return web.FileResponse(path)

    async def websocket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(heartbeat=30, max_msg_size=1 << 20, compress=False)
        await ws.prepare(request)
        page = Page(ws, self.role(request) or "viewer")
        if page.role == "viewer":
            page.position = self.lecture          # (it joins the lecture where it is)
        page.transport = request.transport
        await ws.send_str(json.dumps({"t": "hello", "role": page.role}))
        page.behind = True                    # its first message: the screen so far
        page.ready.set()
        # The lecturer's page first: its writer is woken before the viewers'.
        self.pages.insert(0 if page.role == "lecturer" else len(self.pages), page)
        writer = page.writer = asyncio.ensure_future(self.write(page))
        try:
            if self.recorder is not None and page.role == "lecturer":
                self.seek(page, None)         # a lecturer's new page is at now: so is the lecture
            elif self.recorder is not None:
                page.send_frame(self.frame(page))
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    await self.received(page, message.data)
        finally:
            self.pages.remove(page)
            writer.cancel()
        return ws

    async def received(self, page: Page, data: str) -> None:
        try:
            message = json.loads(data)
            kind = message.get("t")
        except (ValueError, AttributeError):
            return
        if kind in ("in", "size") and page.role != "lecturer":
            await page.ws.send_str(json.dumps({"t": "refused", "text": "a read-only view: no input"}))
            return
        if kind == "in" and isinstance(message.get("data"), str):
            self.hub.typed(message["data"])
        elif kind == "size" and isinstance(message.get("rows"), int) and isinstance(message.get("cols"), int):
            self.hub.resize(message["rows"], message["cols"])
        elif self.recorder is None:
            return
        elif kind == "seek":
            i = message.get("i")
            self.seek(page, i if isinstance(i, int) and i >= 0 else None)
        elif kind == "select" and isinstance(message.get("pid"), int):
            page.pid = message["pid"]
            page.send_frame(self.frame(page))

    async def write(self, page: Page) -> None:
        """The page's own writer: what it is owed, as fast as it takes it."""
        while not page.ws.closed:
            await page.ready.wait()
            page.ready.clear()
            if self.closing:
                return                        # (close tells the page the rest)
            if page.behind:
                page.behind = False
                await send(page.ws, self.screen())
            while page.out:
                out, page.out = page.out, []
                page.queued = 0
                for message in out:
                    await send(page.ws, message)
            if page.frame is not None:
                frame, page.frame = page.frame, None
                await send(page.ws, frame)

    def screen(self) -> str | bytes:
        """The screen so far, encoded once for every page that is sent it."""
        if self.reset is None or self.reset[0] != self.taken:
            self.reset = (self.taken, encode({"t": "reset", "data": self.hub.screen()}))
        return self.reset[1]

    def take_output(self) -> None:
        """The hub's new output, encoded once, to every page's queue."""
        text = self.hub.take()
        if text:
            self.taken += 1
            message = encode({"t": "out", "data": text})
            for page in self.pages:
                page.send_output(message, len(text))

    # ---- what is sent ------------------------------------------------------------------

    async def start_pump(self, app: web.Application) -> None:
        self.pumping = asyncio.ensure_future(self.pump())

    async def pump(self) -> None:
        """Terminal output to every page as it comes; the pictures to the pages
        following the machine, at most every FRAME_EVERY, when it moved on."""
        waited = 0.0
        while True:
            await asyncio.sleep(OUTPUT_EVERY)
            waited += OUTPUT_EVERY
            self.take_output()
            if waited >= FRAME_EVERY:
                waited = 0.0
                self.live_frames()

    def seek(self, page: Page, position: int | None) -> None:
        """A page's slider moved.  The lecturer's takes with it every viewer
        that has not moved its own: students see the moment the lecturer
        points at.  A viewer's own "now" makes it follow the lecturer again."""
        if page.role == "lecturer":
            self.lecture = page.position = position
            followers = [p for p in self.pages if p.role == "viewer" and not p.own]
            for other in followers:
                other.position = position
            self.send_frames([page, *followers])
        else:
            page.own = position is not None
            page.position = position if page.own else self.lecture
            self.send_frames([page])

    def send_frames(self, pages: list[Page]) -> None:
        """Each page the pictures at its moment, each drawing made once."""
        drawn: dict[tuple, str | bytes] = {}
        for page in pages:
            key = (page.position, page.pid)
            if key not in drawn:
                drawn[key] = self.frame(page)
            page.send_frame(drawn[key])

    def live_frames(self) -> None:
        if self.recorder is None:
            return
        n = len(self.recorder.history)
        if n == self.shown:
            return
        self.shown = n
        self.send_frames([page for page in self.pages if page.position is None])

    def frame(self, page: Page) -> str | bytes:
        """The pictures the page asks for, at its moment, as one message."""
        rec = self.recorder
        assert rec is not None
        with rec.lock:
            h = rec.history
            n = len(h)
            i = n if page.position is None else min(page.position, n)
            pic = h.now.copy() if i == n else h.at(i)
            timeline = svg.timeline(h, i, rec.policy(), STRIPS_SHOWN)
            event = describe(h.events[i - 1], entry(h.events, i - 1)) if i else \
                "the recording begins"
        pid = page.pid if page.pid in pic.procs else newest(pic)
        return encode({"t": "frame", "i": i, "n": n, "live": page.position is None, "pid": pid,
                       "event": event, "tree": svg.tree(pic, selected=pid),
                       "fds": svg.fds(pic, pid) if pid is not None else "",
                       "timeline": timeline})

    # ---- running it --------------------------------------------------------------------

    def start(self) -> None:
        """Serve from a thread of its own; returns once listening (self.port is
        then the real port, for PORT 0).  OSError if the address is taken."""
        from kernel import hostguard
        trusted, started = threading.Event(), threading.Event()
        failed: list[BaseException] = []

        def serve() -> None:
            trusted.wait()                  # (the host guard would refuse its sockets before)
            try:
                self.loop = asyncio.new_event_loop()
                asyncio.set_event_loop(self.loop)
                try:
                    self.loop.run_until_complete(self.listen())
                except BaseException as e:  # (reported by start, on the main thread)
                    failed.append(e)
                    started.set()
                    return
                started.set()
                self.loop.run_forever()
            finally:
                hostguard.forget_thread()   # (its number may be given to a later thread)
        self.thread = threading.Thread(target=serve, name="vshell-web", daemon=True)
        self.thread.start()
        assert self.thread.ident is not None       # (started)
        hostguard.trust_thread(self.thread.ident)
        trusted.set()
        started.wait()
        if failed:
            raise failed[0]

    async def listen(self) -> None:
        self.runner = web.AppRunner(self.app(), handle_signals=False, access_log=None,
                                    shutdown_timeout=LAST_WORDS)
        await self.runner.setup()
        site = web.TCPSite(self.runner, self.host, self.port)
        try:
            await site.start()
        except BaseException:               # (the address: the pump setup started must end)
            if self.pumping is not None:
                self.pumping.cancel()
                await asyncio.gather(self.pumping, return_exceptions=True)
            await self.runner.cleanup()
            raise
        sockets = getattr(site._server, "sockets", None) or []
        if sockets:
            self.port = sockets[0].getsockname()[1]

    def stop(self) -> None:
        """The session ended: every page gets the last output and pictures and
        is told so, then the server closes (waiting a few seconds at most)."""
        loop = self.loop
        if loop is None or self.runner is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(self.close(), loop).result(timeout=5)
        except Exception:
            pass                            # (a page that takes nothing: leave it)
        loop.call_soon_threadsafe(loop.stop)

    async def close(self) -> None:
        if self.pumping is not None:
            self.pumping.cancel()
        self.closing = True
        for page in list(self.pages):
            page.ready.set()                  # (its writer stops after what it is sending)
        self.take_output()
        self.shown = -1
        self.live_frames()
        await asyncio.gather(*(self.last_words(page) for page in list(self.pages)))
        assert self.runner is not None
        await self.runner.cleanup()

    async def last_words(self, page: Page) -> None:
        """A page's last output and pictures, and that the session ended.  All
        pages are told at once; one that takes nothing (it stopped reading,
        its buffers are full) is cut off after LAST_WORDS seconds, so that it
        keeps neither the others nor the machine's end waiting."""
        telling = asyncio.ensure_future(self.flush(page))
        done, _ = await asyncio.wait({telling}, timeout=LAST_WORDS)
        if not done or telling.cancelled() or telling.exception() is not None:
            telling.cancel()
            if page.transport is not None:
                page.transport.abort()

    async def flush(self, page: Page) -> None:
        if page.writer is not None:
            await page.writer                 # (not cancelled: aiohttp's connection has one
                                              # drain waiter, and cancelling it would break the socket)
        if page.behind:
            await send(page.ws, self.screen())
        for message in page.out:
            await send(page.ws, message)
        if page.frame is not None:
            await send(page.ws, page.frame)
        await page.ws.send_str(json.dumps({"t": "ended"}))
        await page.ws.close()


def newest(pic: Picture) -> int | None:
    """The process a page shows the files of, unless it chose: the newest alive."""
    alive = [p.pid for p in pic.procs.values() if p.state != "ZOMBIE"]
    return max(alive or pic.procs or [0]) if pic.procs else None


def describe(e: ev.Event, enter: ev.SyscallEnter | None = None) -> str:
    """One event, for the slider: the live trace's line for it (vshell/tracer.py),
    a system call's entry as strace shows a call that has not returned yet,
    and its return with the entry's arguments (enter)."""
    if isinstance(e, At):
        return f"[pid {e.pid}] at {e.pc}"
    if isinstance(e, ev.SyscallEnter):
        return f"[pid {e.pid}] {strace.call(e.name, tuple(e.args))}"
    line = format_event(e, {enter.pid: enter} if enter is not None else {})
    if line is None and isinstance(e, ev.SyscallExit):      # (its entry before the recording)
        return f"[pid {e.pid}] {e.name}(...) = " + (strace.error_text(e.errno) if e.errno else
                                                    strace.result_text(e.result))
    return line if line is not None else e.kind


def entry(events: list[ev.Event], i: int) -> ev.SyscallEnter | None:
    """The entry of the system call whose return is events[i], if it is one."""
    e = events[i]
    if not isinstance(e, ev.SyscallExit):
        return None
    for before in reversed(events[max(0, i - 64):i]):
        if isinstance(before, ev.SyscallEnter) and before.pid == e.pid:
            return before if before.name == e.name else None
    return None


def parse_address(spec: str) -> tuple[str, int]:
    """[HOST:]PORT -> (host, port); ValueError with the reason."""
    host, _, port = spec.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    if not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"--web: not a port: {port!r} ([HOST:]PORT, say 8000 or 0.0.0.0:8000)")
    return host, int(port)
