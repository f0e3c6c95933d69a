"""The collector against a real HTTP server on 127.0.0.1 (tests/localserver.py).

Each test defines the server's routes, runs collect() and checks the fetch log, the
WARC archive and the requests the server recorded. Every page is synthetic, written
for these tests. Waits are kept short (delays of 0.2-0.3 s, Retry-After 1 s).
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from coverage import archive
from coverage.collect import (
    DEFAULT_MAX_BYTES,
    FETCH_LOG_COLUMNS,
    HTTP_USER_AGENT,
    collect,
    domain_key,
    looks_like_consent_wall,
    looks_like_stub,
    page_text,
    parse_retry_after,
)
from coverage.config import USER_AGENT
from localserver import BODY_EN, BODY_ID, LocalServer, Reply, article, news_page, page, wayback

HEADER = "id,url,outlet,country,language,published"


@pytest.fixture
def server():
    s = LocalServer().start()
    yield s
    s.stop()


def registry(folder: Path, rows: list[tuple[str, str]], published: str = "2020-05-04") -> Path:
    """A registry CSV of (id, url) rows; every source a synthetic Indonesian outlet."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "sources.csv"
    lines = [HEADER] + [f"{sid},{url},Synthetic Outlet,ID,id,{published}" for sid, url in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(server: LocalServer, tmp_path: Path, rows, **kw) -> pd.DataFrame:
    kw = {"delay": 0.0, "timeout": 1.0, "retries": 2, "backoff": 0.05, "progress": False,
          "wayback_cdx": server.url("/cdx"), "wayback_base": server.url("/web"), **kw}
    out = kw.pop("out", tmp_path / "out")
    return collect(registry(tmp_path / "reg", rows), out, **kw).set_index("id")


def records(out: Path, robots: bool = False) -> list[archive.ArchivedResponse]:
    """The archived responses of a run (robots.txt answers left out unless asked for)."""
    return [r for r in archive.iter_responses(out / "raw") if robots or r.note != "robots.txt"]


# -- plain fetching ----------------------------------------------------------------------


def test_200_page_is_archived_byte_for_byte_and_logged(server, tmp_path):
    body = article("Synthetic 200 page")
    server.route("/a", Reply(200, body))
    log = run(server, tmp_path, [("s200", server.url("/a"))])
    row = log.loc["s200"]
    assert (row.status, row.reason, row.http_status, row.via, row.bytes, row.attempts) == ("ok", "", 200, "live", len(body), 1)
    assert row.final_url == server.url("/a")
    # the files of DIR
    out = tmp_path / "out"
    assert list(pd.read_csv(out / "fetch_log.csv").columns) == FETCH_LOG_COLUMNS
    assert pd.read_csv(out / "sources.csv")["id"].tolist() == ["s200"]
    got = archive.read_responses(out / "raw")["s200"]
    assert got.body == body and got.status == 200 and got.via == "live" and got.fetched_at == row.fetched_at
    # polite and identifiable: robots.txt first, then the page, with the study's User-Agent
    assert server.paths() == ["/robots.txt", "/a"]
    sent = server.hits_for("/a")[0].headers["user-agent"]
    assert sent == HTTP_USER_AGENT == f"Mozilla/5.0 (compatible; {USER_AGENT})"
    assert sent.count("xiaomi-coverage-study") == 2  # the study's name and its contact URL
    assert server.hits_for("/robots.txt")[0].headers["user-agent"] == sent
    # the robots.txt answer (a 404 here) is archived too, under the source that asked, not final
    (robots,) = [r for r in records(out, robots=True) if r.note == "robots.txt"]
    assert (robots.source_id, robots.status, robots.final) == ("s200", 404, False)


def test_redirect_is_followed_and_hops_are_archived(server, tmp_path):
    server.route("/old", Reply(301, b"", headers=[("Location", "/mid")]))
    server.route("/mid", Reply(302, b"", headers=[("Location", server.url("/new"))]))
    server.route("/new", Reply(200, article("Synthetic moved page")))
    row = run(server, tmp_path, [("moved", server.url("/old"))]).loc["moved"]
    assert (row.status, row.http_status, row.final_url, row.attempts) == ("ok", 200, server.url("/new"), 3)
    recs = records(tmp_path / "out")
    assert [(r.status, r.final, r.url.rsplit("/", 1)[1]) for r in recs] == [
        (301, False, "old"), (302, False, "mid"), (200, True, "new")]
    assert all(r.requested_url == server.url("/old") for r in recs)


def test_404_falls_back_to_the_wayback_capture_closest_to_publication(server, tmp_path):
    gone, missing = server.url("/gone"), server.url("/gone-too")
    server.route("/gone", Reply(404, b"<html><body><p>not here</p></body></html>"))
    server.route("/gone-too", Reply(410, b""))
    capture = article("Synthetic capture of a removed page")
    wayback(server, {gone: ("20200504093000", capture)})
    log = run(server, tmp_path, [("gone", gone), ("missing", missing)])

    row = log.loc["gone"]
    assert (row.status, row.via, row.http_status) == ("ok", "wayback", 200)
    assert row.reason == "live page HTTP 404 (gone); used the Wayback capture of 20200504093000"
    assert row.final_url == server.url("/web/20200504093000id_/" + gone)
    (lookup,) = [h for h in server.hits_for("/cdx") if h.query["url"] == [gone]]
    assert lookup.query == {"url": [gone], "output": ["json"], "limit": ["1"], "filter": ["statuscode:200"],
                            "closest": ["20200504"], "sort": ["closest"]}
    used = archive.read_responses(tmp_path / "out" / "raw")["gone"]
    assert (used.via, used.body) == ("wayback", capture)

    row = log.loc["missing"]
    assert row.status == "failed"
    assert row.reason == ("live page HTTP 410 (gone); no usable Wayback capture "
                          "(the Wayback Machine has no capture with status 200)")


def test_dns_failure_falls_back_to_wayback(server, tmp_path):
    url = "http://no-such-host.invalid/xiaomi"
    wayback(server, {url: ("20200505000000", article("Synthetic capture"))})
    row = run(server, tmp_path, [("nodns", url)], retries=0).loc["nodns"]
    assert (row.status, row.via) == ("ok", "wayback")
    assert row.reason.startswith("live page unreachable: DNS lookup failed for no-such-host.invalid")


def test_429_waits_for_retry_after(server, tmp_path):
    server.route("/busy", Reply(429, b"slow down", headers=[("Retry-After", "1")]), Reply(200, article()))
    row = run(server, tmp_path, [("busy", server.url("/busy"))]).loc["busy"]
    assert (row.status, row.attempts) == ("ok", 2)
    first, second = server.hits_for("/busy")
    assert second.start - first.end >= 1.0  # the server's own clock: the retry came after Retry-After
    assert [(r.status, r.final) for r in records(tmp_path / "out")] == [(429, False), (200, True)]


def test_retry_after_over_the_cap_is_not_waited_for(server, tmp_path):
    server.route("/later", Reply(503, b"", headers=[("Retry-After", "3600")]))
    row = run(server, tmp_path, [("later", server.url("/later"))]).loc["later"]
    assert row.status == "failed" and row.http_status == 503
    assert row.reason == "HTTP 503 with Retry-After 3600 (3600 s, over the 120 s cap)"
    assert len(server.hits_for("/later")) == 1


def test_retry_after_forms():
    now = dt.datetime(2020, 5, 4, 10, 0, 0, tzinfo=dt.timezone.utc)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Mon, 04 May 2020 10:00:30 GMT", now=now) == 30.0
    assert parse_retry_after("Mon, 04 May 2020 09:00:00 GMT", now=now) == 0.0  # in the past: no wait
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_500_then_200_is_retried(server, tmp_path):
    server.route("/flaky", Reply(500, b"oops"), Reply(200, article()))
    server.route("/down", Reply(502, b"bad gateway"))
    log = run(server, tmp_path, [("flaky", server.url("/flaky")), ("down", server.url("/down"))], retries=2)
    assert (log.loc["flaky", "status"], log.loc["flaky", "attempts"]) == ("ok", 2)
    assert (log.loc["down", "status"], log.loc["down", "attempts"]) == ("failed", 3)
    assert log.loc["down", "reason"] == "HTTP 502 (server error) after 3 attempts"
    down = [(r.status, r.final) for r in records(tmp_path / "out") if r.source_id == "down"]
    assert down == [(502, False), (502, False), (502, True)]


def test_timeout_is_retried_then_recorded(server, tmp_path):
    server.route("/sleepy", Reply(200, article(), sleep=1.0))
    row = run(server, tmp_path, [("sleepy", server.url("/sleepy"))], timeout=0.3, retries=1).loc["sleepy"]
    assert (row.status, row.attempts, row.via) == ("failed", 2, "")  # no response: no via
    assert row.reason == "timed out after 0.3 s (2 attempts)"
    assert len(server.hits_for("/sleepy")) == 2
    assert archive.read_responses(tmp_path / "out" / "raw") == {}  # nothing arrived, nothing archived


def test_wrong_charset_bytes_are_archived_unchanged(server, tmp_path):
    # declared UTF-8, encoded windows-1252: the archive must keep the bytes, not "fix" them
    body = article("Synthetic: harga Rp 1.000, kafe \u201ccaf\xe9\u201d", charset="cp1252")
    server.route("/latin", Reply(200, body, content_type="text/html; charset=utf-8"))
    row = run(server, tmp_path, [("latin", server.url("/latin"))]).loc["latin"]
    got = archive.read_responses(tmp_path / "out" / "raw")["latin"]
    assert row.status == "ok" and got.body == body and b"caf\xe9" in got.body
    assert got.headers["content-type"] == "text/html; charset=utf-8"


def test_gzip_coded_page_is_archived_decoded_with_the_coding_noted(server, tmp_path):
    import gzip

    body = article("Synthetic gzip page")
    server.route("/gz", Reply(200, gzip.compress(body, mtime=0), headers=[("Content-Encoding", "gzip")]))
    row = run(server, tmp_path, [("gz", server.url("/gz"))]).loc["gz"]
    got = archive.read_responses(tmp_path / "out" / "raw")["gz"]
    assert row.status == "ok" and got.body == body and row.bytes == len(body)
    assert got.headers["x-archive-orig-content-encoding"] == "gzip" and "content-encoding" not in got.headers
    assert got.headers["content-length"] == str(len(body))


def test_robots_disallow_is_respected(server, tmp_path):
    server.route("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    server.route("/private/*", Reply(200, article()))
    server.route("/public", Reply(200, article()))
    log = run(server, tmp_path, [("private", server.url("/private/x")), ("public", server.url("/public"))])
    assert (log.loc["private", "status"], log.loc["private", "reason"]) == (
        "failed", "disallowed by robots.txt (127.0.0.1)")
    assert log.loc["public", "status"] == "ok"
    assert server.paths().count("/robots.txt") == 1 and "/private/x" not in server.paths()


def test_oversize_body_is_refused_while_streaming(server, tmp_path):
    big = b"<html><body>" + b"<p>synthetic filler text</p>" * 20_000 + b"</body></html>"  # ~560 kB
    server.route("/big", Reply(200, big, content_length=False, chunk=8192))
    server.route("/big-declared", Reply(200, big))
    log = run(server, tmp_path, [("big", server.url("/big")), ("declared", server.url("/big-declared"))],
              max_bytes=100_000)
    assert log.loc["big", "status"] == "failed"
    assert log.loc["big", "reason"] == "response larger than the 100000-byte cap (refused while streaming)"
    assert log.loc["declared", "reason"] == f"response larger than the 100000-byte cap (Content-Length {len(big)})"
    recs = {r.source_id: r for r in records(tmp_path / "out")}
    assert recs["big"].truncated == "length" and recs["big"].body == b""


def test_non_html_is_refused_with_its_type(server, tmp_path):
    server.route("/report.pdf", Reply(200, b"%PDF-1.4 synthetic", content_type="application/pdf"))
    server.route("/untyped", Reply(200, article(), content_type=None))
    log = run(server, tmp_path, [("pdf", server.url("/report.pdf")), ("untyped", server.url("/untyped"))])
    assert (log.loc["pdf", "status"], log.loc["pdf", "reason"]) == ("failed", "not HTML (content type application/pdf)")
    assert log.loc["untyped", "status"] == "ok"  # no Content-Type: sniffed as HTML


CONSENT_WALL = (
    b"<!doctype html><html><head><script src='https://sdk.privacy-center.org/loader.js'></script>"
    b"<!-- synthetic consent wall --></head><body><div id='didomi-host'><div class='didomi-popup'>"
    b"<h1>We value your privacy</h1><p>We and our partners store and access information on your device, "
    b"such as cookies, and process personal data for personalised ads and content.</p>"
    b"<button>Agree</button><button>Disagree</button></div></div></body></html>"
)


def test_consent_wall_falls_back_to_wayback(server, tmp_path):
    url = server.url("/walled")
    server.route("/walled", Reply(200, CONSENT_WALL))
    wayback(server, {url: ("20200501120000", article("Synthetic capture behind the wall"))})
    row = run(server, tmp_path, [("walled", url)]).loc["walled"]
    assert (row.status, row.via) == ("ok", "wayback")
    # dialog words: heading 4 + paragraph 23 + two buttons 2
    assert row.reason == ("live page is a consent wall (0 words of article text, 29 of consent dialog); "
                          "used the Wayback capture of 20200501120000")


def test_stub_without_a_usable_capture_keeps_the_live_page(server, tmp_path):
    shell = b"<html><body><div id='app'></div><script>render()</script><p>Loading</p></body></html>"
    server.route("/shell", Reply(200, shell))
    server.route("/shell2", Reply(200, shell))
    wayback(server, {server.url("/shell2"): ("20200502000000", shell)})  # the capture is a shell too
    log = run(server, tmp_path, [("shell", server.url("/shell")), ("shell2", server.url("/shell2"))])
    for sid in ("shell", "shell2"):
        row = log.loc[sid]
        assert (row.status, row.via, row.bytes) == ("ok", "live", len(shell))
        assert row.reason == ("live page is a stub (0 words of article text); "
                              "no usable Wayback capture, kept the live page")
    # the unusable capture is archived but not final, so readers of the archive get the live page
    assert archive.read_responses(tmp_path / "out" / "raw")["shell2"].via == "live"
    capture = [r for r in records(tmp_path / "out") if r.source_id == "shell2" and r.url.endswith("/shell2")
               and r.via == "wayback"]
    assert [(r.status, r.final) for r in capture] == [(200, False)]


# -- robots.txt per RFC 9309 ----------------------------------------------------------------


@pytest.mark.parametrize("status", [404, 403, 410])
def test_robots_txt_4xx_allows_everything(server, tmp_path, status):
    server.route("/robots.txt", Reply(status, b"<html><body>no robots here</body></html>"))
    server.route("/page", Reply(200, article()))
    row = run(server, tmp_path, [("p", server.url("/page"))]).loc["p"]
    assert (row.status, row.via) == ("ok", "live")
    assert server.paths() == ["/robots.txt", "/page"]


def test_robots_txt_5xx_is_retried_then_taken_as_disallow_with_wayback_fallback(server, tmp_path):
    server.route("/robots.txt", Reply(503, b"synthetic outage"))
    server.route("/page", Reply(200, article()))
    url = server.url("/page")
    wayback(server, {url: ("20200502101500", article("Synthetic capture"))})
    row = run(server, tmp_path, [("p", url)], retries=1).loc["p"]
    assert len(server.hits_for("/robots.txt")) == 2  # retried once (retries=1), then given up
    assert server.hits_for("/page") == []  # the outlet's page is not crawled
    assert (row.status, row.via) == ("ok", "wayback")
    assert row.reason == ("robots.txt of 127.0.0.1 unreachable (HTTP 503, 2 attempts); RFC 9309 says to assume "
                          "the site disallows crawling; used the Wayback capture of 20200502101500")
    # both robots.txt answers are in the archive, under the source that asked, not final
    robots = [(r.status, r.final) for r in records(tmp_path / "out", robots=True) if r.note == "robots.txt"]
    assert robots == [(503, False), (503, False)]


def test_robots_txt_5xx_then_200_applies_the_rules(server, tmp_path):
    server.route("/robots.txt", Reply(500, b""), Reply(200, b"User-agent: *\nDisallow: /x\n", content_type="text/plain"))
    server.route("/x", Reply(200, article()))
    server.route("/y", Reply(200, article()))
    log = run(server, tmp_path, [("x", server.url("/x")), ("y", server.url("/y"))])
    assert log.loc["x", "reason"] == "disallowed by robots.txt (127.0.0.1)"
    assert log.loc["y", "status"] == "ok"
    assert [h.path for h in server.hits] == ["/robots.txt", "/robots.txt", "/y"]


def test_robots_txt_timeout_is_taken_as_disallow(server, tmp_path):
    server.route("/robots.txt", Reply(200, b"User-agent: *\nAllow: /\n", content_type="text/plain", sleep=1.0))
    server.route("/page", Reply(200, article()))
    wayback(server, {})
    row = run(server, tmp_path, [("p", server.url("/page"))], timeout=0.3, retries=0).loc["p"]
    assert row.status == "failed"
    assert row.reason == ("robots.txt of 127.0.0.1 unreachable (timed out after 0.3 s, 1 attempt); RFC 9309 says to "
                          "assume the site disallows crawling; no usable Wayback capture "
                          "(the Wayback Machine has no capture with status 200)")
    assert server.hits_for("/page") == []


def test_robots_txt_redirect_is_followed_and_archived(server, tmp_path):
    server.route("/robots.txt", Reply(301, b"", headers=[("Location", "/policies/robots.txt")]))
    server.route("/policies/robots.txt", Reply(200, b"User-agent: *\nDisallow: /x\n", content_type="text/plain"))
    server.route("/x", Reply(200, article()))
    row = run(server, tmp_path, [("x", server.url("/x"))]).loc["x"]
    assert row.reason == "disallowed by robots.txt (127.0.0.1)"
    robots = [(r.status, r.url.split(str(server.port))[1]) for r in records(tmp_path / "out", robots=True)
              if r.note == "robots.txt"]
    assert robots == [(301, "/robots.txt"), (200, "/policies/robots.txt")]


def test_robots_txt_group_for_the_study_is_obeyed(server, tmp_path):
    rules = b"User-agent: xiaomi-coverage-study\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    server.route("/robots.txt", Reply(200, rules, content_type="text/plain"))
    server.route("/page", Reply(200, article()))
    row = run(server, tmp_path, [("p", server.url("/page"))]).loc["p"]
    assert row.reason == "disallowed by robots.txt (127.0.0.1)"


# -- pages shaped like real ones, served the ways real servers serve them ------------------


def _body_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_real_shaped_pages_with_odd_headers_are_collected_live(server, tmp_path):
    """Chrome-heavy pages (cookie banners, 2.5 MB of app state, an ASP.NET form around the
    page, a consent class on <body>) served gzip+chunked, without a charset, with a wrong
    charset, with a doubled Content-Type, behind a User-Agent gate: all are articles."""
    from coverage.extract import extract_html

    big = news_page("Ponsel rekaan kirim data", BODY_ID, size=2_500_000, banner="onetrust")
    latin = news_page("Synthetic browser story", BODY_EN, lang="en", banner="preferences")
    aspx = news_page("Peramban rekaan", BODY_ID, wrapper="form", banner="onetrust")
    klass = news_page("Synthetic consent class", BODY_EN, lang="en", body_class="cookie-consent-active gdpr-shown")
    gated = news_page("Gated synthetic page", BODY_EN, lang="en", charset_meta=False)
    server.route("/big", Reply(200, gzip.compress(big, mtime=0), content_type="text/html",
                               headers=[("Content-Encoding", "gzip")], chunked=True))
    server.route("/latin", Reply(200, latin, content_type="text/html; charset=ISO-8859-1"))
    server.route("/News.aspx", Reply(200, aspx, content_type="text/html", chunked=True))
    server.route("/klass", Reply(200, klass, headers=[("Content-Type", "text/html; charset=utf-8")]))
    server.route("/gated", lambda hit: Reply(200, gated) if hit.headers.get("user-agent", "").startswith("Mozilla/5.0")
                 else Reply(403, b"<html><body>unknown agent</body></html>"))
    wayback(server, {})
    rows = [("big", server.url("/big")), ("latin", server.url("/latin")),
            ("aspx", server.url("/News.aspx?NewsID=736246&cat=tekno")),  # a query string, as real URLs have
            ("klass", server.url("/klass")), ("gated", server.url("/gated"))]
    log = run(server, tmp_path, rows)  # the default size cap
    assert DEFAULT_MAX_BYTES >= 10_000_000
    assert log["status"].tolist() == ["ok"] * 5 and log["reason"].tolist() == [""] * 5
    assert (log["via"] == "live").all() and (log["attempts"] == 1).all()
    assert server.hits_for("/cdx") == [] and {h.method for h in server.hits} == {"GET"}
    assert log.loc["big", "bytes"] == len(big) > 2_500_000
    got = archive.read_responses(tmp_path / "out" / "raw")
    sources = {"big": (BODY_ID, "id"), "latin": (BODY_EN, "en"), "aspx": (BODY_ID, "id"),
               "klass": (BODY_EN, "en"), "gated": (BODY_EN, "en")}
    for sid, (paras, lang) in sources.items():
        words = _body_words(extract_html(got[sid].body, got[sid].url, lang))
        want = _body_words(" ".join(paras))
        common = sum(min(words.count(w), want.count(w)) for w in set(want))
        f1 = 2 * common / (len(words) + len(want))
        assert f1 >= 0.9, (sid, f1)


def test_short_article_under_a_preference_centre_is_kept_when_no_capture_exists(server, tmp_path):
    short = news_page("Kabar singkat", BODY_ID[:3], banner="preferences")  # 75 article words, 262 dialog words
    server.route("/short", Reply(200, short))
    wayback(server, {})
    row = run(server, tmp_path, [("short", server.url("/short"))]).loc["short"]
    assert (row.status, row.via, row.bytes) == ("ok", "live", len(short))
    assert row.reason == ("live page is a consent wall (75 words of article text, 262 of consent dialog); "
                          "no usable Wayback capture, kept the live page")


# -- politeness and concurrency ------------------------------------------------------------


def test_default_politeness_is_one_request_per_second_per_domain_with_domains_in_parallel(server, tmp_path):
    """Server-side timestamps: per host, each request starts >= 1 s (the default delay) after
    the previous answer began, with 50 ms tolerance; the two hosts' requests interleave."""
    for p in ("/a1", "/a2", "/b1", "/b2"):
        server.route(p, Reply(200, article()))
    rows = [("a1", server.url("/a1")), ("a2", server.url("/a2")),
            ("b1", server.url("/b1", host="localhost")), ("b2", server.url("/b2", host="localhost"))]
    collect(registry(tmp_path / "reg", rows), tmp_path / "out", progress=False, timeout=2.0)  # default delay
    spans = {}
    for host, x in (("127.0.0.1", "a"), ("localhost", "b")):
        hits = sorted((h for h in server.hits if h.host == host), key=lambda h: h.start)
        assert [h.path for h in hits] == ["/robots.txt", f"/{x}1", f"/{x}2"]
        gaps = [b.start - a.end for a, b in zip(hits, hits[1:])]
        assert min(gaps) >= 1.0 - 0.05, gaps
        spans[host] = (hits[0].start, hits[-1].start)
    (a0, a1), (b0, b1) = spans.values()
    assert b0 < a1 and a0 < b1  # each host's first request came before the other's last


def test_progress_bar_on_stderr(server, tmp_path, capsys):
    server.route("/one", Reply(200, article()))
    server.route("/two", Reply(200, article()))
    run(server, tmp_path, [("one", server.url("/one")), ("two", server.url("/two"))], progress=True)
    err = capsys.readouterr().err
    assert "collect:" in err and "2/2" in err and "page" in err


def test_requests_to_one_host_are_spaced_by_delay(server, tmp_path):
    server.route("/one", Reply(200, article()))
    server.route("/two", Reply(200, article()))
    run(server, tmp_path, [("one", server.url("/one")), ("two", server.url("/two"))], delay=0.3)
    hits = sorted(server.hits, key=lambda h: h.start)
    assert [h.path for h in hits] == ["/robots.txt", "/one", "/two"]
    gaps = [b.start - a.end for a, b in zip(hits, hits[1:])]
    assert min(gaps) >= 0.3, gaps


def test_robots_crawl_delay_is_honoured(server, tmp_path):
    server.route("/robots.txt", Reply(200, b"User-agent: *\nCrawl-delay: 1\n", content_type="text/plain"))
    server.route("/one", Reply(200, article()))
    server.route("/two", Reply(200, article()))
    run(server, tmp_path, [("one", server.url("/one")), ("two", server.url("/two"))], delay=0.0)
    (one,), (two,) = server.hits_for("/one"), server.hits_for("/two")
    assert two.start - one.end >= 1.0


@pytest.mark.parametrize("workers, overlap", [(2, True), (1, False)])
def test_different_hosts_are_fetched_concurrently(server, tmp_path, workers, overlap):
    server.route("/slow-a", Reply(200, article(), sleep=0.4))
    server.route("/slow-b", Reply(200, article(), sleep=0.4))
    rows = [("a", server.url("/slow-a", host="127.0.0.1")), ("b", server.url("/slow-b", host="localhost"))]
    log = run(server, tmp_path, rows, workers=workers)
    assert (log["status"] == "ok").all()
    (a,), (b,) = server.hits_for("/slow-a"), server.hits_for("/slow-b")
    assert (a.host, b.host) == ("127.0.0.1", "localhost")
    both_in_flight = max(a.start, b.start) < min(a.end, b.end)
    assert both_in_flight is overlap


def test_domain_key():
    assert domain_key("tekno.kompas.com") == domain_key("www.kompas.com") == "kompas.com"
    assert domain_key("inet.detik.co.id") == "detik.co.id"
    assert domain_key("www.antaranews.com") == "antaranews.com"
    assert domain_key("127.0.0.1") != domain_key("localhost")


# -- resuming, offline replay, the seed archive ---------------------------------------------


def test_rerun_fetches_only_what_is_missing(server, tmp_path):
    server.route("/fine", Reply(200, article()))
    server.route("/broken", Reply(500, b"synthetic outage"))
    rows = [("fine", server.url("/fine")), ("broken", server.url("/broken"))]
    first = run(server, tmp_path, rows, retries=0)
    assert first["status"].tolist() == ["ok", "failed"]
    server.route("/broken", Reply(200, article("Synthetic page back up")))
    n = len(server.hits)
    second = run(server, tmp_path, rows, retries=0)
    assert second["status"].tolist() == ["ok", "ok"]
    assert second.loc["fine", "attempts"] == 0 and second.loc["fine", "fetched_at"] == first.loc["fine", "fetched_at"]
    assert [h.path for h in server.hits[n:] if h.path != "/robots.txt"] == ["/broken"]


def _mixed_corpus(server: LocalServer) -> list[tuple[str, str]]:
    server.route("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    server.route("/ok", Reply(200, article()))
    server.route("/gone", Reply(404, b""))
    server.route("/gone-nocap", Reply(404, b""))
    server.route("/walled", Reply(200, CONSENT_WALL))
    server.route("/flaky", Reply(500, b""), Reply(200, article()))
    server.route("/private/p", Reply(200, article()))
    server.route("/doc.pdf", Reply(200, b"%PDF synthetic", content_type="application/pdf"))
    wayback(server, {server.url("/gone"): ("20200504000000", article("Synthetic capture A")),
                     server.url("/walled"): ("20200503000000", article("Synthetic capture B"))})
    return [(p.strip("/").replace("/", "_").replace(".", "_") or "root", server.url(p))
            for p in ("/ok", "/gone", "/gone-nocap", "/walled", "/flaky", "/private/p", "/doc.pdf")]


def test_offline_replays_the_archive_without_the_network(tmp_path, monkeypatch):
    server = LocalServer().start()
    rows = _mixed_corpus(server)
    online = run(server, tmp_path, rows)
    server.stop()
    assert online["status"].tolist() == ["ok", "ok", "failed", "ok", "ok", "failed", "failed"]

    def no_network(*args, **kwargs):
        raise AssertionError("offline run opened a connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    offline = collect(tmp_path / "reg" / "sources.csv", tmp_path / "out", offline=True, progress=False).set_index("id")
    assert offline["status"].tolist() == online["status"].tolist()
    assert offline["via"].tolist() == online["via"].tolist()
    # archived checks re-applied: the 404 and the consent wall report why the capture was used
    for sid in ("gone", "walled"):
        assert offline.loc[sid, "reason"] == online.loc[sid, "reason"]
    assert offline.loc["gone-nocap", "reason"] == "live page HTTP 404 (gone); no usable Wayback capture (none in the archive)"
    assert offline.loc["doc_pdf", "reason"] == "not HTML (content type application/pdf)"
    assert offline.loc["private_p", "reason"] == "not in archive (offline run)"
    assert (offline["attempts"] == 0).all()
    # a fresh folder has nothing to replay
    empty = collect(tmp_path / "reg" / "sources.csv", tmp_path / "fresh", offline=True, progress=False)
    assert set(empty["reason"]) == {"not in archive (offline run)"}


def test_seed_archive_is_read_only_and_copied_into_dir(server, tmp_path):
    rows = _mixed_corpus(server)
    online = run(server, tmp_path, rows, out=tmp_path / "first")
    # ship the archive beside a registry, as data/demo/ does
    shipped = tmp_path / "shipped"
    reg = registry(shipped, rows)
    (shipped / "raw").mkdir()
    for f in (tmp_path / "first" / "raw").glob("*.warc.gz"):
        (shipped / "raw" / "seed-source.warc.gz").write_bytes(f.read_bytes())
    before = {p.name: p.read_bytes() for p in (shipped / "raw").iterdir()}
    server.stop()  # from here on nothing answers: the run below must use the seed alone

    log = collect(reg, tmp_path / "run", offline=True, progress=False).set_index("id")
    assert log["status"].tolist() == online["status"].tolist()
    assert {p.name: p.read_bytes() for p in (shipped / "raw").iterdir()} == before
    copied = archive.read_responses(tmp_path / "run" / "raw")
    assert sorted(copied) == ["doc_pdf", "flaky", "gone", "gone-nocap", "ok", "walled"]
    assert [p.name for p in (tmp_path / "run" / "raw").iterdir()] == ["seed.warc.gz"]
    # a second offline run uses the copies in DIR and writes nothing new
    size = (tmp_path / "run" / "raw" / "seed.warc.gz").stat().st_size
    again = collect(reg, tmp_path / "run", offline=True, progress=False)
    assert (tmp_path / "run" / "raw" / "seed.warc.gz").stat().st_size == size
    assert again.drop(columns="time").equals(log.reset_index().drop(columns="time"))


def test_every_response_is_archived_with_its_source_id_and_fetch_time(server, tmp_path):
    rows = _mixed_corpus(server)
    run(server, tmp_path, rows)
    recs = records(tmp_path / "out", robots=True)
    # one record per answer the server sent (robots.txt, retries, CDX lookups, captures included)
    assert len(recs) == len(server.hits)
    known = {sid for sid, _ in rows}
    assert all(r.source_id in known for r in recs)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", r.fetched_at) for r in recs)
    assert {r.via for r in recs} == {"live", "wayback"}


def test_offline_replay_gives_the_same_articles_table_byte_for_byte(tmp_path, monkeypatch):
    import warnings

    from coverage.config import RunPaths
    from coverage.extract import extract_run

    server = LocalServer().start()
    rows = _mixed_corpus(server)
    server.route("/id-page", Reply(200, gzip.compress(news_page("Judul rekaan", BODY_ID, banner="onetrust"), mtime=0),
                                   headers=[("Content-Encoding", "gzip")], chunked=True))
    server.route("/en-page", Reply(200, news_page("Synthetic title", BODY_EN, lang="en"),
                                   content_type="text/html; charset=ISO-8859-1"))
    rows += [("id-page", server.url("/id-page")), ("en-page", server.url("/en-page"))]
    live, replay = RunPaths(tmp_path / "live"), RunPaths(tmp_path / "replay")
    run(server, tmp_path, rows, out=live.out)
    server.stop()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extract_run(live.out)
        shutil.copytree(live.raw, replay.raw)  # the archive alone, in a fresh folder

        def no_network(*args, **kwargs):
            raise AssertionError("offline run opened a connection")

        monkeypatch.setattr(socket.socket, "connect", no_network)
        collect(tmp_path / "reg" / "sources.csv", replay.out, offline=True, progress=False)
        extract_run(replay.out)
    assert len(pd.read_csv(live.articles_csv)) == 6  # ok, gone, walled, flaky + the two pages
    assert replay.articles_csv.read_bytes() == live.articles_csv.read_bytes()
    assert replay.articles_parquet.read_bytes() == live.articles_parquet.read_bytes()
    a, b = (pd.read_csv(p.fetch_log).drop(columns=["time", "attempts"]).set_index("id") for p in (live, replay))
    assert a.index.equals(b.index) and a["status"].equals(b["status"])
    ok = a.index[a["status"] == "ok"]
    assert a.loc[ok].equals(b.loc[ok])  # same response (status, URL, via, bytes, fetch time) and reason
    # a page robots.txt kept us from is not in the archive: the replay says so
    assert (a.loc["private_p", "reason"], b.loc["private_p", "reason"]) == (
        "disallowed by robots.txt (127.0.0.1)", "not in archive (offline run)")


def _slow_registry(server: LocalServer, tmp_path: Path, n: int = 8) -> Path:
    for i in range(n):
        server.route(f"/slow/{i}", Reply(200, article(f"Synthetic slow page {i}"), sleep=0.3))
    return registry(tmp_path / "reg", [(f"p{i}", server.url(f"/slow/{i}")) for i in range(n)])


def _start_cli(reg: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "coverage", "collect", "--sources", str(reg), "--out", str(out),
                             "--delay", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_pages(server: LocalServer, k: int, proc: subprocess.Popen, limit: float = 30.0) -> None:
    t0 = time.monotonic()
    while sum(h.path.startswith("/slow/") and h.end > 0 for h in list(server.hits)) < k:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() - t0 < limit, "the collector did not start fetching"
        time.sleep(0.02)


def test_killed_run_resumes_without_refetching(server, tmp_path):
    reg, out = _slow_registry(server, tmp_path), tmp_path / "out"
    proc = _start_cli(reg, out)
    _wait_for_pages(server, 3, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    served_before = len(server.hits)
    done = archive.read_responses(out / "raw")  # readable (a cut last record only warns)
    assert 2 <= len(done) < 8
    archived_paths = {r.url.split(str(server.port))[1] for r in done.values()}

    log = collect(reg, out, delay=0.0, progress=False).set_index("id")
    assert (log["status"] == "ok").all()
    refetched = {h.path for h in server.hits[served_before:]}
    assert not refetched & archived_paths
    assert (log.loc[sorted(done), "attempts"] == 0).all()


def test_interrupted_run_writes_the_fetch_log(server, tmp_path):
    reg, out = _slow_registry(server, tmp_path), tmp_path / "out"
    proc = _start_cli(reg, out)
    # three pages served, so at least two have surely been handled by the client on a slow machine
    _wait_for_pages(server, 3, proc)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    log = pd.read_csv(out / "fetch_log.csv")
    assert log["id"].tolist() == [f"p{i}" for i in range(8)]
    ok = set(log.loc[log["status"] == "ok", "id"])
    assert len(ok) >= 2 and ok <= set(archive.read_responses(out / "raw"))  # nothing logged that was not kept
    assert set(log.loc[log["status"] == "failed", "reason"]) == {"not fetched (run interrupted)"}


# -- page heuristics (synthetic pages shaped like real ones) ---------------------------------

ARTICLE_EN = [
    "Synthetic paragraph: a phone maker's browsers were said to send browsing data to remote servers, "
    "even in a private mode, according to two invented security researchers quoted in this test.",
    "The company answered that the data was aggregated, anonymised and collected with consent, and that "
    "its privacy practices followed local law; this sentence is written for the test as well.",
    "A later update added a switch for data collection in private mode, the fictional statement said, "
    "while the researchers were not convinced by the answer in this synthetic paragraph.",
    "Privacy advocates in this invented story asked regulators to look into the practice and asked users "
    "to check their settings, which is the last synthetic paragraph of the fixture page.",
]
ARTICLE_ID = [
    "Paragraf sintetis: peramban ponsel disebut mengirim data penelusuran ke server jarak jauh, bahkan "
    "dalam mode penyamaran, menurut dua peneliti keamanan rekaan yang dikutip dalam uji ini.",
    "Perusahaan menjawab bahwa data itu dikumpulkan secara agregat, anonim dan dengan persetujuan pengguna, "
    "serta mengikuti hukum setempat, kata pernyataan rekaan yang ditulis untuk uji ini.",
    "Pembaruan berikutnya menambahkan tombol untuk mematikan pengumpulan data di mode penyamaran, "
    "sementara para peneliti belum puas dengan jawaban itu dalam paragraf sintetis ini.",
    "Pengguna diminta memeriksa pengaturan privasi di ponsel masing-masing, demikian paragraf terakhir "
    "dari halaman uji sintetis yang ditulis oleh tim peneliti ini.",
]


def test_article_under_a_consent_banner_is_not_a_wall():
    banner = ("<div id='onetrust-consent-sdk'><div id='onetrust-banner-sdk'><p>We value your privacy. "
              "We and our partners use cookies to personalise content and ads.</p>"
              "<button>Accept all cookies</button></div></div>")
    html = page("Synthetic article", ARTICLE_EN, extra_head="<script src='https://cdn.cookielaw.org/x.js'></script>",
                extra_body=banner)
    assert not looks_like_consent_wall(html) and not looks_like_stub(html)
    banner_id = ("<div class='cookie-notice'><p>Situs ini menggunakan cookie untuk pengalaman terbaik. "
                 "Kami menghargai privasi Anda.</p><button>Setuju</button></div>")
    html_id = page("Artikel sintetis", ARTICLE_ID, extra_body=banner_id)
    assert not looks_like_consent_wall(html_id) and not looks_like_stub(html_id)


def test_consent_walls_are_recognised():
    assert looks_like_consent_wall(CONSENT_WALL)
    quantcast = (b"<html><body><div id='qc-cmp2-container'><div class='qc-cmp2-summary'>"
                 b"<p>We value your privacy</p><p>We and our partners store and/or access information on a device."
                 b"</p></div></div><div class='headline'>Synthetic headline only</div></body></html>")
    assert looks_like_consent_wall(quantcast)
    indonesian = page("Persetujuan", [
        "Kami menghargai privasi Anda. Kami dan mitra kami menggunakan cookie untuk menyimpan dan mengakses "
        "informasi di perangkat Anda (teks sintetis)."], extra_body="<button>Terima semua cookie</button>")
    assert looks_like_consent_wall(indonesian)
    # a short page with no consent marker is a stub, not a wall
    assert not looks_like_consent_wall(page("Not found", ["Halaman tidak ditemukan."]))


def test_stubs_are_recognised():
    assert looks_like_stub(b"<html><body><div id='root'></div><script>app()</script></body></html>")
    assert looks_like_stub(page("Synthetic teaser", ["Only one short synthetic teaser sentence of this page."]))
    nav = "<nav>" + " ".join(f"<a href='/s{i}'>Synthetic section {i} link text</a>" for i in range(40)) + "</nav>"
    assert looks_like_stub(page("Synthetic", ["A short synthetic line here."], extra_body=nav))
    assert not looks_like_stub(page("Synthetic", ARTICLE_ID))
    # text held in <br>-separated blocks (no <p>) still counts
    br = "<div class='txt'>" + "<br><br>".join(ARTICLE_ID) + "</div>"
    assert not looks_like_stub(f"<html><body>{br}</body></html>".encode())


def test_article_nested_in_chrome_by_unclosed_tags_is_still_an_article():
    # an unclosed <li>/<nav>/<header> makes the parser nest the article inside the menu, as on
    # several real pages; the menu region holds the article, so it is not chrome
    body = "".join(f"<p>{p}</p>" for p in ARTICLE_EN)
    html = ("<html><body><header class='site'><nav><ul><li><a href='/'>Home</a><div class='sub'>"
            f"<article>{body}</article></body></html>").encode()
    t = page_text(html)
    assert t.article_words == sum(len(re.findall(r"\w+", p)) for p in ARTICLE_EN) > 100
    assert not looks_like_stub(html)
    # a real menu stays chrome: its link texts are not article text
    nav = "<nav>" + "".join(f"<p><a href='/{i}'>Synthetic menu entry number {i} with eight words</a></p>"
                            for i in range(3)) + "</nav>"
    assert page_text(page("Synthetic", ARTICLE_ID[:1], extra_body=nav)).article_words == len(
        re.findall(r"\w+", ARTICLE_ID[0]))


def test_consent_words_on_page_wrappers_do_not_make_a_wall():
    html = page("Synthetic", ARTICLE_EN[:2], extra_head="<script src='https://consent.cookiebot.com/uc.js'></script>")
    html = html.replace(b"<body>", b"<body class='cookie-consent-active gdpr-banner-shown'>")
    assert b"cookie-consent-active" in html
    t = page_text(html)
    assert (t.dialog_words, t.consent_wall) == (0, False)
    assert t.article_words == sum(len(re.findall(r"\w+", p)) for p in ARTICLE_EN[:2])


def test_page_inside_noscript_counts():
    html = ("<html><body><noscript><div class='page'>" + "".join(f"<p>{p}</p>" for p in ARTICLE_ID)
            + "</div></noscript><script>app()</script></body></html>").encode()
    assert not looks_like_stub(html)
