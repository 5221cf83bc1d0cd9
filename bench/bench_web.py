"""What the pictures cost the machine, and the lecture hall: `vshell --web` under load.

    .venv/bin/python bench/bench_web.py [cost|hall] [--viewers N[,N...]] [--quick]

cost: each workload (`yes | head -n 1000000 > /dev/null`; a fork bomb of sleepers
up to the process limit, killed with `kill -9 -1` two seconds later) runs on a fresh machine (seed, virtual time, a
memory console) three ways: plain; recorded (the picture model folding every
event, as under --web); and recorded and served, with N read-only pages
connected over WebSockets on loopback, each counting the frames it gets.
Printed: seconds of wall time, the slowdown against plain (the issue's
goal: at most 2x), and per page the frames received and the longest gap
between two of them (a page must see the machine move at least every second
while it moves).

hall: a real `vshell --web` (its own process, real time) on loopback, the
lecturer's page and N read-only pages (default 300, in a process of their own,
as on the students' laptops; every page asks for compressed frames, as
browsers do, and inflates the long messages the server deflates itself).  The lecturer types ./p1.py .. ./p4.py and two fork bombs under
`ulimit -u 60` (forkbomb.py, which sleeps at the limit; a shell function
`f() { f | f & }` churning at it), a key at a time.  Measured: (1) for every
update the lecturer's page got (terminal output; pictures), how much later
each viewer got it (p99 and worst over all viewers and updates; goal: 1 s),
and from each key typed to every viewer seeing its echo; (2) the lecturer's
echo: key sent -> echoed output received (goal: under 50 ms); (3) the
machine's pace (Enter -> done) for 9 MB of terminal output and for a
million-line pipe, alone and with a page that stopped reading plus one that
vanished (a TCP reset) mid-command (goal: at most 2x), and at the end of the
session, with a stuck page connected before another, how soon that other
page is told and vshell ends.  Timings are host wall-clock on loopback: the
bench's pages share the host's CPUs with the machine.
"""
from __future__ import annotations

import argparse
import asyncio
import base64
import bisect
import json
import math
import os
import re
import socket
import statistics
import struct
import subprocess
import sys
import threading
import time
import zlib
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from kernel import MemoryConsole  # noqa: E402
from vshell.system import Options, boot, make_machine  # noqa: E402

WORKLOADS = {
    "yes|head": "yes | head -n {n} > /dev/null",
    "forkbomb": "./forkbomb.py > /dev/null 2>&1 & sleep 2; kill -9 -1",
}


def run(script: str, recorded: bool, viewers: int) -> tuple[float, list[tuple[int, float]]]:
    """Seconds the script took, and (frames, longest gap) for each page."""
    opts = Options(seed=1, virtual_time=True)
    k = make_machine(opts, MemoryConsole())
    server = None
    pages: list[tuple[int, float]] = []
    watch = None
    if recorded:
        from vshell.web.recorder import Recorder
        from vshell.web.server import WebServer
        from vshell.web.terminal import Hub
        if viewers:
            server = WebServer(None, Hub())
            server.start()
        recorders: list[Recorder] = []

        def watch(k: object) -> None:
            recorders.append(Recorder(k))
            if server is not None:
                server.recorder = recorders[0]
    done = threading.Event()
    client = None
    if server is not None:
        url = server.urls()["viewer"].replace("http://", "ws://").replace("/?", "/ws?")
        from kernel import hostguard
        trusted = threading.Event()

        def pages_thread() -> None:
            trusted.wait()                        # (the host guard refuses an untrusted thread's sockets)
            asyncio.run(watch_pages(url, viewers, done, pages))
        client = threading.Thread(target=pages_thread)
        client.start()
        hostguard.trust_thread(client.ident)
        trusted.set()
        time.sleep(1.0 + viewers / 100)          # (all pages connected before the machine starts)
    start = time.perf_counter()
    boot(k, opts, ["sh", "-c", script, "vshell"], watch=watch)
    took = time.perf_counter() - start
    time.sleep(0.3)                               # the last frames
    done.set()
    if client is not None:
        client.join(timeout=30)
    if server is not None:
        server.stop()
    return took, pages


