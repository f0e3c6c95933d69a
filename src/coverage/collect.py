"""Collect the corpus: fetch every registry URL once, politely, into a WARC archive.

``collect(sources, out)`` reads the registry, then for each source:

1. reuses an archived response if one is usable, from ``DIR/raw`` or the read-only
   seed archive ``raw/`` beside the registry file (the latest record per source and
   route wins; records taken from the seed are copied into ``DIR/raw`` so DIR is
   self-contained); the status and consent-wall checks are applied again, so an
   archived 404 or consent wall is not mistaken for an article;
2. otherwise (and unless ``offline``) fetches the live page: robots.txt respected per
   origin (RFC 9309, see :meth:`_Fetcher._fetch_robots`), redirects followed one hop at a
   time, retries with exponential backoff on timeouts, connection errors, 429 and 5xx
   (honouring ``Retry-After``), bodies over ``max_bytes`` (default 20 MB) and non-HTML
   responses refused;
3. falls back to the Wayback Machine when the live page is gone (404, 410, DNS failure,
   connection refused), blocked (401, 403, 451), its robots.txt unreachable, a consent
   wall or a stub: a CDX lookup for the capture closest to the publication date, then
   the raw capture (``id_``). A stub, or a consent wall with some article text on it,
   with no usable capture is kept (it may be a short article under a banner); a bare
   consent wall or a gone page without one is reported failed.

Every HTTP response (robots.txt, redirect hops, failed attempts and CDX answers
included) goes into ``DIR/raw`` as it arrives, so a killed run loses nothing it
received, and a re-run fetches only what is still missing. Requests to one domain are
spaced at least ``delay`` seconds apart, or a robots.txt ``Crawl-delay`` if longer
(measured from the end of one response to the start of the next, robots.txt included);
different domains are fetched concurrently.

Bodies are archived as served. The one transformation is HTTP content coding
(gzip/deflate), which requests undoes while streaming: the archived record then
carries the decoded bytes, the original ``Content-Encoding``/``Content-Length``/
``Transfer-Encoding`` fields renamed ``X-Archive-Orig-*`` (the convention of pywb and
the Wayback Machine) and a ``Content-Length`` of the stored body, so it replays as is.

The fetch log (``DIR/fetch_log.csv``) has one row per source in registry order:
``status`` ok|failed, ``reason`` (why a page failed, or why the live page was not
used), then ``http_status``, ``final_url``, ``via`` (live|wayback), ``bytes`` and
``fetched_at`` of the response the row rests on (for a failed page the last one
judged; all empty when no response arrived), ``attempts`` (HTTP requests made for the
source in this run: retries, redirect hops and Wayback lookups included; robots.txt not; 0 when replayed
from the archive) and ``time`` (seconds spent on it in this run). ``fetched_at`` is the
archived record's WARC-Date, so an offline replay of the same archive writes the same
log byte for byte.

Robots.txt applies to the outlets' pages. The Wayback Machine's CDX and ``id_``
endpoints are not checked against web.archive.org's robots.txt: they are the public
API the Internet Archive documents for programmatic lookups of its captures (robots.txt
governs crawling a site, and a CDX query or one capture per source is not a crawl);
they are still throttled like any host and sent the same User-Agent.
"""

from __future__ import annotations

import email.utils
import datetime as _dt
import ipaddress
import json
import queue
import re
import sys
import threading
import time as _time
import urllib.robotparser
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pandas as pd
import requests

from . import archive, atomic
from .archive import ArchivedResponse
from .config import USER_AGENT, RunPaths, resolve
from .errors import StudyError
from .sources import load_sources, normalise_url

FETCH_LOG_COLUMNS = ["id", "url", "status", "reason", "http_status", "final_url", "via", "bytes",
                     "attempts", "time", "fetched_at"]
# The User-Agent sent: the study's own (config.USER_AGENT: name, version, purpose, contact
# URL) inside the "Mozilla/5.0 (compatible; ...)" form that honest crawlers use (Googlebot,
# bingbot), because many servers refuse a request whose agent does not start that way.
HTTP_USER_AGENT = USER_AGENT if USER_AGENT.startswith("Mozilla/") else f"Mozilla/5.0 (compatible; {USER_AGENT})"
# the product token robots.txt groups are matched against ("xiaomi-coverage-study")
ROBOTS_TOKEN = next((t for t in re.findall(r"([A-Za-z][\w.-]*)/\S", USER_AGENT) if t != "Mozilla"), "*")
DEFAULT_MAX_BYTES = 20_000_000  # real article pages run 0.2-3 MB (inline scripts, JSON, SVG); a cap only stops runaways
RETRY_AFTER_CAP = 120.0  # seconds; a server asking for longer is recorded as failed, not waited for
MAX_REDIRECTS = 10
CRAWL_DELAY_CAP = 60.0  # seconds; a robots.txt Crawl-delay is honoured up to this
ROBOTS_MAX_BYTES = 512_000  # RFC 9309 asks crawlers to parse at least 500 KiB
DEFAULT_CLOSEST = "20200502"  # Xiaomi's blog answer; the middle of the story
SEED_COPY_NAME = "seed.warc.gz"  # records copied from the seed archive (stable name: offline runs repeat)
_GONE = (404, 410)
_BLOCKED = (401, 403, 451)
_REDIRECTS = (301, 302, 303, 307, 308)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SNIFF_TYPES = ("", "text/plain", "application/octet-stream", "binary/octet-stream")
_LOG_EVERY = 2.0  # seconds between fetch-log checkpoints during a run


# -- page heuristics ----------------------------------------------------------------------

