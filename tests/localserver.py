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
    chunked: bool = False  # Transfer-Encoding: chunked (no Content-Length), in pieces of ``chunk`` or 4096 bytes


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

            def do_HEAD(self) -> None:
                # recorded and refused, as some real sites do: the collector must not need HEAD
                with server._lock:
                    server.hits.append(Hit(method="HEAD", path=urlsplit(self.path).path, query={},
                                           host=(self.headers.get("Host") or "").rsplit(":", 1)[0],
                                           start=time.monotonic(), end=time.monotonic()))
                self.send_response(405)
                self.send_header("Allow", "GET")
                self.send_header("Content-Length", "0")
                self.end_headers()

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
                    if reply.chunked:
                        self.send_header("Transfer-Encoding", "chunked")
                    elif reply.content_length:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    step = reply.chunk or (4096 if reply.chunked else len(reply.body)) or 1
                    for i in range(0, len(reply.body), step):
                        piece = reply.body[i:i + step]
                        if reply.chunked:
                            piece = b"%x\r\n" % len(piece) + piece + b"\r\n"
                        self.wfile.write(piece)
                    if reply.chunked:
                        self.wfile.write(b"0\r\n\r\n")
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


# -- pages shaped like real news pages ----------------------------------------------------

BODY_ID = [
    "Jakarta - Produsen ponsel rekaan dalam halaman uji ini disebut mengirim data penelusuran penggunanya "
    "ke server jarak jauh, bahkan ketika pengguna membuka mode penyamaran di peramban bawaan.",
    "Temuan itu disampaikan dua peneliti keamanan fiktif yang menguji peramban tersebut selama beberapa "
    "pekan, seperti dilansir dari sebuah laporan media teknologi yang juga rekaan.",
    "\u201cKami melihat alamat situs yang dibuka dan folder yang diakses ikut terkirim,\u201d kata salah satu "
    "peneliti sintetis itu dalam wawancara yang ditulis untuk pengujian ini.",
    "Perusahaan membantah tuduhan tersebut. Menurut pernyataan resminya, data yang dikumpulkan bersifat "
    "agregat, anonim, dan sudah mendapat persetujuan pengguna sesuai hukum setempat.",
    "Beberapa hari kemudian, perusahaan merilis pembaruan peramban yang menambahkan tombol untuk mematikan "
    "pengumpulan data di mode penyamaran, ujar juru bicara rekaan perusahaan.",
    "Pengamat keamanan siber menyarankan pengguna memeriksa pengaturan privasi di ponsel masing-masing dan "
    "memperbarui aplikasi peramban ke versi terbaru, demikian paragraf sintetis terakhir.",
]
BODY_EN = [
    "A phone maker's browsers sent records of the sites people visited to remote servers, even in private "
    "mode, two invented security researchers said in this synthetic test article.",
    "The researchers, who are fictional, said the data included search queries and the folders users opened, "
    "according to a report that is also made up for the collector's tests.",
    "\u201cIt was a backdoor with phone functionality,\u201d one of the synthetic researchers said, in a quote "
    "written for this fixture rather than taken from any outlet.",
    "The company said in a statement that the data was aggregated and anonymised, that users had consented, "
    "and that its practices followed the law of the countries where it sells phones.",
    "A few days later it released an update with a switch that turns off data collection in private mode, "
    "which the researchers in this synthetic story called a step in the right direction.",
    "Privacy advocates urged users to check their settings and update their browsers, the last paragraph of "
    "this made-up article says, ending the fixture's body text.",
]

_ONETRUST = (
    "<div id='onetrust-consent-sdk'><div id='onetrust-banner-sdk' class='otFlat' role='dialog' "
    "aria-label='Privacy'><div class='ot-sdk-container'><p id='onetrust-policy-text'>{text}</p>"
    "<button id='onetrust-accept-btn-handler'>{accept}</button><button id='onetrust-pc-btn-handler'>"
    "{settings}</button></div></div></div>"
)


