"""The source registry: validation messages a researcher can act on, and the real registry.

Every failure case writes a tiny CSV into tmp_path and checks that the StudyError names the
file, the CSV line (header = line 1), the bad value and the fix.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from coverage.config import SOURCES
from coverage.errors import StudyError
from coverage.sources import (
    COLUMNS,
    group_for_country,
    load_sources,
    normalise_url,
    registry_sha256,
)

HEADER = "id,url,outlet,country,language,published"
GOOD = "id_kompas_0504,https://tekno.kompas.example/read/1,Kompas,ID,id,2020-05-04"


def write(tmp_path: Path, *lines: str, name: str = "sources.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def problems(path: Path) -> str:
    with pytest.raises(StudyError) as info:
        load_sources(path)
    return str(info.value)


# -- a valid file --------------------------------------------------------------------------


def test_valid_file_gives_all_columns_as_str_in_file_order(tmp_path):
    path = write(
        tmp_path,
        HEADER + ",kind,domain",
        GOOD + ",news,tekno.kompas.example",
        "us_forbes_0430,https://www.forbes.example/x,Forbes,US,en,,news,forbes.example",
    )
    df = load_sources(path)
    assert list(df.columns) == list(COLUMNS)  # the extra 'domain' column is dropped
    assert df["id"].tolist() == ["id_kompas_0504", "us_forbes_0430"]
    assert df["published"].tolist() == ["2020-05-04", ""]  # empty = unknown, allowed
    assert df["notes"].tolist() == ["", ""]  # optional column missing -> ""
    assert all(isinstance(v, str) for v in df.to_numpy().ravel())


def test_group_is_derived_from_country_unless_given(tmp_path):
    path = write(
        tmp_path,
        HEADER + ",group",
        GOOD + ",",
        "us_forbes_0430,https://www.forbes.example/x,Forbes,US,en,2020-04-30,",
        "xx_copy_0507,https://copy.example/x,copy site,,id,2020-05-07,indonesia",
        "sg_site_0501,https://sg.example/x,SG site,SG,en,2020-05-01,international",
    )
    assert load_sources(path)["group"].tolist() == ["indonesia", "international", "indonesia", "international"]


def test_group_for_country():
    assert group_for_country("ID") == "indonesia"
    assert group_for_country(" id ") == "indonesia"
    assert group_for_country("US") == "international"
    assert group_for_country("GB") == "international"
    with pytest.raises(ValueError):
        group_for_country("")


def test_header_names_are_matched_loosely_and_a_bom_is_fine(tmp_path):
    path = tmp_path / "sources.csv"
    path.write_bytes(("\ufeff ID , URL ,outlet,country,language,published\n" + GOOD + "\n").encode("utf-8"))
    assert load_sources(path)["id"].tolist() == ["id_kompas_0504"]


def test_relative_paths_are_taken_from_the_project_root_not_the_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert len(load_sources("data/sources.csv")) == len(load_sources(SOURCES))


def test_reserved_example_and_loopback_hosts_are_accepted(tmp_path):
    path = write(
        tmp_path,
        HEADER,
        "a,https://news.example/a,A,ID,id,",
        "b,http://127.0.0.1:8765/b.html,B,ID,id,",
        "c,http://localhost:8000/c,C,US,en,",
    )
    assert len(load_sources(path)) == 3


def test_a_harness_style_registry_loads_as_written(tmp_path):
    """What an outside check may hand us: CRLF line ends, dashed ids, local URLs with ports
    and query strings, a quoted outlet with a comma, optional and unknown columns."""
    path = tmp_path / "real.csv"
    path.write_bytes((
        "id,url,outlet,country,language,published,group,notes,expected_file,title\r\n"
        "real-001,http://127.0.0.1:41234/read/2020/05/02/xiaomi?page=2&src=rss,\"Kompas.com, Tekno\",ID,id,"
        "2020-05-02,,page 2,real-001.txt,Judul\r\n"
        "real-002,http://127.0.0.1:41234/News.aspx?NewsID=736246,SETN,TW,zh,,international,,x.txt,\r\n"
    ).encode("utf-8"))
    df = load_sources(path)
    assert list(df.columns) == list(COLUMNS)  # unknown columns are dropped, not refused
    assert df["id"].tolist() == ["real-001", "real-002"]
    assert df["url"].tolist() == ["http://127.0.0.1:41234/read/2020/05/02/xiaomi?page=2&src=rss",
                                  "http://127.0.0.1:41234/News.aspx?NewsID=736246"]  # kept exactly
    assert df["outlet"].tolist() == ["Kompas.com, Tekno", "SETN"]
    assert df["group"].tolist() == ["indonesia", "international"]
    assert df["notes"].tolist() == ["page 2", ""]


# -- the file itself -----------------------------------------------------------------------


def test_missing_file(tmp_path):
    msg = problems(tmp_path / "nope.csv")
    assert str(tmp_path / "nope.csv") in msg
    assert "no such file" in msg


def test_empty_file(tmp_path):
    path = tmp_path / "sources.csv"
    path.write_text("", encoding="utf-8")
    msg = problems(path)
    assert str(path) in msg and "empty" in msg
    assert "id,url,outlet,country,language,published" in msg  # the fix: the header to write


def test_header_without_rows(tmp_path):
    msg = problems(write(tmp_path, HEADER))
    assert "no sources after the header" in msg


def test_missing_required_columns_are_named(tmp_path):
    msg = problems(write(tmp_path, "id,url,outlet,country", "a,https://a.example/,A,ID"))
    assert f"{tmp_path / 'sources.csv'}, line 1:" in msg
    assert "language, published" in msg
    assert "found: id,url,outlet,country" in msg


def test_not_utf8(tmp_path):
    path = tmp_path / "sources.csv"
    path.write_bytes((HEADER + "\n").encode() + "a,https://a.example/,Caf\xe9,ID,id,\n".encode("latin-1"))
    msg = problems(path)
    assert "line 2" in msg and "not UTF-8" in msg and "CSV UTF-8" in msg


# -- one field at a time -------------------------------------------------------------------


def test_bad_date_format_names_file_line_value_and_fix(tmp_path):
    path = write(tmp_path, HEADER, GOOD, "b,https://b.example/,B,ID,id,2020-5-2")
    msg = problems(path)
    assert msg.splitlines()[0] == f"{path}: 1 problem in the source registry; fix it and load again:"
    assert f"{path}, line 3: published '2020-5-2' is not a date; write YYYY-MM-DD, e.g. 2020-05-02" in msg


def test_impossible_date(tmp_path):
    msg = problems(write(tmp_path, HEADER, "b,https://b.example/,B,ID,id,2020-02-30"))
    assert "line 2: published '2020-02-30' is not a real calendar date" in msg


def test_day_first_date_gets_the_generic_fix(tmp_path):
    msg = problems(write(tmp_path, HEADER, "b,https://b.example/,B,ID,id,02/05/2020"))
    assert "published '02/05/2020' is not a date; write YYYY-MM-DD" in msg


@pytest.mark.parametrize(
    ("country", "fix"),
    [
        ("id", "write ID"),
        ("UK", "write GB"),
        ("XX", "write the ISO 3166-1 alpha-2 code in upper case, e.g. ID, US, GB"),
        ("Indonesia", "write the ISO 3166-1 alpha-2 code in upper case, e.g. ID, US, GB"),
    ],
)
def test_bad_country(tmp_path, country, fix):
    msg = problems(write(tmp_path, HEADER, f"b,https://b.example/,B,{country},id,"))
    assert f"line 2: country '{country}' is not an ISO 3166-1 alpha-2 code; {fix}" in msg


def test_empty_country_needs_a_group(tmp_path):
    msg = problems(write(tmp_path, HEADER, "b,https://b.example/,B,,id,"))
    assert "line 2: country is empty and no group is given" in msg
    assert "indonesia or international" in msg


@pytest.mark.parametrize(
    ("language", "fix"),
    [
        ("IN", "write id"),
        ("ind", "write id"),
        ("EN", "write en"),
        ("eng", "write en"),
        ("xx", "write the ISO 639-1 code in lower case, e.g. id, en, de"),
    ],
)
def test_bad_language(tmp_path, language, fix):
    msg = problems(write(tmp_path, HEADER, f"b,https://b.example/,B,ID,{language},"))
    assert f"line 2: language '{language}' is not an ISO 639-1 code; {fix}" in msg


def test_empty_language(tmp_path):
    assert "line 2: language is empty" in problems(write(tmp_path, HEADER, "b,https://b.example/,B,ID,,"))


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("ftp://b.example/x", "is not an http(s) address"),
        ("www.kompas.com/read/1", "is not an http(s) address"),
        ("https:///read/1", "has no host"),
        ("https://bad_host!/x", "has an invalid host"),
        ("https://b.example:99999/x", "has a bad port number"),
        ("https://b.example/a b", "contains a space"),
    ],
)
def test_bad_url(tmp_path, url, said):
    msg = problems(write(tmp_path, HEADER, f"b,{url},B,ID,id,"))
    assert f"line 2: url '{url}' {said}" in msg


def test_empty_url(tmp_path):
    assert "line 2: url is empty" in problems(write(tmp_path, HEADER, "b,,B,ID,id,"))


@pytest.mark.parametrize(("rid", "fix"), [("id kompas 0504", "id_kompas_0504"), ("a/b", "a_b")])
def test_bad_id(tmp_path, rid, fix):
    msg = problems(write(tmp_path, HEADER, f"{rid},https://b.example/,B,ID,id,"))
    assert f"line 2: id '{rid}' has characters other than letters, digits, _ . -; write e.g. {fix}" in msg


def test_empty_id_and_outlet(tmp_path):
    msg = problems(write(tmp_path, HEADER, ",https://b.example/,,ID,id,"))
    assert "line 2: id is empty" in msg
    assert "line 2: outlet is empty" in msg


def test_bad_group_and_kind(tmp_path):
    msg = problems(
        write(tmp_path, HEADER + ",group,kind", "b,https://b.example/,B,ID,id,,Indonesia,Press release")
    )
    assert "line 2: group 'Indonesia' is not a study group; write indonesia" in msg
    assert "line 2: kind 'Press release' is not a known kind; write press-release" in msg


def test_row_with_wrong_number_of_fields(tmp_path):
    msg = problems(write(tmp_path, HEADER, GOOD, "b,https://b.example/,Kompas, Tekno,ID,id,"))
    assert "line 3: the row has 7 fields but the header has 6" in msg
    assert "double quotes" in msg


def test_unclosed_quote_is_reported_at_the_line_where_it_opens(tmp_path):
    msg = problems(write(tmp_path, HEADER + ",notes", GOOD + ",ok", 'b,https://b.example/,B,ID,id,,"open', GOOD))
    assert "line 3: the row cannot be read as CSV" in msg
    assert "close every opened quote" in msg


def test_stray_quote_inside_a_value(tmp_path):
    msg = problems(write(tmp_path, HEADER, GOOD, 'b,https://b.example/,"Kompas" Tekno,ID,id,'))
    assert "line 3: the row cannot be read as CSV" in msg


# -- duplicates ------------------------------------------------------------------------------


def test_duplicate_id_names_both_lines(tmp_path):
    msg = problems(
        write(tmp_path, HEADER, GOOD, "x,https://c.example/,C,ID,id,", "id_kompas_0504,https://d.example/,D,ID,id,")
    )
    assert "line 4: id 'id_kompas_0504' is already used on line 2" in msg


def test_duplicate_url_after_normalising_names_both_lines(tmp_path):
    msg = problems(
        write(
            tmp_path,
            HEADER,
            "a,https://News.Example/read/1/?utm_source=tw&fbclid=abc#top,A,ID,id,",
            "b,https://other.example/,B,ID,id,",
            "c,https://news.example/read/1,C,ID,id,",
        )
    )
    assert "line 4: url 'https://news.example/read/1' is the same address as" in msg
    assert "on line 2" in msg
    assert "remove one of the two rows" in msg


def test_normalise_url():
    assert (
        normalise_url("HTTPS://Tekno.Kompas.com:443/read/1/?utm_medium=x&page=2#a")
        == "https://tekno.kompas.com/read/1?page=2"
    )
    assert normalise_url("https://a.example/x?amp&id=3&fbclid=z") == "https://a.example/x?id=3"
    assert normalise_url("http://127.0.0.1:8765/x/") == "http://127.0.0.1:8765/x"
    # different pages of a paginated article stay different addresses
    assert normalise_url("https://a.example/x?page=2") != normalise_url("https://a.example/x?page=3")


# -- reporting -------------------------------------------------------------------------------


def test_all_problems_are_reported_together_with_a_count(tmp_path):
    path = write(
        tmp_path,
        HEADER,
        "a 1,ftp://a.example/,A,id,IN,2020-5-2",  # 5 problems on line 2
        GOOD,
        "c,https://c.example/,C,UK,en,2020-13-01",  # 2 problems on line 4
    )
    lines = problems(path).splitlines()
    assert lines[0] == f"{path}: 7 problems in the source registry; fix them and load again:"
    assert len(lines) == 8
    assert [ln.split(":")[0].strip() for ln in lines[1:]] == [f"{path}, line 2"] * 5 + [f"{path}, line 4"] * 2


def test_line_numbers_count_quoted_multiline_fields(tmp_path):
    path = write(
        tmp_path,
        HEADER + ",notes",
        GOOD + ',"a note\nover three\nlines"',  # record on lines 2-4
        "b,https://b.example/,B,ID,id,2020-5-9,",  # line 5
    )
    assert f"{path}, line 5: published '2020-5-9'" in problems(path)


def test_a_line_break_inside_a_bad_value_stays_on_one_message_line(tmp_path):
    path = write(tmp_path, HEADER, 'a,"https://a.example/x\ny",A,ID,id,')
    msg = problems(path)
    assert len(msg.splitlines()) == 2
    assert "url 'https://a.example/x\\ny' contains a space or line break" in msg


# -- checksum --------------------------------------------------------------------------------


def test_registry_sha256(tmp_path):
    path = write(tmp_path, HEADER, GOOD)
    assert registry_sha256(path) == hashlib.sha256(path.read_bytes()).hexdigest()
    before = registry_sha256(path)
    path.write_text(path.read_text() + "\n", encoding="utf-8")
    assert registry_sha256(path) != before
    with pytest.raises(StudyError, match="no such file"):
        registry_sha256(tmp_path / "missing.csv")


# -- the real registry -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def registry():
    return load_sources(SOURCES)


def test_real_registry_size_and_balance(registry):
    assert len(registry) >= 60
    counts = registry["group"].value_counts()
    assert counts["indonesia"] >= 25
    assert counts["international"] >= 25
    intl_en = registry[(registry["group"] == "international") & (registry["language"] == "en")]
    assert len(intl_en) >= 25
    indonesian_outlets = registry[(registry["country"] == "ID") & (registry["language"] == "id")]
    assert len(indonesian_outlets) >= 25
    indo = registry[registry["group"] == "indonesia"]
    assert (indo["language"] == "id").all()
    assert ((indo["country"] == "ID") | (indo["country"] == "")).all()


def test_real_registry_ids_and_urls_are_unique(registry):
    assert registry["id"].is_unique
    assert registry["url"].map(normalise_url).is_unique


def test_real_registry_dates_lie_in_the_study_period(registry):
    given = registry.loc[registry["published"] != "", "published"]
    assert len(given) > 0
    assert given.min() >= "2020-04-29"
    assert given.max() <= "2020-06-30"


def test_real_registry_holds_the_story_anchors(registry):
    urls = set(registry["url"])
    assert (
        "https://www.forbes.com/sites/thomasbrewster/2020/04/30/exclusive-warning-over-chinese-mobile-giant-"
        "xiaomi-recording-millions-of-peoples-private-web-and-phone-use/" in urls
    )
    assert registry.loc[registry["kind"] == "press-release", "outlet"].tolist() == ["Xiaomi official blog"]
    # rows the curation dropped (out of period, listing pages, spam) stay out
    assert not set(registry["id"]) & {"us_androidauthority_2023", "xx_moymarket_2023", "id_nagacyber_nd",
                                      "id_kecantikanata_0508", "xx_voicetechwiki_nd", "xx_thebulletintime_0719"}