async def watch_pages(url: str, n: int, done: threading.Event, pages: list) -> None:
    import aiohttp
    async with aiohttp.ClientSession() as session:
        sockets = [await session.ws_connect(url, max_msg_size=0) for _ in range(n)]

        async def page(ws: aiohttp.ClientWebSocketResponse) -> tuple[int, float]:
            frames, gap, last = 0, 0.0, None
            while not done.is_set():
                try:
                    message = await asyncio.wait_for(ws.receive(), 0.2)
                except asyncio.TimeoutError:
                    continue
                data = text_of(message)
                if data is None:
                    break
                if json.loads(data)["t"] == "frame":
                    now = time.perf_counter()
                    frames += 1
                    if last is not None:
                        gap = max(gap, now - last)
                    last = now
            return frames, gap
        pages.extend(await asyncio.gather(*(page(ws) for ws in sockets)))
        for ws in sockets:
            await ws.close()


# ---- the lecture hall: 300 read-only pages and the lecturer, on a real `vshell --web` ----------

DEMOS = ["./p1.py", "./p2.py", "./p3.py", "./p4.py",
         "(ulimit -u 60; ./forkbomb.py > /dev/null 2>&1 &); sleep 2; kill -9 -1",   # to the limit, asleep
         "(ulimit -u 60; f() { f | f & }; f) 2>/dev/null; sleep 3; kill -9 -1"]      # churning at it
WORK = {"output": "yes 0123456789abcdef | head -n 500000",    # 9 MB through every page's queue
        "events": "yes | head -n 1000000 | wc -l"}             # events: pictures, little output
PROMPT = "student@vshell:~$"
HEAD = re.compile(r'"n": (\d+)')
KEY_PAUSE = 0.08                    # seconds between the lecturer's keys (a quick typist)


class Received:
    """What one page got, and when: its terminal output as (time, characters
    so far), its pictures as (time, events drawn)."""

    def __init__(self) -> None:
        self.outs: list[tuple[float, int]] = []
        self.frames: list[tuple[float, int]] = []
        self.text = ""
        self.size = 0
        self.largest = 0                        # characters of the largest picture frame
        self.ended = False
        self.changed = asyncio.Event()

    def got(self, data: str, keep_text: bool) -> None:
        now = time.perf_counter()
        if data.startswith('{"t": "frame"'):
            found = HEAD.search(data, 0, 200)     # (the head only: the pictures are long)
            if found:
                self.frames.append((now, int(found.group(1))))
                self.largest = max(self.largest, len(data))
        else:
            message = json.loads(data)
            if message["t"] in ("out", "reset"):
                self.size = len(message["data"]) + (self.size if message["t"] == "out" else 0)
                self.outs.append((now, self.size))
                if keep_text:
                    self.text = self.text + message["data"] if message["t"] == "out" else message["data"]
            elif message["t"] == "ended":
                self.ended = True
        self.changed.set()


async def read_page(ws: Any, page: Received, keep_text: bool = False) -> None:
    async for message in ws:
        data = text_of(message)
        if data is not None:
            page.got(data, keep_text)


def text_of(message: Any) -> str | None:
    """A message's JSON, as the page reads it: text, or deflated in a binary
    frame (long messages: the server deflates each once for every page)."""
    import aiohttp
    if message.type == aiohttp.WSMsgType.BINARY:
        return zlib.decompress(message.data).decode("utf-8")
    return message.data if message.type == aiohttp.WSMsgType.TEXT else None


def delays(mine: list[tuple[float, int]], theirs: list[tuple[float, int]]) -> list[float]:
    """For each update the lecturer's page got (terminal output, or pictures),
    how much later the viewer got it or a later one; inf if never."""
    found: list[float] = []
    marks = [n for _, n in theirs]
    for t, n in mine:
        j = bisect.bisect_left(marks, n)
        found.append(max(0.0, theirs[j][0] - t) if j < len(theirs) else math.inf)
    return found


