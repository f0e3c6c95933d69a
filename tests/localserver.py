"""A real HTTP server on 127.0.0.1 for the collector's tests (no HTTP mocks).

Tests define the routes; the server records every request it receives (path, query,
the Host it was addressed to, arrival and finish times, headers), so a test can check
what the collector asked for and when. ``localhost`` and ``127.0.0.1`` reach the same
server but are different hosts to the collector, which is how tests get two "domains".

Every page served here is synthetic, written for the tests.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    """What the server answers: status, headers, body; ``sleep`` seconds before answering."""

    status: int = 200
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    content_type: str | None = "text/html; charset=utf-8"
    sleep: float = 0.0
    content_length: bool = True  # False: no Content-Length, the body ends when the connection closes
    chunk: int = 0  # >0: write the body in chunks of this size (to stream big bodies)


@dataclass
class Hit:
    """One request as the server received it."""

    method: str
    path: str
    query: dict[str, list[str]]
    host: str  # the Host header's name part: "127.0.0.1" or "localhost"
    start: float  # time.monotonic() on arrival
    # time.monotonic() when the server started writing its answer: the client cannot have
    # received the answer earlier, so "next.start - prev.end >= d" proves a gap of d
    end: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[Hit], Reply]


def page(title: str, paragraphs: list[str], *, charset: str = "utf-8", extra_head: str = "", extra_body: str = "") -> bytes:
    """A synthetic article page (marked as such) encoded in ``charset``."""
    paras = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    html = (
        f"<!doctype html><html><head><meta charset=\"{charset}\"><title>{title}</title>{extra_head}</head>"
        f"<body><!-- synthetic test fixture, not real news -->{extra_body}"
        f"<article><h1>{title}</h1>{paras}</article></body></html>"
    )
    return html.encode(charset)


def article(title: str = "Synthetic article", n: int = 4, *, charset: str = "utf-8", lead: str = "") -> bytes:
    """A synthetic article of ``n`` paragraphs of about 30 words each."""
    sentence = ("This synthetic paragraph was written for the collector's tests and describes "
                "an invented browser update, a fictional statement and made up researchers.")
    paras = [f"{lead}{sentence} {sentence}"] + [f"Paragraph {i + 2}. {sentence} {sentence}" for i in range(n - 1)]
    return page(title, paras, charset=charset)


class LocalServer:
    """A threaded HTTP/1.0 server on an ephemeral 127.0.0.1 port with test-defined routes."""

    def __init__(self) -> None:
        self.hits: list[Hit] = []
        self._routes: dict[str, Handler] = {}
        self._prefixes: list[tuple[str, Handler]] = []
        self._lock = threading.Lock()
        server = self

        class _H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args) -> None:  # keep pytest output clean
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                hit = Hit(
                    method="GET",
                    path=parts.path,
                    query=parse_qs(parts.query),
                    host=(self.headers.get("Host") or "").rsplit(":", 1)[0],
                    start=time.monotonic(),
                    headers={k.lower(): v for k, v in self.headers.items()},
                )
                with server._lock:
                    server.hits.append(hit)
                reply = server._handler_for(parts.path)(hit)
                try:
                    if reply.sleep:
                        time.sleep(reply.sleep)
                    hit.end = time.monotonic()
                    self.send_response(reply.status)
                    if reply.content_type:
                        self.send_header("Content-Type", reply.content_type)
                    for k, v in reply.headers:
                        self.send_header(k, v)
                    if reply.content_length:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    step = reply.chunk or len(reply.body) or 1
                    for i in range(0, len(reply.body), step):
                        self.wfile.write(reply.body[i:i + step])
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the collector hung up (timeout, size cap): that is the point of some tests

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _H)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                        name="localserver", daemon=True)
        self._stopped = False

    # routes -----------------------------------------------------------------------------
    def route(self, path: str, *replies: Reply | Handler) -> None:
        """Serve ``path`` (ending in ``*``: any path with that prefix).

        Given several replies, the n-th request gets the n-th reply and later ones the
        last; given a callable, it is called with the :class:`Hit` and returns a Reply.
        """
        if len(replies) == 1 and callable(replies[0]) and not isinstance(replies[0], Reply):
            handler = replies[0]
        else:
            seq = list(replies)
            count = {"n": 0}
            lock = threading.Lock()

            def handler(hit: Hit, seq=seq, count=count, lock=lock) -> Reply:
                with lock:
                    i = min(count["n"], len(seq) - 1)
                    count["n"] += 1
                return seq[i]

        if path.endswith("*"):
            self._prefixes.append((path[:-1], handler))
        else:
            self._routes[path] = handler

    def _handler_for(self, path: str) -> Handler:
        if path in self._routes:
            return self._routes[path]
        for prefix, handler in sorted(self._prefixes, key=lambda t: -len(t[0])):
            if path.startswith(prefix):
                return handler
        return lambda hit: Reply(404, b"<html><body><p>no such synthetic page</p></body></html>")

    # addresses and records ----------------------------------------------------------------
    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def hits_for(self, path: str, host: str | None = None) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.path == path and (host is None or h.host == host)]

    def paths(self) -> list[str]:
        with self._lock:
            return [h.path for h in self.hits]

    # lifecycle ----------------------------------------------------------------------------
    def start(self) -> "LocalServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the port (idempotent)."""
        if self._stopped:
            return
        self._stopped = True
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def wayback(server: LocalServer, captures: dict[str, tuple[str, bytes]]) -> None:
    """Serve a CDX endpoint at /cdx and raw captures at /web/<stamp>id_/<url>.

    ``captures`` maps an original URL to (14-digit timestamp, HTML). The CDX answer
    mirrors the real one: JSON rows, a header row first; ``[]`` when nothing matches.
    """

    def cdx(hit: Hit) -> Reply:
        url = hit.query.get("url", [""])[0]
        if url not in captures:
            return Reply(200, b"[]", content_type="application/json")
        stamp = captures[url][0]
        rows = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"],
                ["synthetic", stamp, url, "text/html", "200", "SYNTHETICDIGEST", "1000"]]
        import json

        return Reply(200, json.dumps(rows).encode(), content_type="application/json")

    def capture(hit: Hit) -> Reply:
        rest = hit.path[len("/web/"):]
        stamp, _, original = rest.partition("id_/")
        if original in captures and captures[original][0] == stamp:
            return Reply(200, captures[original][1],
                         headers=[("X-Archive-Orig-Server", "synthetic"), ("Memento-Datetime", "Mon, 04 May 2020 00:00:00 GMT")])
        return Reply(404, b"<html><body><p>synthetic: no capture</p></body></html>")

    server.route("/cdx", cdx)
    server.route("/web/*", capture)