def news_page(title: str, paragraphs: list[str], *, lang: str = "id", size: int = 0, banner: str = "",
              wrapper: str = "", body_class: str = "", charset_meta: bool = True) -> bytes:
    """A synthetic page with the chrome of a real news site around ``paragraphs`` (UTF-8).

    Head meta, JSON-LD, inline scripts and CSS, a 60-link menu, a search form, breadcrumbs,
    byline, "Baca juga" / related inserts, ad slots, share buttons, tags, a related-articles
    aside, a comment box and a long footer. ``size``: pad the inline app-state script to
    about this many bytes (real pages weigh 0.5-3 MB); ``banner``: "" | "onetrust" (a cookie
    banner over the page) | "preferences" (a banner plus a server-rendered preference
    centre of ~250 words); ``wrapper``: "form" wraps the whole body in an ASP.NET form;
    ``body_class`` goes on <body>. Every word of it is written for the tests.
    """
    ind = lang == "id"
    menu = "".join(f"<li><a href='/kanal/{i}'>{'Kanal' if ind else 'Section'} {i}</a></li>" for i in range(60))
    related = "".join(
        f"<li><a href='/read/2020/05/0{i % 9 + 1}/{i}'>{'Berita rekaan lain nomor' if ind else 'Another made-up story number'} "
        f"{i} {'tentang ponsel dan aplikasi' if ind else 'about phones and apps'}</a></li>" for i in range(12))
    also = ("<p><strong>Baca juga: <a href='/read/1'>Judul berita sintetis lain tentang peramban</a></strong></p>"
            if ind else "<p><strong>Read more: <a href='/read/1'>Another synthetic headline about browsers</a></strong></p>")
    ad = "<div class='ads-slot'><span>ADVERTISEMENT</span><div id='div-gpt-ad-1'></div><p>SCROLL TO CONTINUE WITH CONTENT</p></div>"
    body_paras = []
    for i, ptext in enumerate(paragraphs):
        body_paras.append(f"<p>{ptext}</p>")
        if i == 1:
            body_paras.append(also)
        if i == 2:
            body_paras.append(ad)
    text_banner = ""
    if banner:
        policy = ("Kami menggunakan cookie untuk meningkatkan pengalaman Anda di situs ini. Dengan melanjutkan, "
                  "Anda menyetujui kebijakan cookie kami (teks sintetis)." if ind else
                  "We use cookies to improve your experience. By clicking accept, you agree to our use of "
                  "cookies and similar technologies (synthetic text).")
        text_banner = _ONETRUST.format(text=policy, accept="Terima" if ind else "Accept all cookies",
                                       settings="Pengaturan cookie" if ind else "Cookie settings")
        if banner == "preferences":
            purposes = "".join(
                f"<div class='ot-cat-item'><h4>Purpose {k}</h4><p class='ot-category-desc'>These synthetic cookies "
                f"are used for purpose number {k}: they store and access information on your device so that we "
                f"and our partners can measure content and personalise advertising for this made-up test page.</p>"
                f"<div class='ot-tgl'><label>Active</label></div></div>" for k in range(6))
            text_banner += (f"<div id='onetrust-pc-sdk' class='otPcCenter' role='dialog'><h2>Privacy Preference "
                            f"Center</h2><p>We value your privacy.</p>{purposes}<button>Confirm my choices</button>"
                            f"<button>Reject all</button></div>")
    meta = "<meta charset='utf-8'>" if charset_meta else ""
    head = (
        f"<head>{meta}<title>{title} | Synthetic Daily</title>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<meta property='og:title' content='{title}'><meta property='og:type' content='article'>"
        "<meta name='robots' content='index, follow, max-image-preview:large'>"
        "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
        f"\"headline\":\"{title}\",\"datePublished\":\"2020-05-02T10:15:00+07:00\"}}</script>"
        "<style>body{font-family:sans-serif}.ads-slot{min-height:250px}</style>"
        "<script src='https://cdn.cookielaw.org/scripttemplates/otSDKStub.js' data-domain-script='synthetic'></script>"
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>"
        "</head>"
    )
    page_body = (
        f"<!-- synthetic test fixture shaped like a news page, not real news -->{text_banner}"
        "<header class='site-header'><div class='logo'><a href='/'>Synthetic Daily</a></div>"
        f"<nav class='main-menu'><ul>{menu}</ul></nav>"
        "<form class='search' action='/search'><input name='q' placeholder='Cari'><button>Cari</button></form></header>"
        "<div class='breadcrumb'><a href='/'>Home</a> / <a href='/tekno'>Tekno</a></div>"
        "<main><article class='detail'>"
        f"<h1 class='detail__title'>{title}</h1>"
        f"<div class='detail__author'>{'Penulis: Reporter Rekaan' if ind else 'By A Made-up Reporter'}</div>"
        f"<div class='detail__date'>{'Sabtu, 02 Mei 2020 10:15 WIB' if ind else 'May 2, 2020, 10:15 am'}</div>"
        "<figure><img src='/img/phone.jpg' alt='phone'><figcaption>Ilustrasi ponsel (synthetic)</figcaption></figure>"
        f"<div class='detail__body-text itp_bodycontent'>{''.join(body_paras)}</div>"
        "<div class='share'><button>Facebook</button><button>Twitter</button><button>WhatsApp</button></div>"
        "<div class='tags'><a href='/tag/privasi'>privasi</a><a href='/tag/ponsel'>ponsel</a></div>"
        "</article>"
        f"<aside class='related'><h3>{'Berita Terkait' if ind else 'Related'}</h3><ul>{related}</ul></aside>"
        "<section class='comments'><form><textarea></textarea><button>Kirim</button></form></section></main>"
        "<footer><p>Synthetic Daily is a made-up outlet used in tests. Copyright 2020 Synthetic Daily, all rights "
        "reserved. Jalan Rekaan 1, Jakarta.</p><ul><li><a href='/about'>About</a></li><li><a href='/pedoman'>"
        "Pedoman Media Siber</a></li></ul></footer>"
    )
    if wrapper == "form":
        page_body = ("<form method='post' action='./News.aspx?id=1' id='aspnetForm'><input type='hidden' "
                     f"name='__VIEWSTATE' value='synthetic'>{page_body}</form>")
    html = (f"<!DOCTYPE html><html lang='{lang}'>{head}<body class='{body_class}'>{page_body}"
            "<script>/* app state */ window.__STATE__ = ")
    tail = ";</script></body></html>"
    if size:
        filler = '{"k":"' + "synthetic-state " * max(0, (size - len(html) - len(tail)) // 16) + '"}'
    else:
        filler = "{}"
    return (html + filler + tail).encode("utf-8")
