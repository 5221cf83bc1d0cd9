"""What the pictures cost the machine: `vshell --web`'s recording and server.

    .venv/bin/python bench/bench_web.py [--viewers N[,N...]] [--quick]

Each workload (`yes | head -n 1000000 > /dev/null`; a fork bomb of sleepers
up to the process limit, killed with `kill -9 -1` two seconds later) runs on a fresh machine (seed, virtual time, a
memory console) three ways: plain; recorded (the picture model folding every
event, as under --web); and recorded and served, with N read-only pages
connected over WebSockets on loopback, each counting the frames it gets.
Printed: seconds of wall time, the slowdown against plain (the issue's
goal: at most 2x), and per page the frames received and the longest gap
between two of them (a page must see the machine move at least every second
while it moves).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import threading
import time

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
                if message.type != aiohttp.WSMsgType.TEXT:
                    break
                if json.loads(message.data)["t"] == "frame":
                    now = time.perf_counter()
                    frames += 1
                    if last is not None:
                        gap = max(gap, now - last)
                    last = now
            return frames, gap
        pages.extend(await asyncio.gather(*(page(ws) for ws in sockets)))
        for ws in sockets:
            await ws.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--viewers", default="1,50")
    parser.add_argument("--quick", action="store_true")
    a = parser.parse_args()
    n = 100000 if a.quick else 1000000
    print(f"{'workload':<10} {'how':<22} {'seconds':>8} {'slowdown':>9}  pages")
    for name, script in WORKLOADS.items():
        script = script.format(n=n)
        plain, _ = run(script, False, 0)
        print(f"{name:<10} {'plain':<22} {plain:8.2f} {1:9.2f}")
        took, _ = run(script, True, 0)
        print(f"{name:<10} {'recorded':<22} {took:8.2f} {took / plain:9.2f}")
        for viewers in (int(v) for v in a.viewers.split(",")):
            took, pages = run(script, True, viewers)
            frames = min((f for f, _ in pages), default=0)
            gap = max((g for _, g in pages), default=0.0)
            print(f"{name:<10} {f'served, {viewers} pages':<22} {took:8.2f} {took / plain:9.2f}  "
                  f"{len(pages)} pages, >= {frames} frames each, longest gap {gap:.2f} s")


if __name__ == "__main__":
    main()