class Lecturer:
    """The lecturer's page: types, and waits for what the terminal shows."""

    def __init__(self, ws: Any, page: Received) -> None:
        self.ws, self.page = ws, page
        self.echoes: list[float] = []
        self.done = 0
        self.keys: list[tuple[float, int]] = []    # (sent, output so far with its echo)

    async def until(self, test: Any, timeout: float = 120) -> None:
        deadline = time.perf_counter() + timeout
        while not test():
            self.page.changed.clear()
            left = deadline - time.perf_counter()
            if left <= 0:
                raise RuntimeError(f"the lecturer's page waited in vain; it shows: {self.page.text[-300:]!r}")
            try:
                await asyncio.wait_for(self.page.changed.wait(), left)
            except asyncio.TimeoutError:
                pass

    async def key(self, key: str) -> None:
        count = len(self.page.outs)
        sent = time.perf_counter()
        await self.ws.send_str(json.dumps({"t": "in", "data": key}))
        await self.until(lambda: len(self.page.outs) > count)
        self.echoes.append(self.page.outs[count][0] - sent)
        self.keys.append((sent, self.page.outs[count][1]))

    async def run(self, command: str, timed: bool = True) -> float:
        """Type the command (a key at a time, each echo timed, or at once) and
        Enter; the seconds from Enter until it is done.  Done: the output of
        an `echo` added to it, a number the typed line does not show."""
        self.done += 1
        command += f"; echo done$(({self.done - 1}+1))"
        if timed:
            for key in command:
                await self.key(key)
                await asyncio.sleep(KEY_PAUSE)
        else:
            await self.ws.send_str(json.dumps({"t": "in", "data": command}))
        sent = time.perf_counter()
        await self.ws.send_str(json.dumps({"t": "in", "data": "\r"}))
        await self.until(lambda: f"done{self.done}\r\n" in self.page.text[-4000:])
        return time.perf_counter() - sent


def plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


async def raw_page(url: str, receive_buffer: int) -> socket.socket:
    """A page as a bare socket: the WebSocket handshake, then nothing read
    (a slow page: its buffers fill) or closed abruptly (a vanished one)."""
    host, port, path = re.match(r"ws://([^:/]+):(\d+)(/.*)", url).groups()  # type: ignore[union-attr]
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    s.setblocking(False)
    loop = asyncio.get_running_loop()
    await loop.sock_connect(s, (host, int(port)))
    key = base64.b64encode(os.urandom(16)).decode()
    await loop.sock_sendall(s, (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                                "Sec-WebSocket-Version: 13\r\n\r\n").encode())
    answer = b""
    while b"\r\n\r\n" not in answer:
        answer += await loop.sock_recv(s, 1)      # (a byte at a time: read nothing past the headers)
    if b" 101 " not in answer.split(b"\r\n")[0]:
        raise RuntimeError(f"the server refused a page: {answer[:80]!r}")
    return s


def vanish(s: socket.socket) -> None:
    """Close as a crashed laptop does: a reset, no goodbye."""
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()


def start_vshell() -> tuple[subprocess.Popen, str, str]:
    """A real `vshell --web` on loopback: the process, the lecturer's and the
    viewers' WebSocket URLs."""
    proc = subprocess.Popen([os.path.join(os.path.dirname(sys.executable), "vshell"), "--web",
                             "127.0.0.1:0", "--fresh", "--seed", "1", "--private", "--no-rc"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    urls: dict[str, str] = {}
    while len(urls) < 2:
        line = proc.stderr.readline()            # type: ignore[union-attr]
        if not line:
            raise RuntimeError("vshell --web printed no URLs")
        found = re.search(r"(lecturer|read-only).*?http://(\S+)/\?(\S+)", line)
        if found:
            urls[found.group(1)] = f"ws://{found.group(2)}/ws?{found.group(3)}"
    return proc, urls["lecturer"], urls["read-only"]


def hall(viewers: int, quick: bool) -> dict:
    """The lecture hall's figures.  The viewers' pages live in a process of
    their own, as they would on their own laptops: the lecturer's page is not
    kept waiting behind theirs by this bench's own event loop.  (Their clocks
    agree: perf_counter is the host's monotonic clock.)"""
    import multiprocessing
    proc, lecturer_url, viewer_url = start_vshell()
    ours, theirs = multiprocessing.Pipe()
    hall_process = multiprocessing.get_context("fork").Process(
        target=lambda: asyncio.run(watch_hall(viewer_url, viewers, theirs)), daemon=True)
    try:
        hall_process.start()
        return asyncio.run(lecture(proc, lecturer_url, viewer_url, viewers, quick, ours))
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=10)
        hall_process.join(timeout=10)
        if hall_process.is_alive():
            hall_process.kill()


async def connect(session: Any, url: str) -> Any:
    # as browsers do, every page asks for compressed frames (permessage-deflate)
    return await session.ws_connect(url, max_msg_size=0, compress=15)


async def watch_hall(url: str, n: int, conn: Any) -> None:
    """(The viewers' process.)  n read-only pages, each reading all it is sent;
    told "go" (connected, ready) and sends back what each got when asked."""
    import aiohttp
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, conn.recv)              # the lecturer is there
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        sockets: list = []
        for start in range(0, n, 50):
            sockets += await asyncio.gather(*(connect(session, url) for _ in range(min(50, n - start))))
        pages = [Received() for _ in sockets]
        reading = [asyncio.ensure_future(read_page(ws, page)) for ws, page in zip(sockets, pages)]
        conn.send("connected")
        await loop.run_in_executor(None, conn.recv)
        conn.send([(page.outs, page.frames) for page in pages])
        for task in reading:
            task.cancel()
        for ws in sockets:
            await ws.close()


