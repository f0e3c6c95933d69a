"""Publication dates: Indonesian forms, URL forms, markup, and which source wins."""

from __future__ import annotations

import datetime as dt

import pytest

from coverage.dates import find_published, parse_indonesian_date, url_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sabtu, 2 Mei 2020 10:15 WIB", dt.date(2020, 5, 2)),
        ("02/05/2020, 10:15 WIB", dt.date(2020, 5, 2)),  # day first
        ("2 Mei 2020", dt.date(2020, 5, 2)),
        ("Senin 04 Mei 2020", dt.date(2020, 5, 4)),
        ("Kamis, 13 Agustus 2020 | 09:00 WITA", dt.date(2020, 8, 13)),
        ("17 Agt 2020", dt.date(2020, 8, 17)),
        ("17 Ags. 2020", dt.date(2020, 8, 17)),
        ("5 Okt 2020", dt.date(2020, 10, 5)),
        ("1 Des. 2020, 20:00", dt.date(2020, 12, 1)),
        ("Jum'at, 01-05-2020 13:00", dt.date(2020, 5, 1)),
        ("Diperbarui 3 Mei 2020, 08:00 WIB", dt.date(2020, 5, 3)),
        ("Kompas.com - 04/05/2020, 13:15 WIB", dt.date(2020, 5, 4)),
        ("2020-05-02T10:15:00+07:00", dt.date(2020, 5, 2)),
        ("May 1, 2020 6:00 PM UTC", dt.date(2020, 5, 1)),
        ("Published 02 May 2020", dt.date(2020, 5, 2)),
    ],
)
def test_indonesian_and_english_forms(text, expected):
    assert parse_indonesian_date(text) == expected


@pytest.mark.parametrize("text", ["", "tanpa tanggal", "31/02/2020", "10:15 WIB", "2 Mei", "Mei 2020", "13/13/2020"])
def test_no_date(text):
    assert parse_indonesian_date(text) is None


def test_first_date_in_the_string_wins():
    assert parse_indonesian_date("Sabtu, 2 Mei 2020 | Diperbarui 04/05/2020") == dt.date(2020, 5, 2)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://tekno.kompas.com/read/2020/05/04/13150067/ponsel-xiaomi", dt.date(2020, 5, 4)),
        ("https://suara.com/tekno/2020/05/02/122158/forbes-xiaomi", dt.date(2020, 5, 2)),
        ("https://teknologi.bisnis.com/read/20200502/280/1235463/dituduh", dt.date(2020, 5, 2)),
        ("https://riaupos.co/ekonomi-bisnis/03/05/2020/27702/xiaomi", dt.date(2020, 5, 3)),
        ("https://news.example/2020-05-01-xiaomi-browser", dt.date(2020, 5, 1)),
        ("https://mandalika.antaranews.com/berita/1459233/xiaomi-bantah", None),
        ("https://www.pikiran-rakyat.com/teknologi/pr-01375189/xiaomi", None),
        ("https://example.com/2020/05/", None),
        ("https://example.com/a?date=2020/05/02", None),  # query strings are not the path
    ],
)
def test_url_dates(url, expected):
    assert url_date(url) == expected


def _page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


ARTICLE = "<p>" + "Xiaomi membantah laporan Forbes tentang peramban. " * 8 + "</p>"


def test_url_date_comes_first():
    html = _page('<meta property="article:published_time" content="2020-05-09T10:00:00+07:00">', ARTICLE)
    assert find_published(html, "https://x.example/read/2020/05/02/1/a", "id") == "2020-05-02"


def test_markup_date():
    html = _page('<meta property="article:published_time" content="2020-05-09T10:00:00+07:00">', ARTICLE)
    assert find_published(html, "https://x.example/berita/1/a", "id") == "2020-05-09"


def test_json_ld_date():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-05-07"}</script>'
    assert find_published(_page(ld, ARTICLE), "https://x.example/berita/1/a", "id") == "2020-05-07"


def test_indonesian_byline_date_after_the_headline():
    # the site header prints today's date (the crawl date) before the headline: not used
    body = ('<div class="header-date">Senin, 30 November 2026</div>'
            '<h1>Xiaomi Bantah Tuduhan</h1><div class="read__time">Sabtu, 2 Mei 2020 10:15 WIB</div>' + ARTICLE)
    assert find_published(_page("", body), "https://x.example/berita/1/a", "id") == "2020-05-02"


def test_numeric_indonesian_date_in_the_text_after_the_headline():
    body = "<h1>Xiaomi Bantah Tuduhan</h1><p>TeknoPortal - 02/05/2020, 10:15 WIB</p>" + ARTICLE
    assert find_published(_page("", body), "https://x.example/berita/1/a", "id") == "2020-05-02"


def test_no_date_anywhere():
    assert find_published(_page("", "<h1>Judul</h1>" + ARTICLE), "https://x.example/berita/1/a", "id") == ""
    assert find_published("", "https://x.example/berita/1/a", "id") == ""


def test_a_url_like_string_is_not_fetched():
    # htmldate treats a URL-like string as an address to download; we never hand it one
    assert find_published("https://example.com/2020/05/02/", "", None) == ""


# A site header that prints today's date (the crawl date) before the headline, as portals do.
HEADER = '<header><span class="date">Senin, 30 November 2026</span></header>'


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("<span>Rabu 29 April 2020, 14:21 WIB</span>", "2020-04-29"),  # an unclassed byline element
        ("<span>1 Mei 2020 | 09:00 WIB</span>", "2020-05-01"),
        ("<p>Kompas.com - 02/05/2020, 10:15 WIB</p>", "2020-05-02"),
        ("<div class='namerep'>Sari Handayani , Jurnalis · Sabtu 02 Mei 2020 12:03 WIB</div>", "2020-05-02"),
    ],
)
def test_byline_after_the_headline_beats_the_header_date(byline, expected):
    # htmldate alone returns the header's 2026-11-30 for these pages
    body = HEADER + "<h1>Xiaomi Bantah Tuduhan</h1>" + byline + ARTICLE
    assert find_published(_page("", body), "https://x.example/berita/1/a", "id") == expected


def test_publication_stamp_wins_over_the_update_stamp():
    body = ("<h1>Xiaomi Bantah Tuduhan</h1><div class='date'>Diperbarui 04 Mei 2020, 08:00 WIB</div>"
            "<div class='date'>Diterbitkan 02 Mei 2020, 10:15 WIB</div>" + ARTICLE)
    assert find_published(_page("", body), "https://x.example/berita/1/a", "id") == "2020-05-02"


def test_json_ld_graph_date_published_not_date_modified():
    ld = ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "dateModified": "2020-06-01"},'
          '{"@type": "NewsArticle", "datePublished": "2020-05-02T10:15:00+07:00"}]}</script>')
    assert find_published(_page(ld, HEADER + "<h1>Judul</h1>" + ARTICLE), "https://x.example/berita/1/a", "id") == "2020-05-02"
