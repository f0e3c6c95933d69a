"""The synthetic demo corpus: registry, pages, seed archive and its special cases."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest

from coverage import config
from coverage.archive import iter_responses, read_responses
from coverage.demo import (RESPONSE_COLUMNS, SYNTHETIC_COMMENT, SYNTHETIC_LINES, WARC_NAME, build_archive,
                           load_responses)
from coverage.duplicates import assign_clusters, pair_scores
from coverage.errors import StudyError
from coverage.sources import load_sources

DEMO = config.DEMO
PAGES = DEMO / "pages"
SYNDICATED = {"id_kbnusa_0502", "id_kabarnusantara_0502", "id_portalgawai_0503"}
WRONG_CHARSET = "en_southernpost_0503"
CONSENT = "en_dailyledger_0501"
MISSING = "id_beritaterkini_0503"


@pytest.fixture(scope="module")
def registry() -> pd.DataFrame:
    return load_sources(config.DEMO_SOURCES)


@pytest.fixture(scope="module")
def archived() -> dict:
    return read_responses(DEMO / "raw")


def test_registry_validates_and_has_both_languages(registry, archived):
    assert list(registry.columns) == ["id", "url", "outlet", "country", "language", "published", "group",
                                      "kind", "notes"]
    articles = registry[registry["id"].map(lambda i: archived[i].status == 200)]
    counts = articles["language"].value_counts().to_dict()
    assert counts["id"] >= 9 and counts["en"] >= 9


def test_each_language_has_both_groups_so_keyness_can_compare_within_it(registry, archived):
    """Language and group are not confounded: English-language Indonesian outlets (country ID)
    and Indonesian-language services of international outlets (country not ID) exist, so the
    within-language keyness of notebook 04 has two sides in each language."""
    articles = registry[registry["id"].map(lambda i: archived[i].status == 200)]
    cells = articles.groupby(["language", "group"]).size().to_dict()
    assert cells[("en", "indonesia")] == 2 and cells[("id", "international")] == 2
    assert cells[("en", "international")] >= 9 and cells[("id", "indonesia")] >= 9
    assert (articles.loc[articles["group"] == "indonesia", "country"] == "ID").all()
    assert (articles.loc[articles["group"] == "international", "country"] != "ID").all()
    crossed = articles[(articles["language"] == "en") == (articles["group"] == "indonesia")]
    assert sorted(crossed["id"]) == ["en_jakartadaily_0502", "en_nusantaratimes_0506",
                                     "id_gnsindonesia_0507", "id_suaradunia_0501"]


def test_registry_is_synthetic_on_example_domains_within_the_window(registry):
    assert registry["notes"].str.startswith("synthetic").all()
    hosts = registry["url"].map(lambda u: urlsplit(u).hostname)
    assert hosts.str.endswith(".example").all()
    assert registry["published"].between("2020-04-30", "2020-05-20").all()


def test_every_page_is_marked_synthetic_in_comment_and_footer():
    pages = sorted(PAGES.glob("*.html"))
    assert len(pages) >= 28
    for p in pages:
        body = p.read_bytes()  # markers are ASCII, so this works whatever the page's charset
        assert SYNTHETIC_COMMENT.encode() in body, p.name
        assert any(line.encode() in body for line in SYNTHETIC_LINES), p.name
        footer = body[body.rindex(b"<footer"):] if b"<footer" in body else body[body.rindex(b'class="footer"'):]
        assert any(line.encode() in footer for line in SYNTHETIC_LINES), f"{p.name}: the visible line is not in the footer"


def test_language_of_the_footer_line_matches_the_page(registry):
    lang = dict(zip(registry["id"], registry["language"]))
    for r in load_responses(DEMO):
        body = (PAGES / r.file).read_bytes()
        want = SYNTHETIC_LINES[0] if lang[r.source_id] == "id" else SYNTHETIC_LINES[1]
        assert want.encode() in body, r.file


def test_responses_cover_every_page_and_source(registry):
    rows = load_responses(DEMO)
    assert {r.file for r in rows} == {p.name for p in PAGES.glob("*.html")}
    assert {r.source_id for r in rows} == set(registry["id"])
    header = (DEMO / "responses.csv").read_text(encoding="utf-8").splitlines()[0]
    assert tuple(header.split(",")) == RESPONSE_COLUMNS


def test_rebuilt_archive_is_identical_to_the_committed_one(tmp_path):
    demo = tmp_path / "demo"
    demo.mkdir()
    shutil.copytree(PAGES, demo / "pages")
    for name in ("sources.csv", "responses.csv"):
        shutil.copy(DEMO / name, demo / name)
    first = build_archive(demo)
    assert first == demo / "raw" / WARC_NAME
    data = first.read_bytes()
    second = build_archive(demo)  # replaces, never appends
    assert second.read_bytes() == data
    committed = DEMO / "raw" / WARC_NAME
    assert data == committed.read_bytes(), "data/demo/raw/demo.warc.gz is stale: run python -m coverage.demo"
    assert read_responses(demo / "raw") == read_responses(DEMO / "raw")
    assert len(data) < 200_000  # small enough to commit


def test_archive_serves_each_page_as_written(registry, archived):
    urls = dict(zip(registry["id"], registry["url"]))
    for r in load_responses(DEMO):
        recs = [a for a in iter_responses(DEMO / "raw") if a.source_id == r.source_id and a.via == r.via]
        assert len(recs) == 1
        a = recs[0]
        assert a.body == (PAGES / r.file).read_bytes()
        assert a.headers["content-type"] == r.content_type
        assert a.headers["content-length"] == str(len(a.body))
        assert a.requested_url == urls[r.source_id]
        assert a.fetched_at == r.fetched_at
    assert set(archived) == set(registry["id"])


def test_wrong_charset_page_is_not_valid_in_its_declared_charset(archived):
    resp = archived[WRONG_CHARSET]
    declared = re.search(r"charset=([\w-]+)", resp.headers["content-type"]).group(1)
    assert declared.lower() == "utf-8"
    assert b'<meta charset="utf-8">' in resp.body  # the page agrees with the header, wrongly
    with pytest.raises(UnicodeDecodeError):
        resp.body.decode(declared)
    text = resp.body.decode("cp1252")
    assert "Renée Lefèvre" in text and "“incognito”" in text and "Zoë" in text


def test_consent_wall_falls_back_to_a_wayback_capture(archived):
    recs = [a for a in iter_responses(DEMO / "raw") if a.source_id == CONSENT]
    live = [a for a in recs if a.via == "live"]
    assert len(live) == 1 and live[0].status == 200
    assert b"We value your privacy" in live[0].body and b"Xiaomi" not in live[0].body
    used = archived[CONSENT]
    assert used.via == "wayback"
    assert used.url.startswith("https://web.archive.org/web/20200501150312id_/https://dailyledger.example/")
    assert used.note == "live page is a consent wall"
    assert b"Gabi Cirlig" in used.body


def test_missing_page_is_a_404_without_capture(archived):
    recs = [a for a in iter_responses(DEMO / "raw") if a.source_id == MISSING]
    assert [(a.status, a.via) for a in recs] == [(404, "live")]
    assert archived[MISSING].status == 404


def test_one_registry_date_disagrees_with_its_page(registry, archived):
    row = registry.set_index("id").loc["en_marketpulse_0508"]
    assert row["published"] == "2020-05-07"
    assert b"May 8, 2020" in archived["en_marketpulse_0508"].body


def test_page_dates_are_written_as_outlets_write_them(registry, archived):
    lang = dict(zip(registry["id"], registry["language"]))
    for sid, resp in archived.items():
        if resp.status != 200:
            continue
        page = resp.body.decode("utf-8", "replace")
        if lang[sid] == "id":
            assert re.search(r"(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), 0?\d{1,2} Mei 2020", page), sid
        else:
            assert re.search(r"(April|May) \d{1,2}, 2020|\d{1,2} May 2020", page), sid


def test_no_quote_article_has_no_quotation_marks(archived):
    text = crude_text(archived["id_infoponsel_0506"].body)
    assert not re.search(r"[\"“”]", text)


def test_bad_responses_row_names_file_and_line(tmp_path):
    demo = tmp_path / "demo"
    shutil.copytree(PAGES, demo / "pages")
    shutil.copy(DEMO / "sources.csv", demo / "sources.csv")
    lines = (DEMO / "responses.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(".html", ".htm")
    (demo / "responses.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(StudyError, match=r"responses\.csv, line 4: page file .*\.htm' not found"):
        build_archive(demo)
    assert not (demo / "raw" / WARC_NAME).exists()


# -- near-duplicates on the demo ----------------------------------------------------------


def crude_text(body: bytes) -> str:
    """Text of the <p> elements outside header, nav, aside and footer: a crude extractor."""
    try:
        page = body.decode("utf-8")
    except UnicodeDecodeError:
        page = body.decode("cp1252")
    page = re.sub(r"(?is)<(script|style|header|nav|aside|footer)\b.*?</\1>", " ", page)
    paras = re.findall(r"(?is)<p\b[^>]*>(.*?)</p>", page)
    return "\n".join(html.unescape(re.sub(r"<[^>]+>", " ", p)).strip() for p in paras)


def _extractors():
    out = [pytest.param(crude_text, id="crude")]
    try:
        from coverage.extract import extract_html
    except ImportError:
        out.append(pytest.param(None, id="extract_html", marks=pytest.mark.skip("coverage.extract not available")))
    else:
        out.append(pytest.param(lambda body, url=None: extract_html(body, url or ""), id="extract_html"))
    return out


@pytest.mark.parametrize("extract", _extractors())
def test_syndicated_copies_cluster_and_nothing_else_does(archived, extract):
    rows = [(sid, extract(r.body) if extract is crude_text else extract(r.body, r.url))
            for sid, r in archived.items() if r.status == 200]
    df = pd.DataFrame(rows, columns=["id", "text"])
    df["cluster_id"] = assign_clusters(df)
    groups = df.groupby("cluster_id")["id"].apply(set)
    assert groups.loc["id_kabarnusantara_0502"] == SYNDICATED  # smallest id names the cluster
    others = groups.drop("id_kabarnusantara_0502")
    assert all(len(g) == 1 for g in others), others[others.map(len) > 1]
    # an article that repeats the wire's Xiaomi quote word for word still scores low
    s = pair_scores(df).set_index(["id_a", "id_b"])
    assert s.loc[("id_detakinfo_0502", "id_kbnusa_0502"), "containment"] < 0.2
    assert s.loc[("id_detakinfo_0502", "id_kbnusa_0502"), "shared_shingles"] >= 15


def test_wrong_charset_page_extracts_readably(archived):
    """What the page is for: an extractor that trusts the header, or guesses a wrong 8-bit
    code page (è -> č), garbles names; decoding must fall back to windows-1252."""
    extract = pytest.importorskip("coverage.extract").extract_html
    resp = archived[WRONG_CHARSET]
    text = extract(resp.body, resp.url, "en")
    assert "Renée Lefèvre" in text and "naïve" in text
    assert "\ufffd" not in text and "Ã" not in text