async def lecture(proc: subprocess.Popen, lecturer_url: str, viewer_url: str, viewers: int,
                  quick: bool, hall_conn: Any) -> dict:
    import aiohttp
    figures: dict = {"viewers": viewers}
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession() as session:
        ws = await connect(session, lecturer_url)
        me = Received()
        reading = [asyncio.ensure_future(read_page(ws, me, keep_text=True))]
        lecturer = Lecturer(ws, me)
        await lecturer.until(lambda: PROMPT in plain(me.text))
        hall_conn.send("go")
        await loop.run_in_executor(None, hall_conn.recv)
        await asyncio.sleep(1.0)
        # 1 and 2: the demos and the bombs, typed, before the whole hall
        me.outs.clear()
        me.frames.clear()
        mark = time.perf_counter()
        for command in (DEMOS[:1] + DEMOS[-1:]) if quick else DEMOS:
            await lecturer.run(command)
        await asyncio.sleep(1.5)                 # the last pictures
        figures["hall seconds"] = time.perf_counter() - mark
        hall_conn.send("done")
        pages = []
        for outs, frames in await loop.run_in_executor(None, hall_conn.recv):
            pages.append(Received())
            pages[-1].outs, pages[-1].frames = outs, frames
        figures["updates"] = len(me.outs) + len(me.frames)
        figures["missed"] = 0
        for what, mine, got in (("output", me.outs, lambda page: page.outs),
                                ("pictures", me.frames, lambda page: page.frames)):
            every = [d for page in pages for d in delays(mine, got(page))]
            figures[f"{what} p99"], figures[f"{what} worst"] = percentile(every, 99), max(every, default=0.0)
            figures["missed"] += sum(d == math.inf for d in every)
        figures["echo"] = list(lecturer.echoes)
        seen = [d for page in pages for d in since_keys(lecturer.keys, page)]
        figures["key seen p99"], figures["key seen worst"] = percentile(seen, 99), max(seen, default=0.0)
        figures["frames"] = len(me.frames)
        figures["largest"] = me.largest
        # 3: the machine's pace with a slow page and a vanished one, and without
        paces: dict[str, list[float]] = {}
        for _ in range(1 if quick else 2):
            for bad in (False, True):
                for name, command in WORK.items():
                    slow = gone = None
                    if bad:
                        slow = await raw_page(viewer_url, 4096)
                        gone = await raw_page(viewer_url, 4096)
                        asyncio.get_running_loop().call_later(0.05, vanish, gone)   # mid-command
                    took = await lecturer.run(command, timed=False)
                    paces.setdefault(f"{name}, {'slow+vanished' if bad else 'alone'}", []).append(took)
                    if slow is not None:
                        slow.close()
        figures["paces"] = {name: min(times) for name, times in paces.items()}
        # the end of the session with a slow page connected before another page: the
        # other page is still told at once, and the machine ends at once
        slow = await raw_page(viewer_url, 4096)
        other = Received()
        reading.append(asyncio.ensure_future(read_page(await connect(session, viewer_url), other)))
        await lecturer.run(WORK["output"], timed=False)
        sent = time.perf_counter()
        await ws.send_str(json.dumps({"t": "in", "data": "exit\r"}))
        while not other.ended and time.perf_counter() - sent < 30:
            await asyncio.sleep(0.005)
        figures["exit"] = time.perf_counter() - sent
        await loop.run_in_executor(None, proc.wait, 60)
        figures["exit process"] = time.perf_counter() - sent
        slow.close()
        await ws.close()
    return figures