# Markers of consent-management platforms and cookie walls, matched in the raw HTML
# (lower case). A marker alone is common on real article pages (a banner over the
# text); it is a wall only when little article text is left besides the dialog.
CONSENT_MARKERS = (
    "didomi", "onetrust", "optanon", "quantcast", "qc-cmp", "cookiebot", "cookielaw.org",
    "trustarc", "truste.com", "sourcepoint", "sp_message", "consentmanager", "usercentrics",
    "__tcfapi", "fc-consent", "iubenda", "cookieyes", "osano", "consent.", "gdpr-consent",
    "cmp-container", "guce.", "cookie-wall", "cookiewall",
)
# Phrases of consent dialogs in visible text (English and Indonesian), lower case.
CONSENT_PHRASES = (
    "we value your privacy", "we care about your privacy", "your privacy choices",
    "accept all cookies", "accept cookies", "cookie settings", "cookie preferences",
    "manage cookies", "manage your consent", "before you continue", "we and our partners",
    "consent to the use of cookies", "by clicking accept", "reject all",
    "kami menghargai privasi anda", "kami peduli dengan privasi anda", "situs ini menggunakan cookie",
    "situs web ini menggunakan cookie", "kami menggunakan cookie", "terima semua cookie",
    "pengaturan cookie", "kebijakan cookie", "izinkan semua cookie", "setujui semua", "tolak semua",
    "kami dan mitra kami",
)
# id/class tokens of consent dialogs: their text is not article text.
_CONSENT_CONTAINER = re.compile(
    r"consent|cookie|gdpr|didomi|onetrust|optanon|qc-cmp|(?:^|[-_\s])cmp(?:[-_\s]|$)|sp_message|"
    r"truste|usercentrics|cookiebot|privacy-?(?:banner|notice|wall|manager|modal|overlay)",
    re.I,
)
_SKIP_TAGS = {"script", "style", "template", "svg", "iframe", "head", "title", "button", "select",
              "option", "label", "a", "figcaption"}
# Page regions that are chrome unless they hold the article: real pages often leave a tag open,
# and the parser then nests the whole article inside a <header>, <nav> or <aside>.
_REGION_TAGS = {"nav", "header", "footer", "aside", "menu"}
# Not "form": ASP.NET WebForms and some CMSs wrap the whole page, article included, in one <form>.
# Elements that hold a page's content: a consent word in their id/class ("cookie-consent-active"
# on <body>, a "gdpr" class on <main>) is a page state, not a dialog around them.
_PAGE_TAGS = {"html", "body", "main", "article"}
_MIN_BLOCK_WORDS = 8  # a text block shorter than this is a label, a headline or a menu item
STUB_MAX_ARTICLE_WORDS = 60  # less paragraph text than this is a stub (JS shell, "not found" page)
CONSENT_MAX_ARTICLE_WORDS = 150  # above this much article text a page is never called a wall
WALL_MAX_ARTICLE_WORDS = 20  # under this, a page with consent dialog text is a bare wall (nothing to keep)
_WORD = re.compile(r"\w+", re.UNICODE)
_TEXTLESS = {"script", "style", "template"}  # not <noscript>: some sites put the whole page in it


@dataclass(frozen=True)
class PageText:
    """What the page heuristics measure: words of article-like text and of consent dialogs."""

    article_words: int  # in paragraph-like blocks (>= 8 words) outside dialogs and page chrome
    dialog_words: int  # in consent containers, or in blocks using a consent-dialog phrase
    marked: bool  # a consent-platform marker in the HTML or a dialog phrase in the text

    @property
    def consent_wall(self) -> bool:
        """Consent dialog text on the page and little article text (see :func:`looks_like_consent_wall`)."""
        return self.marked and self.dialog_words > 0 and self.article_words < CONSENT_MAX_ARTICLE_WORDS and (
            self.article_words < self.dialog_words or self.article_words < WALL_MAX_ARTICLE_WORDS)

    @property
    def bare_wall(self) -> bool:
        """A consent wall with (almost) no article text: nothing on it is worth keeping."""
        return self.consent_wall and self.article_words < WALL_MAX_ARTICLE_WORDS

    @property
    def stub(self) -> bool:
        """Too little article text to be an article (see :func:`looks_like_stub`)."""
        return self.article_words < STUB_MAX_ARTICLE_WORDS


def _holds_content(el) -> bool:
    """True when ``el`` contains the article: an <article>/<main>, or several paragraphs."""
    if next(el.iterdescendants("article", "main"), None) is not None:
        return True
    n = 0
    for _ in el.iterdescendants("p"):
        n += 1
        if n >= 4:
            return True
    return False


