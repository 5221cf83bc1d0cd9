"""`vshell --web`'s start: the page's console, the server, the recording."""
from __future__ import annotations

import sys

from .recorder import Recorder
from .server import WebServer, parse_address
from .terminal import Hub, WebConsole

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def start(kernel_ref: Callable[[], Any], private: bool, spec: str
          ) -> tuple[WebConsole, Callable[[Any], None]]:
    """The console for the machine, and what boot calls once init exists (the
    recording starts there).  The server listens before the machine is made,
    so that a port in use is said at once; OSError then."""
    host, port = parse_address(spec)
    hub = Hub()
    console = WebConsole(kernel_ref, private, hub)
    server = WebServer(None, hub, host, port)
    server.start()
    console.ending = server.stop
    urls = server.urls()
    print(f"vshell: serving the machine on http://{host}:{server.port}/ (Ctrl-C here stops it)\n"
          f"  the lecturer's page (it types):   {urls['lecturer']}\n"
          f"  students' read-only view:         {urls['viewer']}", file=sys.stderr)
    if host not in LOOPBACK:
        print(f"vshell: --web: listening on {host}, not only this computer: whoever has the "
              "lecturer's URL can type into this machine", file=sys.stderr)

    def watch(k: Any) -> None:
        server.recorder = Recorder(k)
    return console, watch