def since_keys(keys: list[tuple[float, int]], viewer: Received) -> list[float]:
    """For each key the lecturer typed, how long until the viewer saw its echo."""
    marks = [n for _, n in viewer.outs]
    found = []
    for sent, n in keys:
        j = bisect.bisect_left(marks, n)
        found.append(viewer.outs[j][0] - sent if j < len(marks) else math.inf)
    return found


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


def print_hall(f: dict) -> None:
    def goal(met: bool) -> str:
        return "met" if met else "NOT MET"
    echo = f["echo"]
    median = statistics.median(echo) if echo else 0.0
    print(f"\nlecture hall: {f['viewers']} read-only pages and the lecturer on a real `vshell --web` "
          f"(loopback, {f['hall seconds']:.1f} s of demos, {f['updates']} updates on the lecturer's page, "
          f"{f['frames']} of them pictures, "
          f"the largest {f['largest'] // 1024} KB before compression)")
    print(f"{'measure':<46} {'figure':>18}  {'goal':<14} met")
    rows = [
        *((f"{what}, lecturer's page -> viewers: {p}", f"{f[f'{what} {p}'] * 1000:.0f} ms", "<= 1 s",
           f[f"{what} {p}"] <= 1) for what in ("output", "pictures") for p in ("p99", "worst")),
        ("a key typed -> every viewer sees it: p99", f"{f['key seen p99'] * 1000:.0f} ms", "<= 1 s",
         f["key seen p99"] <= 1),
        ("a key typed -> every viewer sees it: worst", f"{f['key seen worst'] * 1000:.0f} ms", "<= 1 s",
         f["key seen worst"] <= 1),
        ("updates never received", f"{f['missed']}", "0", f["missed"] == 0),
        (f"typing echo: median of {len(echo)} keys", f"{median * 1000:.0f} ms", "< 50 ms", median < 0.05),
        ("typing echo: p99", f"{percentile(echo, 99) * 1000:.0f} ms", "< 50 ms", percentile(echo, 99) < 0.05),
        ("typing echo: worst", f"{max(echo, default=0) * 1000:.0f} ms", "< 50 ms",
         max(echo, default=0) < 0.05)]
    for name in WORK:
        alone, bad = f["paces"][f"{name}, alone"], f["paces"][f"{name}, slow+vanished"]
        rows.append((f"{WORK[name][:30]}: alone / slow+vanished", f"{alone:.2f} / {bad:.2f} s",
                     "<= 2x alone", bad <= 2 * alone))
    rows.append(("`exit` -> a page told, a slow page before it", f"{f['exit']:.2f} s", "< 1 s", f["exit"] < 1))
    rows.append(("`exit` -> vshell ended, a slow page connected", f"{f['exit process']:.2f} s", "<= 3 s",
                 f["exit process"] <= 3))
    for name, figure, want, met in rows:
        print(f"{name:<46} {figure:>18}  {want:<14} {goal(met)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("part", nargs="?", choices=("cost", "hall"),
                        help="only the recording's cost, or only the lecture hall (default: both)")
    parser.add_argument("--viewers", default=None,
                        help="read-only pages: a list for the cost (default 1,50), "
                             "the largest for the hall (default 300)")
    parser.add_argument("--quick", action="store_true")
    a = parser.parse_args()
    if a.part in (None, "cost"):
        cost(a.viewers or "1,50", a.quick)
    if a.part in (None, "hall"):
        viewers = max(int(v) for v in a.viewers.split(",")) if a.viewers else 300
        print_hall(hall(viewers, a.quick))


def cost(viewers_list: str, quick: bool) -> None:
    n = 100000 if quick else 1000000
    print(f"{'workload':<10} {'how':<22} {'seconds':>8} {'slowdown':>9}  pages")
    for name, script in WORKLOADS.items():
        script = script.format(n=n)
        plain, _ = run(script, False, 0)
        print(f"{name:<10} {'plain':<22} {plain:8.2f} {1:9.2f}")
        took, _ = run(script, True, 0)
        print(f"{name:<10} {'recorded':<22} {took:8.2f} {took / plain:9.2f}")
        for viewers in (int(v) for v in viewers_list.split(",")):
            took, pages = run(script, True, viewers)
            frames = min((f for f, _ in pages), default=0)
            gap = max((g for _, g in pages), default=0.0)
            print(f"{name:<10} {f'served, {viewers} pages':<22} {took:8.2f} {took / plain:9.2f}  "
                  f"{len(pages)} pages, >= {frames} frames each, longest gap {gap:.2f} s")


if __name__ == "__main__":
    main()