def _is_dialog_container(el) -> bool:
    """An element whose id/class/aria-label names a consent dialog and that does not hold the page."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if not tag or tag in _PAGE_TAGS:
        return False
    marks = f"{el.get('id', '')} {el.get('class', '')} {el.get('aria-label', '')}"
    if not _CONSENT_CONTAINER.search(marks):
        return False
    # a wrapper around the article ("<div class='site cookie-banner-visible'>") is not a dialog:
    # it holds the article, or a headline over many paragraphs (dialogs have a few)
    if next(el.iterdescendants("article", "main"), None) is not None:
        return False
    return next(el.iterdescendants("h1"), None) is None or sum(1 for _ in el.iterdescendants("p")) <= 10


def page_text(html: bytes | str) -> PageText:
    """Measure a page for :func:`looks_like_consent_wall` and :func:`looks_like_stub`.

    Walks the parsed tree without recursion (real pages can nest thousands deep when
    tags are left open); a block is an element's own text plus its children's tails.
    """
    import lxml.html
    from lxml import etree

    raw = html if isinstance(html, bytes) else html.encode("utf-8", "replace")
    lower = raw.lower()
    marked = any(m.encode() in lower for m in CONSENT_MARKERS)
    if not raw.strip():
        return PageText(0, 0, marked)
    blocks: list[tuple[str, bool]] = []  # (text, inside a consent container)
    try:
        root = lxml.html.document_fromstring(raw)
    except (etree.ParserError, ValueError):
        root = None
    if root is None:
        text = re.sub(rb"(?is)<(script|style)\b.*?</\1>|<[^>]+>", b" ", raw).decode("utf-8", "replace")
        blocks.append((" ".join(text.split()), False))
    else:
        state: dict = {}  # element -> (chrome, dialog), set on the way down
        for event, el in etree.iterwalk(root, events=("start", "end")):
            tag = el.tag if isinstance(el.tag, str) else ""
            if event == "start":
                parent = el.getparent()
                chrome, dialog = state.get(parent, (False, False)) if parent is not None else (False, False)
                chrome = chrome or not tag or tag in _SKIP_TAGS or (tag in _REGION_TAGS and not _holds_content(el))
                dialog = dialog or (bool(tag) and _is_dialog_container(el))
                state[el] = (chrome, dialog)
                continue
            chrome, dialog = state.pop(el, (True, False))
            if not tag or tag in _TEXTLESS or tag in ("head", "title"):
                continue
            own = [el.text or ""] + [child.tail or "" for child in el]  # tails belong to the parent
            text = " ".join(" ".join(own).split())
            if not text:
                continue
            if dialog:
                blocks.append((text, True))
            elif not chrome:
                blocks.append((text, False))
            elif any(p in text.lower() for p in CONSENT_PHRASES):
                blocks.append((text, True))  # a dialog's button or form text outside a marked container
    article = dialog_words = 0
    for text, in_dialog in blocks:
        n = len(_WORD.findall(text))
        phrased = any(p in text.lower() for p in CONSENT_PHRASES)
        marked = marked or phrased
        if in_dialog or phrased:
            dialog_words += n
        elif n >= _MIN_BLOCK_WORDS:
            article += n
    return PageText(article, dialog_words, marked)


def looks_like_consent_wall(html: bytes | str) -> bool:
    """True when the page is a cookie/consent dialog rather than an article.

    Needs a consent marker (a consent-platform name such as didomi, onetrust,
    quantcast, trustarc, a ``consent.`` host in the HTML, or a dialog phrase such as
    "we value your privacy" / "kami menghargai privasi anda"), some consent-dialog text,
    and little article text: under :data:`CONSENT_MAX_ARTICLE_WORDS` words and fewer
    than the dialog's own, or under :data:`WALL_MAX_ARTICLE_WORDS`. A banner over a
    full article, however short the article, is not a wall.
    """
    return page_text(html).consent_wall


def looks_like_stub(html: bytes | str) -> bool:
    """True when the page carries very little article text.

    Counts words in paragraph-like text blocks (at least 8 words; navigation, header,
    footer, links, buttons, scripts and consent dialogs left out); fewer than
    :data:`STUB_MAX_ARTICLE_WORDS` is a stub: a JavaScript shell, a "page not found"
    served with 200, a teaser.
    """
    return page_text(html).stub


# -- judging a response ------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """Whether a response can be used as the article, and if not, why and what next."""

    ok: bool
    reason: str = ""
    fallback: bool = False  # worth trying the Wayback Machine
    soft: bool = False  # usable if no Wayback capture is (a stub)


def _media_type(headers: dict[str, str]) -> str:
    # a repeated Content-Type arrives joined ("text/html, text/html; charset=utf-8"): the first counts
    return re.split(r"[;,]", headers.get("content-type", ""), maxsplit=1)[0].strip().lower()


def _sniff_html(body: bytes) -> bool:
    head = body[:8192].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or any(t in head for t in (b"<html", b"<body", b"<head"))


def _consent_host(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host.startswith(("consent.", "guce.")) or ".consent." in host


def assess(resp: ArchivedResponse, max_bytes: int | None = None) -> Verdict:
    """Judge one final response (live or archived) the same way on every run."""
    s = resp.status
    if resp.truncated == "length":
        cap = f"the {max_bytes}-byte cap" if max_bytes else "the size cap"
        return Verdict(False, f"response larger than {cap} (refused while streaming)")
    if s in _GONE:
        return Verdict(False, f"live page HTTP {s} (gone)" if resp.via == "live" else f"HTTP {s}", fallback=True)
    if s in _BLOCKED:
        return Verdict(False, f"live page HTTP {s} (blocked)" if resp.via == "live" else f"HTTP {s}", fallback=True)
    if s == 429 or 500 <= s <= 599:
        return Verdict(False, f"HTTP {s} ({'too many requests' if s == 429 else 'server error'})")
    if s in _REDIRECTS:
        return Verdict(False, f"HTTP {s} redirect without a usable Location")
    if not 200 <= s <= 299:
        return Verdict(False, f"HTTP {s}")
    mtype = _media_type(resp.headers)
    if resp.truncated or (mtype not in _HTML_TYPES and not (mtype in _SNIFF_TYPES and _sniff_html(resp.body))):
        return Verdict(False, f"not HTML (content type {mtype or 'missing'})")
    where = "live page" if resp.via == "live" else "Wayback capture"
    if _consent_host(resp.url):
        return Verdict(False, f"{where} is a consent wall (consent host)", fallback=True)
    t = page_text(resp.body)
    if t.consent_wall:
        # A bare wall is a dialog and nothing else. With some article text the page may be a
        # short article under a long banner or preference centre: kept if no capture is usable.
        return Verdict(False, f"{where} is a consent wall ({t.article_words} words of article text, "
                              f"{t.dialog_words} of consent dialog)", fallback=True, soft=not t.bare_wall)
    if t.stub:
        return Verdict(False, f"{where} is a stub ({t.article_words} words of article text)", fallback=True, soft=True)
    return Verdict(True)


def _wayback_stamp(url: str) -> str:
    m = re.search(r"/(\d{4,14})(?:[a-z]{2}_)?/", url)
    return m.group(1) if m else "?"


def _wayback_ok_reason(live_reason: str, wb: ArchivedResponse) -> str:
    return f"{live_reason or 'live page not used'}; used the Wayback capture of {_wayback_stamp(wb.url)}"


# -- politeness -------------------------------------------------------------------------


def domain_key(host: str) -> str:
    """The politeness unit of a host: its registrable domain, approximately.

    ``tekno.kompas.com`` and ``www.kompas.com`` share ``kompas.com``; ``x.co.id`` keeps
    three labels; IP addresses and single-label names (``localhost``) stand alone.
    """
    host = (host or "").lower().rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    labels = host.split(".")
    if len(labels) <= 2:
        return host
    second = {"co", "com", "net", "org", "ac", "go", "or", "web", "my", "sch", "gov", "edu", "mil", "biz", "ne", "id"}
    if labels[-2] in second and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


class _Throttle:
    """One request at a time per domain, each starting ``delay`` s after the last ended."""

    def __init__(self, delay: float, stop: threading.Event):
        self.delay = max(0.0, float(delay))
        self.stop = stop
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = defaultdict(threading.Lock)
        self._next: dict[str, float] = defaultdict(float)
        self._own: dict[str, float] = {}  # a longer interval asked for by a site (robots.txt Crawl-delay)

    @contextmanager
    def slot(self, key: str) -> Iterator[None]:
        with self._guard:
            lock = self._locks[key]
        with lock:
            while (wait := self._next[key] - _time.monotonic()) > 0:
                if self.stop.wait(wait):
                    raise _Stopped()
            if self.stop.is_set():
                raise _Stopped()
            try:
                yield
            finally:
                gap = max(self.delay, self._own.get(key, 0.0))
                self._next[key] = max(self._next[key], _time.monotonic() + gap)

    def at_least(self, key: str, seconds: float) -> None:
        """Space requests to ``key`` by at least ``seconds`` from now on."""
        with self._guard:
            self._own[key] = max(self._own.get(key, 0.0), seconds)

    def defer(self, key: str, seconds: float) -> None:
        """Nothing more to ``key`` for ``seconds`` from now (Retry-After, backoff)."""
        with self._guard:
            self._next[key] = max(self._next[key], _time.monotonic() + seconds)


class _Stopped(Exception):
    """The run is being interrupted."""


def parse_retry_after(value: str | None, now: _dt.datetime | None = None) -> float | None:
    """Seconds asked for by a Retry-After value (delta-seconds or HTTP-date); None if unreadable."""
    if value is None:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    now = now or _dt.datetime.now(_dt.timezone.utc)
    return max(0.0, (when - now).total_seconds())


# -- fetching ---------------------------------------------------------------------------


@dataclass
class _Raw:
    """One HTTP exchange as the fetcher saw it."""

    status: int = 0
    status_text: str = ""
    headers: list[tuple[str, str]] | None = None
    body: bytes = b""
    truncated: str = ""
    refused: str = ""  # why the body was not read in full
    error: str = ""  # no response: why
    kind: str = ""  # timeout | dns | refused | conn | other


@dataclass
class _Chain:
    """The end of a redirect chain: the final response, or why there is none."""

    resp: ArchivedResponse | None = None
    error: str = ""
    kind: str = ""
    attempts: int = 0


def _conn_kind(exc: BaseException) -> str:
    text = repr(exc)
    if any(s in text for s in ("NameResolutionError", "Name or service not known", "getaddrinfo failed",
                               "nodename nor servname", "Temporary failure in name resolution",
                               "No address associated")):
        return "dns"
    if "Connection refused" in text or "ConnectionRefusedError" in text or "Errno 111" in text:
        return "refused"
    return "conn"


def _archived_headers(headers: list[tuple[str, str]], body_len: int) -> list[tuple[str, str]]:
    """Headers as received, with transfer/content coding fields renamed (the body is stored decoded)."""
    coded = any(k.lower() == "content-encoding" and v.strip().lower() not in ("", "identity") for k, v in headers)
    chunked = any(k.lower() == "transfer-encoding" for k, v in headers)
    if not coded and not chunked:
        return headers
    rename = {"transfer-encoding"} | ({"content-encoding", "content-length"} if coded else set())
    out = [(f"X-Archive-Orig-{k}" if k.lower() in rename else k, v) for k, v in headers]
    if not any(k.lower() == "content-length" for k, _ in out):
        out.append(("Content-Length", str(body_len)))
    return out


class _Fetcher:
    def __init__(self, raw_dir: Path, *, delay: float, timeout: float, max_bytes: int, retries: int,
                 backoff: float, stop: threading.Event):
        self.raw_dir = raw_dir
        self.timeout = float(timeout)
        self.max_bytes = int(max_bytes)
        self.retries = max(0, int(retries))
        self.backoff = max(0.0, float(backoff))
        self.stop = stop
        self.throttle = _Throttle(delay, stop)
        self._local = threading.local()
        self._robots: dict[str, tuple[urllib.robotparser.RobotFileParser | None, str]] = {}
        self._robots_locks: dict[str, threading.Lock] = defaultdict(threading.Lock)
        self._guard = threading.Lock()

    @property
    def session(self) -> requests.Session:
        s = getattr(self._local, "session", None)
        if s is None:
            s = requests.Session()
            s.headers.update({"User-Agent": HTTP_USER_AGENT,
                              "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
            s.max_redirects = MAX_REDIRECTS
            self._local.session = s
        return s

    def close(self) -> None:
        """Close this thread's connections (a worker thread's last call)."""
        s = getattr(self._local, "session", None)
        if s is not None:
            s.close()
            self._local.session = None

    # robots.txt --------------------------------------------------------------------
    def robots(self, url: str, *, source_id: str, requested_url: str) -> tuple[bool, str, str]:
        """(allowed, why not, kind) for ``url`` under its origin's robots.txt (fetched once per run)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._guard:
            lock = self._robots_locks[origin]
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._fetch_robots(origin, parts.hostname or "", source_id=source_id,
                                                          requested_url=requested_url)
        rp, unreachable = self._robots[origin]
        host = parts.hostname or ""
        if unreachable:
            return False, f"robots.txt of {host} unreachable ({unreachable}); RFC 9309 says to assume the site " \
                          "disallows crawling", "robots-unreachable"
        if rp is not None and not rp.can_fetch(ROBOTS_TOKEN, url):
            return False, f"disallowed by robots.txt ({host})", "robots"
        return True, "", ""

    def _fetch_robots(self, origin: str, host: str, *, source_id: str,
                      requested_url: str) -> tuple[urllib.robotparser.RobotFileParser | None, str]:
        """(rules or None for "allow all", "" or why robots.txt is unreachable), per RFC 9309.

        2xx: the rules (the first 500 KiB). 3xx: followed (requests, up to 10 hops).
        4xx other than 429: no rules, everything allowed. 429, 5xx, a timeout or a broken
        connection: retried like a page (backoff, Retry-After); still failing after the
        last attempt, the origin is "unreachable" and RFC 9309 asks a crawler to assume
        complete disallow: its pages are not fetched live in this run (a re-run asks
        again). A DNS failure or refused connection: no rules, so the page request itself
        reports the real problem (and the Wayback fallback applies).
        Every robots.txt response is archived (not final) under the source that asked.
        """
        key = domain_key(host)
        why = ""
        for attempt in range(1, self.retries + 2):
            wait = self.backoff * 2 ** (attempt - 1)
            try:
                with self.throttle.slot(key):
                    r = self.session.get(f"{origin}/robots.txt", timeout=(self.timeout, self.timeout), stream=True)
                    try:
                        body = b""
                        for chunk in r.iter_content(65536):
                            body += chunk
                            if len(body) > ROBOTS_MAX_BYTES:
                                break
                        for hop in r.history:
                            self._archive(_Raw(status=hop.status_code, status_text=hop.reason or "",
                                               headers=list(hop.raw.headers.items())),
                                          url=hop.url, source_id=source_id, via="live", requested_url=requested_url,
                                          note="robots.txt", final=False)
                        self._archive(_Raw(status=r.status_code, status_text=r.reason or "",
                                           headers=_archived_headers(list(r.raw.headers.items()), len(body)),
                                           body=body, truncated="length" if len(body) > ROBOTS_MAX_BYTES else ""),
                                      url=r.url, source_id=source_id, via="live", requested_url=requested_url,
                                      note="robots.txt", final=False)
                    finally:
                        r.close()
            except requests.TooManyRedirects:
                return None, ""  # RFC 9309 2.3.1.2: past 5 redirects, treat as unavailable (allow)
            except requests.Timeout:
                why = f"timed out after {self.timeout:g} s"
            except requests.ConnectionError as exc:
                if _conn_kind(exc) in ("dns", "refused"):
                    return None, ""
                why = f"connection error ({type(exc).__name__})"
            except requests.RequestException as exc:
                why = f"request failed ({type(exc).__name__})"
            else:
                s = r.status_code
                if 200 <= s <= 299:
                    rp = urllib.robotparser.RobotFileParser()
                    rp.parse(body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace").splitlines())
                    asked = rp.crawl_delay(ROBOTS_TOKEN)
                    if asked:
                        self.throttle.at_least(key, min(float(asked), CRAWL_DELAY_CAP))
                    return rp, ""
                if 400 <= s <= 499 and s != 429:
                    return None, ""
                why = f"HTTP {s}"
                ask = parse_retry_after(r.headers.get("retry-after"))
                if ask is not None:
                    if ask > RETRY_AFTER_CAP:
                        return None, f"{why} with Retry-After {ask:.0f} s"
                    wait = ask
            if attempt <= self.retries:
                self.throttle.defer(key, wait)
        n = self.retries + 1
        return None, f"{why}, {n} attempt{'s' if n > 1 else ''}"

    # one request ---------------------------------------------------------------------
    def _request(self, url: str, *, expect_html: bool) -> _Raw:
        host = urlsplit(url).hostname or ""
        with self.throttle.slot(domain_key(host)):
            start = _time.monotonic()
            try:
                r = self.session.get(url, stream=True, allow_redirects=False,
                                     timeout=(self.timeout, self.timeout))
            except requests.Timeout:
                return _Raw(error=f"timed out after {self.timeout:g} s", kind="timeout")
            except requests.ConnectionError as exc:
                kind = _conn_kind(exc)
                what = {"dns": f"DNS lookup failed for {host}", "refused": f"connection refused by {host}"}
                return _Raw(error=what.get(kind, f"connection error ({type(exc).__name__})"), kind=kind)
            except requests.RequestException as exc:
                return _Raw(error=f"request failed ({type(exc).__name__}: {exc})", kind="other")
            try:
                headers = list(r.raw.headers.items())
                raw = _Raw(status=r.status_code, status_text=r.reason or "", headers=headers)
                hdr = {k.lower(): v for k, v in headers}
                mtype = _media_type(hdr)
                length = hdr.get("content-length", "")
                if expect_html and 200 <= r.status_code <= 299 and mtype not in _HTML_TYPES and mtype not in _SNIFF_TYPES:
                    raw.truncated, raw.refused = "unspecified", f"not HTML (content type {mtype})"
                    return raw
                if length.isdigit() and int(length) > self.max_bytes and "content-encoding" not in hdr:
                    raw.truncated = "length"
                    raw.refused = f"response larger than the {self.max_bytes}-byte cap (Content-Length {length})"
                    return raw
                chunks: list[bytes] = []
                n = 0
                deadline = start + max(3 * self.timeout, 60.0)  # a trickling server cannot hold a worker forever
                for chunk in r.iter_content(65536):
                    n += len(chunk)
                    if n > self.max_bytes:
                        raw.truncated = "length"
                        raw.refused = f"response larger than the {self.max_bytes}-byte cap (refused while streaming)"
                        return raw
                    chunks.append(chunk)
                    if _time.monotonic() > deadline:
                        return _Raw(error=f"timed out reading the body (over {deadline - start:g} s)", kind="timeout")
                raw.body = b"".join(chunks)
                raw.headers = _archived_headers(headers, len(raw.body))
                if expect_html and 200 <= r.status_code <= 299 and mtype in _SNIFF_TYPES and not _sniff_html(raw.body):
                    raw.refused = f"not HTML (content type {mtype or 'missing'})"
                return raw
            except (requests.Timeout, requests.ConnectionError) as exc:
                if "timed out" in repr(exc).lower() or isinstance(exc, requests.Timeout):
                    return _Raw(error=f"timed out after {self.timeout:g} s", kind="timeout")
                return _Raw(error=f"connection broken while reading ({type(exc).__name__})", kind="conn")
            except requests.RequestException as exc:
                return _Raw(error=f"reading the body failed ({type(exc).__name__}: {exc})", kind="other")
            finally:
                r.close()

    def _wait(self, url: str, seconds: float) -> None:
        self.throttle.defer(domain_key(urlsplit(url).hostname or ""), seconds)

    def get(self, url: str, *, source_id: str, via: str, requested_url: str, note: str = "",
            expect_html: bool = True, final_ok: bool = True,
            accept: Callable[[ArchivedResponse], bool] | None = None) -> _Chain:
        """GET ``url`` following redirects, with retries; archive every response.

        ``final_ok=False`` archives even the last response as not final (a CDX answer);
        ``accept`` decides it for the last response (an unusable Wayback capture is not
        marked final, so it never shadows the page a source actually uses).
        """
        chain = _Chain()
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            if urlsplit(current).scheme not in ("http", "https"):
                chain.error, chain.kind = f"redirected to a non-HTTP URL ({current[:80]})", "other"
                return chain
            # robots.txt governs crawling an outlet; the Wayback Machine's CDX and id_
            # endpoints are an API the Internet Archive documents for programmatic use.
            if via == "live":
                ok, why, kind = self.robots(current, source_id=source_id, requested_url=requested_url)
                if not ok:
                    chain.error, chain.kind = why, kind
                    return chain
            for attempt in range(1, self.retries + 2):
                raw = self._request(current, expect_html=expect_html)
                chain.attempts += 1
                last = attempt > self.retries
                if raw.error:
                    chain.error, chain.kind = raw.error, raw.kind
                    if raw.kind in ("timeout", "conn", "refused") and not last:
                        self._wait(current, self.backoff * 2 ** (attempt - 1))
                        continue
                    if chain.attempts > 1:
                        chain.error += f" ({chain.attempts} attempts)"
                    return chain
                chain.error = chain.kind = ""
                s = raw.status
                hdr = {k.lower(): v for k, v in raw.headers or []}
                is_hop = s in _REDIRECTS and bool(hdr.get("location"))
                retryable = s == 429 or 500 <= s <= 599
                ask = parse_retry_after(hdr.get("retry-after")) if retryable else None
                over_cap = ask is not None and ask > RETRY_AFTER_CAP
                final = not is_hop and not (retryable and not last and not over_cap)
                resp = self._archive(raw, url=current, source_id=source_id, via=via, requested_url=requested_url,
                                     note=note, final=final and final_ok,
                                     accept=accept if final and not raw.refused else None)
                if retryable and over_cap:
                    chain.resp = resp
                    chain.error = (f"HTTP {s} with Retry-After {hdr.get('retry-after')!s} "
                                   f"({ask:.0f} s, over the {RETRY_AFTER_CAP:.0f} s cap)")
                    return chain
                if retryable and not last:
                    self._wait(current, ask if ask is not None else self.backoff * 2 ** (attempt - 1))
                    continue
                if retryable:
                    chain.resp = resp
                    chain.error = f"{assess(resp).reason} after {attempt} attempts"
                    return chain
                if raw.refused:
                    chain.resp, chain.error, chain.kind = resp, raw.refused, "refused-body"
                    return chain
                if is_hop:
                    current = urljoin(current, hdr["location"].strip())
                    break
                chain.resp = resp
                return chain
        chain.error, chain.kind = f"more than {MAX_REDIRECTS} redirects", "other"
        return chain

    def _archive(self, raw: _Raw, *, url: str, source_id: str, via: str, requested_url: str, note: str,
                 final: bool, accept: Callable[[ArchivedResponse], bool] | None = None) -> ArchivedResponse:
        hdrs: dict[str, str] = {}
        for k, v in raw.headers or []:
            k = k.lower()
            hdrs[k] = f"{hdrs[k]}, {v}" if k in hdrs else v
        resp = ArchivedResponse(source_id=source_id, url=url, status=raw.status, headers=hdrs, body=raw.body,
                                via=via, fetched_at=archive.warc_date(), final=final, requested_url=requested_url,
                                note=note, truncated=raw.truncated)
        if accept is not None:
            resp = replace(resp, final=final and accept(resp))
        archive.write_response(self.raw_dir, source_id=source_id, url=url, status=raw.status,
                               headers=raw.headers or [], body=raw.body, via=via, fetched_at=resp.fetched_at,
                               record_id=f"<urn:uuid:{uuid.uuid4()}>",
                               final=resp.final, status_text=raw.status_text, requested_url=requested_url,
                               note=note or None, truncated=raw.truncated or None)
        return resp


# -- one source ---------------------------------------------------------------------------


def _row(src: dict, status: str, reason: str = "", resp: ArchivedResponse | None = None,
         attempts: int = 0, seconds: float = 0.0) -> dict:
    """A fetch-log row; http_status, final_url, via, bytes and fetched_at describe ``resp``."""
    return {
        "id": src["id"], "url": src["url"], "status": status, "reason": " ".join(reason.split()),
        "http_status": resp.status if resp is not None else None,
        "final_url": resp.url if resp is not None else "",
        "via": resp.via if resp is not None else "",
        "bytes": len(resp.body) if resp is not None else 0,
        "attempts": attempts, "time": round(seconds, 3),
        "fetched_at": resp.fetched_at if resp is not None else "",
    }


def _closest(published: str) -> str:
    return published.replace("-", "") if re.fullmatch(r"\d{4}-\d{2}-\d{2}", published or "") else DEFAULT_CLOSEST


class _Collector:
    def __init__(self, fetcher: _Fetcher | None, *, max_bytes: int, wayback_cdx: str, wayback_base: str):
        self.f = fetcher
        self.max_bytes = max_bytes
        self.cdx = wayback_cdx
        self.base = wayback_base.rstrip("/")

    def fetch(self, src: dict) -> dict:
        """Fetch one source live, falling back to the Wayback Machine; return its log row."""
        t0 = _time.monotonic()
        f = self.f
        assert f is not None
        url, sid = src["url"], src["id"]
        chain = f.get(url, source_id=sid, via="live", requested_url=url)
        attempts = chain.attempts
        if chain.resp is not None and not chain.error:
            verdict = assess(chain.resp, self.max_bytes)
        elif chain.kind in ("dns", "refused"):
            verdict = Verdict(False, f"live page unreachable: {chain.error}", fallback=True)
        elif chain.kind == "robots-unreachable":
            verdict = Verdict(False, chain.error, fallback=True)  # the outlet's server is failing, not refusing
        else:
            return _row(src, "failed", chain.error, chain.resp, attempts=attempts,
                        seconds=_time.monotonic() - t0)
        if verdict.ok:
            return _row(src, "ok", "", chain.resp, attempts=attempts, seconds=_time.monotonic() - t0)
        if not verdict.fallback:
            return _row(src, "failed", verdict.reason, chain.resp, attempts=attempts, seconds=_time.monotonic() - t0)

        wb, why, n = self._wayback(src, note=verdict.reason)
        attempts += n
        spent = _time.monotonic() - t0
        if wb is not None:
            return _row(src, "ok", _wayback_ok_reason(verdict.reason, wb), wb, attempts=attempts, seconds=spent)
        if verdict.soft and chain.resp is not None:
            return _row(src, "ok", _kept_stub_reason(verdict.reason), chain.resp, attempts=attempts, seconds=spent)
        return _row(src, "failed", f"{verdict.reason}; no usable Wayback capture ({why})", chain.resp,
                    attempts=attempts, seconds=spent)

    def _wayback(self, src: dict, note: str) -> tuple[ArchivedResponse | None, str, int]:
        """(usable capture or None, why not, requests made)."""
        f = self.f
        assert f is not None
        url, sid = src["url"], src["id"]
        q = requests.models.PreparedRequest()
        q.prepare_url(self.cdx, {"url": url, "output": "json", "limit": "1", "filter": "statuscode:200",
                                 "closest": _closest(src.get("published", "")), "sort": "closest"})
        lookup = f.get(q.url, source_id=sid, via="wayback", requested_url=url, note=note,
                       expect_html=False, final_ok=False)
        n = lookup.attempts
        if lookup.resp is None or lookup.error or lookup.resp.status != 200:
            return None, f"CDX lookup failed: {lookup.error or 'HTTP ' + str(lookup.resp.status)}", n
        try:
            rows = json.loads(lookup.resp.body.decode("utf-8") or "[]")
            if len(rows) < 2:
                return None, "the Wayback Machine has no capture with status 200", n
            head, first = rows[0], rows[1]
            stamp = str(first[head.index("timestamp")])
        except (ValueError, TypeError, IndexError, AttributeError):
            return None, "the CDX answer is not the expected JSON", n
        if not re.fullmatch(r"\d{4,14}", stamp):
            return None, f"the CDX answer has a bad timestamp {stamp[:20]!r}", n
        chain = f.get(f"{self.base}/{stamp}id_/{url}", source_id=sid, via="wayback", requested_url=url, note=note,
                      accept=lambda r: assess(r, self.max_bytes).ok)
        n += chain.attempts
        if chain.resp is None or chain.error:
            return None, f"capture {stamp}: {chain.error}", n
        v = assess(chain.resp, self.max_bytes)
        if not v.ok:
            return None, f"capture {stamp}: {v.reason}", n
        return chain.resp, "", n

    def replay(self, src: dict, live: ArchivedResponse | None, wb: ArchivedResponse | None,
               *, offline: bool) -> tuple[dict | None, list[ArchivedResponse]]:
        """The row the archived responses give (None: fetch the source), and the records used.

        Usable without fetching: a live page that passes :func:`assess`, else a Wayback
        capture that does, else a stub (kept, as a live run keeps it). Offline, anything
        else is reported failed with the archived reason.
        """
        used = [r for r in (live, wb) if r is not None]
        lv = assess(live, self.max_bytes) if live is not None else None
        wv = assess(wb, self.max_bytes) if wb is not None else None
        if live is not None and lv.ok:
            return _row(src, "ok", "", live), [live]
        if wb is not None and wv.ok:
            return _row(src, "ok", _wayback_ok_reason(wb.note or (lv.reason if lv else ""), wb), wb), used
        if live is not None and lv.soft:
            return _row(src, "ok", _kept_stub_reason(lv.reason), live), used
        if not offline:
            return None, []
        if live is None and wb is None:
            return _row(src, "failed", "not in archive (offline run)"), []
        if live is not None and not lv.fallback:
            return _row(src, "failed", lv.reason, live), [live]
        live_reason = lv.reason if lv else (wb.note or "live page not archived")
        tail = "none in the archive" if wb is None else f"capture {_wayback_stamp(wb.url)}: {wv.reason}"
        return _row(src, "failed", f"{live_reason}; no usable Wayback capture ({tail})", live or wb), used


def _kept_stub_reason(reason: str) -> str:
    return f"{reason}; no usable Wayback capture, kept the live page"


# -- the run ------------------------------------------------------------------------------


def _latest_by_source(dirs: list[Path], registry: pd.DataFrame) -> dict[str, dict[str, ArchivedResponse]]:
    """Per source id and via, the latest final archived response for the registry's URL."""
    wanted = {r.id: normalise_url(r.url) for r in registry.itertuples()}
    out: dict[str, dict[str, ArchivedResponse]] = defaultdict(dict)
    for resp in archive.iter_responses(dirs, final_only=True):
        target = wanted.get(resp.source_id)
        if target is None:
            continue
        if resp.requested_url and normalise_url(resp.requested_url) != target:
            continue  # fetched for an earlier version of the registry row
        prev = out[resp.source_id].get(resp.via)
        if prev is None or resp.fetched_at >= prev.fetched_at:
            out[resp.source_id][resp.via] = resp
    return out


def _write_log(rows: dict[int, dict], registry: pd.DataFrame, path: Path, *, pending_reason: str) -> pd.DataFrame:
    full = []
    for i, src in enumerate(registry.to_dict("records")):
        full.append(rows.get(i) or _row(src, "failed", pending_reason))
    df = pd.DataFrame(full, columns=FETCH_LOG_COLUMNS)
    df["http_status"] = df["http_status"].astype("Int64")
    df["bytes"] = df["bytes"].astype("int64")
    df["attempts"] = df["attempts"].astype("int64")
    df["time"] = df["time"].astype("float64")
    atomic.write_csv(df, path)
    return df


def collect(
    sources: str | Path,
    out: str | Path,
    *,
    offline: bool = False,
    delay: float = 1.0,
    workers: int = 4,
    timeout: float = 20.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    retries: int = 3,
    backoff: float = 1.0,
    wayback_cdx: str = "https://web.archive.org/cdx/search/cdx",
    wayback_base: str = "https://web.archive.org/web",
    progress: bool = True,
) -> pd.DataFrame:
    """Collect every source of the registry into ``out`` and return the fetch log.

    Writes ``DIR/sources.csv`` (the validated registry), ``DIR/raw/*.warc.gz`` (every
    response) and ``DIR/fetch_log.csv`` (see the module docstring). Sources already
    archived in ``DIR/raw`` or in the seed archive beside the registry are not fetched
    again; ``offline=True`` opens no network connection and replays the archive alone.
    A page that cannot be collected is recorded as failed with its reason; the run goes
    on. Raises StudyError for an unusable registry or output folder.
    """
    from tqdm import tqdm

    if workers < 1:
        raise StudyError(f"workers must be at least 1 (got {workers}); pass --workers 1 or more")
    if delay < 0:
        raise StudyError(f"delay must be 0 or more seconds (got {delay}); pass --delay 1")
    registry = load_sources(sources)
    paths = RunPaths.at(out)
    try:
        paths.raw.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StudyError(f"{paths.out}: cannot create the output folder ({exc.strerror}); choose another --out") from None
    atomic.write_csv(registry, paths.sources)

    seed = resolve(sources).parent / "raw"
    dirs = [seed, paths.raw] if seed.resolve() != paths.raw.resolve() else [paths.raw]
    archived = _latest_by_source(dirs, registry)

    collector = _Collector(None, max_bytes=max_bytes, wayback_cdx=wayback_cdx, wayback_base=wayback_base)
    records = registry.to_dict("records")
    rows: dict[int, dict] = {}
    todo: list[int] = []
    for i, src in enumerate(records):
        got = archived.get(src["id"], {})
        row, used = collector.replay(src, got.get("live"), got.get("wayback"), offline=offline)
        if row is None:
            todo.append(i)
            continue
        rows[i] = row
        for rec in used:  # make DIR self-contained: copy what came from the seed
            if len(dirs) == 2 and Path(rec.warc_path).parent.resolve() == seed.resolve():
                archive.copy_record(rec, paths.raw, warc_name=SEED_COPY_NAME)

    bar = tqdm(total=len(records), initial=len(rows), desc="collect", unit="page", file=sys.stderr,
               disable=not progress, leave=True)
    stop = threading.Event()
    pending = "not fetched (the run stopped before reaching it)"
    try:
        if todo:
            fetcher = _Fetcher(paths.raw, delay=delay, timeout=timeout, max_bytes=max_bytes, retries=retries,
                               backoff=backoff, stop=stop)
            collector.f = fetcher
            results: queue.Queue = queue.Queue()
            groups: dict[str, list[int]] = defaultdict(list)
            for i in todo:
                groups[domain_key(urlsplit(records[i]["url"]).hostname or "")].append(i)

            def work(indices: list[int]) -> None:
                try:
                    for i in indices:
                        if stop.is_set():
                            return
                        try:
                            row = collector.fetch(records[i])
                        except _Stopped:
                            return
                        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the run
                            row = _row(records[i], "failed", f"internal error: {type(exc).__name__}: {exc}")
                        results.put((i, row))
                finally:
                    fetcher.close()

            pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="collect")
            try:
                futures = [pool.submit(work, idx) for idx in groups.values()]
                last_log = _time.monotonic()
                while len(rows) < len(records):
                    try:
                        i, row = results.get(timeout=0.2)
                    except queue.Empty:
                        if all(fu.done() for fu in futures) and results.empty():
                            break
                        continue
                    rows[i] = row
                    bar.update(1)
                    if _time.monotonic() - last_log > _LOG_EVERY:
                        _write_log(rows, registry, paths.fetch_log, pending_reason=pending)
                        last_log = _time.monotonic()
                for fu in futures:
                    fu.result()  # a bug in the worker loop itself surfaces here
            finally:
                stop.set()
                pool.shutdown(wait=True, cancel_futures=True)
                while not results.empty():  # pages finished while shutting down
                    i, row = results.get_nowait()
                    rows[i] = row
    except KeyboardInterrupt:
        pending = "not fetched (run interrupted)"
        raise
    finally:
        bar.close()
        log = _write_log(rows, registry, paths.fetch_log, pending_reason=pending)
    return log



