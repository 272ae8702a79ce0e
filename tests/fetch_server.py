"""A small local HTTP server for fetch tests and the fetch benchmark.

One ThreadingHTTPServer on 127.0.0.1 serves several virtual hosts told apart by the Host
header ("127.0.0.1" and "localhost" reach the same port). Routes are static responses,
fixture directories, or callables for faults; every request is recorded so tests can
assert what was asked (conditional headers, timing, retries).
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from pipeline.fetch import FetchConfig

FIXTURE_SITES = Path(__file__).parent / "fixtures" / "sites"
PORT_TOKEN = "@PORT@"
LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".json": "application/json",
    ".txt": "text/plain",
}


@dataclass
class Reply:
    """A canned response. `validators` adds ETag/Last-Modified and answers 304 to a match."""

    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    validators: bool = True
    gzip: bool = False
    delay: float = 0.0  # seconds before the status line
    stall: bool = False  # send headers and part of the body, then hang


@dataclass(frozen=True)
class Seen:
    host: str
    path: str  # path with query
    headers: dict[str, str]
    at: float  # time.monotonic() when the request arrived


Handler = Callable[["Seen"], Reply]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up mid-body (size cap, timeouts) is what the tests provoke


class FetchServer:
    """Start with `FetchServer()`, stop with `.close()` (or use it as a context manager)."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Reply | Handler] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.httpd = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    # -------------------------------------------------------------- set up

    def url(self, host: str, path: str) -> str:
        return f"http://{host}:{self.port}{path}"

    def add(self, host: str, path: str, reply: Reply | Handler) -> None:
        self.routes[(host, path)] = reply

    def add_text(self, host: str, path: str, text: str, **kwargs: object) -> None:
        self.add(host, path, Reply(text.encode("utf-8"), **kwargs))  # type: ignore[arg-type]

    def add_site(self, host: str, site: str, prefix: str = "") -> list[str]:
        """Serve tests/fixtures/sites/<site>/** on `host`; "@PORT@" in files becomes the port.

        a/index.html is served at /a/ too. Returns the paths served.
        """
        root = FIXTURE_SITES / site
        served = []
        for file in sorted(p for p in root.rglob("*") if p.is_file()):
            rel = "/" + file.relative_to(root).as_posix()
            body = file.read_bytes().replace(PORT_TOKEN.encode(), str(self.port).encode())
            ctype = TYPES.get(file.suffix, "application/octet-stream")
            path = prefix + rel
            self.add(host, path, Reply(body, content_type=ctype))
            served.append(path)
            if file.name == "index.html":
                self.add(host, path[: -len("index.html")], Reply(body, content_type=ctype))
                served.append(path[: -len("index.html")])
        return served

    def add_govuk(self, host: str) -> None:
        """The GOV.UK-shaped fixture API: /api/search.json and /api/content/government/news/*."""
        root = FIXTURE_SITES / "govuk"
        ctype = "application/json; charset=utf-8"
        self.add(
            host, "/api/search.json", Reply((root / "search.json").read_bytes(), content_type=ctype)
        )
        for file in sorted((root / "content").glob("*.json")):
            path = f"/api/content/government/news/{file.stem}"
            self.add(host, path, Reply(file.read_bytes(), content_type=ctype))

    def count(self, host: str | None = None, path: str | None = None) -> int:
        return len(self.seen(host, path))

    def seen(self, host: str | None = None, path: str | None = None) -> list[Seen]:
        with self._lock:
            return [
                s
                for s in self.requests
                if (host is None or s.host == host)
                and (path is None or s.path == path or urlsplit(s.path).path == path)
            ]

    def reset_log(self) -> None:
        with self._lock:
            self.requests.clear()

    def close(self) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> FetchServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------- serving

    def _lookup(self, host: str, path: str) -> Reply | Handler | None:
        route = self.routes.get((host, path))
        if route is None:
            route = self.routes.get((host, urlsplit(path).path))
        return route

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go in separate writes

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass  # keep test output quiet

            def do_GET(self) -> None:  # noqa: N802
                host = (self.headers.get("Host") or "").rsplit(":", 1)[0].lower()
                seen = Seen(
                    host,
                    self.path,
                    {k.lower(): v for k, v in self.headers.items()},
                    time.monotonic(),
                )
                with server._lock:
                    server.requests.append(seen)
                route = server._lookup(host, self.path)
                if route is None:
                    reply = Reply(
                        b"not found", status=404, content_type="text/plain", validators=False
                    )
                elif callable(route):
                    reply = route(seen)
                else:
                    reply = route
                self._send(reply, seen)

            def _send(self, reply: Reply, seen: Seen) -> None:
                if reply.delay:
                    time.sleep(reply.delay)
                body = reply.body
                headers = dict(reply.headers)
                status = reply.status
                if reply.validators and status == 200:
                    etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                    headers.setdefault("ETag", etag)
                    headers.setdefault("Last-Modified", LAST_MODIFIED)
                    if seen.headers.get("if-none-match") == headers["ETag"] or (
                        "if-none-match" not in seen.headers
                        and seen.headers.get("if-modified-since") == headers["Last-Modified"]
                    ):
                        status, body = 304, b""
                if (
                    reply.gzip
                    and status == 200
                    and "gzip" in seen.headers.get("accept-encoding", "")
                ):
                    body = gzip.compress(body)
                    headers["Content-Encoding"] = "gzip"
                self.send_response(status)
                if reply.content_type and status != 304:
                    self.send_header("Content-Type", reply.content_type)
                for name, value in headers.items():
                    self.send_header(name, value)
                if reply.stall:
                    self.send_header("Content-Length", str(len(body) + 1_000_000))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    server._stop.wait(30)
                    return
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return _Handler


def sequence(*replies: Reply) -> Handler:
    """A route that answers with each reply in turn, then keeps repeating the last one."""
    state = {"n": 0}
    lock = threading.Lock()

    def handler(_seen: Seen) -> Reply:
        with lock:
            index = min(state["n"], len(replies) - 1)
            state["n"] += 1
        return replies[index]

    return handler


def feed_sites() -> FetchServer:
    """The inspectorate's Atom feed on 127.0.0.1 and a newsroom's RSS on localhost."""
    srv = FetchServer()
    srv.add_site("127.0.0.1", "inspectorate")
    srv.add_site("localhost", "newsroom")
    return srv


def fast_config(**overrides: object) -> FetchConfig:
    """A FetchConfig with test-sized delays and timeouts."""
    values: dict = {
        "per_host_delay": 0.01,
        "connect_timeout": 1.0,
        "read_timeout": 1.0,
        "total_timeout": 5.0,
        "backoff_base": 0.01,
        "retries": 2,
    }
    values.update(overrides)
    return FetchConfig(**values)