# -- measuring the page heuristics on real pages --------------------------------------------


def measure_heuristics(corpus: str | Path | None = None) -> pd.DataFrame:
    """Judge every page of the benchmark corpus (coverage.bench: 990 real pages) as a live 200.

    Returns one row per page (file, bytes, verdict, reason): what :func:`assess` would do
    with it. A real article page judged a hard failure is a bug in the heuristics; a
    "soft" one costs a Wayback lookup and is kept when no capture is usable.
    """
    from . import bench

    rows = []
    for p in bench.load_pages(bench.resolve_corpus(corpus)):
        v = assess(ArchivedResponse("bench", p.url, 200, {"content-type": "text/html"}, p.html, "live", ""))
        verdict = "ok" if v.ok else ("soft" if v.soft else "hard")
        rows.append({"file": p.file, "bytes": len(p.html), "verdict": verdict, "reason": v.reason})
    return pd.DataFrame(rows)


if __name__ == "__main__":  # python -m coverage.collect [CORPUS]: print the heuristics' verdicts
    t0 = _time.monotonic()
    table = measure_heuristics(sys.argv[1] if len(sys.argv) > 1 else None)
    print(table["verdict"].value_counts().to_string())
    print(f"{len(table)} pages in {_time.monotonic() - t0:.1f} s")
    print(table[table["verdict"] != "ok"].to_string(index=False))
